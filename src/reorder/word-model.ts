/**
 * A small bigram language model for judging candidate readings of a line: web
 * counts (data/ar-web-freq), the document's own counts (undamaged text is most of
 * any document, and it knows the document's names and phrases), the other files
 * of the run, and the lexicon as weak evidence for words no count has seen.
 *
 * Scores are natural-log probabilities. A reading's score is the sum of its
 * words' log-probabilities and of the association of each adjacent pair (the
 * pointwise mutual information, shrunk towards 0 when counts are small), so two
 * readings of one line differ only where their words or neighbours differ.
 */
import type { FrequencyModel } from '../knowledge/frequency.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import type { Token } from './tokens.js';
import type { ClassModel } from './word-classes.js';
import { datePairScore } from './dates.js';

/** Word and pair counts of some text (keys as in tokens.ts). */
export interface Counts {
  words: Map<string, number>;
  pairs: Map<string, number>;
  totalWords: number;
  totalPairs: number;
}

export function emptyCounts(): Counts {
  return { words: new Map(), pairs: new Map(), totalWords: 0, totalPairs: 0 };
}

export function addCounts(into: Counts, from: Counts): void {
  for (const [k, v] of from.words) into.words.set(k, (into.words.get(k) ?? 0) + v);
  for (const [k, v] of from.pairs) into.pairs.set(k, (into.pairs.get(k) ?? 0) + v);
  into.totalWords += from.totalWords;
  into.totalPairs += from.totalPairs;
}

export interface ModelWeights {
  /** How much one occurrence in this document weighs against one on the web. */
  document: number;
  /** The same for the other files of the run. */
  corpus: number;
}

export const DEFAULT_WEIGHTS: ModelWeights = { document: 10, corpus: 3 };

/**
 * Log-probability floors (relative to one count) for words no count has seen. The
 * mass left for unseen words is spread over millions of forms the lexicon knows,
 * and over endless strings for what it does not know: a fragment or two words run
 * together must not beat two counted words.
 */
const FLOOR = {
  /** The lexicon knows it (it over-generates, so this is weak). */
  lexicon: Math.log(0.02),
  /** No lexicon consulted (a document with no visible damage). */
  unknown: Math.log(0.005),
  /** Neither counted nor in the lexicon: most likely a fragment. */
  nonword: Math.log(1e-5),
};
/** Pieces that can only be parts of words. */
export const FRAGMENT_LOGP = -28;
export const LONE_LETTER_LOGP = -26;
/** A glued form that is no word at all: never a repair. */
const GLUED_NONWORD_LOGP = -60;
const JOINED_WORDS_PENALTY = -6;
const CLASS_WEIGHT = 0.5;
const HALF_CLASS_WEIGHT = 0.3;

