import { describe, expect, it } from 'vitest';
import { runOnly } from './rule-helpers.js';

const RULE = 'flag-dropped-digits';

/** Damaged text → the same text with ⟦#⟧ at every site, and the kinds flagged. */
const mustFlag: { name: string; input: string; marked: string; kinds: string[] }[] = [
  { name: 'year after عام before a spaced comma', input: 'بعد الانسحاب من العراق\nعام ، إذ تنظر', marked: 'بعد الانسحاب من العراق\nعام ⟦#⟧، إذ تنظر', kinds: ['year-after-year-noun'] },
  { name: 'year after a month', input: 'تنظيم داعش في يونيو ، ومن ثم', marked: 'تنظيم داعش في يونيو ⟦#⟧، ومن ثم', kinds: ['number-after-month'] },
  { name: 'a date line with only separators', input: ', أغسطس  | كتبه فراس', marked: '⟦#⟧, أغسطس ⟦#⟧ | كتبه فراس', kinds: ['day-before-month', 'number-after-month'] },
  { name: 'a Levantine month', input: 'في كانون الأول ، قررت الحكومة', marked: 'في كانون الأول ⟦#⟧، قررت الحكومة', kinds: ['number-after-month'] },
  { name: 'a Maghreb month', input: 'في غشت ، أعلنت الوزارة', marked: 'في غشت ⟦#⟧، أعلنت الوزارة', kinds: ['number-after-month'] },
  { name: 'an Algerian month', input: 'منذ جانفي ، تغير الوضع', marked: 'منذ جانفي ⟦#⟧، تغير الوضع', kinds: ['number-after-month'] },
  { name: 'a paired month name', input: 'في حزيران/ يونيو ، وقع الاتفاق', marked: 'في حزيران/ يونيو ⟦#⟧، وقع الاتفاق', kinds: ['number-after-month'] },
  { name: 'a preposition before a comma', input: 'نجح في تشكيل حكومته في ، عادل عبد المهدي', marked: 'نجح في تشكيل حكومته في ⟦#⟧، عادل عبد المهدي', kinds: ['orphan-comma'] },
  { name: 'a preposition, then من and a month', input: 'تشكيل حكومته في\nمن مايو الماضي', marked: 'تشكيل حكومته في ⟦#⟧\nمن مايو الماضي', kinds: ['day-before-month'] },
  { name: 'a lone decimal point before مليار', input: 'تمنح أكثر من . مليار دولار', marked: 'تمنح أكثر من ⟦#⟧. مليار دولار', kinds: ['lone-decimal-point'] },
  { name: 'a double space before مليون', input: 'بلغت الخسائر  مليون دولار', marked: 'بلغت الخسائر ⟦#⟧ مليون دولار', kinds: ['number-before-unit'] },
  { name: 'a percent sign alone', input: 'ارتفعت الأسعار بنسبة % خلال', marked: 'ارتفعت الأسعار بنسبة ⟦#⟧% خلال', kinds: ['number-before-percent'] },
  { name: 'a year after منذ', input: 'يعيش هناك منذ ، وقد', marked: 'يعيش هناك منذ ⟦#⟧، وقد', kinds: ['number-after-leader'] },
  { name: 'the end of the year, then a spaced full stop', input: 'بحلول نهاية العام .', marked: 'بحلول نهاية العام ⟦#⟧.', kinds: ['year-after-year-noun'] },
  { name: 'digitless document: a generic double space and a spaced point', input: 'في يونيو ، وقالت إن الهيئة تلقت  طعنًا وأن رغبة . فقط', marked: 'في يونيو ⟦#⟧، وقالت إن الهيئة تلقت ⟦#⟧ طعنًا وأن رغبة ⟦#⟧. فقط', kinds: ['number-after-month', 'double-space', 'lone-decimal-point'] },
  { name: 'digitless document: a decimal point and % alone', input: 'تراجع التضخم إلى .% في شهر يونيو الماضي', marked: 'تراجع التضخم إلى ⟦#⟧.% في شهر يونيو الماضي', kinds: ['lone-decimal-point'] },
  { name: 'a text that lost its digits: a line opening with a space before a unit', input: 'في يونيو ، ركض العداؤون\n كيلومترات، وسباق', marked: 'في يونيو ⟦#⟧، ركض العداؤون\n⟦#⟧ كيلومترات، وسباق', kinds: ['number-after-month', 'number-before-unit'] },
  { name: 'a double space before a month', input: 'جرت في  أكتوبر الماضي', marked: 'جرت في ⟦#⟧ أكتوبر الماضي', kinds: ['day-before-month'] },
  { name: 'a text that lost its digits: a month then a comma', input: 'بعد الانسحاب عام ، إذ وقع الاتفاق في يونيو، ومن ثم', marked: 'بعد الانسحاب عام ⟦#⟧، إذ وقع الاتفاق في يونيو ⟦#⟧، ومن ثم', kinds: ['year-after-year-noun', 'number-after-month'] },
  { name: 'a text that lost its digits: a reversed line ending in a month, with a comma left alone', input: 'وبدأت المفاوضات في ، أعلنت الوزارة في منتصف يناير\nوقالت إن الاتفاق قريب', marked: 'وبدأت المفاوضات في ⟦#⟧، أعلنت الوزارة في منتصف يناير ⟦#⟧\nوقالت إن الاتفاق قريب', kinds: ['orphan-comma', 'number-after-month'] },
];

