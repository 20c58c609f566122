import { beforeAll, describe, expect, it } from 'vitest';
import { fixText, getLexicon, lexiconFromWords, RULES, type FixOptions } from '../src/index.js';
import { frequenciesOf } from './helpers/damage.js';

const ONLY_REJOIN: FixOptions = { disable: ['remove-kashida', 'reorder-runs'] };

// The shipped lexicon takes a while to decode on a busy machine: load it once, up front.
beforeAll(() => {
  getLexicon();
}, 60_000);

describe('rejoin-split-words (shipped lexicon and web counts)', () => {
  const joins: [string, string, string][] = [
    ['a word cut at a kerning gap (ر|ي)', 'نشرت الأمم المتحدة تقر ير ها السنوي عن التنمية في المنطقة', 'نشرت الأمم المتحدة تقرير ها السنوي عن التنمية في المنطقة'],
    ['a lone letter before its word (أ|ك)', 'وقد أصبح أ كثر من نصف السكان يعيشون في المدن', 'وقد أصبح أكثر من نصف السكان يعيشون في المدن'],
    ['a tatweel-initial piece after its word', 'وقال إن العقبات الإجرائي ــة ما زالت كثيرة', 'وقال إن العقبات الإجرائيــة ما زالت كثيرة'],
    ['a first letter kerned apart (ز|ي)', 'يستورد البلد كميات كبيرة من ز يت الزيتون كل عام', 'يستورد البلد كميات كبيرة من زيت الزيتون كل عام'],
    ['a word cut at the gap after a mark (سُ|جّل)', 'وقد سُ جّل أعلى معدل للمشاركة منذ عشرين عاما', 'وقد سُجّل أعلى معدل للمشاركة منذ عشرين عاما'],
    ['a last letter cut off after a mark (الركَ|ن)', 'ويُعدّ الصيام الركَ ن الرابع من أركان الإسلام', 'ويُعدّ الصيام الركَن الرابع من أركان الإسلام'],
  ];
  for (const [what, input, expected] of joins) {
    it(`joins ${what}`, () => {
      const result = fixText(input, ONLY_REJOIN);
      expect(result.text).toBe(expected);
      const change = result.changes.find((c) => c.rule === 'rejoin-split-words')!;
      expect(change.after).toBe('');
      expect(change.before).toBe(' ');
      expect(change.confidence).toBeGreaterThanOrEqual(0.6);
    });
  }

  const keeps: [string, string][] = [
    ['a conjunction written apart', 'ذهبنا إلى السوق صباحا و كان الجو جميلا'],
    ['ordinary word pairs', 'في يوم الجمعة قال إن هذا يعني أن كل الطلاب إلى كلية الطب'],
    ['English and numbers', 'The report (2024) says 45% of users are on Linux.'],
    ['a prefix written with tatweel', 'قال لـ "العربية" إن بـ 2020 بدأ كل شيء'],
    ['words that end in a case mark before the next word', 'ويُعَدُّ الصيامُ الركنَ الرابعَ من أركانِ الإسلامِ عند المسلمين'],
    ['a case mark before a name no count knows', 'وقال الرئيسُ زيلينسكي إن المفاوضات مستمرة'],
  ];
  for (const [what, input] of keeps) {
    it(`keeps ${what}`, () => {
      const result = fixText(input, ONLY_REJOIN);
      expect(result.text).toBe(input);
      expect(result.changes).toEqual([]);
    });
  }
});

describe('rejoin-split-words (injected word models)', () => {
  const web = frequenciesOf(['استقبل المدير الضيوف في القاعة', 'وقال المدير إن اللقاء كان مثمرا']);

  it('joins when only the lexicon knows the joined form and a piece is a lone letter', () => {
    const lexicon = lexiconFromWords(['استقبل', 'المدير', 'الضيوف', 'أكرم', 'في', 'القاعة']);
    const result = fixText('استقبل المدير أ كرم الضيوف في القاعة', { ...ONLY_REJOIN, lexicon, frequencies: web });
    expect(result.text).toBe('استقبل المدير أكرم الضيوف في القاعة');
  });

  it('does not join into a form that nothing knows', () => {
    const lexicon = lexiconFromWords(['استقبل', 'المدير', 'الضيوف', 'في', 'القاعة']);
    const input = 'استقبل المدير أ كرم الضيوف في القاعة';
    const result = fixText(input, { ...ONLY_REJOIN, lexicon, frequencies: web });
    expect(result.text).toBe(input);
  });
});

