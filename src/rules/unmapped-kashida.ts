import { bareWord, isArabicLetter, isArabicMark, joinsToNext } from '../core/arabic.js';
import type { Edit, Rule } from '../core/types.js';

/**
 * Justification kashidas that the extractor could not map (damage model 2): a
 * LibreOffice PDF stretches a justified line with kashida glyphs that carry no
 * Unicode mapping, and `mutool draw -F txt` writes each as U+FFFD, so
 * `المدينة` comes out `المدين��ة`. pdftotext writes the same glyphs as U+0640,
 * which remove-kashida takes out.
 *
 * U+FFFD stands for any glyph the extractor could not map, and a letter drawn
 * with its vowel mark is such a glyph too (`أحيا�ًا` is `أحيانًا`). So a run is
 * taken for a kashida only where a kashida can be: after a letter that joins the
 * next one, before a letter (a mark after the run says the run was a letter it
 * sat on). A single U+FFFD, which could as well be one unmapped letter, must also
 * leave a word the lexicon or the web counts know; a run of several is a stretch.
 * Every other U+FFFD stays, so the reader still sees that something is missing.
 */

export const UNMAPPED_KASHIDA = 'unmapped-kashida';

/** Below this many kashida runs in a document, a U+FFFD is not justification. */
const MIN_RUNS = 3;

/** A word with U+FFFD in it (letters, marks, tatweel and U+FFFD). */
const WORD = /[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d6-\u06ed\ufffd]*\ufffd[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d6-\u06ed\ufffd]*/g;

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
  for (const m of word.matchAll(/\ufffd+/g)) {
    const at = m.index;
    const after = at + m[0].length;
    const before = letterBefore(word, at);
    if (before === null || !joinsToNext(before)) continue;
    if (after >= word.length || !isArabicLetter(word[after])) continue;
    runs.push({ start: wordStart + at, end: wordStart + after, word: '', single: m[0].length === 1 });
  }
  return runs;
}

export const unmappedKashida: Rule = {
  id: UNMAPPED_KASHIDA,
  description: 'Remove justification kashidas the extractor wrote as U+FFFD (mutool) where a kashida can stand',
  safety: 'heuristic',
  defaultEnabled: true,
  run(ctx) {
    const { text } = ctx;
    if (!text.includes('\ufffd')) return {};
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
      if (word.includes('\ufffd')) return false;
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
