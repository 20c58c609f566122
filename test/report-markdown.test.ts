import { describe, expect, test } from 'vitest';
import { batchMarkdown } from '../src/report/markdown.js';
import type { FileReport } from '../src/report/model.js';
import { richReport } from './reports-helpers.js';

/** Cells of a Markdown table row, honouring \| escapes. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

function section(md: string, path: string): string {
  const start = md.indexOf(`\n## ${path}\n`);
  expect(start, `section for ${path}`).toBeGreaterThan(-1);
  const next = md.indexOf('\n## ', start + 1);
  return md.slice(start, next < 0 ? undefined : next);
}

describe('report.md', () => {
  const rich = richReport();
  const clean: FileReport = { path: 'clean.txt', input: 'نص سليم\n', output: 'out/clean.txt', result: { text: 'نص سليم\n', changes: [], flags: [] } };
  const failed: FileReport = { path: 'gone.txt', input: '', error: 'no such file' };
  const md = batchMarkdown([rich, clean, failed], 'fix-arabic test');
  const richPath = 'dir/&lt;odd&gt; &amp; "name".txt';

  test('an overview row per file, with its counts and status', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && /\.txt/.test(l));
    const overview = rows.slice(0, 3).map(cells);
    expect(overview[0]).toEqual([richPath, String(rich.result!.changes.length), String(rich.result!.flags.length), 'changed → out/odd.txt']);
    expect(overview[1]).toEqual(['clean.txt', '0', '0', 'unchanged']);
    expect(overview[2][3]).toBe('error: no such file');
  });

  test('each file opens with a summary table: changes by rule, flags by kind', () => {
    const s = section(md, richPath);
    const summary = s
      .split('\n')
      .filter((l) => /^\| (change|flag) \|/.test(l))
      .map(cells);
    const expected: string[][] = [];
    const byRule = new Map<string, number>();
    for (const c of rich.result!.changes) byRule.set(c.rule, (byRule.get(c.rule) ?? 0) + 1);
    for (const [rule, n] of byRule) expected.push(['change', rule, '', String(n)]);
    for (const x of rich.result!.flags) expected.push(['flag', x.rule, x.kind, '1']);
    expect(summary).toEqual(expected);
    // The summary comes before the lists.
    expect(s.indexOf('| change |')).toBeLessThan(s.indexOf('### Flags'));
    expect(s.indexOf('### Flags')).toBeLessThan(s.indexOf('### Changes'));
  });

  test('every change is listed with its position, before → after and reason', () => {
    const rows = section(md, richPath)
      .split('\n')
      .filter((l) => / → /.test(l) && /^\| \d/.test(l))
      .map(cells);
    expect(rows).toHaveLength(rich.result!.changes.length);
    rich.result!.changes.forEach((c, i) => {
      expect(rows[i][0]).toMatch(new RegExp(`^${c.line}:${c.column}`));
      expect(rows[i][1]).toBe(c.rule);
      expect(rows[i][4]).toBe(c.reason);
    });
    // Invisible characters are named, never written raw.
    const bidi = rows.find((r) => r[1] === 'bidi-controls')!;
    expect(bidi[2]).toMatch(/^`⟨U\+202[BC]⟩` → `∅`$/);
    const joined = rows.find((r) => r[1] === 'unwrap')!;
    expect(joined[0]).toMatch(/^\d+:\d+–\d+:1$/); // spans the line break
    expect(joined[2]).toBe('`⟨U+000A⟩` → `␠`');
  });

  test('every flag is listed with position, kind, message, context and suggestions', () => {
    const rows = section(md, richPath)
      .split('\n')
      .filter((l) => l.startsWith('| ') && cells(l).length === 6 && /^\d+:\d+/.test(cells(l)[0]))
      .map(cells);
    expect(rows).toHaveLength(rich.result!.flags.length);
    const pua = rows.find((r) => r[2] === 'unknown-pua')!;
    expect(pua[3]).toContain('&lt;U+E012&gt; &amp; no "known" \\| mapping');
    expect(pua[3]).toContain('suggestions: `1`, `٢`');
    expect(pua[4]).toContain('⟨U+E012⟩');
  });

  test('no raw invisible character and every table row has the columns of its header', () => {
    expect(md).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\ue000-\uf8ff]/);
    let width = 0;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) {
        width = 0;
        continue;
      }
      if (width === 0) width = cells(line).length;
      else expect(cells(line), line).toHaveLength(width);
    }
  });

  test('clean and failed files say so', () => {
    expect(section(md, 'clean.txt')).toContain('Clean: nothing changed, nothing flagged.');
    expect(section(md, 'gone.txt')).toContain('Error: no such file');
  });

  test('code spans survive backticks and blanks', () => {
    const f: FileReport = {
      path: 't.txt',
      input: 'a`b',
      result: {
        text: 'a b',
        changes: [{ rule: 'x-rule', safety: 'safe', line: 1, column: 2, endLine: 1, endColumn: 3, offset: 1, endOffset: 2, before: '`', after: ' ', confidence: 1, reason: 'r' }],
        flags: [],
      },
    };
    const row = batchMarkdown([f], 't').split('\n').find((l) => l.startsWith('| 1:2 '))!;
    expect(cells(row)[2]).toBe('`` ` `` → `␠`');
  });
});