describe('rejoin-split-words (the spaced-glyph habit: spaces between joined letters)', () => {
  // Clean sentences with `|` where a font spaced two connected glyphs apart (as
  // KacstOne through LibreOffice comes out of pdftotext); every `|` follows a letter
  // that joins forward. `ال|س|ابق` is cut twice; `مع|دل` is two words apart.
  const marked = [
    'أع|لنت وزارة الص|حة الي|وم عن خط|ة جدي|دة لتط|وير المس|تشفيات في الم|دن الك|برى',
    'وق|ال الوزير إن الحك|ومة تع|مل على تح|سين الخ|دمات الص|حية للم|واطنين',
    'وأض|اف أن المش|روع س|يبدأ في الش|هر المق|بل بتك|لفة ت|زيد على ملي|ون دولار',
    'وتش|مل الخ|طة بن|اء م|راكز طب|ية ح|ديثة في المن|اطق الري|فية',
    'كما ست|وفر الوزارة فرص عمل جدي|دة للش|باب خ|لال الس|نوات الق|ادمة',
    'وأك|د المس|ؤولون أن اله|دف هو رف|ع مس|توى الرع|اية الص|حية في الب|لاد',
    'وكان الع|ام ال|س|ابق قد ش|هد ت|راج|عا في ع|دد ال|زوار وارتفع مع|دل الب|طالة',
  ];
  const clean = marked.map((l) => l.replaceAll('|', '')).join('\n');
  const damaged = marked.map((l) => l.replaceAll('|', ' ')).join('\n');

  it('the hand-made damage only cuts between joined letters', () => {
    for (const m of marked.join(' ').matchAll(/(.)\|/g)) expect('اأإآدذرزوؤةىء').not.toContain(m[1]);
  });

  it('joins every cut in a document with the habit, a word cut twice included', () => {
    const result = fixText(damaged, ONLY_REJOIN);
    expect(result.text).toBe(clean);
    const changes = result.changes.filter((c) => c.rule === 'rejoin-split-words');
    expect(changes.length).toBe(marked.join('').split('|').length - 1);
    for (const c of changes) {
      expect(c.before).toBe(' ');
      expect(c.after).toBe('');
      expect(c.reason).toMatch(/two joined letters/);
      expect(c.confidence).toBeGreaterThanOrEqual(0.6);
    }
    expect(changes.find((c) => c.reason.includes('«ال|سابق»') || c.reason.includes('«ال|س»'))?.reason).toMatch(/«السابق»/);
  });

  it('leaves the same sentences alone when they are clean', () => {
    const result = fixText(clean, ONLY_REJOIN);
    expect(result.text).toBe(clean);
    expect(result.changes).toEqual([]);
  });

  it('reads a spaced-off article decoded as lam-alef the right way round (`لاع الم` → `العالم`), and leaves a real `لا`', () => {
    const lines = damaged.split('\n');
    lines.push('وقال الوزير إنه لا يجوز تأجيل المش روع وإن لا دول كثيرة في لاع الم تنفق أكثر منا');
    const result = fixText(lines.join('\n'), ONLY_REJOIN);
    const last = result.text.split('\n').at(-1);
    expect(last).toBe('وقال الوزير إنه لا يجوز تأجيل المشروع وإن الدول كثيرة في العالم تنفق أكثر منا');
    const swaps = result.changes.filter((c) => c.before === 'لا' && c.after === 'ال');
    expect(swaps).toHaveLength(2);
    for (const c of swaps) expect(c.reason).toMatch(/article/);
  });

  it('joins a spaced word whose ligature also came out swapped (`كث ري`), for rejoined-ligatures to put the pair back', () => {
    // KacstOne's yeh-reh ligature comes out reh-yeh: four words show the document's habit.
    const swapped = 'وكانت الزيادة كبرية في المدن الصغرية خلال الفترة الأخرية بفضل تأثري المشروع على كث ري من الناس';
    const ids = ['swapped-ligatures', 'rejoin-split-words', 'rejoined-ligatures'];
    const only: FixOptions = { enable: ids, disable: RULES.map((r) => r.id).filter((id) => !ids.includes(id)) };
    const result = fixText([damaged, swapped].join('\n'), only);
    expect(result.text.split('\n').at(-1)).toBe('وكانت الزيادة كبيرة في المدن الصغيرة خلال الفترة الأخيرة بفضل تأثير المشروع على كثير من الناس');
    const join = result.changes.find((c) => c.rule === 'rejoin-split-words' && c.line === marked.length + 1);
    expect(join?.reason).toMatch(/«كث\|ري»/);
    // Without the pairs the document showed, `كثري` is no word, and the pieces stay apart.
    expect(fixText([damaged, 'على كث ري من الناس'].join('\n'), only).text.split('\n').at(-1)).toBe('على كث ري من الناس');
  });

  it('also when only the lexicon knows the word with the pair put back (`األموم ة` → `الأمومة`), its pieces being no web words', () => {
    // KacstOne's lam-alef with hamza comes out alef-lam: five words show it, and `الأمومة` is in no web count.
    const swapped = 'وقال إن األطفال واألسر واألمهات األكثر حاجة إلى إجازة األموم ة المدفوعة في األردن';
    const ids = ['swapped-ligatures', 'rejoin-split-words', 'rejoined-ligatures'];
    const only: FixOptions = { enable: ids, disable: RULES.map((r) => r.id).filter((id) => !ids.includes(id)) };
    const last = fixText([damaged, swapped].join('\n'), only).text.split('\n').at(-1);
    expect(last).toBe('وقال إن الأطفال والأسر والأمهات الأكثر حاجة إلى إجازة الأمومة المدفوعة في الأردن');
  });

  it('does not take on the habit for one or two joinable pairs in a clean document', () => {
    // `مع دل` and `منطق ة` would join in a spaced document; here they are slips.
    const lines = clean.split('\n');
    lines[2] = 'وأضاف أن معدل النمو في منطق ة الشرق بلغ مع دل قياسيا هذا العام';
    const input = lines.join('\n');
    const result = fixText(input, ONLY_REJOIN);
    expect(result.text).toBe(input);
    expect(result.changes).toEqual([]);
  });
});

