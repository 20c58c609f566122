import { describe, expect, it } from 'vitest';
import { fixText } from '../src/index.js';

const unwrap = (text: string) => fixText(text, { enable: ['unwrap'] });

// Original text written for these tests, wrapped at about 60 characters.
const P1 = [
  'أعلنت وزارة التربية اليوم عن خطة جديدة لتطوير المناهج الدراسية',
  'في المرحلة الابتدائية، تشمل تدريس مهارات التفكير النقدي وحل',
  'المشكلات بدلًا من الحفظ، وتدريب المعلمين على أساليب حديثة.',
];
const P2 = [
  'وقال وزير التربية إن الخطة ستطبق تدريجيًا على مدى ثلاث سنوات',
  'بدءًا من العام الدراسي المقبل، بعد تجربتها في عدد من المدارس.',
];
const join = (lines: string[]) => lines.join(' ');

describe('unwrap: joins', () => {
  it('joins the hard-wrapped lines of each paragraph', () => {
    const text = [...P1, '', ...P2].join('\n');
    expect(unwrap(text).text).toBe([join(P1), '', join(P2)].join('\n'));
  });

  it('joins a paragraph cut by a page break (a full line without final punctuation, a blank, the rest)', () => {
    const text = [P1[0], P1[1], '', P1[2], '', ...P2].join('\n');
    expect(unwrap(text).text).toBe([join(P1), '', join(P2)].join('\n'));
    const cut = unwrap(text).changes.find((c) => /page/.test(c.reason));
    expect(cut?.line).toBe(2);
  });

  it('joins one-line-per-paragraph text cut by a page break', () => {
    const long1 = join(P1).replace(/\.$/, '') + ' ومن أجل ذلك خصصت الوزارة ميزانية كبيرة لمواجهة';
    const long2 = 'تحديات التنفيذ في المدارس الريفية والنائية، وخاصة نقص المعلمين.';
    const text = ['عنوان الخبر', '', long1, '', long2, '', join(P2)].join('\n');
    expect(unwrap(text).text).toBe(['عنوان الخبر', '', `${long1} ${long2}`, '', join(P2)].join('\n'));
  });

  it('keeps CRLF line endings where it does not join', () => {
    const text = [...P1, '', ...P2].join('\r\n') + '\r\n';
    expect(unwrap(text).text).toBe([join(P1), '', join(P2)].join('\r\n') + '\r\n');
  });
});

describe('unwrap: what stays on its own line', () => {
  it('keeps a heading, and the title', () => {
    const text = ['خطة جديدة للمناهج', '', ...P1, 'مهارات القرن الجديد', ...P2].join('\n');
    expect(unwrap(text).text).toBe(['خطة جديدة للمناهج', '', join(P1), 'مهارات القرن الجديد', join(P2)].join('\n'));
  });

  it('keeps list items', () => {
    const list = ['وتشمل الخطة ما يلي:', '- تدريب المعلمين على أساليب التدريس الحديثة', '- تطوير الكتب المدرسية', '1. تجربة في عشر مدارس'];
    const text = [...P1, '', ...list].join('\n');
    expect(unwrap(text).text).toBe([join(P1), '', ...list].join('\n'));
  });

  it('keeps a pull quote that repeats body text', () => {
    const quote = ['تدريس مهارات التفكير النقدي وحل المشكلات', 'بدلًا من الحفظ'];
    const text = [...P1, '', ...quote, '', ...P2].join('\n');
    expect(unwrap(text).text).toBe([join(P1), '', ...quote, '', join(P2)].join('\n'));
  });

  it('keeps short lines and text that is not wrapped', () => {
    const text = 'الاسم: أحمد\nالعمر: 30\nالمدينة: عمّان';
    expect(unwrap(text).text).toBe(text);
  });

  it('is off by default', () => {
    const text = [...P1, '', ...P2].join('\n');
    expect(fixText(text).text).toBe(text);
  });
});
