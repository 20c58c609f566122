import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { letterPairsFromCounts } from '../src/knowledge/letter-pairs.js';

/** The model by its definition: add-one smoothed letter bigrams, a space at each edge of a word. */
function gainByDefinition(counts: [string, number][], words: string[]): number {
  const pair = new Map<string, number>();
  const first = new Map<string, number>();
  const alphabet = new Set<string>();
  for (const [w, n] of counts) {
    if (!/^[\u0621-\u064a\u0671-\u06d3]+$/.test(w)) continue;
    const s = ` ${w} `;
    for (let i = 0; i + 1 < s.length; i++) {
      pair.set(s[i] + s[i + 1], (pair.get(s[i] + s[i + 1]) ?? 0) + n);
      first.set(s[i], (first.get(s[i]) ?? 0) + n);
    }
    for (const ch of w) alphabet.add(ch);
  }
  const logP = (a: string, b: string) => Math.log(((pair.get(a + b) ?? 0) + 1) / ((first.get(a) ?? 0) + alphabet.size + 1));
  const score = (w: string) => {
    const s = ` ${w} `;
    let f = 0;
    for (let i = 0; i + 1 < s.length; i++) f += logP(s[i], s[i + 1]);
    return f;
  };
  return words.filter((w) => w.length >= 2).reduce((g, w) => g + score([...w].reverse().join('')) - score(w), 0);
}

describe('letter pairs', () => {
  const letters = fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةىپچ', '\u06d5', '\u06e5', 'x');
  const word = fc.array(letters, { minLength: 1, maxLength: 7 }).map((a) => a.join(''));
  it('reversal gain agrees with the definition on any counts and words', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.integer({ min: 1, max: 50 })), { maxLength: 30 }), fc.array(word, { maxLength: 6 }), (counts, words) => {
        expect(letterPairsFromCounts(counts).reversalGain(words)).toBeCloseTo(gainByDefinition(counts, words), 9);
      }),
      { numRuns: 500 },
    );
  });

  it('a reversed word reads worse than the word', () => {
    const model = letterPairsFromCounts([['الكتاب', 10], ['المدرسة', 8], ['الطالب', 5]]);
    expect(model.reversalGain(['الكتاب'])).toBeLessThan(0);
    expect(model.reversalGain(['باتكلا'])).toBeGreaterThan(0);
  });
});
