import { repairedByOtherRule } from '../core/evidence.js';
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

/**
 * Other extractors (pdftotext and pdf.js on LibreOffice and XeLaTeX PDFs) write only
 * some marks early, so the document shows no habit; but some of what they write
 * stands where spelling never puts a mark, and there the mark belongs one letter
 * on: fathatan before a letter that is not the final alef (`نهاًرا`), a vowel on a
 * bare alef inside a word (`الصياُم`, `رمضاَن`), a shadda on a word's
 * first letter (`مّنا`, `قّدرت`). (None in the samples, the sources or any truth of the
 * corpus; 38 in its pdftotext files.) The shadda alone is also the assimilation mark
 * of vocalised Qur'anic text (`مِن رَّبِّهِم`), so it is moved only in a document that
 * shows one of the other two.
 */
const FATHATAN_ONE_EARLY = new RegExp(`(${LETTER}[\\u064c-\\u0652]*)(\\u064b)(?![\\u0627\\u0649\\u0644])(${LETTER})(?=[\\u0627\\u0649]?(?!${LETTER}|${MARKS}))`, 'g');
// (Not after lam: a mark after lam-alef is the lam's, drawn over the ligature.)
const VOWEL_ON_ALEF = new RegExp(`((?<!\\u0644)\\u0627)([\\u064c-\\u0652]+)(${LETTER})`, 'g');
const SHADDA_ON_FIRST = new RegExp(`(?<![\\u0621-\\u064a\\u064b-\\u0652\\u0670\\u0640])(${LETTER})(\\u0651)(${LETTER})`, 'g');

const WORD_CHAR = new RegExp(`${LETTER}|${MARKS}`);
const WORD_AT = new RegExp(`(?:${LETTER}|${MARKS})+`, 'y');

/** The bare word (no marks) around offset `at`. */
function wordAround(text: string, at: number): string {
  let start = at;
  while (start > 0 && WORD_CHAR.test(text[start - 1])) start--;
  WORD_AT.lastIndex = start;
  return (WORD_AT.exec(text)?.[0] ?? '').replace(/[\u064b-\u065f\u0670]/g, '');
}

/**
 * Edits moving each stray mark run onto the letter after it, or none. Only inside a
 * word the web counts (the lexicon over-generates: it has `ليلاما`): pdf.js runs words
 * together, and in `ليلاًما` (`ليلاً ما`) the tanween is where it was written.
 */
function strayMarks(text: string, known: (word: string) => boolean): Edit[] {
  const found: { at: number; lead: string; marks: string; letter: string; why: string }[] = [];
  for (const m of text.matchAll(FATHATAN_ONE_EARLY)) found.push({ at: m.index, lead: m[1], marks: m[2], letter: m[3], why: 'tanween fath before a letter that is not the final alef' });
  for (const m of text.matchAll(VOWEL_ON_ALEF)) found.push({ at: m.index, lead: m[1], marks: m[2], letter: m[3], why: 'a vowel on a bare alef inside a word' });
  if (found.length === 0) return [];
  for (const m of text.matchAll(SHADDA_ON_FIRST)) found.push({ at: m.index, lead: m[1], marks: m[2], letter: m[3], why: "a shadda on a word's first letter" });
  found.sort((a, b) => a.at - b.at);
  const edits: Edit[] = [];
  let lastEnd = -1;
  for (const f of found) {
    const start = f.at + f.lead.length;
    if (start < lastEnd || !known(wordAround(text, start))) continue;
    const end = start + f.marks.length + f.letter.length;
    edits.push({
      start,
      end,
      text: f.letter + f.marks,
      origins: [f.marks.length, ...Array.from({ length: f.marks.length }, (_, i) => i)],
      confidence: 0.8,
      reason: `a mark where spelling never puts one (${f.why}): written one letter early`,
    });
    lastEnd = end;
  }
  return edits;
}

export const earlyMarks: Rule = {
  id: EARLY_MARKS,
  description: 'Move marks written one letter early back onto their letters (كيلومتًرا → كيلومترًا)',
  safety: 'heuristic',
  defaultEnabled: true,
  run(ctx) {
    const { text, knowledge } = ctx;
    if (!/[\u064b-\u0652]/.test(text)) return {};
    const seen = marksComeEarly(text);
    if (!seen.habit) {
      // A writer's slip (one `كيلومتًرا` in clean text) is theirs to keep: single marks
      // move only in extractor output that another rule has already repaired.
      if (!repairedByOtherRule(ctx, EARLY_MARKS)) return {};
      return { edits: strayMarks(text, (w) => knowledge.frequencies().word(w) > 0) };
    }
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