/** A proclitic (و ف ب ل ك ال …) on a counted word: the word is real, a little less likely. */
const CLITIC_PENALTY = Math.log(0.05);
const PROCLITICS = ['وبال', 'وال', 'فال', 'بال', 'كال', 'ولل', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك', 'س'];

export class WordModel {
  private readonly memoWord = new Map<string, number>();
  private readonly memoPair = new Map<string, number>();
  private readonly totalWords: number;
  private readonly totalPairs: number;

  constructor(
    private readonly web: FrequencyModel,
    /** Document counts. */
    private readonly doc: Counts,
    /** The judged line's own share of `doc`, left out so a line cannot vouch for itself. */
    private readonly own: Counts,
    private readonly corpus: Counts,
    private readonly lexicon: (() => Lexicon) | null,
    private readonly weights: ModelWeights = DEFAULT_WEIGHTS,
    /** Back-off for pairs no count has seen (word-classes.ts), built on first use. */
    private readonly classModel: (() => ClassModel) | null = null,
  ) {
    this.totalWords =
      web.totalWords + weights.document * (doc.totalWords - own.totalWords) + weights.corpus * corpus.totalWords;
    this.totalPairs =
      web.totalPairs + weights.document * (doc.totalPairs - own.totalPairs) + weights.corpus * corpus.totalPairs;
  }

  /**
   * Drops what the model remembers. A document keeps one model per judged line for
   * its later sweeps; their memos, kept all at once, were most of a damaged
   * document's memory.
   */
  forget(): void {
    this.memoWord.clear();
    this.memoPair.clear();
  }

  /** Counted occurrences (web + weighted document and run). */
  count(key: string): number {
    return (
      this.web.word(key) +
      this.weights.document * Math.max(0, (this.doc.words.get(key) ?? 0) - (this.own.words.get(key) ?? 0)) +
      this.weights.corpus * (this.corpus.words.get(key) ?? 0)
    );
  }

  pairCount(a: string, b: string): number {
    const k = `${a} ${b}`;
    return (
      this.web.pair(a, b) +
      this.weights.document * Math.max(0, (this.doc.pairs.get(k) ?? 0) - (this.own.pairs.get(k) ?? 0)) +
      this.weights.corpus * (this.corpus.pairs.get(k) ?? 0)
    );
  }

  /** Is the word counted anywhere (directly, or with a proclitic taken off)? Needs no lexicon. */
  known(key: string): boolean {
    if (key.startsWith('<')) return true;
    if (this.count(key) > 0) return true;
    return this.cliticBackoff(key) !== null;
  }

  private cliticBackoff(key: string): number | null {
    let best: number | null = null;
    for (const p of PROCLITICS) {
      if (!key.startsWith(p) || key.length - p.length < 2) continue;
      const c = this.count(key.slice(p.length));
      if (c > 0 && (best === null || c > best)) best = c;
    }
    return best;
  }

  /** log P(word). */
  wordLogP(key: string): number {
    let v = this.memoWord.get(key);
    if (v !== undefined) return v;
    const N = this.totalWords;
    if (key === '<LAT>' || key === '<OPQ>') v = Math.log(1 / N);
    else {
      const c = this.count(key);
      if (c > 0) v = Math.log(c / N);
      else {
        const b = this.cliticBackoff(key);
        if (b !== null) v = Math.log(b / N) + CLITIC_PENALTY;
        else if (this.lexicon === null) v = Math.log(1 / N) + FLOOR.unknown;
        else v = Math.log(1 / N) + (this.lexicon().has(key) ? FLOOR.lexicon : FLOOR.nonword);
      }
    }
    this.memoWord.set(key, v);
    return v;
  }

  /**
   * Association of `a b` as adjacent words: log((observed + 1) / (expected + 1)).
   * Pairs seen once are not in the web data, so an unseen pair counts as up to
   * half an occurrence; a frequent pair that is never seen is evidence against.
   */
  assoc(a: string, b: string): number {
    if (a.startsWith('<L') || a.startsWith('<O') || b.startsWith('<L') || b.startsWith('<O')) return 0;
    const k = `${a} ${b}`;
    let v = this.memoPair.get(k);
    if (v !== undefined) return v;
    const expected = (this.count(a) * this.count(b) * this.totalPairs) / (this.totalWords * this.totalWords);
    let observed = this.pairCount(a, b);
    const seen = observed > 0;
    if (this.web.pair(a, b) === 0) observed += Math.min(0.5, expected);
    v = Math.log((observed + 1) / (expected + 1));
    // An unseen pair of rare words says little by itself: ask what kinds of words they are.
    if (!seen && this.classModel) {
      const classes = this.classModel();
      v += CLASS_WEIGHT * classes.assoc(a, b) + HALF_CLASS_WEIGHT * classes.halfAssoc(a, b);
    }
    this.memoPair.set(k, v);
    return v;
  }

  /** log P of a token standing as one unit. */
  tokenLogP(t: Token): number {
    if (t.droppedNumber) return this.wordLogP('<NUM>');
    if (t.tatweelInitial) return FRAGMENT_LOGP;
    if (t.loneLetter) return LONE_LETTER_LOGP;
    let s = 0;
    for (const w of t.words) s += this.wordLogP(w);
    return s;
  }

  /**
   * log P of a token made by gluing pieces. A glued form no count has seen is a
   * word only on the lexicon's word (without a lexicon, never), and even then it
   * is unlikely to be made of pieces that are themselves counted words: that is
   * two words run together, not a word cut in two.
   */
  gluedLogP(t: Token, pieces: readonly Token[]): number {
    let s = 0;
    for (const w of t.words) {
      if (this.count(w) > 0 || w.startsWith('<')) s += this.wordLogP(w);
      else if (this.lexicon === null || !this.lexicon().has(w)) s += GLUED_NONWORD_LOGP;
      else {
        s += this.wordLogP(w);
        if (pieces.every((p) => p.words.every((pw) => this.count(pw) > 0))) s += JOINED_WORDS_PENALTY;
      }
    }
    return s;
  }

  /** Association across a space between two tokens (0 across punctuation or fragments). */
  tokenAssoc(left: Token, right: Token): number {
    if (left.last === null || right.first === null) return 0;
    if (left.tatweelInitial || left.loneLetter || right.tatweelInitial || right.loneLetter) return 0;
    const dates = left.last === '<NUM>' || right.first === '<NUM>' ? datePairScore(left, right) : 0;
    return this.assoc(left.last, right.first) + dates;
  }
}
