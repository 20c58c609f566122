import { beforeAll, describe, expect, it } from 'vitest';
import { fixText, getLexicon, lexiconFromWords, type FixOptions } from '../src/index.js';
import { untouchable } from './rule-helpers.js';
import { searchReadings, renderReading, DEFAULT_SEARCH } from '../src/reorder/search.js';
import { glueKind, tokenizeLine } from '../src/reorder/tokens.js';
import { WordModel, emptyCounts } from '../src/reorder/word-model.js';
import { frequenciesOf, reverseRuns } from './helpers/damage.js';

const noTatweel = (s: string) => s.replace(/\u0640/g, '');
/** Only this rules and the safe ones: other heuristics would blur what is tested. */
const ONLY_REORDER: FixOptions = { disable: ['remove-kashida'] };

function lineOf(text: string, n: number): string {
  return text.split('\n')[n - 1];
}

// The shipped lexicon takes a while to decode on a busy machine: load it once, up front.
beforeAll(() => {
  getLexicon();
}, 60_000);

describe('reorder-runs: reversed runs are put back (shipped lexicon and web counts)', () => {
  it('two runs cut at a kerning gap (وز|ير), with the sentence around it', () => {
    const { damaged, logical } = reverseRuns('وقال وز|ير الصحة إن الخطة ستبدأ مطلع الشهر المقبل،');
    expect(damaged).toBe('ير الصحة إن الخطة ستبدأ مطلع الشهر المقبل، وقال وز');
    const doc = [
      'أعلنت الحكومة اليوم عن خطة جديدة لتطوير قطاع الصحة في المدن الكبرى والمناطق الريفية.',
      damaged,
      'وستشمل بناء مستشفيات جديدة وتدريب آلاف الأطباء والممرضين في مختلف التخصصات.',
    ].join('\n');
    const result = fixText(doc, ONLY_REORDER);
    expect(lineOf(result.text, 2)).toBe(logical);
    const change = result.changes.find((c) => c.rule === 'reorder-runs');
    expect(change).toMatchObject({ line: 2, column: 1, before: damaged, after: logical });
    expect(change!.confidence).toBeGreaterThanOrEqual(0.6);
    expect(lineOf(result.text, 1)).toBe(lineOf(doc, 1));
    expect(lineOf(result.text, 3)).toBe(lineOf(doc, 3));
  });

  it('three runs, two words cut at kerning gaps (الشر|كة, الأمر|يكية)', () => {
    const { damaged, logical } = reverseRuns('وأكد المدير أن الشر|كة ستفتتح فروعا جديدة في السوق الأمر|يكية خلال العام المقبل.');
    const doc = ['وتوقع المحللون أن ترتفع أرباح الشركة بنسبة كبيرة هذا العام.', damaged, 'ولم تعلق الشركة على هذه الأنباء حتى الآن.'].join('\n');
    expect(lineOf(fixText(doc, ONLY_REORDER).text, 2)).toBe(logical);
  });

  it('five runs cut at kashidas in a justified line (tatweel-initial pieces)', () => {
    const { damaged, logical } = reverseRuns('هنـ|ـاك العديـ|ـد مـن التحديـ|ـات والعقبـ|ـات الكبيـرة الـتي تواجـه القطـاع.');
    expect(damaged.startsWith('ـات الكبيـرة')).toBe(true);
    const doc = [
      'وتهدف الخطة إلى تحسين الخدمات الصحية المقدمة للمواطنين في جميع المحافظات، لكن',
      damaged,
      'ويرى خبراء أن نجاح الخطة يتطلب تمويلا كافيا ومتابعة دقيقة من الجهات المعنية.',
    ].join('\n');
    const result = fixText(doc, ONLY_REORDER);
    expect(lineOf(result.text, 2)).toBe(logical);
    // Every character keeps its origin: the change names the damaged line, whole.
    const change = result.changes.find((c) => c.rule === 'reorder-runs')!;
    expect(change.line).toBe(2);
    expect(change.before).toBe(damaged);
    // And with remove-kashida on, the tatweel goes afterwards.
    expect(lineOf(fixText(doc).text, 2)).toBe(noTatweel(logical));
  });

  it('runs split around numbers: each number is a run of its own', () => {
    const { damaged, logical } = reverseRuns('افتتح المعرض أبوابه في |14| مارس |2023| بمشاركة |120| دار نشر من عدة دول.');
    expect(damaged).toBe('دار نشر من عدة دول. 120 بمشاركة 2023 مارس 14 افتتح المعرض أبوابه في');
    const cut = reverseRuns('وذ|كر المنظمون أن عدد الزوار تجاوز التوقعات في اليوم الأول.');
    const doc = ['معرض الكتاب', '', damaged, cut.damaged].join('\n');
    const result = fixText(doc, ONLY_REORDER);
    expect(lineOf(result.text, 3)).toBe(logical);
    expect(lineOf(result.text, 4)).toBe(cut.logical);
  });

  it('leaves clean text alone without consulting the lexicon', () => {
    const clean = [
      'أعلنت وزارة التربية أن العام الدراسي الجديد سيبدأ في الأول من سبتمبر، وأن المدارس ستستقبل الطلاب بأساليب جديدة.',
      'وبلغ عدد الطلاب المسجلين في عام 2023 أكثر من 5 ملايين طالب وطالبة في 12 ألف مدرسة.',
      'The ministry published the new curriculum (version 2.1) on its website.',
      'وقال الوزير في مؤتمر صحفي لـ "العربية" إن خطة COVID-19 انتهت، و كان الحضور كبيرا.',
      'ارتفعت الأسعار بنسبة 4.5% في مايو 2024 مقارنة بالشهر نفسه من العام الماضي.',
      '',
      'في يوم الجمعة ذهب الناس إلى السوق كما يفعلون كل أسبوع.',
    ].join('\n');
    const result = fixText(clean, { lexicon: untouchable });
    expect(result.text).toBe(clean);
    expect(result.changes).toEqual([]);
    expect(result.flags).toEqual([]);
  });
});

