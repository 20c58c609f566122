import { bracketPairing } from '../core/brackets.js';
import { isArabicMark } from '../core/arabic.js';
import { anyLineReadsReversed, bareLetters, getLetterPairs, REVERSED_LINE_GAIN } from '../knowledge/letter-pairs.js';
import type { Edit, FlagProposal, Line, Rule, RuleContext } from '../core/types.js';
import { LEXICON_BONUS, makeJudge, repairSwappedPairs, WORD_OR_UNMAPPED, type WordJudge } from '../knowledge/ligature-swaps.js';
import {
  isMirrored,
  visualToLogical,
  type MarkOrder,
  type Reordered,
  type RunOrder,
  type VisualReading,
} from '../core/visual-reorder.js';

/**
 * Lines extracted in visual order (`mutool draw -F txt`, pypdf, pdfminer on many
 * files) read backwards: `ماع يف` for `في عام`. This rule finds them from evidence
 * and reads them back into logical order (see core/visual-reorder.ts).
 *
 * The evidence: the line's letters read better backwards under a letter-pair model
 * (knowledge/letter-pairs.ts: works on unknown words and on text without spaces);
 * its words are not words while their reversals are (web frequencies, then the
 * lexicon); teh marbuta and alef maqsura, which only end a word, start one;
 * sentence punctuation starts the line. A logical line shows the opposite, and is
 * never touched.
 *
 * When the lines that show evidence agree, the whole document is visual and every
 * Arabic line without contrary evidence is converted; otherwise each line must
 * carry enough evidence of its own.
 */

// ---------------------------------------------------------------------------
// Words and their reversals

/** Arabic letters, marks, tatweel and presentation forms: what a word is made of here. */
const WORD = /[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d5\u06d6-\u06ed\ufb50-\ufdff\ufe70-\ufefc]+/g;
const HAS_ARABIC = /[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]/;
const PRESENTATION = /[\ufb50-\ufdff\ufe70-\ufefc]/;

/** Presentation forms folded per character (a lam-alef glyph gives lam, alef). */
function fold(s: string): string {
  if (!PRESENTATION.test(s)) return s;
  let out = '';
  for (const ch of s) out += PRESENTATION.test(ch) ? ch.normalize('NFKC').trim() : ch;
  return out;
}

/** The key a word is looked up under: folded, no marks, tatweel or U+FFFD. */
function key(units: readonly string[]): string {
  return bareLetters(units.join(''));
}

/** Alef forms that a lam-alef ligature ends with. */
const ALEFS = 'اأإآ';

/**
 * A lam-alef ligature decoded to two letters inside a visual line keeps lam before
 * alef, so after reversal the pair reads alef, lam (`كارتشلاا` → `االشتراك`). These
 * are the readings with one such pair, or every such pair, put back.
 */
function lamAlefVariants(word: string): string[] {
  const sites: number[] = [];
  for (let i = 0; i + 1 < word.length; i++) if (ALEFS.includes(word[i]) && word[i + 1] === 'ل') sites.push(i);
  if (sites.length === 0) return [];
  const swap = (w: string, i: number) => w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  const out = sites.map((i) => swap(word, i));
  if (sites.length > 1) out.push(sites.reduce((w, i) => swap(w, i), word));
  return out;
}


/** Letters that only ever end a word: at the start of one, the word is reversed. */
const FINAL_ONLY = 'ةى';

/** Word evidence is capped so that one odd word cannot decide a line. */
const WORD_CAP = 5;

interface WordReading {
  /** > 0: the word reads as a reversed word; < 0: as a word in logical order. */
  evidence: number;
}

function judgeWord(units: readonly string[], judge: WordJudge): WordReading {
  const forward = key(units);
  if (forward.length < 2) return { evidence: 0 };
  const reversed = key([...units].reverse());
  let e = 0;
  if (FINAL_ONLY.includes(forward[0])) e += 3;
  if (FINAL_ONLY.includes(reversed[0])) e -= 3;
  const fw = judge.wordiness(forward);
  let rv = judge.wordiness(reversed);
  for (const v of lamAlefVariants(reversed)) rv = Math.max(rv, judge.wordiness(v));
  e += rv - fw;
  return { evidence: Math.max(-WORD_CAP, Math.min(WORD_CAP, e)) };
}

