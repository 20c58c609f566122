import { bracketPairing } from '../core/brackets.js';
import type { Edit, FlagProposal, Line, Rule } from '../core/types.js';
import { bidiClass, visualToLogical } from '../core/visual-reorder.js';
import { anyLineReadsReversed } from '../knowledge/letter-pairs.js';

/**
 * Lines that mix Arabic with numbers, Latin words or URLs, where the extractor put
 * the pieces in the order the page shows them (left to right) instead of the
 * order they are read:
 *
 * 1. pdftotext wraps each left-to-right piece of an Arabic line in LRE … PDF and
 *    writes it as seen: `‪ %38‬` for `38% `, `‪ ،2023‬` for `2023، `, `‪ ،)EU‬` for
 *    `EU)، `. The embedding itself is the evidence; the piece is read back with the
 *    bidi algorithm (before bidi-controls removes the marks).
 * 2. A line whose runs were emitted left to right, each in logical order:
 *    `/https://www.noonpost.com/35494 : رابط المقال` is
 *    `رابط المقال: https://www.noonpost.com/35494/`. The evidence is the
 *    punctuation that cannot open a line, glued to the left-to-right run.
 * 3. `%45` for `45%` in Arabic lines, when every percentage in the document is
 *    written that way (an extractor's habit, not an author's choice).
 * 4. Brackets and guillemets stored as their mirrored glyphs (`»لم نلحظ«`), when
 *    every bracket of the family in the document pairs up read closed-first.
 */

const LRE = '\u202a';
const PDF = '\u202c';
const SEGMENT = /\u202a([^\u202a-\u202e\u2066-\u2069]*)\u202c/g;
/** Direction marks and embeddings pdftotext writes around pieces. */
const BIDI_CONTROL = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const ARABIC_LETTER = /[\u0621-\u064a\u0671-\u06d3]/;
const MARK = /^[\u064b-\u065f\u0670]+/;

/** Where the last character that belongs to the left-to-right piece is. */
function coreEnd(s: string): number {
  const chars = [...s];
  let end = -1;
  let offset = 0;
  let lastOffset = 0;
  for (let i = 0; i < chars.length; i++) {
    const t = bidiClass(chars[i]);
    if (t === 'L' || t === 'EN' || t === 'AN' || (t === 'ET' && i > 0 && /[0-9\u0660-\u0669]/.test(chars[i - 1]))) {
      end = i;
      lastOffset = offset + chars[i].length;
    }
    offset += chars[i].length;
  }
  return end < 0 ? 0 : lastOffset;
}

/**
 * The logical order of one pdftotext left-to-right piece. Neutrals on its left
 * (spaces, commas, brackets) come after it; neutrals on its right stay (they were
 * laid out with it: `https://tickets.` continues on the next line); a mark at the
 * very start belongs to the letter before the embedding.
 */
export function readEmbeddedPiece(piece: string, numbers: 'bidi' | 'whole' = 'bidi'): string {
  return readPiece(piece, numbers).text;
}

/** The same, with the offset in `piece` each character of the result came from. */
function readPiece(piece: string, numbers: 'bidi' | 'whole'): { text: string; origins: number[] } {
  const mark = piece.match(MARK)?.[0] ?? '';
  const body = piece.slice(mark.length);
  const end = coreEnd(body);
  const head = end === 0 ? body : body.slice(0, end);
  const tail = end === 0 ? '' : body.slice(end);
  const read = visualToLogical(head, { base: 'rtl', marks: 'after-base', runs: 'visual', mirror: false, numbers });
  const origins = [
    ...Array.from({ length: mark.length }, (_, i) => i),
    ...read.origins.map((o) => mark.length + o),
    ...Array.from({ length: tail.length }, (_, i) => mark.length + head.length + i),
  ];
  return { text: mark + read.text + tail, origins };
}

