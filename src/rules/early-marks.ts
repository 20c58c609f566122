import type { Edit, Rule } from '../core/types.js';

/**
 * early-marks (damage model 2, combining marks): some extractors write every
 * combining mark one letter early, before the letter it sits on (pdftotext on
 * Chromium's PDFs: `كيلومتًرا` for `كيلومترًا`, `الصياُم` for `الصيامُ`, and at a word
 * start after the space, `ما ُيعرف` for `ما يُعرف`). The bare letters are right, so
 * no word list sees it; the document shows it through tanween fath, which Arabic
 * spelling puts on a word's last letter before its final alef (or on that alef):
 * written early, it stands before a letter that is not the alef. When a document's
 * fathatan mostly stand there, every mark is moved onto the letter after it.
 */

export const EARLY_MARKS = 'early-marks';

/** Letters (no tatweel, no marks). */
const LETTER = '[\\u0621-\\u063a\\u0641-\\u064a\\u0671-\\u06d3]';
const MARKS = '[\\u064b-\\u0652\\u0670]';
/**
 * Fathatan one letter early: inside a word (a letter before it), before a letter
 * that is not an alef, and that letter ends the word or only an alef follows.
 * (`ل` is left out: a lam-alef glyph decoded swapped leaves `اًل`, which is not this.)
 */
const EARLY_FATHATAN = new RegExp(`${LETTER}[\\u064c-\\u0652]*\\u064b(?![\\u0627\\u0649\\u0644])${LETTER}[\\u0627\\u0649]?(?!${LETTER}|${MARKS})`, 'g');
/** Fathatan where spelling puts it: before the final alef or alef maqsura, at the word's end, or on the alef. */
const PLACED_FATHATAN = new RegExp(`\\u064b(?:[\\u0627\\u0649]|(?!${LETTER}))|\\u0627\\u064b`, 'g');
/**
 * What the habit needs: this many early fathatan, and twice as many early as placed.
 * Correct spelling never writes one (none in the samples or the corpus truth); every
 * Chromium/pdftotext extraction with two or more has the habit.
 */
const MIN_EARLY = 2;

/** A run of marks and the letter after it (with a space before the marks at a word start). */
const MARKS_THEN_LETTER = new RegExp(`(${MARKS}+)(${LETTER})`, 'g');

export function marksComeEarly(text: string): { early: number; placed: number; habit: boolean } {
  const early = (text.match(EARLY_FATHATAN) ?? []).length;
  const placed = (text.match(PLACED_FATHATAN) ?? []).length;
  return { early, placed, habit: early >= MIN_EARLY && early >= 2 * placed };
}

export const earlyMarks: Rule = {
  id: EARLY_MARKS,
  description: 'Move marks written one letter early back onto their letters (كيلومتًرا → كيلومترًا)',
  safety: 'heuristic',
  defaultEnabled: true,
  run({ text }) {
    if (!text.includes('\u064b')) return {};
    const seen = marksComeEarly(text);
    if (!seen.habit) return {};
    const edits: Edit[] = [];
    for (const m of text.matchAll(MARKS_THEN_LETTER)) {
      const [, marks, letter] = m;
      edits.push({
        start: m.index,
        end: m.index + m[0].length,
        text: letter + marks,
        origins: [marks.length, ...Array.from({ length: marks.length }, (_, i) => i)],
        confidence: 0.85,
        reason: `marks written one letter early: ${seen.early} of the document's tanween fath stand before a letter, not on it`,
      });
    }
    return { edits };
  },
};
