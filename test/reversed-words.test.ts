import { beforeAll, describe, expect, it } from 'vitest';
import { fixText } from '../src/index.js';
import { getLexicon } from '../src/knowledge/lexicon.js';
import { corpusEffect, runOnly } from './rule-helpers.js';

beforeAll(() => {
  getLexicon();
}, 120_000);

const RULE = 'reversed-words';

// Sentences written for this test; `-raw` writes each line's words last first, a
// word's closing punctuation leading it.
const lines = [
  'أعلنت الحكومة اليوم عن خطة جديدة لدعم المدارس في المدن الكبرى',
  'وقال الوزير في مؤتمر صحفي إن الخطة تبدأ في العام المقبل،',
  'وأضاف أن عدد الطلاب ارتفع خلال السنوات الأخيرة بشكل كبير',
  'ويرى الخبراء أن هذه الخطوة تأتي في الوقت المناسب.',
];
const asRaw = (line: string) =>
  line
    .split(' ')
    .reverse()
    .map((w) => w.replace(/^(.*?)([.,،]+)$/u, '$2$1'))
    .join(' ');

describe('reversed-words: lines whose words came out last word first', () => {
  it('reads such lines right to left, punctuation after its word again', () => {
    const r = runOnly(RULE, lines.map(asRaw).join('\n'));
    expect(r.text).toBe(lines.join('\n'));
    expect(r.changes.length).toBe(lines.length);
    for (const c of r.changes) expect(c.reason).toMatch(/right-to-left order/);
  });

  it('leaves a line whose own word pairs read forwards', () => {
    const input = [...lines.slice(0, 3).map(asRaw), lines[3]].join('\n');
    expect(runOnly(RULE, input).text).toBe(lines.join('\n'));
  });

  it('leaves clean text, a short text, and its own output alone', () => {
    expect(runOnly(RULE, lines.join('\n')).changes).toEqual([]);
    expect(runOnly(RULE, asRaw(lines[0])).changes).toEqual([]);
    const once = fixText(lines.map(asRaw).join('\n')).text;
    expect(fixText(once).text).toBe(once);
  });
});

describe('reversed-words on the PDF corpus', () => {
  it('brings pdftotext -raw output much nearer the truth, and no file farther', () => {
    const { files, withRule, without, worse } = corpusEffect('pdftotext-raw', RULE);
    // Measured when the rule was written: 76 files changed, -raw CER 53.5% → 24.4%, none worse.
    expect(files).toBeGreaterThan(50);
    expect(worse).toEqual([]);
    expect(withRule).toBeLessThan(without * 0.7);
  }, 240_000);

  it('changes no file of another extractor', () => {
    for (const extractor of ['pdftotext', 'pdftotext-layout', 'mutool', 'pdfjs']) expect(corpusEffect(extractor, RULE).files, extractor).toBe(0);
  }, 240_000);
});