describe('reorder-runs: decisions on injected word models', () => {
  // A small "web": the phrases the test text is made of, each seen several times.
  const phrases = [
    'أعلن مجلس المدينة عن مشروع جديد',
    'مشروع جديد لتوسيع الحديقة العامة',
    'الحديقة العامة في وسط المدينة',
    'وسط المدينة القديمة',
    'وقال رئيس المجلس إن العمل سيبدأ قريبا',
    'سيبدأ قريبا في الربيع',
    'في الربيع المقبل',
    'وأضاف أن التكلفة ستكون كبيرة',
    'كبيرة جدا',
    'ستكون كبيرة جدا على الميزانية',
    'الميزانية المحلية',
    'زيارة الوفد للمدينة',
  ];
  // The pairs across the line breaks of the test (`في وسط`, `قريبا في`) are common
  // phrases; the pair the cut breaks (`المجلس إن`) is seen only in one phrase.
  const web = frequenciesOf([
    ...Array.from({ length: 6 }, () => phrases).flat(),
    ...Array.from({ length: 40 }, () => ['يقع في وسط البلد', 'سيبدأ قريبا في العاصمة']).flat(),
  ]);
  const lexicon = lexiconFromWords(phrases.join(' ').split(' '));

  it('a line cut only at a space is put back when the neighbouring lines say so', () => {
    // Line 3 reads `وسط المدينة القديمة … سيبدأ قريبا`: cut at a space, nothing inside it
    // shows the damage. Line 2 ends `في` (→ `وسط`), line 4 starts `في الربيع` (← `قريبا`).
    const { damaged, logical } = reverseRuns('وسط المدينة القديمة وقال رئيس المجلس | إن العمل سيبدأ قريبا');
    const doc = [
      'أعلن مجلس المدينة عن مشروع جديد لتوسيع الحديقة العامة',
      'الحديقة العامة في',
      damaged,
      'في الربيع المقبل',
      // A cut word elsewhere shows that this document is damaged.
      reverseRuns('ز|يارة الوفد للمدينة').damaged,
    ].join('\n');
    const result = fixText(doc, { ...ONLY_REORDER, lexicon, frequencies: web });
    expect(lineOf(result.text, 3)).toBe(logical);
    // The same line between blank lines: nothing says it is damaged, so it stays.
    const alone = ['', damaged, '', reverseRuns('ز|يارة الوفد للمدينة').damaged].join('\n');
    expect(lineOf(fixText(alone, { ...ONLY_REORDER, lexicon, frequencies: web }).text, 2)).toBe(damaged);
  });

  it('leaves a line alone, and flags it, when two readings are equally likely', () => {
    // Every word is as common as every other and no pair was ever seen: nothing
    // says where the line starts. The cut word is certain, its place is not.
    const words = ['ألف', 'باء', 'جيم', 'دال', 'هاء', 'زيارة', 'واو', 'حاء', 'طاء'];
    const flat = frequenciesOf(words);
    const flatLexicon = lexiconFromWords(words);
    const { damaged } = reverseRuns('ألف باء جيم | دال هاء ز|يارة واو حاء طاء');
    const doc = ['', damaged, ''].join('\n');
    const result = fixText(doc, { lexicon: flatLexicon, frequencies: flat });
    expect(result.text).toBe(doc);
    const flag = result.flags.find((f) => f.kind === 'probably-scrambled');
    expect(flag).toBeDefined();
    expect(flag!.line).toBe(2);
    expect(flag!.confidence).toBeLessThan(0.6);
    expect(flag!.suggestions?.[0]).toContain('زيارة');
  });

  it('scores a reading only at its junctions: the line as it stands equals the one-run reading', () => {
    const tokens = tokenizeLine('ير الصحة إن الخطة ستبدأ مطلع الشهر المقبل، وقال وز');
    const sentence = 'وقال وزير الصحة إن الخطة ستبدأ مطلع الشهر المقبل';
    const own = frequenciesOf([sentence, sentence]);
    const model = new WordModel(own, emptyCounts(), emptyCounts(), emptyCounts(), () => lexiconFromWords(sentence.split(' ')));
    const result = searchReadings(tokens, model, { before: null, after: null }, { ...DEFAULT_SEARCH, maxRuns: 1 });
    expect(result.top).toHaveLength(1);
    expect(result.top[0].score).toBeCloseTo(result.identity, 9);
    const all = searchReadings(tokens, model, { before: null, after: null });
    const line = tokens.map((t) => t.text).join(' ');
    const texts = all.top.map((r) => renderReading(line, tokens, r).text);
    expect(texts).toContain('وقال وزير الصحة إن الخطة ستبدأ مطلع الشهر المقبل،');
  });
});

