import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { getLexicon } from '../src/knowledge/lexicon.js';
import { fixText } from '../src/index.js';
import { visualToLogical, type VisualReading } from '../src/core/visual-reorder.js';

const require = createRequire(import.meta.url);
const { convertArabic } = require('arabic-reshaper') as { convertArabic: (s: string) => string };

/** The visual-order rule alone (plus presentation-forms, which folds what it leaves). */
const ONLY = { disable: ['mixed-direction', 'reattach-marks', 'remove-kashida'] };
const run = (text: string) => fixText(text, ONLY);
const voChanges = (text: string) => run(text).changes.filter((c) => c.rule === 'visual-order');

/** Every code point reversed (how mutool writes pure Arabic lines: marks before their letter). */
const reverseCodePoints = (s: string) => [...s].reverse().join('');
/** Grapheme clusters reversed (marks stay after their letter). */
const reverseClusters = (s: string) =>
  [...new Intl.Segmenter('ar', { granularity: 'grapheme' }).segment(s)].map((x) => x.segment).reverse().join('');

// Original sentences written for these tests.
const PARAGRAPH = [
  'أعلنت وزارة الصحة في بيان صدر صباح اليوم عن خطة جديدة',
  'لتطوير المستشفيات الحكومية في المحافظات الشمالية والجنوبية',
  'وقال المتحدث باسم الوزارة إن الخطة تشمل بناء مراكز صحية',
  'حديثة وتدريب الكوادر الطبية على أحدث الأساليب العلاجية',
];

// The word list takes a few seconds to decode on a slow machine: load it once, outside any test's time.
beforeAll(() => {
  getLexicon();
}, 120_000);

