/**
 * Whatever the text and the changes, report.html's input column shows each input
 * line exactly (no character lost, doubled or reordered by the highlighting),
 * and every change and flag has its element.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitLines } from '../src/core/tracked-text.js';
import type { Flag } from '../src/core/types.js';
import { fixText, LineIndex } from '../src/index.js';
import { batchHtml } from '../src/report/html.js';

const PIECES = ['ب', 'ـ', 'ا', 'ل', 'ﻟ', 'ﺎ', '\u064e', ' ', '\n', '\r\n', '\u202b', '\u202c', '\u200f', '\ue012', 'a', '<', '&', '😀', '\t'];

/** The text of an HTML fragment as the reader gets it, invisibles turned back into characters. */
function shownText(html: string): string {
  return html
    .replace(/<span class="inv" dir="ltr" title="U\+([0-9A-F]+)">[^<]*<\/span>/g, (_, hex) => `&#${parseInt(hex, 16)};`)
    .replace(/<span class="eol">↵<\/span>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)));
}

describe('report.html, for any text', () => {
  test('the input column reproduces every input line; every change and flag is drawn', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 3 }), (parts, flagAt) => {
        const input = parts.join('');
        const result = fixText(input);
        const index = new LineIndex(input);
        // Flags at arbitrary places, points and ranges, to exercise nesting with changes.
        const flags: Flag[] = flagAt.map((n, k) => {
          const offset = input.length ? n % (input.length + 1) : 0;
          const endOffset = Math.min(input.length, offset + (k % 2 ? 0 : 2));
          const a = index.point(offset);
          const b = index.point(endOffset);
          return { rule: 'test', kind: 'k', line: a.line, column: a.column, endLine: b.line, endColumn: b.column, offset, endOffset, message: 'm', context: '' };
        });
        const html = batchHtml([{ path: 'p', input, result: { ...result, flags } }], 't');
        const rows = [...html.matchAll(/<tr id="file0-L(\d+)"[^>]*><td class="ln">\d+<\/td><td class="txt src">(.*?)<\/td>/g)];
        const lines = splitLines(input);
        for (const [, n, cell] of rows) expect(shownText(cell)).toBe(lines[Number(n) - 1].text);
        // Only a trailing empty line may be left out.
        expect(rows.length).toBeGreaterThanOrEqual(lines.length - 1);
        const changeIds = new Set([...html.matchAll(/data-change="(\d+)"/g)].map((m) => m[1]));
        expect(changeIds.size).toBe(result.changes.length);
        for (let k = 0; k < flags.length; k++) expect(html.match(new RegExp(`id="file0-flag${k}"`, 'g'))).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});
