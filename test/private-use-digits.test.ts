import { describe, expect, it } from 'vitest';
import { pua, runOnly, visible } from './rule-helpers.js';

const RULE = 'private-use-digits';

/** A font whose zero sits apart from 1–9, as in seed 004 (0 at U+E005, 1–9 at U+E008–U+E010). */
function zeroApart(digits: string): string {
  return [...digits].map((d) => (d === '0' ? '\ue005' : /\d/.test(d) ? String.fromCharCode(0xe007 + Number(d)) : d)).join('');
}

describe('private-use-digits: decodes', () => {
  const cases: { name: string; input: string; output: string; at?: [number, number] }[] = [
    {
      name: 'a document whose digits are U+F030–U+F039',
      input: `ارتفعت الأسعار في عام ${pua(0xf030, '2019')} بنسبة ${pua(0xf030, '15')}% لتبلغ ${pua(0xf030, '3.2')} مليار دولار`,
      output: 'ارتفعت الأسعار في عام 2019 بنسبة 15% لتبلغ 3.2 مليار دولار',
      at: [1, 23],
    },
    {
      name: 'a font with zero apart from 1–9, years and days',
      input: [
        `منذ سنة ${zeroApart('2003')}، شعرت`,
        `ما بعد عام ${zeroApart('2014')} من الشراكة`,
        `في ${zeroApart('29')} كانون الأول/ ديسمبر`,
        `في عام ${zeroApart('2011')}، كما أن`,
        `أكثر من ${zeroApart('1.5')} مليار دولار`,
        `يمثل التحالف ${zeroApart('12')} دولة`,
        `في ${zeroApart('27')} كانون الأول`,
        `سنة ${zeroApart('2018')} في العراق`,
      ].join('\n'),
      output: [
        'منذ سنة 2003، شعرت',
        'ما بعد عام 2014 من الشراكة',
        'في 29 كانون الأول/ ديسمبر',
        'في عام 2011، كما أن',
        'أكثر من 1.5 مليار دولار',
        'يمثل التحالف 12 دولة',
        'في 27 كانون الأول',
        'سنة 2018 في العراق',
      ].join('\n'),
      at: [1, 9],
    },
    {
      name: 'a historical year, and digits on a proclitic (symbol-font codes U+F030–U+F039)',
      input: `صاغ المصطلح في عام ${pua(0xf030, '1877')}، أي بعد قرون، ويوفر ما بين ${pua(0xf030, '30')} و${pua(0xf030, '60')} في المئة`,
      output: 'صاغ المصطلح في عام 1877، أي بعد قرون، ويوفر ما بين 30 و60 في المئة',
      at: [1, 20],
    },
    {
      name: 'codes between or beside the solved ones, read under the same table',
      input: `في عام ${pua(0xe100, '2019')} افتتح ${pua(0xe100, '250')} محطة بطول ${pua(0xe100, '19')} كيلومترا`,
      output: 'في عام 2019 افتتح 250 محطة بطول 19 كيلومترا',
      at: [1, 8],
    },
    {
      name: 'in the digits the document writes elsewhere (Arabic-Indic)',
      input: `في عام ${pua(0xf030, '2019')} بلغ النمو ${pua(0xf030, '3.5')}% مقابل ٢٫١٪ في ٢٠١٨`,
      output: 'في عام ٢٠١٩ بلغ النمو ٣٫٥% مقابل ٢٫١٪ في ٢٠١٨',
      at: [1, 8],
    },
    {
      name: 'a year on the line after سنة',
      input: `صدرت في شهر حزيران/ يونيو سنة\n${pua(0xe100, '2014')}. وفي حال استمر العراق، ومنذ عام ${pua(0xe100, '2003')}`,
      output: 'صدرت في شهر حزيران/ يونيو سنة\n2014. وفي حال استمر العراق، ومنذ عام 2003',
      at: [2, 1],
    },
  ];
  for (const c of cases) {
    it(visible(c.name), () => {
      const r = runOnly(RULE, c.input);
      expect(r.text).toBe(c.output);
      expect(r.flags).toEqual([]);
      expect(r.changes.length).toBeGreaterThan(0);
      expect(r.changes.every((ch) => ch.rule === RULE)).toBe(true);
      if (c.at) expect([r.changes[0].line, r.changes[0].column]).toEqual(c.at);
    });
  }
});

describe('private-use-digits: leaves alone', () => {
  const cases: { name: string; input: string }[] = [
    { name: 'icon-font bullets before amounts', input: '\uf0b7 مليون شخص فقدوا منازلهم\n \uf0a7 ألف مدرسة أغلقت' },
    { name: 'icon-font bullets and symbols', input: '\uf0b7 البند الأول من الاتفاق\n\uf0b7 البند الثاني\nللتواصل \uf028 \uf02a والعنوان \uf0e0' },
    { name: 'a private script in running text', input: '\ue100\ue101\ue102 \ue103\ue104 \ue105\ue106\ue107\ue108' },
    { name: 'PUA codes inside words (letters, not digits)', input: 'وأن تزعـ\ue0ed\ue085 استقرار الحياة في الخا\ue0a5\ue072' },
    { name: 'clean text with real digits', input: 'في عام 2019 بلغ النمو 3.5% أي 12 مليار دولار' },
  ];
  for (const c of cases) {
    it(visible(c.name), () => {
      const r = runOnly(RULE, c.input);
      expect(r.text).toBe(c.input);
      expect(r.changes).toEqual([]);
      expect(r.flags).toEqual([]);
    });
  }
});

describe('private-use-digits: flags what it cannot solve', () => {
  it('an amount alone does not fix the digits: flagged with readings', () => {
    const input = `أكثر من ${pua(0xe200, '45')} مليون دولار`;
    const r = runOnly(RULE, input);
    expect(r.text).toBe(input);
    expect(r.flags).toHaveLength(1);
    expect(r.flags[0]).toMatchObject({ kind: 'private-use-digits-ambiguous', line: 1, column: 9 });
    expect(r.flags[0].suggestions!.length).toBeGreaterThan(1);
    expect(r.flags[0].suggestions).toContain('45');
  });
  it('no one-to-one table makes a year of four equal codes', () => {
    const input = 'في عام \ue300\ue300\ue300\ue300 حدث ذلك';
    const r = runOnly(RULE, input);
    expect(r.text).toBe(input);
    expect(r.flags.map((f) => f.kind)).toEqual(['private-use-digits-unsolved']);
  });
  it('codes in year places that no table reads as years (a large search, cut short)', () => {
    const lines = Array.from({ length: 30 }, (_, i) =>
      `في عام ${[7, 3, 5, 1].map((m) => String.fromCharCode(0xe300 + ((i * m) % 10))).join('')} حدث ذلك`,
    );
    const input = lines.join('\n');
    const r = runOnly(RULE, input);
    expect(r.text).toBe(input);
    expect(r.changes).toEqual([]);
    expect(r.flags.length).toBe(30);
  });
  it('below --min-confidence the decoding is a flag, not an edit', () => {
    const input = `في عام ${pua(0xf030, '2019')} حدث ذلك`;
    const r = runOnly(RULE, input, { minConfidence: 0.99 });
    expect(r.text).toBe(input);
    expect(r.flags[0]).toMatchObject({ kind: 'below-min-confidence', suggestions: ['2019'] });
  });
});
