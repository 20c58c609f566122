import { describe, expect, it } from 'vitest';
import { lexiconFromWords, type FrequencyModel } from '../src/index.js';
import { runOnly } from './rule-helpers.js';

const RULE = 'flag-lost-letters';

function frequencies(words: Record<string, number>, pairs: Record<string, number> = {}): FrequencyModel {
  return { word: (w) => words[w] ?? 0, pair: (a, b) => pairs[`${a} ${b}`] ?? 0, totalWords: 1000, totalPairs: 1000 };
}

const LEXICON = lexiconFromWords([
  'خارج', 'خاصة', 'خال', 'الحدود', 'تزعزع', 'تزعج', 'استقرار', 'البلاد', 'قادم', 'من', 'هو', 'ما', 'ومنها', 'العراق',
  'المتهالك', 'الاقتصاد', 'زيارة', 'الزيارة', 'المرتقبة',
]);
const FREQ = frequencies({ خارج: 43, خاصة: 159, تزعزع: 2, تزعج: 1, المتهالك: 25, زيارة: 24, الزيارة: 30 }, { 'من خارج': 3, 'خارج الحدود': 2 });
const opts = { lexicon: LEXICON, frequencies: FREQ };

/** A justified paragraph: many words stretched with tatweel, as PDF extraction leaves them. */
const STRETCHED = 'ومنهــا مــا هــو قــادم مــن العــراق\n';

describe('flag-lost-letters: flags', () => {
  it('a word that ends in tatweel', () => {
    const input = 'أن تزعـ استقرار البلاد';
    const r = runOnly(RULE, input, opts);
    expect(r.text).toBe(input);
    expect(r.flags).toHaveLength(1);
    expect(r.flags[0]).toMatchObject({ kind: 'lost-letters-tatweel', line: 1, column: 4 });
    expect(r.flags[0].suggestions).toEqual(['تزعزع', 'تزعج']);
    expect(r.flags[0].message).toContain('ends in tatweel');
  });

  it('a non-word short of a frequent word, in a PDF-stretched document', () => {
    const input = `${STRETCHED}ما هو قادم من خــا الحــدود`;
    const r = runOnly(RULE, input, opts);
    expect(r.text).toBe(input);
    expect(r.flags).toHaveLength(1);
    expect(r.flags[0]).toMatchObject({ kind: 'lost-letters-non-word', line: 2, column: 15 });
    expect(r.flags[0].suggestions![0]).toBe('خارج');
  });

  it('--restore-letters applies a suggestion that clearly leads', () => {
    const lexicon = lexiconFromWords(['خارج', 'الحدود']);
    const input = `${STRETCHED}من خــا الحــدود`;
    const r = runOnly(RULE, input, { lexicon, frequencies: FREQ, restoreLetters: true });
    expect(r.text).toBe(`${STRETCHED}من خارج الحــدود`);
    expect(r.changes[0]).toMatchObject({ rule: RULE, line: 2, column: 4, after: 'خارج' });
  });

  it('--restore-letters leaves a close call as a flag', () => {
    const input = `${STRETCHED}من خــا هنا`;
    const r = runOnly(RULE, input, { ...opts, restoreLetters: true });
    expect(r.text).toBe(input);
    expect(r.flags.map((f) => f.kind)).toEqual(['lost-letters-non-word']);
  });
});

describe('flag-lost-letters: leaves alone', () => {
  const cases = [
    { name: 'a one-letter prefix with tatweel before a quote', input: 'قالت مصادر لـ "العربية" إن' },
    { name: 'a non-word in clean (unstretched) text', input: 'معالجة الاقتصاد المتهاك في العراق' },
    { name: 'the half of a split word at a line edge', input: `${STRETCHED}يارة المرتقبة للكاظمي تمخضت الز` },
    { name: 'a word the document uses twice', input: `${STRETCHED}خا هنا و خا هناك` },
    { name: 'tatweel before PUA codes (private-use-letters decides)', input: 'أن تزعـ\ue0ed\ue085 استقرار' },
    { name: 'a whole word stretched after its last letter', input: `${STRETCHED}ما هو قادم منـ العراق` },
    { name: 'a text in visual order (reversed words are not short words)', input: `${STRETCHED}يف نم ىلع وأ خــا نم يف` },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = runOnly(RULE, c.input, opts);
      expect(r.flags).toEqual([]);
      expect(r.text).toBe(c.input);
    });
  }
});