function embeddedPieces(text: string, mirrored: ReadonlyMap<string, string>): Edit[] {
  const edits: Edit[] = [];
  // A percent sign left of its digits shows the bidi layout of the page (then a range
  // `2-1` was laid out `1-2`); right of them, a typesetter that kept numbers whole.
  // With no percent sign either way, brackets stored mirrored tell the same typesetter
  // (XeLaTeX: every XeLaTeX file of the corpus, and no other, has them).
  let signLeft = 0;
  let signRight = 0;
  for (const m of text.matchAll(SEGMENT)) {
    signLeft += (m[1].match(/[%٪][0-9\u0660-\u0669]/g) ?? []).length;
    signRight += (m[1].match(/[0-9\u0660-\u0669][%٪]/g) ?? []).length;
  }
  const numbers = signRight > signLeft || (signLeft === 0 && mirrored.size > 0) ? 'whole' : 'bidi';
  for (const m of text.matchAll(SEGMENT)) {
    const piece = m[1];
    // Only inside an Arabic line: the piece's context decides how it was laid out.
    // A line that holds nothing else (`.2022` wrapped off the end of a sentence)
    // belongs to the Arabic line before it.
    const lineStart = Math.max(text.lastIndexOf('\n', m.index) + 1, 0);
    const before = text.slice(lineStart, m.index);
    // To the end of the line only (slicing the rest of the text for each piece was quadratic).
    const afterStart = m.index + m[0].length;
    const lineEnd = text.indexOf('\n', afterStart);
    const after = text.slice(afterStart, lineEnd < 0 ? text.length : lineEnd);
    const lineBefore = lineStart > 0 ? text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1) : '';
    const alone = !/\S/.test(before.replace(BIDI_CONTROL, '')) && !/\S/.test(after.replace(BIDI_CONTROL, ''));
    if (!ARABIC_LETTER.test(before) && !ARABIC_LETTER.test(after) && !(alone && ARABIC_LETTER.test(lineBefore))) continue;
    const read = readPiece(piece, numbers);
    // Brackets the document stores mirrored are mirrored inside the piece too
    // (mirroredBrackets leaves the pieces to this).
    if (mirrored.size > 0) read.text = [...read.text].map((ch) => mirrored.get(ch) ?? ch).join('');
    if (read.text === piece) continue;
    const start = m.index + LRE.length;
    edits.push({
      start,
      end: start + piece.length,
      text: read.text,
      origins: read.origins,
      confidence: 0.9,
      reason: 'left-to-right piece written in visual order inside an LRE embedding (pdftotext)',
    });
  }
  return edits;
}

// ---------------------------------------------------------------------------

/** Punctuation that ends a run but cannot open a line. */
const OPENING_MISFIT = /^[/.,،:;؛%]+$/;
const LEFT_TO_RIGHT_RUN = /^([/.,،:;؛%]+)((?:https?:\/\/|www\.)?[A-Za-z0-9][\x21-\x7e]*?)([\s:،,؛;.\-–]*)([\u0600-\u06ff][\u0600-\u06ff\s]*)$/;

/**
 * `/https://x.com/1 : رابط المقال`: punctuation, a left-to-right run, a separator,
 * Arabic. Read back: the Arabic first, the separator on it, the run, its
 * punctuation after it.
 */
function runsInVisualOrder(line: Line): Edit | null {
  const t = line.text;
  if (/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(t)) return null;
  const m = t.match(LEFT_TO_RIGHT_RUN);
  if (!m) return null;
  const [, lead, run, sep, arabic] = m;
  if (!OPENING_MISFIT.test(lead) || !ARABIC_LETTER.test(arabic)) return null;
  if (/[\u0600-\u06ff]/.test(run)) return null;
  const punct = [...sep.trim()].reverse().join('');
  const label = arabic.trimEnd();
  const text = `${label}${punct} ${run}${[...lead].reverse().join('')}`;
  // Where each piece stood in the line: lead, run, separator, Arabic.
  const runAt = lead.length;
  const sepAt = runAt + run.length;
  const arabicAt = sepAt + sep.length;
  const punctAt = sepAt + sep.indexOf(sep.trim());
  const origins = [
    ...Array.from({ length: label.length }, (_, i) => arabicAt + i),
    ...Array.from({ length: punct.length }, (_, i) => punctAt + punct.length - 1 - i),
    sepAt,
    ...Array.from({ length: run.length }, (_, i) => runAt + i),
    ...Array.from({ length: lead.length }, (_, i) => lead.length - 1 - i),
  ];
  return {
    start: line.start,
    end: line.end,
    text,
    origins,
    confidence: 0.8,
    reason: `runs of a mixed line emitted left to right: "${lead}" cannot open a line, it ends the ${
      /^(https?:|www\.)/.test(run) ? 'URL' : 'left-to-right run'
    }`,
  };
}

// ---------------------------------------------------------------------------

const SIGN_FIRST = /(^|[\s(«"])([%٪])([0-9\u0660-\u0669]+(?:[.,٫][0-9\u0660-\u0669]+)?)(?=$|[\s)»".،,؛;:])/g;
const SIGN_AFTER = /[0-9\u0660-\u0669][%٪]/g;

/** `%45` → `45%` in Arabic lines, when the whole document writes the sign first. */
function signsFirst(lines: readonly Line[], text: string): { edits: Edit[]; flags: FlagProposal[] } {
  const edits: Edit[] = [];
  const flags: FlagProposal[] = [];
  if (/\u202a/.test(text)) return { edits, flags }; // pdftotext: handled with its embeddings
  const sites: { start: number; sign: string; digits: string; at: number }[] = [];
  let after = 0;
  for (const line of lines) {
    if (!ARABIC_LETTER.test(line.text)) continue;
    after += (line.text.match(SIGN_AFTER) ?? []).length;
    for (const m of line.text.matchAll(SIGN_FIRST)) {
      const at = line.start + m.index + m[1].length;
      sites.push({ start: at, sign: m[2], digits: m[3], at });
    }
  }
  if (sites.length === 0) return { edits, flags };
  for (const s of sites) {
    const proposal = `${s.digits}${s.sign}`;
    if (after === 0) {
      edits.push({
        start: s.start,
        end: s.start + s.sign.length + s.digits.length,
        text: proposal,
        origins: [...s.digits].map((_, i) => s.sign.length + i).concat([0]),
        confidence: sites.length >= 2 ? 0.8 : 0.65,
        reason: `percent sign before its number (${sites.length} in the document, none after): moved by the extractor`,
      });
    } else {
      flags.push({
        start: s.start,
        end: s.start + s.sign.length + s.digits.length,
        kind: 'percent-sign-first',
        message: 'percent sign before its number, while the document also writes it after; left as it is',
        confidence: 0.5,
        suggestions: [proposal],
      });
    }
  }
  return { edits, flags };
}

// ---------------------------------------------------------------------------

const FAMILIES: readonly [string, string][] = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['«', '»'],
];
/** Pairs that must all read closed-first before a document's brackets count as mirrored, when some also pair the usual way. */
const MIN_MIRRORED_PAIRS = 2;

