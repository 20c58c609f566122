/**
 * Never lose data: properties of fixText over arbitrary Unicode, over random
 * Arabic-heavy text built from the characters extractors emit, and over the
 * sample files cut up and recombined.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/index.js';
import { fixChunked } from '../src/stream.js';
// @ts-expect-error plain JS shared with scripts/fuzz.mjs
import { untouchedKept, wellFormed } from '../scripts/lib/properties.mjs';

const SEEDS = new URL('../seeds/', import.meta.url);
const seedFiles = readdirSync(SEEDS).sort();
const seeds = seedFiles.map((f) => readFileSync(new URL(f, SEEDS), 'utf8'));
const cleanSeeds = seeds.slice(1, 4);

const range = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((c) => String.fromCharCode(c));

/** The characters that PDF extraction leaves in Arabic text, weighted roughly as they occur. */
const arabicChar = fc.oneof(
  { weight: 30, arbitrary: range(0x0621, 0x064a) },
  { weight: 4, arbitrary: range(0x064b, 0x065f) },
  { weight: 1, arbitrary: fc.constant('\u0670') },
  { weight: 4, arbitrary: fc.constant('\u0640') },
  { weight: 10, arbitrary: fc.constant(' ') },
  { weight: 2, arbitrary: fc.constantFrom(...'0123456789٠١٢٣٤٥٦٧٨٩') },
  { weight: 2, arbitrary: fc.constantFrom(...'،؛؟.,:!()«»"-/%') },
  { weight: 2, arbitrary: range(0xe000, 0xe0ff) },
  { weight: 2, arbitrary: range(0xfb50, 0xfdff) },
  { weight: 2, arbitrary: range(0xfe70, 0xfefc) },
  { weight: 1, arbitrary: fc.constantFrom('\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069') },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\n\n') },
  { weight: 2, arbitrary: range(0x61, 0x7a) },
);
const arabicText = fc.array(arabicChar, { maxLength: 400 }).map((a) => a.join(''));
const anyUnicode = fc.string({ unit: 'binary', maxLength: 300 });

/** Lines and paragraphs of the samples, recombined, with mutations typical of extraction. */
const sampleLines = seeds.flatMap((s) => s.split(/\r?\n/));
const sampleText = fc
  .tuple(
    fc.array(fc.constantFrom(...sampleLines), { minLength: 1, maxLength: 30 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(), arabicChar), { maxLength: 10 }),
  )
  .map(([lines, inserts]) => {
    let t = lines.join('\n');
    for (const [at, del, ch] of inserts) {
      const p = at % (t.length + 1);
      t = t.slice(0, p) + ch + t.slice(p + (del % 3 === 0 ? 1 : 0));
    }
    // A cut may fall inside a surrogate pair: keep the text well-formed.
    return t.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
  });

/** Clean text: whole paragraphs of the clean samples, each at most once, in any order. */
const cleanParagraphs = cleanSeeds.flatMap((s) => s.split(/\n\n+/));
const cleanText = fc
  .shuffledSubarray(cleanParagraphs, { minLength: 1, maxLength: 12 })
  .map((ps) => ps.join('\n\n'));

function checkAll(text: string): void {
  const r = fixText(text);
  expect(wellFormed(r.text)).toBeUndefined();
  expect(untouchedKept(text, r.text, r.changes)).toBeUndefined();
  const again = fixText(r.text);
  expect(again.text).toBe(r.text);
}

describe('fixText never loses data', () => {
  for (const [name, arb, runs] of [
    ['arbitrary Unicode', anyUnicode, 300],
    ['Arabic-heavy random text', arabicText, 400],
    ['recombined and mutated sample lines', sampleText, 150],
  ] as const) {
    it(`${name}: no throw, well-formed, idempotent, untouched characters kept in order`, { timeout: 120_000 }, () => {
      fc.assert(
        fc.property(arb, (text) => {
          checkAll(text);
        }),
        { numRuns: runs },
      );
    });
  }

  it('each sample file as it is', () => {
    for (const s of seeds) checkAll(s);
  });

  it('clean text comes back unchanged, with no changes and no flags', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(cleanText, (text) => {
        const r = fixText(text);
        expect(r.text).toBe(text);
        expect(r.changes).toEqual([]);
        expect(r.flags).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('chunked fixing keeps the same properties, whatever the chunk size', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(sampleText, arabicText), { minLength: 1, maxLength: 6 }), fc.integer({ min: 50, max: 3000 }), (parts, chunkSize) => {
        const text = parts.join('\n\n');
        const r = fixChunked(text, {}, { chunkSize });
        expect(wellFormed(r.text)).toBeUndefined();
        expect(untouchedKept(text, r.text, r.changes)).toBeUndefined();
        for (const c of r.changes) {
          expect(c.offset).toBeGreaterThanOrEqual(0);
          expect(c.endOffset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('the property checks can fail', () => {
  it('untouchedKept notices a lost or reordered character, and accepts a reported change', () => {
    const change = (offset: number, endOffset: number) => ({ offset, endOffset });
    expect(untouchedKept('abc', 'ac', [])).toMatch(/"b".*offset 1/);
    expect(untouchedKept('abc', 'cab', [])).toMatch(/missing/);
    expect(untouchedKept('abc', 'ac', [change(1, 2)])).toBeUndefined();
    expect(untouchedKept('\ufeffab', 'ab', [])).toMatch(/BOM/);
    expect(wellFormed('a\ud800b')).toMatch(/lone high/);
    expect(wellFormed('a\udc00')).toMatch(/lone low/);
    expect(wellFormed('😀')).toBeUndefined();
  });

  it('the random Arabic text makes the rules work (the properties are not vacuous)', () => {
    const samples = fc.sample(arabicText, { numRuns: 200, seed: 7 });
    const changed = samples.filter((t) => fixText(t).changes.length > 0).length;
    expect(changed).toBeGreaterThan(50);
  });
});

describe('chunked fixing does not depend on how the input arrives', () => {
  it('any split of the input into pieces gives the same pieces out', { timeout: 120_000 }, async () => {
    const { ChunkedFixer, mergePieces } = await import('../src/stream.js');
    fc.assert(
      fc.property(fc.array(fc.oneof(sampleText, arabicText), { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 12 }), fc.integer({ min: 40, max: 2000 }), (parts, cuts, chunkSize) => {
        const text = parts.join('\n\n');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const fixer = new ChunkedFixer({}, { chunkSize });
        const out = [];
        let at = 0;
        for (const p of [...points, text.length]) {
          out.push(...fixer.push(text.slice(at, p)));
          at = p;
        }
        out.push(...fixer.end());
        expect(mergePieces(out)).toEqual(fixChunked(text, {}, { chunkSize }));
      }),
      { numRuns: 100 },
    );
  });
});