/** Words of a line as arrays of code points (presentation-form ligatures stay one unit). */
function lineWords(text: string): { start: number; units: string[] }[] {
  const out: { start: number; units: string[] }[] = [];
  for (const m of text.matchAll(WORD_OR_UNMAPPED)) out.push({ start: m.index, units: [...m[0]] });
  return out;
}

// ---------------------------------------------------------------------------
// Line evidence

const SENTENCE_PUNCT = '.،؛:!؟?';

export interface LineEvidence {
  line: Line;
  /** Everything together; > 0 says visual. */
  score: number;
  /** The word judgements alone. */
  wordScore: number;
  /** Letter-pair log-likelihood of the line reversed over as it stands. */
  letters: number;
  /** Words that read better reversed / as they stand. */
  visualWords: number;
  logicalWords: number;
  words: number;
}

const CLEAR_WORD = 1.5;
/** Letter pairs are spread over every letter; words are judged whole. */
const LETTER_WEIGHT = 0.25;

function judgeLine(line: Line, judge: WordJudge): LineEvidence {
  let wordScore = 0;
  let visualWords = 0;
  let logicalWords = 0;
  const words = lineWords(line.text);
  for (const w of words) {
    const { evidence } = judgeWord(w.units, judge);
    wordScore += evidence;
    if (evidence >= CLEAR_WORD) visualWords++;
    else if (evidence <= -CLEAR_WORD) logicalWords++;
  }
  const letters = getLetterPairs().reversalGain(words.map((w) => key(w.units)));
  let score = wordScore + LETTER_WEIGHT * letters;
  const t = line.text.trim();
  // Sentence punctuation ends a logical line and starts a visual one.
  if (t.length > 1 && SENTENCE_PUNCT.includes(t[0]) && HAS_ARABIC.test(t)) score += 2;
  if (t.length > 1 && SENTENCE_PUNCT.includes(t[t.length - 1]) && HAS_ARABIC.test(t)) score -= 2;
  return { line, score, wordScore, letters, visualWords, logicalWords, words: words.length };
}

/**
 * A line that shows this much on its own is visual whatever the rest does. Logical
 * lines of real extractions stay below +7 in letter gain (short, broken lines);
 * visual ones have a median of 35–65.
 */
const LINE_LETTERS = REVERSED_LINE_GAIN;
const LINE_SCORE = 8;

/**
 * A short line (a paragraph's last words) has little letter evidence: it passes on
 * words instead, when a word reads reversed, none reads forwards, and either the
 * letters lean visual too or the reversed word is a common one.
 */
const SHORT_LINE_LETTERS = 5;
const SHORT_LINE_WORDS = 2.5;
const SHORT_LINE_COMMON_WORDS = 4;
const SHORT_LINE_SCORE = 6;

function lineIsVisual(e: LineEvidence): boolean {
  if (e.letters >= LINE_LETTERS && e.score >= LINE_SCORE && e.visualWords >= 2 * e.logicalWords) return true;
  if (e.score < SHORT_LINE_SCORE || e.visualWords < 1 || e.logicalWords > 0) return false;
  return (
    (e.letters >= SHORT_LINE_LETTERS && e.wordScore >= SHORT_LINE_WORDS) ||
    (e.letters > -2 && e.wordScore >= SHORT_LINE_COMMON_WORDS)
  );
}

/** Any of these and the line stays as it is, whatever the document does. */
function lineIsLogical(e: LineEvidence): boolean {
  return e.letters <= -4 || e.wordScore <= -3 || e.score <= -1 || (e.logicalWords > 0 && e.logicalWords >= e.visualWords);
}

// ---------------------------------------------------------------------------
// How the extractor laid the lines out: decided once per document from evidence

/**
 * Does a candidate logical line look like text? Penalties for what logical text
 * does not do: open with sentence punctuation, open with a space, glue a digit to a
 * letter. Brackets are left out: which way they face is decided separately.
 */
