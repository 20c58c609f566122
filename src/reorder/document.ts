/**
 * What reorder-runs, rejoin-split-words and flag-scrambled-line know about a
 * document: its lines as tokens, which lines show damage, and word and pair
 * counts taken only from text that the damage cannot have produced.
 */
import { hasArabic } from '../core/arabic.js';
import type { Knowledge, Line } from '../core/types.js';
import { splitLines } from '../core/tracked-text.js';
import type { FrequencyModel } from '../knowledge/frequency.js';
import { webClassModel } from './word-classes.js';
import { glueKind, makeToken, tokenizeLine, visibleSign, type SignStrength, type Token } from './tokens.js';
import { addCounts, emptyCounts, WordModel, type Counts, type ModelWeights, DEFAULT_WEIGHTS } from './word-model.js';

export interface LineInfo {
  line: Line;
  tokens: Token[];
  /** 0 none, 1 a rare word at an edge, 2 orphan punctuation, 3 a piece of a word. */
  sign: SignStrength;
  /** This line's contribution to the document counts. */
  own: Counts;
  arabic: boolean;
}

export interface DocumentAnalysis {
  lines: LineInfo[];
  doc: Counts;
  corpus: Counts;
  /** Some line holds a piece that can only be part of a word: the document is damaged. */
  damaged: boolean;
}

/**
 * Counts of the words and pairs of a line that are safe to learn from. Pieces of
 * words (tatweel-initial, lone letters) are not, nor their neighbours, nor the
 * edges of a line that shows damage: that is where cut words sit.
 */
export function trustedCounts(tokens: readonly Token[], excludeEdges: boolean): Counts {
  const counts = emptyCounts();
  const n = tokens.length;
  const skip = new Uint8Array(n);
  let firstReal = -1;
  let lastReal = -1;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (t.kind !== 'empty') {
      if (firstReal < 0) firstReal = i;
      lastReal = i;
    }
    if (t.tatweelInitial || t.loneLetter) {
      skip[i] = 1;
      if (i > 0) skip[i - 1] = 1;
      if (i + 1 < n) skip[i + 1] = 1;
    }
  }
  if (excludeEdges) {
    if (firstReal >= 0) skip[firstReal] = 1;
    if (lastReal >= 0) skip[lastReal] = 1;
  }
  let prev: Token | null = null;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (skip[i] || t.kind !== 'word') {
      prev = null;
      continue;
    }
    for (const w of t.words) {
      if (w.startsWith('<') && w !== '<NUM>') continue;
      counts.words.set(w, (counts.words.get(w) ?? 0) + 1);
      counts.totalWords++;
    }
    if (prev && prev.last !== null && t.first !== null) {
      const k = `${prev.last} ${t.first}`;
      counts.pairs.set(k, (counts.pairs.get(k) ?? 0) + 1);
      counts.totalPairs++;
    }
    prev = t;
  }
  return counts;
}

export function analyzeLines(lines: readonly Line[]): LineInfo[] {
  return lines.map((line) => {
    const arabic = hasArabic(line.text);
    const tokens = arabic ? tokenizeLine(line.text) : [];
    const sign = arabic ? visibleSign(tokens) : 0;
    return { line, tokens, sign, own: arabic ? trustedCounts(tokens, sign >= 2) : emptyCounts(), arabic };
  });
}

export function countsOfTexts(texts: readonly string[]): Counts {
  const counts = emptyCounts();
  for (const t of texts) for (const info of analyzeLines(splitLines(t))) addCounts(counts, info.own);
  return counts;
}

const LINES_KEY = 'reorder:lines';

interface SharedAnalysis {
  lines: readonly Line[];
  infos: readonly LineInfo[];
  doc: Counts;
}

/**
 * The tokens and counts of the text's lines, shared by the rules that read them
 * (reorder-runs, rejoin-split-words, rejoin-cut-lines, flag-scrambled-line) until
 * the text changes: the engine hands every rule the same lines until one changes
 * the text. Tokens and counts are never changed once made; each caller gets its
 * own LineInfo objects, whose fields it may replace.
 */
function sharedAnalysis(lines: readonly Line[], knowledge: Knowledge): SharedAnalysis {
  const cached = knowledge.cache.get(LINES_KEY) as SharedAnalysis | undefined;
  if (cached?.lines === lines) return cached;
  const infos = analyzeLines(lines);
  const doc = emptyCounts();
  for (const info of infos) addCounts(doc, info.own);
  const shared = { lines, infos, doc };
  knowledge.cache.set(LINES_KEY, shared);
  return shared;
}