describe('rejoin-split-words (a conjunction kerned apart before ي or ك)', () => {
  // A document that writes و attached (وقال، والتعليم، وأكد، وتقول، ومن …), as edited text does.
  const attached = [
    'وقال الوزير إن الحكومة ستدعم المدارس والجامعات في العام المقبل.',
    'وأكد أن التعليم والصحة من أولويات الخطة ومن أهم ما تعمل عليه.',
    'وتقول الأرقام إن عدد الطلاب ارتفع وإن الحاجة إلى المعلمين كبيرة.',
  ];

  // pdftotext wraps each right-to-left line in RLE … PDF: bidi-controls repairs that first.
  const asPdftotext = (lines: string[]) => lines.map((l) => `\u202b${l}\u202c`).join('\n');

  it('joins و to its ي- or ك-word in extractor output that writes و attached everywhere else', () => {
    const input = asPdftotext([...attached, 'و يقول الخبراء إن الخطة جيدة، و كان ذلك متوقعا.']);
    const result = fixText(input, ONLY_REJOIN);
    expect(result.text.split('\n').at(-1)).toBe('ويقول الخبراء إن الخطة جيدة، وكان ذلك متوقعا.');
    const waw = result.changes.filter((c) => c.rule === 'rejoin-split-words');
    expect(waw).toHaveLength(2);
    for (const c of waw) {
      expect(c.before).toBe(' ');
      expect(c.after).toBe('');
      expect(c.confidence).toBeGreaterThanOrEqual(0.6);
      expect(c.reason).toMatch(/kerned apart/);
    }
  });

  it('leaves the same text alone when it is clean: no other rule found damage to repair', () => {
    const input = [...attached, 'و يقول الخبراء إن الخطة جيدة، و كان ذلك متوقعا.'].join('\n');
    expect(fixText(input, ONLY_REJOIN).text).toBe(input);
  });

  it('leaves a writer who spaces و off before other letters too (their spelling, not a kerning pair)', () => {
    const input = asPdftotext([...attached, 'و يقول الخبراء إن الخطة جيدة و التي كانت متوقعة.']);
    expect(fixText(input, ONLY_REJOIN).text).toBe(input.replace(/[\u202b\u202c]/g, ''));
  });

  it('leaves a loose و in a short document that shows no attached و', () => {
    const input = 'ذهبنا إلى السوق صباحا و كان الجو جميلا';
    expect(fixText(input, ONLY_REJOIN).text).toBe(input);
  });

  it('leaves و before a number or Latin word, which is no kerning pair', () => {
    const input = asPdftotext([...attached, 'بين 500 و 2000 دينار، و Google أيضا.']);
    expect(fixText(input, ONLY_REJOIN).text).not.toMatch(/و(?:2000|Google)/);
  });
});