describe('reorder-runs: pieces of words that belong where they stand', () => {
  const sentence = 'وقال المدير إن الخطة ستبدأ في منطقة الخليج مطلع الشهر المقبل';
  const model = () => {
    const own = frequenciesOf([sentence, sentence]);
    return new WordModel(own, emptyCounts(), emptyCounts(), emptyCounts(), () => lexiconFromWords(sentence.split(' ')));
  };

  it('the line with its piece joined in place outscores every reordering', () => {
    // pdftotext spaced the glyphs of `منطقة` apart: the lone `ة` is not a moved run.
    const tokens = tokenizeLine('وقال المدير إن الخطة ستبدأ في منطق ة الخليج مطلع الشهر المقبل');
    const result = searchReadings(tokens, model(), { before: null, after: null });
    expect(result.inPlace).toBeGreaterThan(result.identity + 10);
    const moved = result.top.filter((r) => r.runs.length > 1);
    expect(moved.length).toBeGreaterThan(0);
    for (const r of moved) expect(r.score).toBeLessThan(result.inPlace);
  });

  it('a word spaced apart at a kerning gap where it stands costs every reading only the cut', () => {
    // pdf.js spaces `وزير` apart as `وز ير`. Inside a run the pair stays as it
    // stands, so it must be scored as the word cut there, in the line as it is and
    // in every reading alike: scored as two non-words it made any reading that cut
    // between them look better than the line, and such readings moved whole runs.
    const wazir = 'وقال وزير الخارجية إن الخطة ستبدأ في منطقة الخليج مطلع الشهر المقبل';
    const own = frequenciesOf([wazir, wazir]);
    const m = new WordModel(own, emptyCounts(), emptyCounts(), emptyCounts(), () => lexiconFromWords(wazir.split(' ')));
    const none = { before: null, after: null };
    const clean = searchReadings(tokenizeLine(wazir), m, none);
    const spaced = searchReadings(tokenizeLine(wazir.replace('وزير', 'وز ير')), m, none);
    expect(spaced.identity).toBeGreaterThan(clean.identity + DEFAULT_SEARCH.kerningCut - 3);
    expect(spaced.top[0].runs).toHaveLength(1);
    // A line whose runs really were reversed at that gap is still put back.
    const reversedTokens = tokenizeLine('ير الخارجية إن الخطة ستبدأ في منطقة الخليج مطلع الشهر المقبل وقال وز');
    const reversed = searchReadings(reversedTokens, m, none);
    const line = reversedTokens.map((t) => t.text).join(' ');
    expect(renderReading(line, reversedTokens, reversed.top[0]).text).toBe(wazir);
  });

  it('a line with no piece of a word has no in-place reading but itself', () => {
    const result = searchReadings(tokenizeLine(sentence), model(), { before: null, after: null });
    expect(result.inPlace).toBe(result.identity);
  });

  it('a lone letter is glued to a number only as its unit or a proclitic on it', () => {
    const [, num, letter] = tokenizeLine('بنحو ٣٫٢ ر');
    expect(glueKind(num, letter)).toBeNull();
    const [year, unit] = tokenizeLine('2013 م');
    expect(glueKind(year, unit)).toBe('digit');
    const [proclitic, n] = tokenizeLine('ب 60');
    expect(glueKind(proclitic, n)).toBe('digit');
    const [stray, n2] = tokenizeLine('ر 60');
    expect(glueKind(stray, n2)).toBeNull();
  });
});

