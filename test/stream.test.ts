import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/index.js';
import { ChunkedFixer, fixChunked, fixStream, mergePieces } from '../src/stream.js';
import type { Change, FixOptions, FixResult } from '../src/core/types.js';

const SEEDS = new URL('../seeds/', import.meta.url);
const seeds = readdirSync(SEEDS)
  .sort()
  .map((f) => readFileSync(new URL(f, SEEDS), 'utf8'));
const damaged = [seeds[0], seeds[4]].join('\n\n');

/** Changes without their reason: a document-level count in the reason may differ per chunk. */
const placeOf = (c: Change) => ({ ...c, reason: '', confidence: 0 });

/**
 * Rules that decide per document (reorder statistics, PUA tables, visual-order votes)
 * may rightly decide differently on a small chunk than on the whole text; real chunks
 * are 512 Ki characters, so normal files are whole. Tests that cut small chunks and
 * compare with the whole text therefore run the rules that look only near each site.
 */
const LOCAL: FixOptions = {
  disable: ['mixed-direction', 'visual-order', 'private-use-digits', 'private-use-letters', 'reorder-runs', 'rejoin-split-words', 'flag-scrambled-line', 'fix-shadda', 'flag-lost-letters', 'flag-dropped-digits'],
};

function pushInPieces(text: string, size: number, chunkSize: number, options: FixOptions = {}): FixResult {
  const fixer = new ChunkedFixer(options, { chunkSize });
  const out: FixResult[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...fixer.push(text.slice(i, i + size)));
  out.push(...fixer.end());
  return mergePieces(out);
}

describe('fixStream / ChunkedFixer', () => {
  it('gives exactly fixText for an input smaller than a chunk, BOM included', async () => {
    for (const text of [...seeds, '\ufeff' + seeds[0], '', 'x']) {
      const pieces: FixResult[] = [];
      for await (const p of fixStream([text.slice(0, 1000), text.slice(1000)])) pieces.push(p);
      expect(mergePieces(pieces)).toEqual(fixText(text));
    }
  });

  it('cuts a long damaged text into chunks and still reports input positions', () => {
    const long = Array(8).fill(damaged).join('\n\n');
    const whole = fixText(long, LOCAL);
    for (const chunkSize of [2000, 9000, 40000]) {
      const chunked = fixChunked(long, LOCAL, { chunkSize });
      expect(chunked.text).toBe(whole.text);
      expect(chunked.changes.map(placeOf)).toEqual(whole.changes.map(placeOf));
      for (const c of chunked.changes) expect(long.slice(c.offset, c.endOffset)).toBe(c.before);
    }
  });

  it('does not depend on how the input arrives', () => {
    const long = Array(5).fill(damaged).join('\n\n');
    const once = fixChunked(long, {}, { chunkSize: 5000 });
    for (const size of [1, 777, 4096, 65536]) {
      expect(pushInPieces(long, size, 5000)).toEqual(once);
    }
  });

  it('keeps every line ending (CRLF, CR, mixed) and cuts without blank lines', () => {
    const base = Array(6).fill(damaged).join('\n\n');
    const variants = {
      crlf: base.replace(/\n/g, '\r\n'),
      cr: base.replace(/\n/g, '\r'),
      mixed: base.replace(/\n/g, (_, i: number) => ['\n', '\r\n', '\r'][i % 3]),
      noBlankLines: base.replace(/\n\n/g, '\n'),
    };
    for (const text of Object.values(variants)) {
      const whole = fixText(text, LOCAL);
      const chunked = pushInPieces(text, 3001, 3000, LOCAL);
      expect(chunked.text).toBe(whole.text);
      expect(chunked.changes.map(placeOf)).toEqual(whole.changes.map(placeOf));
    }
  });

  it('cuts a single very long line at spaces, keeping columns of the whole line', () => {
    const line = Array(10).fill(damaged).join(' ').replace(/[\r\n]+/g, ' ');
    const whole = fixText(line, LOCAL);
    const chunked = fixChunked(line, LOCAL, { chunkSize: 2000 });
    expect(chunked.text).toBe(whole.text);
    expect(chunked.changes.map(placeOf)).toEqual(whole.changes.map(placeOf));
  });

  it('passes clean text through unchanged at any chunk size', () => {
    const clean = seeds.slice(1, 4).join('\n\n');
    for (const chunkSize of [500, 3000, 1 << 20]) {
      const r = fixChunked(clean, {}, { chunkSize });
      expect(r.text).toBe(clean);
      expect(r.changes).toEqual([]);
      expect(r.flags).toEqual([]);
    }
  });

  it('never splits a surrogate pair or separates a mark from its letter', () => {
    const text = ('😀'.repeat(50) + 'بَ'.repeat(50)).repeat(200);
    const r = fixChunked(text, {}, { chunkSize: 97 });
    expect(r.text).toBe(fixText(text).text);
  });
});
