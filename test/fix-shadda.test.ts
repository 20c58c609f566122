import { describe, expect, it } from 'vitest';
import { runOnly } from './rule-helpers.js';

const RULE = 'fix-shadda';

/**
 * A second late shadda in the same document: the misplacement must show in two
 * different words (one typo repeated is still one writer's slip).
 */
const alsoLate = (input: string) => (input.includes('تمكنّ') ? [' ثم وتميزّت', ' ثم وتميّزت'] : [' ثم تمكنّ', ' ثم تمكّن']);

describe('fix-shadda: moves a late shadda back', () => {
  const cases: { input: string; output: string; column: number }[] = [
    { input: 'وتميزّت جلسة يوم الأحد', output: 'وتميّزت جلسة يوم الأحد', column: 4 },
    { input: 'وعلى نحو مماثل، تمكنّ سليماني من', output: 'وعلى نحو مماثل، تمكّن سليماني من', column: 19 },
    { input: 'المتظاهرين العُزلّ لعدة أشهر', output: 'المتظاهرين العُزّل لعدة أشهر', column: 16 },
    { input: 'أن تركز على هذا الفوز، وتبنىّ سياسات', output: 'أن تركز على هذا الفوز، وتبنّى سياسات', column: 27 },
    { input: 'وتتبنىّ', output: 'وتتبنّى', column: 5 },
    { input: 'كما يؤكدّ البيان', output: 'كما يؤكّد البيان', column: 7 },
    { input: 'وفق المتوقعّ', output: 'وفق المتوقّع', column: 10 },
    { input: 'العُــزلّ', output: 'العُــزّل', column: 7 },
  ];
  for (const c of cases) {
    it(`${c.input} → ${c.output}`, () => {
      const [also, alsoFixed] = alsoLate(c.input);
      const r = runOnly(RULE, c.input + also);
      expect(r.text).toBe(c.output + alsoFixed);
      expect(r.changes).toHaveLength(2);
      expect(r.changes[0]).toMatchObject({ rule: RULE, line: 1, column: c.column });
      expect(r.flags).toEqual([]);
    });
  }

  it('the same misplaced word twice is still one slip', () => {
    const input = 'والواقع أن العراق يتطّلع إلى تحقيق. والعراق يتطّلع أيضا';
    expect(runOnly(RULE, input).text).toBe(input);
  });

  it('a shadda on ى moves on its own', () => {
    const r = runOnly(RULE, 'وتبنىّ سياسات');
    expect(r.text).toBe('وتبنّى سياسات');
  });

  it('a single shape-only misplacement is left as it is (a writer may have typed it)', () => {
    const input = 'والواقع أن العراق هو الآخر يتطّلع إلى تحقيق';
    expect(runOnly(RULE, input).text).toBe(input);
    const lone = 'وتميزّت جلسة يوم الأحد';
    expect(runOnly(RULE, lone).text).toBe(lone);
  });
});

describe('fix-shadda: moves an early shadda forward (pdftotext)', () => {
  it('when the document shows it more than once', () => {
    const input = 'وأّن اللقاحات آمنة وفّعالة، كما تأّملاته';
    const r = runOnly(RULE, input);
    expect(r.text).toBe('وأنّ اللقاحات آمنة وفعّالة، كما تأمّلاته');
    // Each change starts at the misplaced shadda.
    const shaddas = [...input].flatMap((ch, k) => (ch === '\u0651' ? [k + 1] : []));
    expect(r.changes.map((c) => c.column)).toEqual(shaddas);
  });
  it('not where both neighbours fit (العربّي could be العربيّ or العرّبي)', () => {
    const input = 'الأدب العربّي وأّن وفّعالة';
    const r = runOnly(RULE, input);
    expect(r.text).toBe('الأدب العربّي وأنّ وفعّالة');
  });
});

describe('fix-shadda: leaves correct shaddas alone', () => {
  const words = [
    'الحاليّ', 'الحاليّة،', 'طيّ', 'إنّ', 'أنّ', 'لكنّ', 'كلّ', 'ثمّ', 'حقّ', 'ضدّ', 'مهمّ', 'الدوليّة', 'يتمّ', 'مرّات',
    'الشّمس', 'أيّام', 'السيّارة', 'المتحدّث', 'اتّفاق', 'التّعاون', 'استمرّ', 'احتلّ', 'امتدّت', 'تُشتقّ', 'اهتمّ', 'انضمّ',
    'أكّد', 'يؤكّد', 'محمّد', 'معلّم', 'الحاجّ', 'عامّ', 'خاصّ', 'مستقلّ', 'جدّاً', 'القوّات', 'الجوّيّة', 'سكّان', 'مدّة',
    'يعدّ', 'شدّد', 'توقّف', 'المتوقّع', 'المتوسّط', 'يتطلّب', 'ردّ', 'كافّة', 'مستعدّ', 'المحتلّ', 'موادّ', 'أدلّة', 'حجّم',
    'المفوّضة،', 'تمتّع', 'يُدرّك', 'يتطّلع', 'ويتعيّن', 'وتطرّق', 'سيتسلّم', 'تعرّضت', 'احمرّ', 'اطمأنّ',
  ];
  for (const w of words) {
    it(w, () => {
      const input = `قال إن ${w} هنا`;
      const r = runOnly(RULE, input);
      expect(r.text).toBe(input);
      expect(r.changes).toEqual([]);
      expect(r.flags).toEqual([]);
    });
  }
});
