/**
 * Visual order → logical order for one line, with the Unicode Bidirectional
 * Algorithm (bidi-js) doing the hard part: which characters belong to a
 * right-to-left run and which to an embedded left-to-right one (digits, Latin
 * words, URLs) and where the neutrals between them go.
 *
 * A line extracted in visual order is the left-to-right reading of what the page
 * shows. Laying it out again with the bidi algorithm (rule L2) turns it back: the
 * reversal is its own inverse for the runs that matter. Extractors differ in the
 * details, so the reading is a parameter, decided by the caller from evidence:
 * - `marks`: whether a combining mark comes after its letter in the visual text
 *   (glyph clusters kept whole: reverse grapheme clusters) or before it (every
 *   code point reversed, as `mutool draw -F txt` writes it: reverse code points);
 * - `runs`: whether the runs of the line are laid out visually too (reverse their
 *   order, rule L2) or stand in logical order with only the characters inside each
 *   right-to-left run reversed (what mutool writes for LibreOffice PDFs);
 * - `mirror`: whether the extractor wrote the mirrored glyph of a bracket (the
 *   shape seen on the page) rather than its character;
 * - `base`: the paragraph direction of the line.
 */
import { createRequire } from 'node:module';

// bidi-js is CommonJS with an ES-default typing; under NodeNext its default import
// is not callable, so it is loaded with require (module.exports is the factory).
// The factory decodes the algorithm's data tables (some 20 ms): only a run that
// meets a line to lay out pays for it.
type BidiFactory = typeof import('bidi-js').default;
let bidiInstance: ReturnType<BidiFactory> | undefined;
const bidiAlgorithm = () => (bidiInstance ??= (createRequire(import.meta.url)('bidi-js') as BidiFactory)());

export type MarkOrder = 'after-base' | 'before-base';
export type RunOrder = 'visual' | 'logical';

export interface VisualReading {
  base: 'rtl' | 'ltr';
  marks: MarkOrder;
  runs: RunOrder;
  mirror: boolean;
  /**
   * How the page showed a range or score beside Arabic: `bidi` as the algorithm
   * lays it out (`2-1` shown `1-2`), `whole` kept left to right as typed (XeLaTeX
   * with its numbers marked English). Default `bidi`.
   */
  numbers?: 'bidi' | 'whole';
}

export const DEFAULT_READING: VisualReading = { base: 'rtl', marks: 'after-base', runs: 'visual', mirror: true };

export interface Reordered {
  text: string;
  /** origins[k] = offset in the visual line of the k-th UTF-16 unit of `text`. */
  origins: number[];
}

interface Unit {
  start: number;
  text: string;
  level: number;
}

// Made when first needed, like the bidi tables: ICU's segmenter takes some 20 ms to set up.
let graphemeSegmenter: Intl.Segmenter | undefined;
const graphemes = () => (graphemeSegmenter ??= new Intl.Segmenter('ar', { granularity: 'grapheme' }));

/** The line cut into the pieces that move as one: grapheme clusters or code points. */
function units(line: string, marks: MarkOrder): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  if (marks === 'after-base') {
    for (const s of graphemes().segment(line)) out.push({ start: s.index, text: s.segment });
  } else {
    let i = 0;
    for (const ch of line) {
      out.push({ start: i, text: ch });
      i += ch.length;
    }
  }
  return out;
}

const STRONG = new Set(['L', 'R', 'AL']);
const DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212']);
const PERCENT = new Set(['%', '\u066a', '\u2030', '\u2031', '\u0609', '\u060a']);

function strongNear(types: string[], from: number, step: 1 | -1): string | null {
  for (let i = from; i >= 0 && i < types.length; i += step) if (STRONG.has(types[i])) return types[i];
  return null;
}

/**
 * Rule W2 looks backwards, in logical order, for the strong character that decides
 * whether a European number behaves as an Arabic one (then a `%` beside it stays in
 * the right-to-left run: `بزيادة 15%` is shown `%15 ةدايزب`). In a visual line
 * "backwards" is not to the left, so bidi-js, reading the visual line, can join `%`
 * to the number when it should not (or the reverse). This redoes W2/W4/W5 for each
 * number from its logical context: the strong character on its right in a visual
 * line (unless a left-to-right word is glued on its left, as in COVID-19), on its
 * left when the runs already stand in logical order. Only right-to-left lines are
 * read this way: the caller sets `base`.
 */
