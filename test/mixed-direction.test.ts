import { beforeAll, describe, expect, it } from 'vitest';
import { getLexicon } from '../src/knowledge/lexicon.js';
import { fixText } from '../src/index.js';
import { readEmbeddedPiece } from '../src/rules/mixed-direction.js';

const RLE = '\u202b';
const LRE = '\u202a';
const PDF = '\u202c';
/** A line as pdftotext writes it: the whole line in RLE … PDF, each left-to-right piece in LRE … PDF. */
const pdftotextLine = (...parts: string[]) => RLE + parts.join('') + PDF;
const piece = (s: string) => LRE + s + PDF;

const mixed = (text: string) => fixText(text).changes.filter((c) => c.rule === 'mixed-direction');

// The word list takes a few seconds to decode on a slow machine: load it once, outside any test's time.
beforeAll(() => {
  getLexicon();
}, 120_000);

describe('mixed-direction: pdftotext left-to-right pieces', () => {
  const pieces: [string, string][] = [
    [' %38', '38% '],
    [' 38%', '38% '], // a typesetter that kept 38% as one unit: already in place, only the space moves
    [' ،2023', '2023، '],
    ['.2017', '2017.'],
    [' ،)EU', 'EU)، '],
    ['« :', ': «'],
    [' ،', '، '],
    [' Wi-Fi', 'Wi-Fi '],
    [' 1.2', '1.2 '],
    [' ٪٥', '٥٪ '],
    // what the line break cut stays where it is
    ['https://tickets.', 'https://tickets.'],
    ['COVID-', 'COVID-'],
  ];
  it.each(pieces)('%j → %j', (visual, logical) => {
    expect(readEmbeddedPiece(visual)).toBe(logical);
  });

  it('reads a range the page laid out the bidi way (1-2 for 2-1), or kept whole', () => {
    expect(readEmbeddedPiece(' 1-2')).toBe('2-1 ');
    expect(readEmbeddedPiece('965–915')).toBe('915–965');
    expect(readEmbeddedPiece('915–965', 'whole')).toBe('915–965');
  });

  it('keeps a range whole in a document whose brackets are stored mirrored (XeLaTeX), with no percent sign to tell', () => {
    const lines = (range: string, open: string, close: string) =>
      [
        pdftotextLine('عاش الشاعر ', close, piece(range), 'م', open, ' في العراق والشام'),
        pdftotextLine('وزار مصر ', close, 'في شبابه', open, ' ثم عاد إلى حلب'),
      ].join('\n');
    // XeLaTeX: `)` and `(` stored mirrored, the range left to right as typed.
    expect(fixText(lines('915–965', '(', ')')).text).toBe('عاش الشاعر (915–965م) في العراق والشام\nوزار مصر (في شبابه) ثم عاد إلى حلب');
    // The same page from a typesetter that lays the range out the bidi way, brackets as they are.
    expect(fixText(lines('965–915', ')', '(')).text).toBe('عاش الشاعر (915–965م) في العراق والشام\nوزار مصر (في شبابه) ثم عاد إلى حلب');
  });

  it('repairs a pdftotext document end to end (with bidi-controls)', () => {
    const text = [
      pdftotextLine('أعلنت اللجنة أن نسبة المشاركة بلغت ', piece(' %38'), 'من الناخبين', piece(' ،'), 'وهي أعلى'),
      pdftotextLine('مما سُجّل في الدورة السابقة عام ', piece('.2017')),
      pdftotextLine('وقالت رئيسة البعثة', piece('« :'), 'لم نلحظ أي مخالفات»', piece('.')),
    ].join('\n');
    expect(fixText(text).text).toBe(
      [
        'أعلنت اللجنة أن نسبة المشاركة بلغت 38% من الناخبين، وهي أعلى',
        'مما سُجّل في الدورة السابقة عام 2017.',
        'وقالت رئيسة البعثة: «لم نلحظ أي مخالفات».',
      ].join('\n'),
    );
  });

  it('reads a piece alone on its line in the context of the Arabic line before it', () => {
    // The sentence's last number wrapped onto a line of its own: `.2022` is `2022.`.
    const text = [pdftotextLine('لم تتعدّ النسبة 20% حتى منتصف عام '), pdftotextLine(piece('.2022'))].join('\n');
    expect(fixText(text).text.split('\n')[1]).toBe('2022.');
    // With no Arabic line before it, there is no right-to-left context to read it in.
    expect(fixText(pdftotextLine(piece('.2022'))).text.replace(/[\u202a-\u202e]/g, '')).toBe('.2022');
  });
});

