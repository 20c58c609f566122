import { bareWord, isArabicLetter, isArabicMark, isDigit } from '../core/arabic.js';
import type { Edit, Rule, RuleContext } from '../core/types.js';
import type { FrequencyModel } from '../knowledge/frequency.js';
import type { Lexicon } from '../knowledge/lexicon.js';

/**
 * Spaces the extractor lost (damage model 2): some PDFs draw a line's words with
 * no space glyph between them and only move the pen; `mutool draw -F txt` on a
 * XeLaTeX PDF then writes `حققالمنتخبالمغربيإنجازًاتاريخيًا` for
 * `حقق المنتخب المغربي إنجازًا تاريخيًا`. A whole line glued like that is no
 * Arabic anyone typed: Arabic words average five letters, and such a line has
 * one word of forty.
 *
 * In a document whose lines are glued this way, each glued run of letters is cut
 * into the words that explain it best: the most likely sequence of words under the
 * web counts (a word's log-probability, found by dynamic programming over the cut
 * points), where a word the counts miss can still be a known word with a clitic
 * (و ف ب ل ك) in front, a lexicon word, or a word a font's ligature gave with a
 * letter pair swapped (`املنتخب`: swapped-ligatures puts the pair back once the
 * words stand apart). Spaces also go back where punctuation and numbers meet
 * letters (`قطر،إذ`, `2022التي`). Only spaces are inserted; no letter changes.
 */

export const RESTORE_SPACES = 'restore-spaces';

/** A line is glued when it has this many Arabic letters per space between them, or more. */
const GLUED_LETTERS_PER_WORD = 12;
/** Shorter lines say too little either way. */
const MIN_LINE_LETTERS = 15;
/** The document must show the habit on this many lines, and on this share of its Arabic lines. */
const MIN_GLUED_LINES = 2;
const MIN_GLUED_SHARE = 0.3;
/** The longest word the search tries (letters). */
const MAX_WORD_LETTERS = 16;
/** Costs, in nats, of the ways a word the web counts miss may still be a word. */
const CLITIC_COST = 5;
const LEXICON_ONLY = -14;
const SWAP_COST = 4;
/** An unknown word: a base cost and a cost per letter, so that known words win where they can. */
const UNKNOWN_BASE = -17;
const UNKNOWN_PER_LETTER = -2.5;

const MAX_PAIR_BONUS = 8;
const PAIR_WEIGHT = 1;

const CLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'وس', 'فس'];
const CLOSING = /[،؛:.!؟?»)\]}%٪”]/;
const OPENING = /[«(\[{“]/;
/** A letter that only ever ends a word: a word boundary must follow it. */
const FINAL_ONLY = new Set(['ة', 'ى']);

interface WordScorer {
  score(key: string): number;
  /** How much likelier `b` is after `a` than alone (0 when the counts never saw the pair). */
  pairBonus(a: string, b: string): number;
}

function makeScorer(freq: FrequencyModel, lexicon: () => Lexicon): WordScorer {
  const logTotal = Math.log(freq.totalWords);
  const memo = new Map<string, number>();
  const web = (k: string) => {
    const c = freq.word(k);
    return c > 0 ? Math.log(c) - logTotal : -Infinity;
  };
  const scoreOf = (k: string): number => {
    let best = web(k);
    for (const c of CLITICS) {
      if (k.length - c.length < 2 || !k.startsWith(c)) continue;
      best = Math.max(best, web(k.slice(c.length)) - CLITIC_COST * c.length);
    }
    if (best > -Infinity) return best;
    if (lexicon().has(k)) return LEXICON_ONLY;
    for (let i = 0; i + 1 < k.length; i++) {
      const swapped = k.slice(0, i) + k[i + 1] + k[i] + k.slice(i + 2);
      best = Math.max(best, web(swapped) - SWAP_COST);
    }
    if (best > -Infinity) return best;
    return UNKNOWN_BASE + UNKNOWN_PER_LETTER * k.length;
  };
  return {
    pairBonus(a, b) {
      const p = freq.pair(a, b);
      if (p === 0) return 0;
      const pmi = Math.log(p) + logTotal - Math.log(Math.max(1, freq.word(a))) - Math.log(Math.max(1, freq.word(b)));
      return Math.min(MAX_PAIR_BONUS, Math.max(0, pmi)) * PAIR_WEIGHT;
    },
    score(k) {
      let v = memo.get(k);
      if (v === undefined) {
        v = k.length === 1 ? -Infinity : scoreOf(k);
        memo.set(k, v);
      }
      return v;
    },
  };
}



/** Arabic letters of a line, and how many spaces stand between two of its Arabic words. */
function gluedness(line: string): { letters: number; gaps: number } {
  let letters = 0;
  let gaps = 0;
  for (const m of line.matchAll(/[\u0621-\u064a]+/g)) {
    letters += m[0].length;
  }
  for (const _ of line.matchAll(/[\u0621-\u064a\u064b-\u0652][\s]+(?=[\u0621-\u064a])/g)) gaps++;
  return { letters, gaps };
}

function isGlued(line: string): boolean {
  const { letters, gaps } = gluedness(line);
  return letters >= MIN_LINE_LETTERS && letters / (gaps + 1) >= GLUED_LETTERS_PER_WORD;
}

/**
 * Where a run of letters (with its marks) is best cut into words: offsets in the
 * run where a space goes. A cut falls only before a letter, never before a mark.
 * The search is a Viterbi over (end, start of the last word): each word scores
 * its own log-probability plus how much likelier it is after the word before
 * (pointwise mutual information of the pair in the web counts, when they saw it).
 */
export function cutPoints(run: string, scorer: WordScorer): { cuts: number[]; score: number } {
  // Positions of base letters; a word is a span of them with the marks that follow.
  const starts: number[] = [];
  for (let i = 0; i < run.length; i++) if (isArabicLetter(run[i])) starts.push(i);
  const n = starts.length;
  if (n < 2) return { cuts: [], score: n === 1 ? 0 : -Infinity };
  const offset = (li: number) => (li < n ? starts[li] : run.length);
  const W = MAX_WORD_LETTERS;
  // best[j * (W + 1) + len]: the best score of letters [0, j) whose last word has `len` letters.
  const best = new Float64Array((n + 1) * (W + 1)).fill(-Infinity);
  const back = new Int32Array((n + 1) * (W + 1));
  const key = (i: number, j: number) => bareWord(run.slice(offset(i), offset(j)));
  // A letter that only ends words ends this one: nothing of the same word may follow it.
  const finalBefore = new Int32Array(n + 1).fill(-1); // the last final-only letter before j
  for (let j = 1; j <= n; j++) finalBefore[j] = FINAL_ONLY.has(run[starts[j - 1]]) ? j - 1 : finalBefore[j - 1];
  for (let j = 1; j <= n; j++) {
    for (let len = 1; len <= Math.min(W, j); len++) {
      const i = j - len;
      if (finalBefore[j - 1] >= i && finalBefore[j - 1] < j - 1) continue;
      const word = key(i, j);
      const own = scorer.score(word);
      if (own === -Infinity) continue;
      if (i === 0) {
        best[j * (W + 1) + len] = own;
        back[j * (W + 1) + len] = 0;
        continue;
      }
      let top = -Infinity;
      let arg = 0;
      for (let plen = 1; plen <= Math.min(W, i); plen++) {
        const prev = best[i * (W + 1) + plen];
        if (prev === -Infinity) continue;
        const s = prev + scorer.pairBonus(key(i - plen, i), word);
        if (s > top) {
          top = s;
          arg = plen;
        }
      }
      if (top === -Infinity) continue;
      best[j * (W + 1) + len] = top + own;
      back[j * (W + 1) + len] = arg;
    }
  }
  let end = -Infinity;
  let len = 0;
  for (let l = 1; l <= Math.min(W, n); l++) {
    if (best[n * (W + 1) + l] > end) {
      end = best[n * (W + 1) + l];
      len = l;
    }
  }
  if (end === -Infinity) return { cuts: [], score: -Infinity };
  const cuts: number[] = [];
  for (let j = n; j - len > 0; ) {
    const i = j - len;
    cuts.push(offset(i));
    len = back[j * (W + 1) + len];
    j = i;
  }
  return { cuts: cuts.reverse(), score: end };
}

const isLatin = (ch: string) => /[A-Za-z\u00c0-\u024f]/.test(ch);
/** A clitic letter written onto a number or a Latin word (`و7`, `وMeta`, `ب«أمّ»`). */
const PREFIX_LETTER = /^[وبلكف]$/;

/** Offsets in the line where a space goes back. */
function lineCuts(line: string, scorer: WordScorer): number[] {
  const cuts = new Set<number>();
  const keep = new Set<number>();
  for (const m of line.matchAll(/[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d6-\u06ed]+/g)) {
    const run = m[0];
    const end = m.index + run.length;
    const next = line[end] ?? '';
    const whole = cutPoints(run, scorer);
    let chosen = whole.cuts;
    // A number, a Latin word or a quote right after the run may carry the run's
    // last letter as its clitic: then the space goes before that letter instead.
    const last = run.length - 1;
    if ((isDigit(next) || isLatin(next) || OPENING.test(next)) && PREFIX_LETTER.test(run[last])) {
      if (last === 0) keep.add(end);
      else {
        const head = cutPoints(run.slice(0, last), scorer);
        if (head.score - CLITIC_COST > whole.score) {
          chosen = [...head.cuts, last];
          keep.add(end);
        }
      }
    }
    for (const c of chosen) cuts.add(m.index + c);
  }
  // Where letters meet numbers, Latin words and punctuation.
  for (let i = 1; i < line.length; i++) {
    if (keep.has(i)) continue;
    const a = line[i - 1];
    const b = line[i];
    const arabicA = isArabicLetter(a) || isArabicMark(a);
    const arabicB = isArabicLetter(b);
    if (arabicA && (isDigit(b) || isLatin(b) || OPENING.test(b))) cuts.add(i);
    else if ((isDigit(a) || isLatin(a) || CLOSING.test(a)) && arabicB) cuts.add(i);
    else if (CLOSING.test(a) && (OPENING.test(b) || (isDigit(b) && !/[.,]/.test(a)))) cuts.add(i);
  }
  return [...cuts].sort((x, y) => x - y);
}

export const restoreSpaces: Rule = {
  id: RESTORE_SPACES,
  description: 'Put back the spaces an extractor lost between words (lines glued into one long word)',
  safety: 'heuristic',
  defaultEnabled: true,
  run(ctx: RuleContext) {
    const arabicLines = ctx.lines.filter((l) => gluedness(l.text).letters >= MIN_LINE_LETTERS);
    const glued = arabicLines.filter((l) => isGlued(l.text));
    if (glued.length < MIN_GLUED_LINES || glued.length < MIN_GLUED_SHARE * arabicLines.length) return {};
    const scorer = makeScorer(ctx.knowledge.frequencies(), () => ctx.knowledge.lexicon());
    const share = glued.length / arabicLines.length;
    const confidence = Math.min(0.95, 0.7 + 0.25 * share);
    const reason = `words glued without spaces (${glued.length} of ${arabicLines.length} lines)`;
    const edits: Edit[] = [];
    for (const line of glued) {
      for (const c of lineCuts(line.text, scorer)) {
        edits.push({ start: line.start + c, end: line.start + c, text: ' ', confidence, reason });
      }
    }
    return { edits };
  },
};