/**
 * `»لم نلحظ«`, `)EU(`: a typesetter that stored the mirrored glyph (XeLaTeX with
 * bidi) gives every bracket of its Arabic lines the wrong way round. When every
 * bracket of a family pairs up read closed-first, and none pairs read the usual
 * way (or several read closed-first and the usual reading leaves strays), the
 * family is swapped back in those lines. (One pair is enough where no other
 * reading pairs anything: most texts have a single parenthesis, `)EU(`.)
 */
interface MirroredFamilies {
  /** Each bracket of a mirrored family, to the one it stands for. */
  swap: Map<string, string>;
  /** For each mirrored family (by its opening bracket), how many pairs read closed-first. */
  pairs: Map<string, number>;
}

function mirroredFamilies(lines: readonly Line[]): MirroredFamilies {
  const texts = lines.filter((l) => ARABIC_LETTER.test(l.text)).map((l) => l.text);
  const logicalPdftotext = texts.some((t) => t.includes(LRE));
  const swap = new Map<string, string>();
  const pairs = new Map<string, number>();
  for (const [open, close] of FAMILIES) {
    const right = bracketPairing(texts, open, close);
    const wrong = bracketPairing(texts, close, open);
    if (wrong.strays > 0 || wrong.pairs === 0) continue;
    if (right.pairs > 0 && (wrong.pairs < MIN_MIRRORED_PAIRS || right.strays < 2)) continue;
    // A single closed-first pair is enough only in text that pdftotext put in logical
    // order (it marks the left-to-right pieces of such lines with LRE): extractors that
    // move text across lines (pdf.js) leave `…)` ⏎ `(…` from `(…)`, and in a line still
    // in visual order (pdftotext -raw) the pair is the visual-order rule's evidence.
    if (wrong.pairs < MIN_MIRRORED_PAIRS && !logicalPdftotext) continue;
    swap.set(open, close).set(close, open);
    pairs.set(open, wrong.pairs);
  }
  return { swap, pairs };
}

/** Swaps back the brackets of the mirrored families in Arabic lines, outside pdftotext's LRE pieces (embeddedPieces reads those). */
function mirroredBrackets(lines: readonly Line[], mirrored: MirroredFamilies): Edit[] {
  const edits: Edit[] = [];
  if (mirrored.swap.size === 0) return edits;
  const arabic = lines.filter((l) => ARABIC_LETTER.test(l.text));
  for (const [open, close] of FAMILIES) {
    const pairs = mirrored.pairs.get(open);
    if (pairs === undefined) continue;
    for (const l of arabic) {
      let embedded = false;
      for (let i = 0; i < l.text.length; i++) {
        const ch = l.text[i];
        if (ch === LRE) embedded = true;
        else if (ch === PDF) embedded = false;
        if ((ch !== open && ch !== close) || embedded) continue;
        edits.push({
          start: l.start + i,
          end: l.start + i + 1,
          text: ch === open ? close : open,
          confidence: 0.85,
          reason: `mirrored ${open}${close}: all ${pairs} pairs of the document read closed-first`,
        });
      }
    }
  }
  return edits;
}

export const mixedDirection: Rule = {
  id: 'mixed-direction',
  description: 'Put numbers, Latin words, URLs and their punctuation back in reading order in Arabic lines',
  safety: 'heuristic',
  defaultEnabled: true,
  run({ text, lines }) {
    if (!ARABIC_LETTER.test(text)) return {};
    const edits: Edit[] = [];
    const mirrored = mirroredFamilies(lines);
    if (text.includes(LRE) && text.includes(PDF)) edits.push(...embeddedPieces(text, mirrored.swap));
    // A document still in visual order is visual-order's: its lines are read here
    // in a later pass, once they are logical.
    if (anyLineReadsReversed(lines)) return { edits };
    for (const line of lines) {
      const e = runsInVisualOrder(line);
      if (e) edits.push(e);
    }
    edits.push(...mirroredBrackets(lines, mirrored));
    const signs = signsFirst(lines, text);
    edits.push(...signs.edits);
    return { edits, flags: signs.flags };
  },
};