/** This text's line analysis if a rule has already made it (flag-scrambled-line reads signs from it). */
export function analyzedLines(lines: readonly Line[], knowledge: Knowledge): readonly LineInfo[] | null {
  const cached = knowledge.cache.get(LINES_KEY) as SharedAnalysis | undefined;
  return cached?.lines === lines ? cached.infos : null;
}

export function analyzeDocument(lines: readonly Line[], knowledge: Knowledge): DocumentAnalysis {
  const shared = sharedAnalysis(lines, knowledge);
  const infos = shared.infos.map((info) => ({ ...info }));
  const corpus = corpusCounts(knowledge);
  return { lines: infos, doc: shared.doc, corpus, damaged: infos.some((i) => i.sign === 3) };
}

/**
 * Once every line's sign is known (some need counts to see), the edges of every
 * suspect line leave the document counts: cut words sit there.
 */
export function recountWithSigns(analysis: DocumentAnalysis, signs: ReadonlyMap<number, number>, resign = true): void {
  const doc = emptyCounts();
  for (const info of analysis.lines) {
    const sign = signs.get(info.line.index) ?? info.sign;
    if (resign && info.arabic && sign >= 1 && sign !== info.sign) info.own = trustedCounts(info.tokens, true);
    addCounts(doc, info.own);
  }
  analysis.doc = doc;
}

const CORPUS_KEY = 'reorder:corpus-counts';
const remembered = new WeakMap<FrequencyModel, FrequencyModel>();
const REMEMBER_AT_MOST = 500_000;

/**
 * The web counts with answers remembered: each line gets its own model, and they
 * all ask about the same words. (One memo per frequency model, so the word-class
 * model built over it is built once too.)
 */
export function rememberingWeb(web: FrequencyModel): FrequencyModel {
  let memo = remembered.get(web);
  if (!memo) {
    const words = new Map<string, number>();
    const pairs = new Map<string, number>();
    memo = {
      word(w) {
        let v = words.get(w);
        if (v === undefined) {
          if (words.size > REMEMBER_AT_MOST) words.clear();
          words.set(w, (v = web.word(w)));
        }
        return v;
      },
      pair(a, b) {
        const k = `${a} ${b}`;
        let v = pairs.get(k);
        if (v === undefined) {
          if (pairs.size > REMEMBER_AT_MOST) pairs.clear();
          pairs.set(k, (v = web.pair(a, b)));
        }
        return v;
      },
      totalWords: web.totalWords,
      totalPairs: web.totalPairs,
      forEachPair: web.forEachPair?.bind(web),
      shipped: web.shipped,
    };
    remembered.set(web, memo);
  }
  return memo;
}

/** The run's other files are the same for every file: count them once per knowledge. */
function corpusCounts(knowledge: Knowledge): Counts {
  let c = knowledge.cache.get(CORPUS_KEY) as Counts | undefined;
  if (!c) {
    c = countsOfTexts(knowledge.corpus);
    knowledge.cache.set(CORPUS_KEY, c);
  }
  return c;
}

/** The model for judging one line: document counts without that line's own. */
export function modelForLine(
  analysis: DocumentAnalysis,
  info: LineInfo,
  web: FrequencyModel,
  knowledge: Knowledge,
  useLexicon = analysis.damaged,
  weights: ModelWeights = DEFAULT_WEIGHTS,
): WordModel {
  const lexicon = useLexicon ? () => knowledge.lexicon() : null;
  // (damaged is settled before any line is judged with the lexicon: see reorder-runs.)
  return new WordModel(web, analysis.doc, info.own, analysis.corpus, lexicon, weights, () => webClassModel(web));
}

/** A rare word at either edge of a line is where a cut word would show. */
export function rareEdgeWord(info: LineInfo, model: WordModel): boolean {
  const real = info.tokens.filter((t) => t.kind === 'word');
  if (real.length === 0) return false;
  for (const t of [real[0], real[real.length - 1]]) {
    const key = t === real[0] ? t.first : t.last;
    if (key !== null && !model.known(key)) return true;
  }
  return false;
}

/**
 * The signature of a line cut once inside a word and emitted in two runs: its
 * last and first pieces, put together, make a counted word that at least one of
 * them is not (`… رسم خر` + `يطة …` = `خريطة`). Needs no lexicon.
 */
export function wrapsCutWord(info: LineInfo, model: WordModel): boolean {
  const real = info.tokens.filter((t) => t.kind === 'word');
  if (real.length < 2) return false;
  const first = real[0];
  const last = real[real.length - 1];
  const kind = glueKind(last, first);
  if (kind !== 'kerning' && kind !== 'kashida') return false;
  const merged = makeToken(last.text + first.text, 0);
  if (merged.words.length !== 1 || model.count(merged.words[0]) === 0) return false;
  return (last.last !== null && !model.known(last.last)) || (first.first !== null && !model.known(first.first));
}
