import { bareWord, isArabicLetter, isArabicMark, joinsToNext } from '../core/arabic.js';
import type { Edit, Rule } from '../core/types.js';

/**
 * Justification kashidas that the extractor could not map (damage model 2): a
 * LibreOffice PDF stretches a justified line with kashida glyphs that carry no
 * Unicode mapping, and `mutool draw -F txt` writes each as U+FFFD, so
 * `المدينة` comes out `المدين��ة`; pdf.js writes the glyph's own code, a control
 * character (`خري\b\bف` for `خريف`). pdftotext writes the same glyphs as U+0640,
 * which remove-kashida takes out.
 *
 * U+FFFD stands for any glyph the extractor could not map, and a letter drawn
 * with its vowel mark is such a glyph too (`أحيا�ًا` is `أحيانًا`). So a run is
 * taken for a kashida only where a kashida can be: after a letter that joins the
 * next one, before a letter (a mark after a single one says it was a letter the
 * mark sat on; after a run of several, the mark is the first letter's). A single
 * U+FFFD, which could as well be one unmapped letter, must also leave a word the
 * lexicon or the web counts know; a run of several is a stretch.
 * Every other U+FFFD stays, so the reader still sees that something is missing.
 */

export const UNMAPPED_KASHIDA = 'unmapped-kashida';

/** What an extractor writes for a glyph it could not map: U+FFFD, or a C0 control code (not tab or a line break). */
const UNMAPPED = '\\ufffd\\u0000-\\u0008\\u000e-\\u001f\\u007f';
const HAS_UNMAPPED = new RegExp(`[${UNMAPPED}]`);
const UNMAPPED_RUN = new RegExp(`[${UNMAPPED}]+`, 'g');

/** Below this many kashida runs in a document, a U+FFFD is not justification. */
const MIN_RUNS = 3;

/** A word with an unmapped glyph in it (letters, marks, tatweel and unmapped glyphs). */
const WORD_CHARS = `\\u0621-\\u063a\\u0640-\\u065f\\u0670-\\u06d3\\u06d6-\\u06ed${UNMAPPED}`;
const WORD = new RegExp(`[${WORD_CHARS}]*[${UNMAPPED}][${WORD_CHARS}]*`, 'g');

interface KashidaRun {
  start: number;
  end: number;
  /** The word with the run removed, and whether that needs the word lists to vouch for it. */
  word: string;
  single: boolean;
}

/** The letter a run follows, marks skipped (a kashida may follow a vowelled letter). */
function letterBefore(word: string, at: number): string | null {
  let k = at - 1;
  while (k >= 0 && isArabicMark(word[k])) k--;
  return k >= 0 ? word[k] : null;
}

function kashidaRuns(word: string, wordStart: number): KashidaRun[] {
  const runs: KashidaRun[] = [];
  for (const m of word.matchAll(UNMAPPED_RUN)) {
    const at = m.index;
    const after = at + m[0].length;
    const before = letterBefore(word, at);
    if (before === null || !joinsToNext(before)) continue;
    // Before a letter; or, for a stretch of several, before the mark of the letter
    // they follow (pdf.js writes `هامش\b\b\bًا`: the tanween after the kashidas is the
    // sheen's). One glyph before a mark is rather a letter drawn with its vowel.
    const beforeLetter = after < word.length && isArabicLetter(word[after]);
    const beforeMark = m[0].length > 1 && after < word.length && isArabicMark(word[after]);
    if (!beforeLetter && !beforeMark) continue;
    runs.push({ start: wordStart + at, end: wordStart + after, word: '', single: m[0].length === 1 });
  }
  return runs;
}

export const unmappedKashida: Rule = {
  id: UNMAPPED_KASHIDA,
  description: 'Remove justification kashidas the extractor could not map (U+FFFD from mutool, control codes from pdf.js) where a kashida can stand',
  safety: 'heuristic',
  defaultEnabled: true,
  run(ctx) {
    const { text } = ctx;
    if (!HAS_UNMAPPED.test(text)) return {};
    const found: KashidaRun[] = [];
    for (const m of text.matchAll(WORD)) {
      const runs = kashidaRuns(m[0], m.index);
      if (runs.length === 0) continue;
      // The word as it reads without the kashidas; any other U+FFFD stays in it.
      let bare = '';
      let k = m.index;
      for (const r of runs) {
        bare += text.slice(k, r.start);
        k = r.end;
      }
      bare += text.slice(k, m.index + m[0].length);
      for (const r of runs) found.push({ ...r, word: bare });
    }
    if (found.length < MIN_RUNS) return {};
    const vouched = (word: string) => {
      if (HAS_UNMAPPED.test(word)) return false;
      const key = bareWord(word);
      return ctx.knowledge.frequencies().word(key) > 0 || ctx.knowledge.lexicon().has(key);
    };
    const kept = found.filter((r) => !r.single || vouched(r.word));
    if (kept.length < MIN_RUNS) return {};
    const confidence = Math.min(0.99, 0.8 + 0.01 * kept.length);
    const reason = `kashida the extractor could not map (${kept.length} in the document)`;
    const edits: Edit[] = kept.map((r) => ({ start: r.start, end: r.end, text: '', confidence, reason }));
    return { edits };
  },
};
