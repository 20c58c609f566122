/**
 * A visual line as the extractor joined it: pieces separated by single spaces.
 * Reordering works on these pieces ("tokens"), because the extractor put exactly
 * one space between two runs; a run's own leading or trailing spaces show up as
 * empty tokens, and must stay where the run put them.
 */
import { bareWord, isArabicLetter, isArabicMark, isDigit, isNonLeftJoining, joinsToNext, TATWEEL } from '../core/arabic.js';
import { frequencyKey } from '../knowledge/frequency.js';

export type TokenKind = 'empty' | 'punct' | 'word';

export interface Token {
  /** The token as it stands in the line. */
  text: string;
  /** Offset of the token in its line. */
  start: number;
  kind: TokenKind;
  /** Counting keys of the words in the token, in order (`<NUM>`, `<LAT>`, `<OPQ>` for non-Arabic words). */
  words: string[];
  /** Key of the word the token starts with, or null when it starts with punctuation. */
  first: string | null;
  /** Key of the word the token ends with, or null when it ends with punctuation. */
  last: string | null;
  /** Leading and trailing punctuation. */
  lead: string;
  trail: string;
  /** `ــات`: a piece that begins with tatweel can only be the end of a word cut at a kashida. */
  tatweelInitial: boolean;
  /** A single Arabic letter standing alone (not و, not a unit after a number). */
  loneLetter: boolean;
  /**
   * Where a number's run was and its digits were dropped (damage model 1.3): an
   * empty piece inside the line (a double space) or punctuation standing alone
   * (`2034،` → `،`). It is scored as the number it was.
   */
  droppedNumber: boolean;
  /**
   * Glyph codes standing alone (Private Use Area, digits of a font with no
   * Unicode mapping, seed 004): most likely a number, scored as one, but such
   * numbers do not always make runs of their own.
   */
  glyphNumber: boolean;
}

/** Kinds of word-character segments inside a token. */
type SegmentKind = 'arabic' | 'number' | 'latin' | 'opaque';

function charKind(ch: string): SegmentKind | null {
  if (isArabicLetter(ch) || isArabicMark(ch) || ch === TATWEEL) return 'arabic';
  if (isDigit(ch)) return 'number';
  if (/\p{L}/u.test(ch)) return 'latin';
  const c = ch.codePointAt(0)!;
  // Private Use Area glyph codes (lost letters or digits): words we cannot read.
  if (c >= 0xe000 && c <= 0xf8ff) return 'opaque';
  return null;
}

/** Separators that stay inside a number (`1.5`, `2,000`). */
const NUMBER_INNER = /[.,٫٬]/;

function segmentKey(kind: SegmentKind, text: string): string {
  if (kind === 'arabic') return bareWord(text);
  if (kind === 'number') return frequencyKey(text.replace(/[٫٬]/g, '.'));
  if (kind === 'latin') return '<LAT>';
  return '<OPQ>';
}

/** What is left of a number run whose digits were dropped: the punctuation it carried. */
const NUMBER_TRAIL_ALONE = /^[،,.%؛]$/;

/** Units written after a number that are one letter on their own (`2013 م`, `1440 هـ`). */
const UNIT_LETTERS = new Set(['م', 'ه', 'ق', 'ص', 'د', 'س']);
/** One-letter proclitics written onto a number (`و60`, `ب2`). */
const NUMBER_PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

export function isNumberProclitic(s: string): boolean {
  return NUMBER_PROCLITICS.has(s);
}

export function tokenizeLine(line: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (const text of line.split(' ')) {
    tokens.push(makeToken(text, pos));
    pos += text.length + 1;
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const interior = i > 0 && i < tokens.length - 1 && tokens[i - 1].kind !== 'empty' && tokens[i + 1].kind !== 'empty';
    if ((t.kind === 'empty' && interior) || (t.kind === 'punct' && NUMBER_TRAIL_ALONE.test(t.text))) {
      t.droppedNumber = true;
      t.first = '<NUM>';
      // A lone `.` is as often a decimal point (`1.1 مليون`) as a full stop after a year.
      t.last = t.kind === 'empty' || t.text === '.' ? '<NUM>' : null;
    }
  }
  // Lone letters next to a number are units (`2013 م`), not fragments.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.loneLetter || !UNIT_LETTERS.has(t.words[0])) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if ((prev && prev.last === '<NUM>') || (next && next.first === '<NUM>')) t.loneLetter = false;
  }
  return tokens;
}