describe('flag-dropped-digits: flags and marks', () => {
  for (const c of mustFlag) {
    it(c.name, () => {
      const plain = runOnly(RULE, c.input);
      expect(plain.text).toBe(c.input); // flags only, unless --mark-missing
      expect(plain.flags.map((f) => f.kind)).toEqual(c.kinds);
      for (const f of plain.flags) expect(f.message).toMatch(/expected|preposition|decimal point/);
      const marked = runOnly(RULE, c.input, { markMissing: true });
      expect(marked.text).toBe(c.marked);
      // Each flag sits where its placeholder went (the placeholder may bring a space).
      const first = c.marked.indexOf('⟦#⟧');
      const pad = c.marked[first - 1] === ' ' && c.input[first - 1] !== ' ' ? 1 : 0;
      expect(plain.flags[0].offset).toBe(first - pad);
    });
  }

  it('reports line and column at the gap', () => {
    const r = runOnly(RULE, 'سطر أول\nعام ، إذ تنظر');
    expect(r.flags).toHaveLength(1);
    expect(r.flags[0]).toMatchObject({ line: 2, column: 5, kind: 'year-after-year-noun' });
    expect(r.flags[0].message).toContain('a year expected after عام');
  });

  it('a custom placeholder, and a second run adds none', () => {
    const once = runOnly(RULE, 'في يونيو ، ومن', { markMissing: '[?]' });
    expect(once.text).toBe('في يونيو [?]، ومن');
    const twice = runOnly(RULE, once.text, { markMissing: '[?]' });
    expect(twice.text).toBe(once.text);
    expect(twice.flags).toEqual([]);
  });
});

/** Numbers present, or no number called for: never a flag, even with --mark-missing. */
const mustNotFlag: { name: string; input: string }[] = [
  { name: 'a year present', input: 'في عام 2019، قررت الحكومة' },
  { name: 'Arabic-Indic digits', input: 'في عام ٢٠١٩ ، قررت الحكومة' },
  { name: 'العام الماضي', input: 'بدأ العام الماضي ، من أجل وضع تصور' },
  { name: 'منذ زمن', input: 'يعيش هناك منذ زمن ، وقد' },
  { name: 'في يونيو الماضي', input: 'وقع الاتفاق في يونيو الماضي ، ومن ثم' },
  { name: 'الرأي العام (public opinion)', input: 'أثار ذلك الرأي العام ، وهو ما' },
  { name: 'بشكل عام (in general)', input: 'وهذا صحيح بشكل عام ، لكن' },
  { name: 'مدير عام (director general)', input: 'عين مدير عام ، ثم' },
  { name: 'the end of the year, no gap', input: 'بحلول نهاية العام، في مهمة قتالية. وقبل 3 أيام' },
  { name: 'a habit of spacing commas', input: 'في مرحلة حرجة ، وأصبحت عاجزة ، ومالية ،وصحية في يونيو ، ومن 3 سنوات' },
  { name: 'a double space between ordinary words', input: 'تصعيد كبير  للميليشيات وزيادة في عدد  الهجمات عام 2020' },
  { name: 'a million without a number', input: 'يوجد فيه أكثر من مليون باحث عن عمل' },
  { name: 'a late-June phrase', input: 'في أواخر حزيران (يونيو) ووصفتها بأنها' },
  { name: 'digits glued to the preposition', input: 'والذي سيبدأ في19 اب/أغسطس الجاري، وفي20أب/أغسطس' },
  { name: 'day and paired month present', input: 'في شهر العشرين من أب/أغسطس الجاري، وفي 10 تشرين الأول (أكتوبر) المقبل' },
  { name: 'a verb that spells a month', input: 'مارس الضغط على الحكومة منذ 2003 ، ومارس ، ثم' },
  { name: 'a date', input: '27/07/2021\nأعلن البيت الأبيض' },
  { name: 'a URL with digits and an Arabic label', input: 'رابط المقال: https://www.noonpost.com/35494/' },
  { name: 'English text', input: 'In 2019 , the year , was long.' },
  { name: 'a text without digits and no sure gap: a month then a comma', input: 'وقع الاتفاق في يونيو، ومن ثم في أواخر ديسمبر.\n\nوقبل عام، كان' },
  { name: 'visual order: the number after the comma or %', input: 'في عام  ،2019 تسابقت المختبرات، وبلغت %38 من الناخبين' },
  { name: 'a text with digits: no % or generic flags', input: 'بلغت النسبة 38 في المئة. وارتفعت حصة المدفوعات .% وبلغت  طعنًا' },
  { name: 'this year', input: 'وتحسنت الأرقام هذا العام ، وفي عام 2020 تراجعت' },
  { name: 'a name that looks like على', input: 'من المهاجم يوسف بن علي، بعد ركلة ثم منذ 2019 ، و' },
  { name: 'an adverb that looks like a preposition', input: 'لم يعرفوها من قبل، فصاروا يوفرون ساعات' },
  { name: 'a month at the end of a line with no trace of a lost number', input: 'زار الوفد العاصمة في مطلع يناير\nوعقد لقاءات، وقال إن الزيارة ناجحة' },
];

describe('flag-dropped-digits: leaves alone', () => {
  for (const c of mustNotFlag) {
    it(c.name, () => {
      const r = runOnly(RULE, c.input, { markMissing: true });
      expect(r.flags).toEqual([]);
      expect(r.text).toBe(c.input);
    });
  }
});