describe('visual-reorder: reading one visual line back', () => {
  const mutool: VisualReading = { base: 'rtl', marks: 'before-base', runs: 'visual', mirror: true };
  const cases: [string, string, VisualReading][] = [
    ['ماع يف', 'في عام', mutool],
    // digits and a percent sign keep their order, the sign goes after the number
    ['نم %38 تغلب', 'بلغت 38% من', mutool],
    ['%15 ةدايزب', 'بزيادة 15%', mutool],
    // a number that opens the logical line: its context is the line before
    ['ىتح ىرخأ نادلب يف %20', '20% في بلدان أخرى حتى', mutool],
    ['.2017 ماع يف', 'في عام 2017.', mutool],
    // a Latin word glued to digits is one left-to-right run
    ['رخاوأ يف (COVID-19) دجتسملا', 'المستجد (COVID-19) في أواخر', mutool],
    // brackets written as the page shows them (mirrored) …
    ['ةيكيرمألا (FDA) ةئيه', 'هيئة (FDA) الأمريكية', mutool],
    // … or as characters (then reversed with the rest)
    [')ربوتكأ( لوألا نيرشت', 'تشرين الأول (أكتوبر)', { ...mutool, mirror: false }],
    // marks before their letter (code points reversed) …
    ['ةلاّعفو', 'وفعّالة', mutool],
    // … or after it (grapheme clusters reversed)
    ['ةلاعّفو', 'وفعّالة', { ...mutool, marks: 'after-base' }],
    ['هللا دبع', 'عبد الله', mutool],
    // a score or a range beside Arabic is shown reversed by the bidi layout …
    ['يف 1-2 ةجيتنب', 'بنتيجة 2-1 في', mutool],
    ['(م965–915)', '(915–965م)', mutool],
    // … unless the typesetter kept numbers whole
    ['يف 2-1 ةجيتنب', 'بنتيجة 2-1 في', { ...mutool, numbers: 'whole' }],
    ['2:06:41 نمزب', 'بزمن 2:06:41', mutool],
    // runs already in logical order, characters reversed inside each (mutool on LibreOffice PDFs)
    [' تغلب ةيدلبلا تاباختنالا38،نيلجسملا نم %', 'الانتخابات البلدية بلغت 38% من المسجلين،', { ...mutool, runs: 'logical' }],
  ];
  it.each(cases)('%s → %s', (visual, logical, reading) => {
    expect(visualToLogical(visual, reading).text).toBe(logical);
  });

  it('keeps the provenance of every character', () => {
    const r = visualToLogical('نم %38', mutool);
    expect(r.origins).toHaveLength(r.text.length);
    expect([...r.origins].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('visual-order: lines that must change', () => {
  it('reads a visual document back, line by line (code points reversed, as mutool writes it)', () => {
    const visual = PARAGRAPH.map(reverseCodePoints).join('\n');
    expect(run(visual).text).toBe(PARAGRAPH.join('\n'));
  });

  it('keeps line endings and the lines between (CRLF, blank lines)', () => {
    const visual = PARAGRAPH.map(reverseCodePoints).join('\r\n\r\n') + '\r\n';
    expect(run(visual).text).toBe(PARAGRAPH.join('\r\n\r\n') + '\r\n');
  });

  it('puts digits, Latin words, brackets and punctuation where they belong', () => {
    const lines = [
      'ةيلحملا تاباختنالا يف ةكراشملا ةبسن تغلب',
      '،نيلجسملا نيبخانلا يلامجإ نم %38',
      '.2017 ماع ةقباسلا ةرودلا يف اهيلع تناك امم ىلعأ يهو',
      'يبوروألا داحتالا نم (EU) ةثعب تدكأو',
    ];
    expect(run(lines.join('\n')).text).toBe(
      [
        'بلغت نسبة المشاركة في الانتخابات المحلية',
        '38% من إجمالي الناخبين المسجلين،',
        'وهي أعلى مما كانت عليها في الدورة السابقة عام 2017.',
        'وأكدت بعثة (EU) من الاتحاد الأوروبي',
      ].join('\n'),
    );
  });

  it('keeps a mark on its letter when the extractor kept glyph clusters whole', () => {
    const logical = [
      'يُعَدُّ هذا المشروع من أكبر المشاريع في المنطقة',
      'وقد شارك فيه عددٌ كبيرٌ من المهندسين والعمّال',
      'ويتوقّع الخبراء أن يُفتتح رسميًا في نهاية العام',
    ];
    expect(run(logical.map(reverseClusters).join('\n')).text).toBe(logical.join('\n'));
  });

  it('reads presentation forms in visual order, lam-alef ligatures reversed as one glyph', () => {
    const logical = ['السلام عليكم ورحمة الله وبركاته', 'الاشتراك في المسابقة مجاني للطلاب', 'لا يمكن التسجيل بعد انتهاء المهلة المحددة'];
    const visual = logical.map((l) => reverseCodePoints(convertArabic(l))).join('\n');
    expect(/[\ufef5-\ufefc]/.test(visual)).toBe(true);
    expect(run(visual).text).toBe(logical.join('\n'));
  });

  it('puts back lam-alef ligatures decoded in logical order inside visual text (كارتشلاا)', () => {
    const visual = ['ةقباسملا يف كارتشالا طورش نع نلعت ةنجللا', 'ةيناجم ةقباسملا يف كارتــشلاا موسر نإ تلاقو'].join('\n');
    const out = run(visual).text.split('\n');
    expect(out[0]).toBe('اللجنة تعلن عن شروط الاشتراك في المسابقة');
    // the swap moves letters only: the justification tatweel is remove-kashida's
    expect(out[1]).toBe('وقالت إن رسوم الاشــتراك في المسابقة مجانية');
  });

  it('converts visual lines of a mixed document and leaves its logical lines alone', () => {
    const doc = [
      PARAGRAPH[0],
      reverseCodePoints('وأوضح المتحدث الرسمي أن الوزارة خصصت ميزانية كبيرة للمشروع'),
      PARAGRAPH[2],
      PARAGRAPH[3],
    ].join('\n');
    const out = run(doc).text.split('\n');
    expect(out[0]).toBe(PARAGRAPH[0]);
    expect(out[1]).toBe('وأوضح المتحدث الرسمي أن الوزارة خصصت ميزانية كبيرة للمشروع');
    expect(out[2]).toBe(PARAGRAPH[2]);
    expect(out[3]).toBe(PARAGRAPH[3]);
  });

  it('keeps provenance: a later rule still points at the input', () => {
    const stretched = ['أعلنــت وزارة الصحــة في بيــان صدر صباح اليوم', 'لتطويــر المستشفيــات الحكوميــة في المحافظات'];
    const input = [...stretched, ...PARAGRAPH.slice(2)].map(reverseCodePoints).join('\n');
    const r = fixText(input);
    expect(r.text.split('\n')[0]).toBe('أعلنت وزارة الصحة في بيان صدر صباح اليوم');
    const kashida = r.changes.filter((c) => c.rule === 'remove-kashida');
    expect(kashida.length).toBeGreaterThanOrEqual(5);
    for (const c of kashida) {
      // the word as the input has it (reversed), tatweel included
      expect(input.slice(c.offset, c.endOffset)).toContain('ـ');
      expect(reverseCodePoints(input.slice(c.offset, c.endOffset))).toBe(c.before);
    }
  });

  it('reports each converted line with its input position and a reason', () => {
    const visual = PARAGRAPH.map(reverseCodePoints).join('\n');
    const changes = voChanges(visual);
    expect(changes.map((c) => c.line)).toEqual([1, 2, 3, 4]);
    for (const c of changes) {
      expect(c.confidence).toBeGreaterThanOrEqual(0.8);
      expect(c.reason).toMatch(/visual order/);
      expect(c.safety).toBe('heuristic');
    }
  });
});

describe('visual-order: flags', () => {
  it('flags, and leaves, a line with only some visual evidence in a logical document', () => {
    // a name the word counts do not know, reversed: its letters alone lean visual
    const doc = [...PARAGRAPH, reverseCodePoints('الكاظمي')].join('\n');
    const r = run(doc);
    expect(r.text).toBe(doc);
    const flags = r.flags.filter((f) => f.rule === 'visual-order');
    expect(flags.map((f) => [f.kind, f.line])).toEqual([['possibly-visual-order', 5]]);
    expect(flags[0].suggestions).toEqual(['الكاظمي']);
  });
});

describe('visual-order: text that must not change', () => {
  const clean: [string, string][] = [
    ['logical Arabic', PARAGRAPH.join('\n')],
    ['English', 'The committee met on 12 March 2021 and approved the budget.\nSee https://example.org/report.pdf (page 3).'],
    ['mixed', 'بلغت نسبة التضخم 3.5% في عام 2023 وفق تقرير (IMF) المنشور على https://example.org/a/b\nوقال إن COVID-19 أثّر في الاقتصاد'],
    ['numbers only', '2019 - 2020\n(1) 15% 3.7 12:30'],
    ['words whose reversals are words too', 'رب بر\nلا ال\nعلم ملع'],
    ['a short line', 'صفحة'],
    ['marks and shadda', 'يُعَدُّ المشروعُ مهمًّا جدًّا للمنطقة، وقد شارك فيه عددٌ كبيرٌ من العمّال.'],
  ];
  it.each(clean)('%s', (_, text) => {
    const r = fixText(text);
    expect(r.changes.filter((c) => c.rule === 'visual-order')).toEqual([]);
    expect(r.flags.filter((f) => f.rule === 'visual-order')).toEqual([]);
  });

  it('leaves the clean samples byte for byte, with no flags', () => {
    const dir = new URL('../seeds/', import.meta.url);
    for (const name of readdirSync(dir).filter((n) => /^00[123]_/.test(n))) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      const r = fixText(text);
      expect(r.text).toBe(text);
      expect(r.flags).toEqual([]);
    }
  });

  it('never reverses a logical line inside a visual document', () => {
    const doc = [...PARAGRAPH.map(reverseCodePoints), 'وهذا السطر مكتوب بالترتيب المنطقي الصحيح تمامًا'].join('\n');
    const out = run(doc).text.split('\n');
    expect(out.slice(0, 4)).toEqual(PARAGRAPH);
    expect(out[4]).toBe('وهذا السطر مكتوب بالترتيب المنطقي الصحيح تمامًا');
  });
});
