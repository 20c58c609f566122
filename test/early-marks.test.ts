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

  it('one early fathatan is a slip, not a habit: clean text keeps it', () => {
    const text = 'قطع أربعين كيلومتًرا يوميًا قبل السباق.';
    expect(marksComeEarly(text)).toMatchObject({ early: 1, habit: false });
    expect(runOnly(RULE, text).text).toBe(text);
  });

  it('fathatan placed where spelling puts it outweigh a few that look early', () => {
    const text = `${clean}\n${'وكتب كتابًا جديدًا، وقرأ شعرًا وسمع لحنًا. '.repeat(2)}\nقطع كيلومتًرا يومًيا تقريًبا.`;
    expect(marksComeEarly(text).habit).toBe(false);
    expect(runOnly(RULE, text).text).toBe(text);
  });
});

describe('early-marks: single marks where spelling never puts one, in extractor output', () => {
  // pdftotext wraps each line in RLE … PDF: bidi-controls repairs that first, which shows the text is extractor output.
  const asPdftotext = (text: string) => `${clean}\n${text}`.split('\n').map((l) => `\u202b${l}\u202c`).join('\n');
  const lastLine = (text: string) => text.split('\n').at(-1);
  const run = (text: string) => lastLine(runOnly(['bidi-controls', RULE], asPdftotext(text)).text);

  it('fathatan before a letter that is not the final alef moves on; the other marks stay', () => {
    expect(run('قطع أربعين كيلومتًرا يوميًا قبل السباق، وما ُيعرف')).toBe('قطع أربعين كيلومترًا يوميًا قبل السباق، وما ُيعرف');
    const r = runOnly(['bidi-controls', RULE], asPdftotext('قطع كيلومتًرا يومًيا تقريًبا.'));
    expect(lastLine(r.text)).toBe('قطع كيلومترًا يوميًا تقريبًا.');
    for (const c of r.changes.filter((c) => c.rule === RULE)) expect(c.reason).toMatch(/spelling never puts one/);
  });

  it('a vowel on a bare alef inside a word goes onto the next letter', () => {
    expect(run('ويُعَدّ الصياُم ركنًا في شهر رمضاَن')).toBe('ويُعَدّ الصيامُ ركنًا في شهر رمضانَ');
  });

  it("a shadda on a word's first letter moves on when the document shows another stray mark", () => {
    expect(run('قّدرت الهيئة الأرباح بنحو مليون ديناٍر')).toBe('قدّرت الهيئة الأرباح بنحو مليون دينارٍ');
  });

  it("leaves a word-initial shadda alone by itself: vocalised Qur'anic text writes it (مِن رَّبِّهِم)", () => {
    const text = 'أُولَٰئِكَ عَلَىٰ هُدًى مِّن رَّبِّهِمْ';
    expect(run(text)).toBe(text);
  });

  it('leaves a mark after lam-alef (it is the lam\'s) and a tanween on words run together (ليلاًما)', () => {
    for (const text of ['المياه المحلاّة مكلفة جدا', 'كان الجو باردًا ليلاًما عدا ذلك']) expect(run(text)).toBe(text);
  });

  it('leaves clean text with such a slip as its writer left it', () => {
    const text = 'ويُعَدّ الصياُم ركنًا في شهر رمضاَن';
    expect(runOnly(['bidi-controls', RULE], text).text).toBe(text);
  });
});