describe('mixed-direction: runs of a mixed line emitted left to right', () => {
  it('puts the label first and the slash back on the URL', () => {
    const text = 'نص المقال هنا.\n/https://example.org/news/4521 : رابط الخبر\n';
    expect(fixText(text).text).toBe('نص المقال هنا.\nرابط الخبر: https://example.org/news/4521/\n');
    const [c] = mixed(text);
    expect(c.line).toBe(2);
    expect(c.reason).toMatch(/URL/);
    expect(c.before).toBe('/https://example.org/news/4521 : رابط الخبر');
  });
});

describe('mixed-direction: a percent sign written before its number', () => {
  it('moves the sign when the whole document writes it first', () => {
    const text = 'ارتفعت الأسعار بنسبة %45 هذا العام\nوتراجعت البطالة إلى %7.5 فقط';
    expect(fixText(text).text).toBe('ارتفعت الأسعار بنسبة 45% هذا العام\nوتراجعت البطالة إلى 7.5% فقط');
  });

  it('only flags it when the document also writes the sign after the number', () => {
    const text = 'ارتفعت الأسعار بنسبة %45 هذا العام\nوتراجعت البطالة إلى 7% فقط';
    const r = fixText(text);
    expect(r.text).toBe(text);
    expect(r.flags.map((f) => f.kind)).toContain('percent-sign-first');
  });
});

describe('mixed-direction: brackets stored as their mirrored glyphs', () => {
  it('swaps a family back when all its pairs read closed-first', () => {
    const text = 'وقالت رئيسة البعثة: »لم نلحظ أي مخالفات«.\nوأضافت أن الحملة )التي بدأت أمس( ستستمر، وقال المتحدث: »سنتابع«.';
    expect(fixText(text).text).toBe(
      'وقالت رئيسة البعثة: «لم نلحظ أي مخالفات».\nوأضافت أن الحملة )التي بدأت أمس( ستستمر، وقال المتحدث: «سنتابع».',
    );
  });

  it('mirrors the brackets inside pdftotext pieces too (XeLaTeX stores every bracket as the glyph it shows)', () => {
    // `)‪ (FDA‬`: the outer bracket is in the Arabic text, the inner one in the left-to-right piece.
    const text = [
      pdftotextLine('أعلنت إدارة الغذاء والدواء )', piece(' (FDA'), 'ترخيصًا لأول لقاح'),
      pdftotextLine('يعتمد على الحمض النووي الريبي المرسال )', piece(' ،(mRNA'), 'وهي تقنية جديدة'),
    ].join('\n');
    expect(fixText(text).text).toBe(
      ['أعلنت إدارة الغذاء والدواء (FDA) ترخيصًا لأول لقاح', 'يعتمد على الحمض النووي الريبي المرسال (mRNA)، وهي تقنية جديدة'].join('\n'),
    );
  });

  it('takes a single closed-first pair in text pdftotext put in logical order (its LRE pieces show it)', () => {
    const text = [
      pdftotextLine('وأشار تقرير الاتحاد الأوروبي )', piece(' ،(EU'), 'إلى أن النسبة ارتفعت'),
      pdftotextLine('وقال الخبير: »المشكلة ليست في الأرقام'),
      pdftotextLine('بل في قيمة العملة«', piece('.')),
    ].join('\n');
    expect(fixText(text).text).toBe(
      ['وأشار تقرير الاتحاد الأوروبي (EU)، إلى أن النسبة ارتفعت', 'وقال الخبير: «المشكلة ليست في الأرقام', 'بل في قيمة العملة».'].join('\n'),
    );
  });

  it('leaves a single closed-first pair split over two lines in text with no such evidence (pdf.js moves text across lines)', () => {
    const text = 'دخل المسلمون شبه الجزيرة الإيبيرية عام 92 للهجرة 711)\n(للميلاد بقيادة طارق بن زياد';
    expect(fixText(text).text).toBe(text);
  });

  it('leaves a single odd pair, and a family used both ways', () => {
    for (const text of ['قال: »لم نلحظ أي مخالفات«.', 'قال: »نعم« ثم قال: «لا».']) {
      expect(fixText(text).text).toBe(text);
    }
  });
});

describe('mixed-direction: text that must not change', () => {
  const clean: [string, string][] = [
    ['percentages written after the number', 'بلغت النسبة 38% من الناخبين و12.5% من المقاعد'],
    ['a URL after its label', 'رابط المقال: https://example.org/a/1/'],
    ['a URL line on its own', 'https://example.org/a/1/'],
    ['a URL before Arabic, no misplaced punctuation', 'https://example.org/a رابط'],
    ['English', '/usr/bin is a directory; 45% of the disk is used.'],
    ['Latin and digits in Arabic', 'أعلنت منظمة (WHO) أن COVID-19 انتشر في 2020، وأن 3-2 هي النتيجة'],
  ];
  it.each(clean)('%s', (_, text) => {
    const r = fixText(text);
    expect(r.text).toBe(text);
    expect(mixed(text)).toEqual([]);
  });
});