function implausibility(text: string): number {
  let p = 0;
  const t = text.trim();
  if (t && '.،؛:!؟%'.includes(t[0])) p += 2;
  if (text !== text.trimStart()) p += 0.5;
  p += (text.match(/[0-9\u0660-\u0669][\u0621-\u064a]|[\u0621-\u064a][0-9\u0660-\u0669]/g) ?? []).length;
  return p;
}

/**
 * Marks placed where Arabic never puts them: at the start of a word, a haraka or
 * shadda on a bare alef, tanween before the end of a word (fathatan may stand
 * before a final alef). Reading a visual line with the wrong mark order moves
 * every mark one letter over, so the wrong reading shows more of these.
 */
function misplacedMarks(text: string): number {
  let bad = 0;
  for (const m of fold(text).matchAll(/[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d5-\u06ed\ufffd]+/g)) {
    const w = m[0].replace(/\u0640/g, '');
    for (let i = 0; i < w.length; i++) {
      const ch = w[i];
      if (!isArabicMark(ch)) continue;
      const prev = w[i - 1];
      if (prev === '\ufffd' || w[i + 1] === '\ufffd') continue; // an unmapped glyph: tells nothing
      if (prev === undefined) {
        bad++;
        continue;
      }
      if (isArabicMark(prev)) continue; // the second of a pair (shadda + haraka): judged with the first
      if ((prev === 'ا' || prev === 'ى') && ch !== '\u064b') bad++;
      const rest = w.slice(i + 1).replace(/[\u064b-\u065f\u0670]/g, '');
      if ((ch === '\u064c' || ch === '\u064d') && rest !== '') bad++;
      if (ch === '\u064b' && rest !== '' && rest !== 'ا' && rest !== 'ى') bad++;
    }
  }
  return bad;
}

const BRACKET_FAMILIES: readonly [string, string][] = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['«', '»'],
  ['‹', '›'],
  ['<', '>'],
];

/** Matched pairs minus stray brackets of one family over the document's lines. */
function balance(lines: readonly string[], open: string, close: string): number {
  const { pairs, strays } = bracketPairing(lines, open, close);
  return pairs - strays;
}

export interface Layout {
  marks: MarkOrder;
  runs: RunOrder;
  /** Bracket families whose mirrored glyph the extractor wrote. */
  mirrored: Set<string>;
  /** The text writes fathatan before a final alef (`جديدًا`), not on it (`جديداً`). */
  tanweenBeforeAlef: boolean;
  /** How ranges and scores were laid out (see VisualReading.numbers). */
  numbers: 'bidi' | 'whole';
}

/** The layout is a property of the extractor: this many lines, spread over the document, decide it. */
const LAYOUT_SAMPLE = 400;

function sample<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)]);
}

/**
 * `lines` are the lines to convert; `others`, the document's lines left as they are
 * (a quotation may open on one and close on the other).
 */
