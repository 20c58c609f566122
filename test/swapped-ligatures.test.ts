import { beforeAll, describe, expect, it } from 'vitest';
import { fixText, getLexicon, RULES } from '../src/index.js';
import { resolveOptions } from '../src/core/options.js';
import { splitLines } from '../src/core/tracked-text.js';
import type { RuleContext } from '../src/core/types.js';
import { getFrequencies } from '../src/knowledge/frequency.js';
import { proposeSwaps } from '../src/rules/swapped-ligatures.js';
import { kinOfConfirmed } from '../src/knowledge/ligature-swaps.js';
import { runOnly, untouchable } from './rule-helpers.js';

const RULE = 'swapped-ligatures';

beforeAll(() => {
  getLexicon();
}, 60_000);

// Sentences written for this test. In the damaged copies the pairs a KacstOne-like
// font ligates come out swapped: لم (`امل`), ثر, بر, ير and ين (as reh or noon + Farsi yeh).
// A pair seen in one word only counts when other pairs confirm the font and the word is
// common (`أكثر`); `فبراير` needs `الكبرى` beside it.
const clean = [
  'قال المدير إن المشروع سيخدم أكثر من مليون شخص في المدينة.',
  'وأضاف أن المرحلة الأولى تبدأ في شهر فبراير بعد موافقة المجلس في القاعة الكبرى.',
  'وأشار إلى أن غير المقيمين يستفيدون أيضا من الخدمات الجديدة بين المدن.',
].join('\n');
const damaged = [
  'قال املدير إن املشروع سيخدم أكرث من مليون شخص في املدينة.',
  'وأضاف أن املرحلة الأولى تبدأ في شهر فرباير بعد موافقة املجلس في القاعة الكربى.',
  'وأشار إلى أن غری املقيمنی يستفيدون أيضا من الخدمات الجديدة بنی املدن.',
].join('\n');

describe('swapped-ligatures', () => {
  it('puts back the pairs the document shows swapped, Farsi yeh read as yeh', () => {
    const result = runOnly(RULE, damaged);
    expect(result.text).toBe(clean);
    const change = result.changes.find((c) => c.before === 'أكرث');
    expect(change).toMatchObject({ rule: RULE, after: 'أكثر' });
    expect(change?.reason).toMatch(/ثر|رث/);
    expect(change?.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps every other character where it was (origins follow the swap)', () => {
    const result = runOnly(RULE, damaged);
    for (const c of result.changes) expect([...c.after].sort().join('').replace(/\u064a/g, '\u06cc')).toBe([...c.before].sort().join('').replace(/\u064a/g, '\u06cc'));
  });

  it('leaves clean text alone, and does not consult the lexicon for it', () => {
    expect(fixText(clean, { lexicon: untouchable }).text).toBe(clean);
    expect(runOnly(RULE, clean).changes).toEqual([]);
  });

  it('one odd word is not a habit: a single swapped-looking word stays as it is', () => {
    const one = clean.replace('أكثر', 'أكرث');
    expect(runOnly(RULE, one).text).toBe(one);
  });

  it('known words are never swapped, even in a document with the habit', () => {
    // `عرب` is a word (Arabs) as well as `عبر` swapped: without the lam-alef habit it stays.
    const text = `${damaged}\nوسافر عرب البحر إلى المدينة.`;
    expect(runOnly(RULE, text).text.split('\n')[3]).toBe('وسافر عرب البحر إلى المدينة.');
  });

  it('a pair seen once is taken when a confirmed pair of the same family shows the font (`رب` beside `ری`)', () => {
    // `نوفمبر` has too few web hits to count on its own; `غری` and `كثریة` confirm the reh family.
    const text = [
      'قال املدير إن املشروع سيخدم أكرث من مليون شخص في املدينة.',
      'وأشار إلى أن غری املقيمنی يستفيدون من خدمات كثریة بنی املدن.',
      'وينتهي العمل في شهر نوفمرب المقبل.',
      'وتحتفل المنظمة بالتربية والعلم والثقافة.',
    ].join('\n');
    const lines = runOnly(RULE, text).text.split('\n');
    expect(lines[2]).toBe('وينتهي العمل في شهر نوفمبر المقبل.');
    expect(lines[3]).toBe('وتحتفل المنظمة بالتربية والعلم والثقافة.');
    // Without the family, one word of that rarity is no habit.
    const alone = [text.split('\n')[0], 'وينتهي العمل في شهر نوفمرب المقبل.'].join('\n');
    expect(runOnly(RULE, alone).text.split('\n')[1]).toBe('وينتهي العمل في شهر نوفمرب المقبل.');
  });

  it('a family is the first letter as it stands, never the reverse of a confirmed pair', () => {
    expect(kinOfConfirmed('رب', ['ری', 'مل'])).toBe(true);
    expect(kinOfConfirmed('رب', ['مل', 'نی'])).toBe(false);
    expect(kinOfConfirmed('لم', ['مل', 'لح'])).toBe(false);
    expect(kinOfConfirmed('لح', ['لم'])).toBe(true);
  });
});

describe('swapped-ligatures in a later pass: the words an earlier pass repaired still count', () => {
  const context = (text: string): RuleContext => ({
    text,
    lines: splitLines(text),
    options: resolveOptions(RULES),
    knowledge: { cache: new Map(), corpus: [], lexicon: getLexicon, frequencies: getFrequencies },
  });
  // One word each: alone, not evidence of a habit; after a pass that found the pairs, repaired.
  const cases: [string, string][] = [
    ['وقد بنيت المدينة على بعد كيلومرت من النهر', 'كيلومتر'],
    ['ويتجه عدد من الدول إلى االستثمار في الطاقة', 'الاستثمار'],
  ];
  for (const [text, word] of cases) {
    it(`repairs «${word}» with the pairs found before, lam-alef among them, and not without`, () => {
      expect(proposeSwaps(context(text)).edits).toEqual([]);
      const { edits } = proposeSwaps(context(text), undefined, new Map([['رت', 3], ['ال', 4]]));
      expect(edits.map((e) => e.text)).toEqual([word]);
    });
  }
});
