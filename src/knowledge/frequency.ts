/**
 * Word and word-pair counts from public web prose (data/ar-web-freq, counts only;
 * see its README for sources and rules). Keys are diacritic-free, tatweel-free;
 * `<NUM>` stands for any number. Loading takes a few tens of milliseconds, once.
 */
import { readFileSync } from 'node:fs';
import { bareWord, isDigit } from '../core/arabic.js';
import { DATA_URL, shippedPack } from './knowledge-pack.js';
import type { Pack, Section } from './pack.js';
import { SortedKeys } from './sorted-keys.js';

export interface FrequencyModel {
  /** Count of the word in the web sample (0 when unseen). */
  word(w: string): number;
  /** Count of the adjacent pair `a b`. */
  pair(a: string, b: string): number;
  /** Total word tokens, for turning counts into probabilities. */
  readonly totalWords: number;
  readonly totalPairs: number;
  /** Visits every counted pair (for models built over the pairs, e.g. word classes). */
  forEachPair?(visit: (a: string, b: string, count: number) => void): void;
  /** These are the shipped web counts: the models built over them can come from the knowledge pack. */
  readonly shipped?: boolean;
}

let loaded: FrequencyModel | undefined;

/**
 * `key<TAB>count` lines, in file order. Scanned with indexOf rather than split
 * into lines and fields: the two files are read at the start of every run that
 * meets an Arabic line, and the scan is about twice as fast.
 */
function readCounts(file: string): Map<string, number> {
  const map = new Map<string, number>();
  const text = readFileSync(new URL(file, DATA_URL), 'utf8');
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const tab = text.lastIndexOf('\t', end - 1);
    if (tab > at) map.set(text.slice(at, tab), Number(text.slice(tab + 1, end)));
    at = end + 1;
  }
  return map;
}

let webWords: Map<string, number> | undefined;

/** The shipped word counts (unigrams.tsv, in file order), read once for every model built on them. */
export function webWordCounts(): ReadonlyMap<string, number> {
  return (webWords ??= readCounts('unigrams.tsv'));
}

/** Numbers count as `<NUM>`, as in the data's own tokenisation. */
export function frequencyKey(w: string): string {
  // Only a word that starts with a digit can be a number (the test is asked of every word).
  return isDigit(w) && /^[0-9\u0660-\u0669\u06f0-\u06f9]+([.,٫٬][0-9\u0660-\u0669\u06f0-\u06f9]+)*$/.test(w) ? '<NUM>' : bareWord(w);
}

export function getFrequencies(): FrequencyModel {
  if (loaded) return loaded;
  const pack = shippedPack();
  loaded = (pack && modelFromPack(pack)) ?? modelFromData();
  return loaded;
}

/** The shipped counts read from the data files themselves (the knowledge pack is built from these). */
export function modelFromData(): FrequencyModel {
  const words = webWordCounts();
  const pairs = readCounts('bigrams.tsv');
  let totalWords = 0;
  for (const v of words.values()) totalWords += v;
  let totalPairs = 0;
  for (const v of pairs.values()) totalPairs += v;
  return {
    word: (w) => words.get(frequencyKey(w)) ?? 0,
    pair: (a, b) => pairs.get(`${frequencyKey(a)} ${frequencyKey(b)}`) ?? 0,
    totalWords,
    totalPairs,
    forEachPair(visit) {
      for (const [k, v] of pairs) {
        const sp = k.indexOf(' ');
        visit(k.slice(0, sp), k.slice(sp + 1), v);
      }
    },
    shipped: true,
  };
}

/** The counts as the pack keeps them: sorted keys and a count for each. */
export function frequencySections(): Record<string, Section> {
  const sections: Record<string, Section> = {};
  for (const [name, counts] of [['words', webWordCounts()], ['pairs', readCounts('bigrams.tsv')]] as const) {
    const keys = SortedKeys.from(counts.keys());
    const values = new Float64Array(keys.size);
    for (let i = 0; i < keys.size; i++) values[i] = counts.get(keys.key(i))!;
    sections[`${name}.text`] = keys.text;
    sections[`${name}.starts`] = keys.starts;
    sections[`${name}.counts`] = values;
  }
  return sections;
}

/** Bounds each memo of the packed counts (some tens of MB at most). */
const MEMO_SIZE = 200_000;

function tableFromPack(pack: Pack, name: string): { keys: SortedKeys; counts: Float64Array; total: number } | null {
  const text = pack.get(`${name}.text`);
  const starts = pack.get(`${name}.starts`);
  const counts = pack.get(`${name}.counts`);
  if (typeof text !== 'string' || !(starts instanceof Uint32Array) || !(counts instanceof Float64Array)) return null;
  const keys = SortedKeys.stored(text, starts);
  if (counts.length !== keys.size) return null;
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  return { keys, counts, total };
}

/** The web counts a pack holds, or null if it holds none that are whole. */
export function modelFromPack(pack: Pack): FrequencyModel | null {
  let words, pairs;
  try {
    words = tableFromPack(pack, 'words');
    pairs = tableFromPack(pack, 'pairs');
  } catch {
    return null;
  }
  if (!words || !pairs) return null;
  const { keys: wordKeys, counts: wordCounts } = words;
  const { keys: pairKeys, counts: pairCounts } = pairs;
  // A bisection costs several times a Map lookup, and a document asks about the same
  // words again and again: answers are remembered (a Map built as the text needs it).
  const wordMemo = new Map<string, number>();
  const pairMemo = new Map<string, number>();
  const lookup = (memo: Map<string, number>, keys: SortedKeys, counts: Float64Array, key: string) => {
    let v = memo.get(key);
    if (v === undefined) {
      const i = keys.indexOf(key);
      v = i < 0 ? 0 : counts[i];
      if (memo.size >= MEMO_SIZE) memo.clear();
      memo.set(key, v);
    }
    return v;
  };
  return {
    word: (w) => lookup(wordMemo, wordKeys, wordCounts, frequencyKey(w)),
    pair: (a, b) => lookup(pairMemo, pairKeys, pairCounts, `${frequencyKey(a)} ${frequencyKey(b)}`),
    totalWords: words.total,
    totalPairs: pairs.total,
    forEachPair(visit) {
      for (let i = 0; i < pairKeys.size; i++) {
        const k = pairKeys.key(i);
        const sp = k.indexOf(' ');
        visit(k.slice(0, sp), k.slice(sp + 1), pairCounts[i]);
      }
    },
    shipped: true,
  };
}

/**
 * Word counts of one document (or of every file in a run): undamaged lines are
 * most of any document, so its own vocabulary is the best judge of its fragments.
 */
export function countWords(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.matchAll(/[\u0621-\u063a\u0640-\u065f\u0670-\u06d3]+/g)) {
      const k = bareWord(m[0]);
      if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return counts;
}
