import { describe, expect, it } from 'vitest';
import { bidiControls } from '../src/rules/bidi-controls.js';
import { presentationForms } from '../src/rules/presentation-forms.js';
import { reattachMarks } from '../src/rules/reattach-marks.js';
import { removeKashida } from '../src/rules/remove-kashida.js';
import type { Rule } from '../src/core/types.js';
import { runRule, type RuleCase } from './helpers.js';

function table(rule: Rule, cases: RuleCase[]): void {
  describe(rule.id, () => {
    for (const c of cases) {
      it(c.name, () => {
        const result = runRule(rule, c.input);
        if (c.output === undefined) {
          expect(result.text).toBe(c.input);
          expect(result.changes).toHaveLength(0);
        } else {
          // A must-change case whose expected output equals its input tests nothing.
          expect(c.output).not.toBe(c.input);
          expect(result.text).toBe(c.output);
          expect(result.changes.length).toBeGreaterThan(0);
          for (const ch of result.changes) {
            expect(ch.rule).toBe(rule.id);
            expect(ch.confidence).toBeGreaterThan(0);
            expect(ch.confidence).toBeLessThanOrEqual(1);
          }
          if (c.at) expect([result.changes[0].line, result.changes[0].column]).toEqual(c.at);
        }
      });
    }
  });
}

table(removeKashida, [
  { name: 'justified line: tatweel inside many words', input: 'شكـل العـراق حالـة أرق في وسائـل الإعلام', output: 'شكل العراق حالة أرق في وسائل الإعلام', at: [1, 1] },
  { name: 'runs of several tatweel', input: 'ومنهــا مــا هــو قــادم', output: 'ومنها ما هو قادم' },
  { name: 'tatweel at a word edge after a run split', input: 'ــارة الكــاظمي لــواشنطن', output: 'ارة الكاظمي لواشنطن' },
  { name: 'position on the second line', input: 'سطر نظيف\nتمثــل أهميــة كــبيرة', output: 'سطر نظيف\nتمثل أهمية كبيرة', at: [2, 1] },
  { name: 'CRLF line endings survive', input: 'منهــا مــا\r\nهــو قــادم\r\n', output: 'منها ما\r\nهو قادم\r\n' },
  { name: 'one-letter prefix before a quote is correct spelling', input: 'قال لـ "العربية" إن' },
  { name: 'one-letter prefix before a digit or a Latin word', input: 'وفقا لـ 2020 وبـ COVID' },
  { name: 'a single authored stretch in clean text stays', input: 'إن مراقَـبة الأسواق ضرورية.\nوهذا سطر آخر نظيف تماما.' },
  {
    name: 'one authored stretch repeated in many paragraphs is still one word',
    input: 'إن مراقَـبة الأسواق ضرورية.\nوهذا سطر آخر.\n'.repeat(5),
  },
  { name: 'a bare tatweel run used as a dash stays', input: 'العنوان ـــ الفصل الأول' },
  { name: 'English text', input: 'The quick brown fox.' },
]);

describe('remove-kashida keeps prefixes inside justified text', () => {
  it('removes stretches but keeps لـ before a quote', () => {
    const r = runRule(removeKashida, 'قالـت مصـادر لـ "رويترز" إنهـا');
    expect(r.text).toBe('قالت مصادر لـ "رويترز" إنها');
  });
});

table(presentationForms, [
  { name: 'isolated, initial, medial, final forms', input: 'ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ', output: 'السلام عليكم' },
  { name: 'lam-alef ligature comes out lam then alef', input: 'ﻻ', output: 'لا' },
  { name: 'lam-alef with hamza', input: 'ﻷن', output: 'لأن' },
  { name: 'mixed with plain letters', input: 'في ﺍﻟﻌﺮﺍﻕ اليوم', output: 'في العراق اليوم', at: [1, 4] },
  { name: 'word ligature in glyph-code text unfolds', input: 'ﺑﺴﻢ ﷲ', output: 'بسم الله' },
  { name: 'a typed ﷺ in otherwise plain text stays', input: 'قال النبي ﷺ' },
  { name: 'other compatibility characters are not folded', input: 'x² H₂O ﬁle' },
  { name: 'plain Arabic', input: 'السلام عليكم' },
  { name: 'a zero-width no-break space is not a presentation form', input: '\ufeffنص' },
]);

table(bidiControls, [
  {
    name: 'pdftotext wraps every RTL run in RLE … PDF',
    input: '\u202bالسطر الأول\u202c\n\u202bالسطر الثاني\u202c\n\u202bالسطر الثالث\u202c',
    output: 'السطر الأول\nالسطر الثاني\nالسطر الثالث',
  },
  {
    name: 'marks around numbers on most lines',
    input: 'في عام \u200e2019\u200e وقع\nنسبة \u200e45%\u200e من',
    output: 'في عام 2019 وقع\nنسبة 45% من',
  },
  { name: 'an unpaired PDF in clean text is stray', input: 'نص عادي\u202c هنا\nسطر آخر\nوسطر ثالث\nورابع', output: 'نص عادي هنا\nسطر آخر\nوسطر ثالث\nورابع' },
  { name: 'one authored RLM in clean text stays', input: 'استخدم C++\u200f في المشروع.\nسطر ثان.\nسطر ثالث.' },
  { name: 'a balanced isolate in clean text stays', input: 'قال \u2068John Smith\u2069 إن الخطة جيدة.\nسطر ثان.\nسطر ثالث.' },
]);

table(reattachMarks, [
  { name: 'tanween cut loose', input: 'مدخلا ً للحل', output: 'مدخلاً للحل', at: [1, 6] },
  { name: 'shadda cut loose', input: 'حج ّم', output: 'حجّم' },
  { name: 'damma cut loose', input: 'ي ُدرّك', output: 'يُدرّك' },
  { name: 'marks in place', input: 'مدخلاً يُدرّك' },
  { name: 'a mark after a digit and space is left alone', input: '5 ً' },
]);