function fixNumberLevels(line: string, levels: Uint8Array, reading: VisualReading): void {
  if (reading.base !== 'rtl') return;
  const chars = [...line];
  const offsets: number[] = [];
  let o = 0;
  for (const ch of chars) {
    offsets.push(o);
    o += ch.length;
  }
  const types = chars.map((ch) => bidiAlgorithm().getBidiCharTypeName(ch) as string);
  for (let i = 0; i < chars.length; i++) {
    if (types[i] !== 'EN') continue;
    // A number: digits, with single separators between digit groups (1.5, 1,000, 3-5).
    let end = i;
    while (end < chars.length) {
      if (types[end] === 'EN') end++;
      else if ((types[end] === 'CS' || types[end] === 'ES' || DASHES.has(chars[end])) && types[end + 1] === 'EN') end++;
      else break;
    }
    const left = strongNear(types, i - 1, -1);
    const right = strongNear(types, end, 1);
    // At the right end of a visual line the number starts the logical line: its
    // context is the end of the line before, in an Arabic paragraph Arabic.
    const arabicContext = reading.runs === 'visual' ? left !== 'L' && right !== 'L' : left === 'AL';
    const digitLevel = levels[offsets[i]];
    const rtlLevel = digitLevel % 2 === 0 ? digitLevel - 1 : digitLevel;
    const set = (k: number, level: number) => {
      for (let u = 0; u < chars[k].length; u++) levels[offsets[k] + u] = level;
    };
    for (let k = i; k < end; k++) {
      if (types[k] === 'EN') continue;
      // 1.5 and 2:06:41 hold together everywhere; a range or a score (2-1, 915–965)
      // is shown reversed beside Arabic unless the typesetter kept numbers whole.
      const whole = types[k] === 'CS' || !arabicContext || reading.numbers === 'whole';
      set(k, whole ? digitLevel : rtlLevel);
    }
    // A percent sign follows its number in Arabic as in English (45%). In a visual
    // line it stands left of the digits when the page showed it the right-to-left
    // way and right of them when the typesetter kept `45%` as one left-to-right
    // unit: either way it goes after the number. Other signs ($, #) follow the context.
    const percentSide = reading.runs === 'visual';
    for (let k = i - 1; k >= 0 && types[k] === 'ET'; k--) {
      set(k, arabicContext || (percentSide && PERCENT.has(chars[k])) ? rtlLevel : digitLevel);
    }
    for (let k = end; k < chars.length && types[k] === 'ET'; k++) {
      set(k, arabicContext && !(percentSide && PERCENT.has(chars[k])) ? rtlLevel : digitLevel);
    }
    i = end - 1;
  }
}

/** Embedding levels of a line's units (the level of each unit's first character). */
function leveledUnits(line: string, reading: VisualReading): Unit[] {
  const levels = bidiAlgorithm().getEmbeddingLevels(line, reading.base).levels;
  fixNumberLevels(line, levels, reading);
  const baseLevel = reading.base === 'rtl' ? 1 : 0;
  const out = units(line, reading.marks).map((u) => ({ ...u, level: levels[u.start] ?? baseLevel }));
  // L1: whitespace at either edge of a line belongs to the paragraph, not to a run.
  for (let i = out.length - 1; i >= 0 && /^\s+$/u.test(out[i].text); i--) out[i].level = baseLevel;
  for (let i = 0; i < out.length && /^\s+$/u.test(out[i].text); i++) out[i].level = baseLevel;
  return out;
}

/** Rule L2: from the highest level down to the lowest odd one, reverse every run at or above it. */
function reorderL2(items: Unit[]): Unit[] {
  const order = [...items];
  let max = 0;
  let min = Infinity;
  for (const u of order) {
    if (u.level > max) max = u.level;
    if (u.level < min) min = u.level;
  }
  const lowestOdd = min % 2 === 1 ? min : min + 1;
  for (let level = max; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; i++) {
      if (order[i].level < level) continue;
      let j = i;
      while (j < order.length && order[j].level >= level) j++;
      const seg = order.slice(i, j).reverse();
      for (let k = 0; k < seg.length; k++) order[i + k] = seg[k];
      i = j - 1;
    }
  }
  return order;
}

/** Runs in logical order: only the characters inside each right-to-left run are reversed. */
function reorderInPlace(items: Unit[]): Unit[] {
  const order: Unit[] = [];
  for (let i = 0; i < items.length; ) {
    let j = i;
    const odd = items[i].level % 2 === 1;
    while (j < items.length && (items[j].level % 2 === 1) === odd) j++;
    const run = items.slice(i, j);
    if (odd) run.reverse();
    order.push(...run);
    i = j;
  }
  return order;
}

/** Reads one visual-order line back into logical order. */
export function visualToLogical(line: string, reading: VisualReading = DEFAULT_READING): Reordered {
  if (line === '') return { text: '', origins: [] };
  const items = leveledUnits(line, reading);
  const order = reading.runs === 'visual' ? reorderL2(items) : reorderInPlace(items);
  let text = '';
  const origins: number[] = [];
  for (const u of order) {
    let piece = u.text;
    if (reading.mirror && u.level % 2 === 1) {
      piece = [...piece].map((ch) => bidiAlgorithm().getMirroredCharacter(ch) ?? ch).join('');
    }
    text += piece;
    for (let k = 0; k < piece.length; k++) origins.push(u.start + Math.min(k, u.text.length - 1));
  }
  return { text, origins };
}

/** True when the character is a bracket or quote that bidi mirrors (`(`, `[`, `«` …). */
export function isMirrored(ch: string): boolean {
  return bidiAlgorithm().getMirroredCharacter(ch) !== null;
}

export function bidiClass(ch: string): string {
  return bidiAlgorithm().getBidiCharTypeName(ch);
}
