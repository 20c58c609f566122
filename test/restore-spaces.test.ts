import { beforeAll, describe, expect, it } from 'vitest';
import { fixText } from '../src/index.js';
import { getLexicon } from '../src/knowledge/lexicon.js';
import { corpusEffect, runOnly } from './rule-helpers.js';

beforeAll(() => {
  getLexicon();
}, 120_000);

const RULE = 'restore-spaces';
const column = [
  'قال وزير الصحة إن الحكومة ستفتح عشرة مستشفيات جديدة في المدن الكبرى',
  'خلال العام المقبل، وإن كلفة المشروع تبلغ نحو 300 مليون دولار.',
  'وأضاف أن الوزارة تعمل مع البنك الدولي على خطة لتدريب الأطباء والممرضين',
  'في المناطق الريفية، حيث يعاني السكان من نقص كبير في الخدمات الصحية.',
].join('\n');
/** The same lines as mutool writes them from a PDF that draws no space glyphs. */
const glued = column.replace(/ /g, '');

describe('restore-spaces: lines glued into one long word', () => {
  it('cuts each glued run into its words, and puts spaces back at numbers and punctuation', () => {
    const r = runOnly(RULE, glued);
    expect(r.text).toBe(column);
    expect(r.changes.length).toBeGreaterThan(30);
    for (const c of r.changes) {
      expect(c.before).toBe('');
      expect(c.after).toBe(' ');
      expect(c.reason).toMatch(/glued/);
    }
  });

  it('keeps a clitic letter on the number it was written onto (`و2023`)', () => {
    const text = glued.replace('نحو300', 'نحوو2023');
    expect(runOnly(RULE, text).text.split('\n')[1]).toContain(' و2023 ');
  });

  it('only ever inserts spaces', () => {
    const out = fixText(glued).text;
    expect(out.replace(/ /g, '')).toBe(glued);
  });

  it('leaves text with its spaces alone, and a single glued line among spaced ones', () => {
    expect(runOnly(RULE, column).text).toBe(column);
    const oneGlued = [column, column, 'قالالوزيرإنالحكومةستفتحالمستشفياتالجديدة'].join('\n');
    expect(runOnly(RULE, oneGlued).text).toBe(oneGlued);
  });

  it('is a fixed point', () => {
    const once = fixText(glued).text;
    expect(fixText(once).text).toBe(once);
  });
});

describe('restore-spaces on the PDF corpus (mutool, every file with glued lines)', () => {
  it('brings the output nearer the truth overall, and no file farther', () => {
    const { files, withRule, without, worse } = corpusEffect('mutool', RULE);
    expect(files).toBeGreaterThan(10);
    expect(worse).toEqual([]);
    // Measured when the rule was written: the 28 XeLaTeX files, mutool CER 6.9% → 1.8% over the whole corpus.
    expect(withRule).toBeLessThan(without * 0.4);
  }, 120_000);
});
