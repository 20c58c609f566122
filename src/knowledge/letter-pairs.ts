/**
 * Letter-pair (character bigram) statistics of Arabic words, counted from the
 * shipped web word counts (data/ar-web-freq/unigrams.tsv). Arabic letter order is
 * very lopsided (`ال` opens a fifth of all words, `ة` only ever ends one), so the
 * log-likelihood of a string read forwards against read backwards tells a reversed
 * line from a logical one even where the words are unknown or the spaces lost.
 */
import { webWordCounts } from './frequency.js';
import { shippedPack } from './knowledge-pack.js';
import type { Pack, Section } from './pack.js';

export interface LetterPairs {
  /**
   * log P(reversed) − log P(as it stands) under the pair model, summed over the
   * given words (bare Arabic letters; a word's edges count as pairs with a
   * boundary). Positive: the words read better reversed.
   */
  reversalGain(words: readonly string[]): number;
}

let loaded: LetterPairs | undefined;

/**
 * Letters are counted in arrays indexed by code point (0: the word's edge, then
 * U+0621–U+06D3, then one slot for anything else, which no counted word has):
 * the model is built from every counted word at start-up, so it must be quick.
 */
const FIRST_CODE = 0x0621;
const LAST_CODE = 0x06d3;
const OTHER = LAST_CODE - FIRST_CODE + 2;
const SLOTS = OTHER + 1;
const slot = (code: number) => (code === 0x20 ? 0 : code >= FIRST_CODE && code <= LAST_CODE ? code - FIRST_CODE + 1 : OTHER);

/** The counts a model is made of: letter pairs, their first letters' totals, and the alphabet's size. */
export interface LetterPairTables {
  pair: Float64Array;
  first: Float64Array;
  size: number;
}

/** Builds a model from word counts (tests use small lists). */
export function letterPairsFromCounts(counts: Iterable<[string, number]>): LetterPairs {
  return letterPairsFromTables(letterPairTables(counts));
}

/** Letter-pair counts of words (what letterPairsFromCounts models). */
export function letterPairTables(counts: Iterable<[string, number]>): LetterPairTables {
  const pair = new Float64Array(SLOTS * SLOTS);
  const first = new Float64Array(SLOTS);
  const alphabet = new Set<number>();
  for (const [w, n] of counts) {
    if (!/^[\u0621-\u064a\u0671-\u06d3]+$/.test(w)) continue;
    let prev = 0;
    for (let i = 0; i < w.length; i++) {
      const c = slot(w.charCodeAt(i));
      pair[prev * SLOTS + c] += n;
      first[prev] += n;
      alphabet.add(c);
      prev = c;
    }
    pair[prev * SLOTS] += n;
    first[prev] += n;
  }
  return { pair, first, size: alphabet.size + 1 };
}

function letterPairsFromTables({ pair, first, size }: LetterPairTables): LetterPairs {
  // Add-one smoothing over the letters seen: an unseen pair is rare, not impossible.
  const logP = (a: number, b: number) => Math.log((pair[a * SLOTS + b] + 1) / (first[a] + size));
  const memo = new Map<string, number>();
  const gains = new Map<string, number>();
  const score = (w: string) => {
    let v = memo.get(w);
    if (v === undefined) {
      let f = 0;
      let prev = 0;
      for (let i = 0; i < w.length; i++) {
        const c = slot(w.charCodeAt(i));
        f += logP(prev, c);
        prev = c;
      }
      v = f + logP(prev, 0);
      if (memo.size > 100_000) memo.clear();
      memo.set(w, v);
    }
    return v;
  };
  return {
    reversalGain(words) {
      let total = 0;
      for (const w of words) {
        if (w.length < 2) continue;
        // Words repeat: each one's gain is worked out once (every line of every document is read).
        let g = gains.get(w);
        if (g === undefined) {
          g = score([...w].reverse().join('')) - score(w);
          if (gains.size > 100_000) gains.clear();
          gains.set(w, g);
        }
        total += g;
      }
      return total;
    },
  };
}

/** The model of the shipped web words (from the knowledge pack, or built from the counts). */
export function getLetterPairs(): LetterPairs {
  if (loaded) return loaded;
  const pack = shippedPack();
  loaded = letterPairsFromTables((pack && tablesFromPack(pack)) ?? letterPairTables(webWordCounts()));
  return loaded;
}

/** The tables as the knowledge pack keeps them. */
export function letterPairSections(t: LetterPairTables = letterPairTables(webWordCounts())): Record<string, Section> {
  return { 'letters.pair': t.pair, 'letters.first': t.first, 'letters.size': new Float64Array([t.size]) };
}

/** The model a pack holds, or null. */
export function letterPairsFromPack(pack: Pack): LetterPairs | null {
  const t = tablesFromPack(pack);
  return t && letterPairsFromTables(t);
}

function tablesFromPack(pack: Pack): LetterPairTables | null {
  try {
    const [pair, first, size] = ['pair', 'first', 'size'].map((n) => pack.get(`letters.${n}`));
    if (!(pair instanceof Float64Array) || !(first instanceof Float64Array) || !(size instanceof Float64Array)) return null;
    return pair.length === SLOTS * SLOTS && first.length === SLOTS && size.length === 1 ? { pair, first, size: size[0] } : null;
  } catch {
    return null;
  }
}

/** Arabic words with presentation forms and U+FFFD (an unmapped glyph inside a word). */
const LINE_WORD = /[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d5\u06d6-\u06ed\ufb50-\ufdff\ufe70-\ufefc\ufffd]+/g;
const PRESENTATION_FORM = /[\ufb50-\ufdff\ufe70-\ufefc]/;

/** The bare letters of a word: presentation forms folded (NFKC per character), no marks, tatweel or U+FFFD. */
export function bareLetters(word: string): string {
  let out = word;
  if (PRESENTATION_FORM.test(word)) {
    out = '';
    for (const ch of word) out += PRESENTATION_FORM.test(ch) ? ch.normalize('NFKC').trim() : ch;
  }
  return out.replace(/[\u0640\u064b-\u065f\u0670\ufffd]/g, '');
}

/** Letter-pair gain of a whole line read backwards (see `reversalGain`). */
export function lineReversalGain(line: string, pairs?: LetterPairs): number {
  if (pairs) return gainOf(line, pairs);
  // Several rules ask it of every line of the same text (visual-order, mixed-direction):
  // the shipped model's answers are remembered by line.
  let g = lineGains.get(line);
  if (g === undefined) {
    g = gainOf(line, getLetterPairs());
    if (lineGains.size >= 8_000) lineGains.clear();
    lineGains.set(line, g);
  }
  return g;
}

const lineGains = new Map<string, number>();

function gainOf(line: string, pairs: LetterPairs): number {
  const keys: string[] = [];
  for (const m of line.matchAll(LINE_WORD)) keys.push(bareLetters(m[0]));
  return pairs.reversalGain(keys);
}

/** Gain above which a line reads reversed on letter pairs alone (logical lines of real extractions stay below 7). */
export const REVERSED_LINE_GAIN = 12;

/** Does any line of the text read better backwards (by `gain`)? (Visual order not yet undone.) */
export function anyLineReadsReversed(lines: Iterable<{ text: string }>, gain = REVERSED_LINE_GAIN): boolean {
  for (const l of lines) if (lineReversalGain(l.text) >= gain) return true;
  return false;
}