function decideLayout(lines: readonly Line[], others: readonly Line[] = []): Layout {
  const visual = sample(lines, LAYOUT_SAMPLE);
  let markVotes = 0; // > 0: the extractor wrote every code point reversed, marks before their letter
  for (const l of visual) {
    if (!/[\u064b-\u065f\u0670]/.test(l.text)) continue;
    const r = { base: 'rtl' as const, runs: 'visual' as const, mirror: false };
    markVotes += misplacedMarks(visualToLogical(l.text, { ...r, marks: 'after-base' }).text);
    markVotes -= misplacedMarks(visualToLogical(l.text, { ...r, marks: 'before-base' }).text);
  }
  // A tie (every mark fits either reading, as fathatan beside an alef does) goes to
  // code points reversed: that is how PDFs shaped by HarfBuzz (browsers, most
  // modern typesetters) store their glyphs, marks before the letter they sit on.
  const marks: MarkOrder = markVotes >= 0 ? 'before-base' : 'after-base';
  const base = { base: 'rtl' as const, marks, mirror: false };
  // Runs in logical order is one extractor's habit (mutool on LibreOffice PDFs); it
  // must win clearly, line by line, over the plain visual reading.
  let inPlaceBetter = 0;
  let visualBetter = 0;
  for (const l of visual) {
    const a = visualToLogical(l.text, { ...base, runs: 'visual' }).text;
    const b = visualToLogical(l.text, { ...base, runs: 'logical' }).text;
    if (a === b) continue;
    const d = implausibility(a) - implausibility(b);
    if (d > 0) inPlaceBetter++;
    else if (d < 0) visualBetter++;
  }
  // The evidence for runs in place is where the spaces went; text extracted without
  // spaces between words has none.
  const spaced = visual.filter((l) => (l.text.match(WORD) ?? []).length >= 3).length >= visual.length / 2;
  const runs: RunOrder = spaced && inPlaceBetter >= 2 && inPlaceBetter >= 2 * visualBetter ? 'logical' : 'visual';
  const mirrored = new Set<string>();
  // Brackets pair up across lines: judge them in document order, the other lines as they stand.
  const inOrder = [...visual.map((l) => ({ l, convert: true })), ...others.map((l) => ({ l, convert: false }))].sort(
    (a, b) => a.l.index - b.l.index,
  );
  const read = (mirror: boolean) =>
    inOrder.map(({ l, convert }) => (convert ? visualToLogical(l.text, { ...base, runs, mirror }).text : l.text));
  const plain = read(false);
  const shaped = read(true);
  for (const [open, close] of BRACKET_FAMILIES) {
    if (balance(shaped, open, close) > balance(plain, open, close)) mirrored.add(open);
  }
  // Fathatan on a lam-alef glyph may stand before or after the alef: the document's
  // other words tell which way it writes them.
  let before = 0;
  let after = 0;
  for (const t of plain) {
    const f = fold(t);
    before += (f.match(/[\u0621-\u064a]\u064b[اى](?![\u0621-\u064a])/g) ?? []).length;
    after += (f.match(/[\u0621-\u064a][اى]\u064b(?![\u0621-\u064a])/g) ?? []).length;
  }
  // A percent sign left of its digits in the visual line is the bidi layout of an
  // Arabic-context number; right of them, the typesetter kept numbers whole.
  let signLeft = 0;
  let signRight = 0;
  for (const l of visual) {
    signLeft += (l.text.match(/%[0-9]/g) ?? []).length;
    signRight += (l.text.match(/[0-9]%/g) ?? []).length;
  }
  const numbers = runs === 'visual' && signRight > signLeft ? 'whole' : 'bidi';
  return { marks, runs, mirrored, tanweenBeforeAlef: before > after, numbers };
}

/** Lam-alef ligature glyphs and the letters they stand for. */
const LAM_ALEF_GLYPH = /[\ufef5-\ufefc]\u064b/g;

function convert(text: string, layout: Layout): Reordered {
  const reading: VisualReading = {
    base: 'rtl',
    marks: layout.marks,
    runs: layout.runs,
    mirror: false,
    numbers: layout.numbers,
  };
  return placeLigatureTanween(mirrorBrackets(text, visualToLogical(text, reading), reading, layout), layout);
}

/**
 * A lam-alef glyph followed by fathatan: written out as lam, fathatan, alef where
 * the document puts fathatan before the alef (the glyph itself has no place for it).
 */
function placeLigatureTanween(r: Reordered, layout: Layout): Reordered {
  if (!layout.tanweenBeforeAlef || !/[\ufef5-\ufefc]\u064b/.test(r.text)) return r;
  let text = '';
  const origins: number[] = [];
  let last = 0;
  for (const m of r.text.matchAll(LAM_ALEF_GLYPH)) {
    text += r.text.slice(last, m.index);
    origins.push(...r.origins.slice(last, m.index));
    const letters = m[0][0].normalize('NFKC');
    text += letters[0] + '\u064b' + letters.slice(1);
    origins.push(r.origins[m.index], r.origins[m.index + 1], r.origins[m.index]);
    last = m.index + 2;
  }
  text += r.text.slice(last);
  origins.push(...r.origins.slice(last));
  return { text, origins };
}

function mirrorBrackets(text: string, plain: Reordered, reading: VisualReading, layout: Layout): Reordered {
  if (layout.mirrored.size === 0 || ![...text].some(isMirrored)) return plain;
  const shaped = visualToLogical(text, { ...reading, mirror: true });
  let out = '';
  for (let i = 0; i < plain.text.length; i++) {
    const s = shaped.text[i];
    const family = BRACKET_FAMILIES.find(([o, c]) => o === s || c === s);
    out += family && layout.mirrored.has(family[0]) && isMirrored(plain.text[i]) ? s : plain.text[i];
  }
  return { text: out, origins: plain.origins };
}

