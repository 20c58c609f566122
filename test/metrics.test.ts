import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charDistance, codePoints, levenshteinInts, matchSites, normalize, sitesFromMarked, wordDistance, words } from '../scripts/metrics.mjs';

/** Textbook full-matrix Levenshtein, as the reference. */
function naive(a: readonly number[], b: readonly number[]): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

describe('normalize', () => {
  it('removes tatweel and bidi controls, collapses whitespace, trims', () => {
    expect(normalize('  شكـل\u200F  العــراق\t\u202Bحالة\u202C \n')).toBe('شكل العراق حالة');
    expect(normalize('\u2066x\u2069 \u200E y')).toBe('x y');
    expect(normalize('')).toBe('');
  });

  it('keeps everything else (marks, PUA, presentation forms)', () => {
    expect(normalize('مدخلاً \uE005 ﺍﻟﺴﻼﻡ')).toBe('مدخلاً \uE005 ﺍﻟﺴﻼﻡ');
  });
});

describe('levenshtein', () => {
  it('knows the classic cases', () => {
    expect(charDistance('kitten', 'sitting')).toBe(3);
    expect(charDistance('', 'abc')).toBe(3);
    expect(charDistance('abc', '')).toBe(3);
    expect(charDistance('same', 'same')).toBe(0);
    expect(charDistance('زيارة الكاظمي', 'يارة الكاظمي ز')).toBe(3);
  });

  it('agrees with the full-matrix algorithm on random sequences', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 25 }), fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 25 }), (a, b) => {
        expect(levenshteinInts(a, b)).toBe(naive(a, b));
        expect(levenshteinInts(b, a)).toBe(naive(a, b));
      }),
      { numRuns: 400 },
    );
  });

  it('counts code points, not UTF-16 units', () => {
    expect(charDistance('a😀b', 'ab')).toBe(1);
    expect(codePoints('a😀b')).toBe(3);
  });

  it('measures words for WER', () => {
    expect(words('')).toEqual([]);
    expect(words('a b c')).toEqual(['a', 'b', 'c']);
    expect(wordDistance(['جو', 'بايدن،', 'أعلن', 'أ'], ['جو', 'بايدن،', 'أعلن', 'أكثر'])).toBe(1);
    expect(wordDistance(['c', 'b', 'a'], ['a', 'b', 'c'])).toBe(2);
  });

  it('is fast enough for whole files (two rows; 4,000 × 4,000 characters well under a few seconds)', () => {
    const a = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي '.repeat(140);
    const b = [...a].reverse().join('');
    const t0 = Date.now();
    expect(charDistance(a, b)).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe('matchSites', () => {
  it('matches a flag on the same line within 3 columns, one to one, nearest first', () => {
    const sites = [{ line: 2, column: 10 }, { line: 2, column: 14 }, { line: 5, column: 1 }];
    const flags = [{ line: 2, column: 12 }, { line: 2, column: 13 }, { line: 5, column: 5 }, { line: 3, column: 10 }];
    const m = matchSites(sites, flags);
    expect(m).toEqual({ sites: 3, flags: 4, matched: 2, recall: 2 / 3, precision: 2 / 4 });
  });

  it('takes candidate columns, or the line alone when the column is unknown', () => {
    expect(matchSites([{ line: 1, columns: [4, 40] }], [{ line: 1, column: 42 }]).matched).toBe(1);
    expect(matchSites([{ line: 1, columns: null }], [{ line: 1, column: 99 }]).matched).toBe(1);
    expect(matchSites([{ line: 1, columns: null }], [{ line: 2, column: 1 }]).matched).toBe(0);
  });

  it('reports null rates when there is nothing to divide by', () => {
    expect(matchSites([], [])).toEqual({ sites: 0, flags: 0, matched: 0, recall: null, precision: null });
    expect(matchSites([], [{ line: 1, column: 1 }]).precision).toBe(0);
  });
});

describe('sitesFromMarked', () => {
  it('maps a mark in an unreordered line onto the input (tatweel skipped)', () => {
    const s = sitesFromMarked('شكل العراق عام ⟦#⟧، إذ تنظر', 'شكـل العـراق عام ، إذ تنظـر');
    // Input columns: "عام" is 14–16 (two tatweel before it), the space 17, the comma 18.
    expect(s).toEqual([{ line: 1, columns: [17, 18] }]);
  });

  it('finds each side of a mark in a reordered line, or gives the line only', () => {
    const marked = 'x\nعادل عبد المهدي في مطلع ديسمبر⟦#⟧، وعلى الرغم من نجاح الكاظمي في تشكيل حكومته في⟦#⟧\nلا شيء يشبه⟦#⟧';
    const input = 'x\n وعلى الرغم من نجاح الكاظمي في تشكيل حكومته في ، عادل عبد المهدي في مطلع ديسمبر\nنص آخر تماما';
    const s = sitesFromMarked(marked, input);
    expect(s).toEqual([
      { line: 2, columns: [80] },
      { line: 2, columns: [47] },
      { line: 3, columns: null },
    ]);
  });
});
