import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { marksComeEarly } from '../src/rules/early-marks.js';
import { runOnly } from './rule-helpers.js';

const RULE = 'early-marks';

/** Writes every mark one letter early, as pdftotext does on Chromium's PDFs. */
function early(text: string): string {
  return text.replace(/([\u0621-\u063a\u0641-\u064a])([\u064b-\u0652]+)/g, '$2$1');
}

// Sentences written for this test, with tanween fath where spelling puts it.
const clean = [
  'قطع العدّاء أربعين كيلومترًا يوميًا تقريبًا قبل السباق.',
  'وقال المدرب إن الفريق حقّق إنجازًا تاريخيًا هذا العام، وما يُعرف بالروح الجماعية كان السبب.',
].join('\n');

describe('early-marks', () => {
  it('the simulation writes marks early', () => {
    expect(early('كيلومترًا')).toBe('كيلومتًرا');
    expect(early('ما يُعرف')).toBe('ما ُيعرف');
  });

  it('puts every mark back on its letter when the document shows the habit', () => {
    const damaged = early(clean);
    expect(marksComeEarly(damaged).habit).toBe(true);
    const result = runOnly(RULE, damaged);
    expect(result.text).toBe(clean);
    expect(result.changes.every((c) => c.rule === RULE && c.confidence >= 0.8)).toBe(true);
    // A mark written early after a space goes onto the next word's letter; the space stays.
    expect(result.text).toContain('ما يُعرف');
  });

  it('leaves correctly placed marks alone: the clean text and the clean samples', () => {
    expect(runOnly(RULE, clean).changes).toEqual([]);
    for (const f of readdirSync('seeds').filter((n) => /^00[0-4]_/.test(n))) {
      const text = readFileSync(`seeds/${f}`, 'utf8');
      expect(marksComeEarly(text).habit, f).toBe(false);
      expect(runOnly(RULE, text).changes, f).toEqual([]);
    }
  });

  it('one early fathatan is a slip, not a habit: only that mark moves, where spelling puts it', () => {
    const text = 'قطع أربعين كيلومتًرا يوميًا قبل السباق، وما ُيعرف';
    expect(marksComeEarly(text)).toMatchObject({ early: 1, habit: false });
    const result = runOnly(RULE, text);
    // The damma before the space may be a slip of another kind: only marks spelling rules out move.
    expect(result.text).toBe('قطع أربعين كيلومترًا يوميًا قبل السباق، وما ُيعرف');
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0].reason).toMatch(/spelling never puts one/);
  });

  it('fathatan placed where spelling puts it outweigh a few that look early; those few still move', () => {
    const text = `${clean}\n${'وكتب كتابًا جديدًا، وقرأ شعرًا وسمع لحنًا. '.repeat(2)}\nقطع كيلومتًرا يومًيا تقريًبا.`;
    expect(marksComeEarly(text).habit).toBe(false);
    expect(runOnly(RULE, text).text).toBe(`${clean}\n${'وكتب كتابًا جديدًا، وقرأ شعرًا وسمع لحنًا. '.repeat(2)}\nقطع كيلومترًا يوميًا تقريبًا.`);
  });
});

describe('early-marks: single marks where spelling never puts one', () => {
  it('a vowel on a bare alef inside a word goes onto the next letter', () => {
    expect(runOnly(RULE, 'ويُعَدّ الصياُم ركنًا في شهر رمضاَن').text).toBe('ويُعَدّ الصيامُ ركنًا في شهر رمضانَ');
  });

  it("a shadda on a word's first letter moves on when the document shows another stray mark", () => {
    expect(runOnly(RULE, 'قّدرت الهيئة الأرباح بنحو مليون ديناٍر').text).toBe('قدّرت الهيئة الأرباح بنحو مليون دينارٍ');
  });

  it("leaves a word-initial shadda alone by itself: vocalised Qur'anic text writes it (مِن رَّبِّهِم)", () => {
    const text = 'أُولَٰئِكَ عَلَىٰ هُدًى مِّن رَّبِّهِمْ';
    expect(runOnly(RULE, text).text).toBe(text);
  });

  it('leaves a mark after lam-alef (it is the lam\'s) and a tanween on words run together (ليلاًما)', () => {
    for (const text of ['المياه المحلاّة مكلفة جدا', 'كان الجو باردًا ليلاًما عدا ذلك']) expect(runOnly(RULE, text).text).toBe(text);
  });
});