/** Arabic letters, marks and tatweel only (what charKind calls 'arabic'): most tokens are this. */
const ARABIC_ONLY = /^[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]+$/;

export function makeToken(text: string, start: number): Token {
  if (ARABIC_ONLY.test(text)) {
    // makeTokenByCharacters gives the same token; this skips its per-character work.
    const key = bareWord(text);
    if (key !== '') {
      const tatweelInitial = text.startsWith(TATWEEL) && /[\u0621-\u064a]/.test(text);
      const loneLetter = !text.includes(TATWEEL) && key.length === 1 && isArabicLetter(key) && key !== 'و';
      return { text, start, kind: 'word', words: [key], first: key, last: key, lead: '', trail: '', tatweelInitial, loneLetter, droppedNumber: false, glyphNumber: false };
    }
  }
  return makeTokenByCharacters(text, start);
}

/** The general path of makeToken, character by character (exported so tests can compare the two). */
export function makeTokenByCharacters(text: string, start: number): Token {
  const words: string[] = [];
  let first: string | null = null;
  let last: string | null = null;
  let i = 0;
  let lead = '';
  const chars = [...text];
  const kinds = chars.map(charKind);
  let firstWordAt = -1;
  let lastWordEnd = -1;
  while (i < chars.length) {
    const k = kinds[i];
    if (k === null) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < chars.length) {
      if (kinds[j] === k) j++;
      else if (k === 'number' && NUMBER_INNER.test(chars[j]) && kinds[j + 1] === 'number') j += 2;
      else break;
    }
    const key = segmentKey(k, chars.slice(i, j).join(''));
    if (key !== '') {
      words.push(key);
      if (firstWordAt < 0) firstWordAt = i;
      lastWordEnd = j;
    }
    i = j;
  }
  if (firstWordAt === 0 && words.length) first = words[0];
  if (lastWordEnd === chars.length && words.length) last = words[words.length - 1];
  lead = firstWordAt < 0 ? text : chars.slice(0, firstWordAt).join('');
  const trail = lastWordEnd < 0 ? '' : chars.slice(lastWordEnd).join('');
  const kind: TokenKind = text === '' ? 'empty' : words.length === 0 ? 'punct' : 'word';
  const letters = bareWord(text);
  const tatweelInitial = text.startsWith(TATWEEL) && /[\u0621-\u064a]/.test(text);
  // `لـ` and `هـ` are a prefix and an abbreviation written with tatweel, not fragments.
  const loneLetter =
    kind === 'word' &&
    lead === '' &&
    trail === '' &&
    !text.includes(TATWEEL) &&
    words.length === 1 &&
    letters.length === 1 &&
    isArabicLetter(letters) &&
    letters !== 'و';
  const glyphNumber = words.length > 0 && !words.some((w) => w !== '<OPQ>') && /^[^\p{L}]*$/u.test(text) && /^[\ue000-\uf8ff.,٫٬]+/.test(text.slice(lead.length));
  if (glyphNumber) {
    words.splice(0, words.length, '<NUM>');
    if (first !== null) first = '<NUM>';
    if (last !== null) last = '<NUM>';
  }
  return { text, start, kind, words, first, last, lead, trail, tatweelInitial, loneLetter, droppedNumber: false, glyphNumber };
}

/** Last Arabic letter of a token's text, skipping marks; null if it ends otherwise. */
function lastLetter(text: string): string | null {
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text[i];
    if (isArabicMark(ch)) continue;
    return isArabicLetter(ch) || ch === TATWEEL ? ch : null;
  }
  return null;
}

function firstLetter(text: string): string | null {
  const ch = text[0];
  return ch !== undefined && (isArabicLetter(ch) || ch === TATWEEL) ? ch : null;
}