describe('reorder-runs: lines in right-to-left word order', () => {
  it('puts back lines whose words came out right to left, each word in order (pdf.js)', () => {
    const lines = [
      'شهد عام 2023 طفرة غير مسبوقة في تطبيقات الذكاء الاصطناعي',
      'وقال وزير الصحة إن الخطة ستبدأ مطلع الشهر المقبل في المدن الكبرى',
      'وأضاف أن الحكومة ستعمل على توفير الخدمات الأساسية لجميع المواطنين',
    ];
    const reversed = (s: string) => s.split(' ').reverse().join(' ');
    const damaged = [reversed(lines[0]), lines[1], reversed(lines[2])].join('\n');
    const result = fixText(damaged, ONLY_REORDER);
    expect(result.text).toBe(lines.join('\n'));
    expect(result.changes.map((c) => c.line)).toEqual([1, 3]);
    // The text as it should read is left as it is.
    expect(fixText(lines.join('\n'), ONLY_REORDER).changes).toEqual([]);
  });
});

describe('flag-scrambled-line', () => {
  it('reports a line that still holds a piece of a word when reorder-runs is off', () => {
    const { damaged } = reverseRuns('وقال وز|ير الصحة إن الخطة ستبدأ مطلع الشهر المقبل،');
    const lone = 'تحدث المدير عن خطة ز جديدة للعام المقبل';
    const result = fixText(['', damaged, '', lone, ''].join('\n'), { disable: ['reorder-runs', 'rejoin-split-words'] });
    const flagged = result.flags.filter((f) => f.rule === 'flag-scrambled-line').map((f) => f.line);
    // Line 2 has no lone letter or tatweel piece (وز and ير are not visibly pieces): only line 4 is flagged.
    expect(flagged).toEqual([4]);
    expect(result.flags.find((f) => f.line === 4)!.kind).toBe('probably-scrambled');
  });

  it('reports nothing on clean text', () => {
    const clean = 'قال الوزير إن الخطة ستبدأ في الشهر المقبل.\nو في يوم الجمعة ذهبنا إلى السوق.';
    expect(fixText(clean).flags).toEqual([]);
  });
});

describe('reorder-runs: any input', () => {
  it('never throws, and every change points inside the input', async () => {
    const fc = await import('fast-check');
    const piece = fc.constantFrom('ز', 'يارة', 'أ', 'كثر', 'ــات', 'الولاي', 'في', 'من', '2023', '،', '.', '', 'و', 'كان', 'abc', '\ue005', '(', ')');
    const line = fc.array(piece, { maxLength: 14 }).map((ps) => ps.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
        const text = lines.join('\n');
        const result = fixText(text);
        for (const c of result.changes) {
          expect(c.offset).toBeGreaterThanOrEqual(0);
          expect(c.endOffset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('reorder-runs leaves clean lines with numbers alone', () => {
  // Both once came out reordered with confidence near 0.9: moving runs around a
  // number is no evidence of damage on its own.
  for (const text of [
    'ارتفعت الأسعار بنسبة %45 هذا العام\nوتراجعت البطالة إلى 7% فقط',
    'وتشمل الخطة ما يلي:\n- تدريب المعلمين على أساليب التدريس الحديثة\n- تطوير الكتب المدرسية\n1. تجربة في عشر مدارس',
    'بلغ عدد السكان 12 مليون نسمة في عام 2020.\nوارتفع إلى 13 مليونا بعد ثلاث سنوات.',
  ]) {
    it(JSON.stringify(text.slice(0, 30)), () => {
      const r = fixText(text, { enable: ['reorder-runs'] });
      expect(r.changes.filter((c) => c.rule === 'reorder-runs')).toEqual([]);
    });
  }
});

describe('reorder-runs: a text that lost its digits', () => {
  // Digits always make runs of their own, so a text with none left but the traces
  // of dropped numbers (a lone `%`, a lone `.`) was cut into runs there: one fair win
  // that puts such a trace back beside its words is enough evidence of damage.
  const before = 'وأعلنت الهيئة أن المرشحين المستقلين فازوا بنحو % من المقاعد، مقارنة بـ';
  const after = 'متزايدة لدى الناخبين في الابتعاد عن الأحزاب التقليدية التي هيمنت على الحياة';
  const { damaged, logical } = reverseRuns('%| فقط في الدورة السابقة عام |.| ويرى مراقبون أن هذه النتيجة تعكس رغبة');

  it('puts the runs of the one reversed line back', () => {
    const r = fixText(`${before}\n${damaged}\n${after}\n`, ONLY_REORDER);
    expect(lineOf(r.text, 2)).toBe(logical);
    expect(r.changes.some((c) => c.rule === 'reorder-runs')).toBe(true);
  });

  it('leaves the same line alone where digits are still in the text (nothing was dropped)', () => {
    const withDigits = `${before.replace('بنحو %', 'بنحو 40%')}\n${damaged}\n${after}\n`;
    const r = fixText(withDigits, ONLY_REORDER);
    expect(r.changes.filter((c) => c.rule === 'reorder-runs')).toEqual([]);
  });
});
