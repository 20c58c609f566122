/**
 * Do no harm: clean Arabic with real numbers, dates, amounts and correct shaddas,
 * in any order, must come through the digit, PUA, shadda and lost-letter rules
 * unchanged and without a flag.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/index.js';
import { runOnly } from './rule-helpers.js';

const MINE = ['private-use-digits', 'private-use-letters', 'fix-shadda', 'flag-lost-letters', 'flag-dropped-digits'];

const PHRASES = [
  'في عام 2019،', 'منذ عام ٢٠٠٣', 'العام الماضي', 'في 10 تشرين الأول (أكتوبر) المقبل', 'بنسبة 45%', 'أكثر من 1.5 مليار دولار',
  'بشكل عام،', 'الرأي العام', 'في يونيو الماضي', 'منذ زمن', 'مدير عام', 'وتميّزت', 'الحاليّ', 'خارج البلاد', 'في الخارج',
  'وفي 19 اب/أغسطس الجاري', 'قبل عام،', 'نهاية العام الجاري', 'في أواخر حزيران (يونيو)', 'أكثر من مليون باحث', 'من قبل،',
  'يوسف بن علي، بعد', 'هذا العام', 'في 27/07/2021', 'رابط المقال: https://www.noonpost.com/35494/', 'إنّ', 'حجّم',
  'ويتعيّن عليه', 'المفوّضة', 'قال إن', 'الحكومة العراقية', 'الولايات المتحدة', 'في مارس الماضي', 'خلال 3 سنوات', 'نحو 2500 جندي',
];
const SEPARATORS = [' ', ' ', ' ', '، ', '. ', '\n', ' ، '];

describe('digit and letter rules: clean text stays as it is', () => {
  it('random sentences of clean phrases', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...PHRASES), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 25 }), (parts) => {
        const text = parts.map(([p, s]) => p + s).join('') + '2020';
        const r = runOnly(MINE, text, { markMissing: true });
        expect(r.flags).toEqual([]);
        expect(r.text).toBe(text);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });

  it('random sentences without a single digit', () => {
    const wordsOnly = PHRASES.filter((p) => !/[0-9\u0660-\u0669]/.test(p));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...wordsOnly), fc.constantFrom(' ', ' ', '، ', '. ', '\n', '\n\n')), { minLength: 1, maxLength: 25 }), (parts) => {
        const text = parts.map(([p, s]) => p + s).join('');
        const r = runOnly(MINE, text, { markMissing: true });
        expect(r.flags).toEqual([]);
        expect(r.text).toBe(text);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });

  it('the clean seeds 001–003, with every rule', () => {
    for (const f of readdirSync('seeds').filter((f) => /^00[123]_/.test(f))) {
      const text = readFileSync(`seeds/${f}`, 'utf8');
      const r = fixText(text, { markMissing: true });
      expect(r.flags).toEqual([]);
      expect(r.text).toBe(text);
    }
  }, 60_000);
});