export type GlueKind = 'kashida' | 'kerning' | 'digit';

/** A number standing alone (with its punctuation): digits always make a run of their own. */
export function isNumberToken(t: Token): boolean {
  return t.droppedNumber || (t.kind === 'word' && t.words.length === 1 && t.words[0] === '<NUM>');
}

/** A number in Unicode digits, whose runs the line must have been cut around if it was cut at all. */
export function isDigitRun(t: Token): boolean {
  return isNumberToken(t) && !t.glyphNumber && !t.droppedNumber;
}

/**
 * Where a run can end in the middle of a word (damage model 1.2): at a kashida
 * (the next piece starts with tatweel, after a letter that joins forward), or
 * where a non-joining letter was kerned apart from a following ي or ك; and
 * beside a number, whose digits are always a run of their own.
 */
export function glueKind(left: Token, right: Token): GlueKind | null {
  // A number's run meets its neighbour's with or without a space (`2013م`, `(2019)`).
  if (left.droppedNumber || right.droppedNumber) return null;
  if (left.kind !== 'empty' && right.kind !== 'empty' && (left.last === '<NUM>' || right.first === '<NUM>')) {
    // A letter standing alone is written onto a number only as its unit (`2013م`) or
    // as a proclitic on it (`ب60`); `٣٫٢ر` is a letter that belongs elsewhere.
    if (right.loneLetter && left.last === '<NUM>' && !UNIT_LETTERS.has(right.words[0])) return null;
    if (left.loneLetter && right.first === '<NUM>' && !isNumberProclitic(left.words[0])) return null;
    return 'digit';
  }
  if (left.kind !== 'word' || right.kind !== 'word') return null;
  const a = lastLetter(left.text);
  const b = firstLetter(right.text);
  if (a === null || b === null) return null;
  if (b === TATWEEL) return a === TATWEEL || joinsToNext(a) ? 'kashida' : null;
  if (isNonLeftJoining(a) && (b === 'ي' || b === 'ك')) return 'kerning';
  return null;
}

/**
 * Two Arabic pieces that would join if the space between them went: the left one
 * ends in a letter that joins forward, the right one starts with a letter. A font
 * that spaces connected glyphs apart (KacstOne through LibreOffice, read by
 * pdftotext) leaves its spaces exactly there (rejoin-split-words).
 */
export function joinsAcross(left: Token, right: Token): boolean {
  if (left.kind !== 'word' || right.kind !== 'word' || left.droppedNumber || right.droppedNumber) return false;
  const a = lastLetter(left.text);
  const b = firstLetter(right.text);
  // (Hamza on the line joins nothing: no glyphs were connected before it.)
  return a !== null && b !== null && a !== TATWEEL && joinsToNext(a) && isArabicLetter(b) && b !== 'ء';
}

/** Punctuation a line cannot start with (it belongs after something). */
export const CLOSING_PUNCT = /^[،,.:;؛!?؟)\]»”…]/;
/** Punctuation a line cannot end with (something must follow it). */
export const OPENING_PUNCT = /[(\[«“]$/;

export type SignStrength = 0 | 1 | 2 | 3;

/**
 * How strongly a line shows the reordered-runs damage without consulting any
 * word list: 3 = a piece that can only be part of a word (tatweel-initial, lone
 * letter); 2 = an orphan punctuation mark (a dropped number split the runs there);
 * 0 = nothing visible. (1 is given by the caller for rare edge words.)
 */
export function visibleSign(tokens: readonly Token[]): SignStrength {
  let sign: SignStrength = 0;
  for (const t of tokens) {
    if (t.tatweelInitial || t.loneLetter) return 3;
    if (t.kind === 'punct' && /^[،,.؛:]+$/.test(t.text)) sign = 2;
  }
  const firstReal = tokens.find((t) => t.kind !== 'empty');
  if (firstReal && firstReal.kind === 'punct' && CLOSING_PUNCT.test(firstReal.text)) sign = 2;
  return sign;
}