// ---------------------------------------------------------------------------

export interface VisualOrderAnalysis {
  evidence: LineEvidence[];
  /** Lines that are visual on their own evidence. */
  visualLines: LineEvidence[];
  logicalLines: LineEvidence[];
  /** The evidence agrees: the document is visual. */
  consistent: boolean;
  /** The lines to convert. */
  chosen: LineEvidence[];
  layout: Layout | null;
}

/** The rule's decisions for a document, for reports and tests. */
export function analyseVisualOrder(ctx: RuleContext): VisualOrderAnalysis | null {
  if (!HAS_ARABIC.test(ctx.text) || !quickScreen(ctx)) return null;
  const judge = makeJudge(ctx);
  const evidence = ctx.lines.filter((l) => HAS_ARABIC.test(l.text)).map((l) => judgeLine(l, judge));
  const visualLines = evidence.filter(lineIsVisual);
  const logicalLines = evidence.filter(lineIsLogical);
  // Consistent: the lines that show evidence nearly all say visual.
  const consistent =
    visualLines.length >= 2 && logicalLines.length <= 0.05 * (visualLines.length + logicalLines.length);
  const chosen = consistent ? evidence.filter((e) => !lineIsLogical(e)) : visualLines;
  const taken = new Set(chosen.map((e) => e.line.index));
  const others = sample(
    evidence.filter((e) => !taken.has(e.line.index)).map((e) => e.line),
    LAYOUT_SAMPLE,
  );
  const layout = chosen.length ? decideLayout(chosen.map((e) => e.line), others) : null;
  return { evidence, visualLines, logicalLines, consistent, chosen, layout };
}

/** Lines with some visual evidence that were not converted are worth a look. */
const FLAG_LETTERS = 6;

export const visualOrder: Rule = {
  id: 'visual-order',
  description: 'Read lines extracted in visual order (characters reversed: ماع يف) back into logical order',
  safety: 'heuristic',
  defaultEnabled: true,
  run(ctx) {
    const a = analyseVisualOrder(ctx);
    if (!a) return {};
    const { chosen, consistent, visualLines } = a;
    const taken = new Set(chosen.map((e) => e.line.index));
    const doubtful = consistent
      ? []
      : a.evidence.filter((e) => !taken.has(e.line.index) && !lineIsLogical(e) && e.letters >= FLAG_LETTERS);
    const layout = a.layout ?? (doubtful.length ? decideLayout(doubtful.map((e) => e.line)) : null);
    if (!layout) return {};
    const judge = makeJudge(ctx);
    const repaired = repairSwappedPairs(
      chosen.map((e) => convert(e.line.text, layout)),
      judge,
      ctx.knowledge.frequencies(),
      { visual: true },
    ).lines;
    const edits: Edit[] = [];
    chosen.forEach((e, i) => {
      if (repaired[i].text === e.line.text) return;
      const own = lineIsVisual(e);
      edits.push({
        start: e.line.start,
        end: e.line.end,
        text: repaired[i].text,
        origins: repaired[i].origins,
        confidence: own ? Math.min(0.99, 0.8 + 0.01 * e.score) : 0.85,
        reason: own
          ? `line in visual order (letters and ${e.visualWords} of ${e.words} words read reversed)`
          : `line of a visual-order document (${visualLines.length} lines read reversed)`,
      });
    });
    const flags: FlagProposal[] = doubtful.map((e) => ({
      start: e.line.start,
      end: e.line.end,
      kind: 'possibly-visual-order',
      message: 'this line may be in visual order (reads somewhat better reversed); left as it is',
      confidence: 0.5,
      suggestions: [convert(e.line.text, layout).text],
    }));
    return { edits, flags };
  },
};

/** Cheap first look (letter pairs only, no lexicon): does any line read better reversed, even a little? */
function quickScreen(ctx: RuleContext): boolean {
  return anyLineReadsReversed(
    ctx.lines.filter((l) => HAS_ARABIC.test(l.text)),
    FLAG_LETTERS,
  );
}
