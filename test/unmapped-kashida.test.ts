import { beforeAll, describe, expect, it } from 'vitest';
import { fixText } from '../src/index.js';
import { getLexicon } from '../src/knowledge/lexicon.js';
import { corpusEffect, runOnly } from './rule-helpers.js';

beforeAll(() => {
  getLexicon();
}, 120_000);

const K = '\ufffd';
const RULE = 'unmapped-kashida';
/** Three lines of a justified column as mutool writes them once in logical order. */
const stretched = [
  `تقع المدين${K}${K}ة في جن${K}وب البلاد`,
  `وق${K}${K}${K}د نحتها الأنب${K}${K}اط في الصخر`,
  `قبل أك${K}${K}ثر من ألفي عام`,
].join('\n');
const plain = ['تقع المدينة في جنوب البلاد', 'وقد نحتها الأنباط في الصخر', 'قبل أكثر من ألفي عام'].join('\n');

describe('unmapped-kashida: kashidas mutool wrote as U+FFFD', () => {
  it('removes runs that sit where a kashida can, and reports each', () => {
    const r = runOnly(RULE, stretched);
    expect(r.text).toBe(plain);
    expect(r.changes).toHaveLength(5);
    for (const c of r.changes) {
      expect(c.before).toMatch(/^\ufffd+$/u);
      expect(c.after).toBe('');
      expect(c.reason).toMatch(/kashida/);
    }
  });

  it('keeps a U+FFFD that carries a mark: it was a letter drawn with its vowel', () => {
    const r = runOnly(RULE, `${stretched}\nويتغير أحيا${K}\u064bا`);
    expect(r.text).toBe(`${plain}\nويتغير أحيا${K}\u064bا`);
  });

  it('keeps a U+FFFD after a letter that never joins the next one', () => {
    const r = runOnly(RULE, `${stretched}\nوالد${K}${K}ار`);
    expect(r.text.split('\n').pop()).toBe(`والد${K}${K}ار`);
  });

  it('keeps a single U+FFFD whose word the word lists do not know without it', () => {
    // `مد?نة` is `مدينة` with an unmapped yeh: removing it would make `مدنة`.
    const r = runOnly(RULE, `${stretched}\nفي مد${K}نة`);
    expect(r.text.split('\n').pop()).toBe(`في مد${K}نة`);
  });

  it('leaves a document with fewer than three such runs as it is', () => {
    const text = `تقع المدين${K}${K}ة في جنوب البلاد`;
    expect(runOnly(RULE, text).text).toBe(text);
  });

  it('is a fixed point', () => {
    const once = fixText(stretched).text;
    expect(fixText(once).text).toBe(once);
  });

  it('removes a run of several before the mark of the letter they follow (the tanween is the sheen\'s)', () => {
    const r = runOnly(RULE, `${stretched}\nهامشا أوسع وهامش${K}${K}${K}\u064bا أضيق`);
    expect(r.text.split('\n').pop()).toBe('هامشا أوسع وهامش\u064bا أضيق');
  });
});

describe('unmapped-kashida: kashidas pdf.js wrote as control codes', () => {
  // pdf.js writes an unmapped glyph as its own code: backspace, U+0002, U+0003 … in the text.
  const codes = stretched.replaceAll(`${K}${K}${K}`, '\b\u0003\b').replaceAll(`${K}${K}`, '\u0002\u0002').replaceAll(K, '\b');

  it('removes them where a kashida can stand, like U+FFFD', () => {
    const r = runOnly(RULE, codes);
    expect(r.text).toBe(plain);
    expect(r.changes).toHaveLength(5);
  });

  it('keeps tabs and line breaks, and a control code outside a word', () => {
    const text = `${codes}\nعمود\tآخر\r\nقبل \u0000 بعد`;
    expect(runOnly(RULE, text).text).toBe(`${plain}\nعمود\tآخر\r\nقبل \u0000 بعد`);
  });
});

describe('unmapped-kashida on the PDF corpus (mutool, every file with U+FFFD)', () => {
  it('brings the output nearer the truth overall, and no file farther', () => {
    const { files, withRule, without, worse } = corpusEffect('mutool', RULE, (input) => input.includes(K));
    expect(files).toBeGreaterThan(10);
    expect(worse).toEqual([]);
    // Measured when the rule was written: mutool CER over the whole corpus 10.1% → 6.9%.
    expect(withRule).toBeLessThan(without * 0.8);
  }, 120_000);
});
