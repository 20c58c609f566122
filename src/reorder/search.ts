/**
 * The search behind reorder-runs. A damaged line is runs R_k … R_1 joined by
 * single spaces; its reading is R_1 … R_k, each junction either a space or
 * nothing (a word cut in two). We try every way of cutting the line's tokens
 * into up to `maxRuns` runs, with both junction choices where a word can be cut
 * there, and score each reading with the word model.
 *
 * Readings differ only at their junctions and at the line's two ends, so each
 * candidate is scored in time proportional to its number of runs: the words and
 * pairs inside a run are summed once, by prefix sums.
 */
import { CLOSING_PUNCT, glueKind, isDigitRun, isNumberProclitic, makeToken, OPENING_PUNCT, type GlueKind, type Token } from './tokens.js';
import type { WordModel } from './word-model.js';

export interface LineContext {
  /** Last token of the line before, as it reads now (null at a paragraph start). */
  before: Token | null;
  /** First token of the line after (null at a paragraph end). */
  after: Token | null;
  /** The line is the last of its paragraph (a blank line or the end follows): it ends a sentence. */
  paragraphEnd?: boolean;
}

export interface SearchParams {
  maxRuns: number;
  /**
   * Prior log-probabilities of the ways two runs can meet (damage model 1.2):
   * a word cut where a non-joining letter was kerned apart from ي/ك, a word cut
   * at a kashida, a cut beside a number (digits always make their own run), and a
   * cut at an ordinary space, which is rare.
   */
  kerningCut: number;
  kashidaCut: number;
  digitCut: number;
  /** A number run meeting its neighbour with no space between. */
  digitGlue: number;
  spaceCut: number;
  /** Prior log-odds that this line was damaged at all (set from how it looks). */
  damagePrior: number;
  /** Bound on how many segmentations one line may cost. */
  maxCandidates: number;
}

export const DEFAULT_SEARCH: SearchParams = {
  maxRuns: 6,
  kerningCut: -1.5,
  kashidaCut: -0.5,
  digitCut: -0.5,
  digitGlue: -2.5,
  spaceCut: -5,
  damagePrior: 0,
  maxCandidates: 60_000,
};

export interface Reading {
  score: number;
  /** Runs in reading order, as inclusive token ranges of the damaged line. */
  runs: [number, number][];
  /** glue[m]: run m and run m+1 join inside a word. */
  glue: boolean[];
}

export interface SearchResult {
  identity: number;
  /**
   * The line in its own order with pieces of a word joined where they stand
   * (`تقَّد ر`, `تراج ع`): what other damage (marks or spaces moved by the
   * extractor, glyphs spaced apart) leaves. A reordering must beat this too, or a
   * fragment that belongs to its neighbour would be taken for a moved run.
   */
  inPlace: number;
  /** Best readings, best first (identity included if it ranks). */
  top: Reading[];
  candidates: number;
}

interface Unit {
  tok: Token;
  logp: number;
  /** Position in the line; units glued from several tokens number on from the line's length. */
  index: number;
  /** Its scores as the first and the last unit of a reading (kept once computed). */
  asStart?: number;
  asEnd?: number;
  /** For a glued unit, the tokens it was glued from. */
  pieces?: Token[];
}

/** glueKind's answers, numbered for a memo of them. */
const GLUE_KINDS: (GlueKind | null)[] = [null, 'kashida', 'kerning', 'digit'];

const ORPHAN_START = -0.5;
const MISPLACED_PUNCT = -4;
const EDGE_SPACE = -0.5;
/** A paragraph's last line ends its last sentence. */
const PARAGRAPH_END = 3;
/** Arabic sentences mostly open with a conjunction (و ف) on a verb or noun. */
const OPENER = /^[وف][\u0621-\u064a]{2,}/;
const SENTENCE_OPENER = 1.5;
const SENTENCE_END = /[.!?؟…][»"”)\]]*$/;

export function searchReadings(
  tokens: readonly Token[],
  model: WordModel,
  context: LineContext,
  params: SearchParams = DEFAULT_SEARCH,
  keep = 40,
): SearchResult {
  const n = tokens.length;
  const units: Unit[] = tokens.map((tok, index) => ({ tok, logp: model.tokenLogP(tok), index }));
  // Prefix sums of word scores (the pairs' are summed below, where the glue costs are defined).
  const sumW = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) sumW[i + 1] = sumW[i] + units[i].logp;
  const words = (lo: number, hi: number) => (hi < lo ? 0 : sumW[hi + 1] - sumW[lo]);

  // Beside a number, or where a dropped one left an empty or punctuation-only piece.
  const nearDigits = (t: Token) => t.kind !== 'word' || t.first === '<NUM>' || t.last === '<NUM>';
  // A tatweel-initial piece is the end of a cut word: a run must start there.
  // A number is a run of its own: runs start at it and after it; so is what a
  // dropped number left (a double space, a lone comma), except the spaces a run
  // keeps after the end of a sentence. (The line as it stands is scored apart.)
  const requiredSet = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (tokens[i].tatweelInitial && i > 0) requiredSet.add(i);
    const t = tokens[i];
    if (isDigitRun(t) || (t.droppedNumber && !(t.kind === 'empty' && i > 0 && SENTENCE_END.test(tokens[i - 1].text)))) {
      if (i > 0) requiredSet.add(i);
      if (i + 1 < n) requiredSet.add(i + 1);
    }
  }
  const required = [...requiredSet].sort((a, b) => a - b);
  const maxReqAtOrBelow = new Int32Array(n);
  // requiredUpTo[i]: how many required run starts lie in 1..i.
  const requiredUpTo = new Int32Array(n);
  {
    let r = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (requiredSet.has(i)) {
        r = i;
        if (i > 0) count++;
      }
      maxReqAtOrBelow[i] = r;
      requiredUpTo[i] = count;
    }
  }
  const free = n - 1 - required.length;
  let maxRuns = Math.max(params.maxRuns, required.length + 1);
  while (maxRuns > required.length + 1 && segmentations(free, maxRuns - 1 - required.length) > params.maxCandidates) maxRuns--;

  const merged = new Map<string, Unit>();
  const merge = (a: Unit, b: Unit): Unit => {
    const text = a.tok.text + b.tok.text;
    let u = merged.get(text);
    if (!u) {
      const tok = makeToken(text, a.tok.start);
      const pieces = [...(a.pieces ?? [a.tok]), b.tok];
      u = { tok, logp: model.gluedLogP(tok, pieces), pieces, index: n + merged.size };
      merged.set(text, u);
    }
    return u;
  };
  // Pairs of the line's own tokens are asked for again and again: keep them by index.
  const pairMemo = new Float64Array(n * n).fill(NaN);
  const gluedPairs = new Map<number, number>();
  const assoc = (a: Unit, b: Unit): number => {
    if (a.index < n && b.index < n) {
      if (b.index === a.index + 1) return pairAt[b.index];
      const k = a.index * n + b.index;
      let v = pairMemo[k];
      if (Number.isNaN(v)) pairMemo[k] = v = model.tokenAssoc(a.tok, b.tok);
      return v;
    }
    const k = a.index * 1_000_003 + b.index;
    let v = gluedPairs.get(k);
    if (v === undefined) gluedPairs.set(k, (v = model.tokenAssoc(a.tok, b.tok)));
    return v;
  };
  // `وقال` opens a sentence; `وزير` only starts with the same letter.
  const opener = (w: string) => OPENER.test(w) && model.count(w.slice(1)) > 0 && model.count(w.slice(1)) * 2 >= model.count(w);
  const sentenceStart = !context.before || SENTENCE_END.test(context.before.text);
  const startScore = (u: Unit): number => (u.asStart ??= scoreAsStart(u));
  const endScore = (u: Unit): number => (u.asEnd ??= scoreAsEnd(u));
  const scoreAsStart = (u: Unit): number => {
    let s = context.before ? model.tokenAssoc(context.before, u.tok) : 0;
    const t = u.tok;
    if (sentenceStart && t.first !== null && opener(t.first)) s += SENTENCE_OPENER;
    if (t.kind === 'empty') s += EDGE_SPACE;
    else if (t.kind === 'punct' && CLOSING_PUNCT.test(t.text)) s += ORPHAN_START;
    else if (t.lead !== '' && CLOSING_PUNCT.test(t.lead)) s += MISPLACED_PUNCT;
    return s;
  };
  const scoreAsEnd = (u: Unit): number => {
    let s = context.after ? model.tokenAssoc(u.tok, context.after) : 0;
    const t = u.tok;
    if (t.kind === 'empty') s += EDGE_SPACE;
    else if (OPENING_PUNCT.test(t.text)) s += MISPLACED_PUNCT;
    if (SENTENCE_END.test(t.text)) {
      if (context.paragraphEnd) s += PARAGRAPH_END;
      else if (context.after?.first && opener(context.after.first)) s += SENTENCE_OPENER;
    }
    return s;
  };
  const glueCost = (k: GlueKind | null, a: Token, b: Token) =>
    k === 'kashida'
      ? params.kashidaCut
      : k !== 'digit'
        ? params.kerningCut
        : isNumberProclitic(a.text) && b.first === '<NUM>'
          ? params.digitCut
          : params.digitGlue;
  // A cut is cheap beside a number only where the number (or what is left of it)
  // is a run of its own: digits split runs, nothing else about them does.
  const spaceCost = (a: Token, aAlone: boolean, b: Token, bAlone: boolean) => {
    if (!(nearDigits(a) && aAlone) && !(nearDigits(b) && bAlone)) return params.spaceCut;
    // `و60`: a one-letter proclitic is written onto the number that follows it.
    return isNumberProclitic(a.text) && b.first === '<NUM>' ? params.digitGlue : params.digitCut;
  };

  // pairAt[i]: t[i-1] and t[i] as they stand, as two words or, where the gap
  // between them is a kerning or kashida gap, as one word cut there, whichever
  // reads better. Inside a run a reading keeps the pair as it stands, so a word
  // the extractor spaced apart where it stands (`ور ياح`) costs every reading the
  // same, the line as it is included; only a cut between runs can undo it.
  const pairAt = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    const [a, b] = [units[i - 1], units[i]];
    const kind = glueKind(a.tok, b.tok);
    const asTwo = model.tokenAssoc(a.tok, b.tok);
    pairAt[i] = kind === 'kerning' || kind === 'kashida' ? Math.max(asTwo, merge(a, b).logp + glueCost(kind, a.tok, b.tok) - a.logp - b.logp) : asTwo;
  }
  const sumA = new Float64Array(n + 1);
  for (let i = 1; i < n; i++) sumA[i + 1] = sumA[i] + pairAt[i];
  const pairs = (lo: number, hi: number) => (hi < lo ? 0 : sumA[hi + 1] - sumA[lo]); // pairs ending at lo..hi

  // How the line's own tokens may meet is asked for at every junction of every reading.
  const glueMemo = new Int8Array(n * n).fill(-1);
  const glueAt = (a: Unit, b: Unit): GlueKind | null => {
    if (a.index >= n || b.index >= n) return glueKind(a.tok, b.tok);
    const k = a.index * n + b.index;
    if (glueMemo[k] < 0) glueMemo[k] = GLUE_KINDS.indexOf(glueKind(a.tok, b.tok));
    return GLUE_KINDS[glueMemo[k]];
  };

  const top: Reading[] = [];
  let worstKept = -Infinity;
  let candidates = 0;
  const los: number[] = [];
  const glues: boolean[] = [];

  const record = (score: number) => {
    candidates++;
    if (top.length >= keep && score <= worstKept) return;
    const runs: [number, number][] = [];
    let hi = n - 1;
    for (const lo of los) {
      runs.push([lo, hi]);
      hi = lo - 1;
    }
    offer({ score, runs, glue: glues.slice() });
  };
  const offer = (reading: Reading) => {
    // Insert after every reading that scores as high (the order a stable sort would give).
    let at = top.length;
    while (at > 0 && top[at - 1].score < reading.score) at--;
    top.splice(at, 0, reading);
    if (top.length > keep) top.pop();
    worstKept = top.length >= keep ? top[top.length - 1].score : -Infinity;
  };

  // Adds the run [lo, hi] after the state (lastFinal, pending, score) and recurses.
  const extend = (hi: number, m: number, lastFinal: Unit | null, pending: Unit | null, score: number, pendingAlone: boolean) => {
    const minLo = maxReqAtOrBelow[hi];
    // With no run left to spend, this run must reach the line's start.
    const maxLo = m >= maxRuns ? 0 : hi;
    if (maxLo < minLo) return;
    for (let lo = maxLo; lo >= minLo; lo--) {
      // The runs left (at most maxRuns − m) must start at every required cut before lo:
      // a branch with more of them than it can start never reaches a reading.
      if (lo > 0 && requiredUpTo[lo - 1] > maxRuns - m - 1) continue;
      const head = units[lo];
      // Junction choices between the pending unit and this run's first token.
      const kind = pending ? glueAt(pending, head) : null;
      // Space, glue, or both; a kashida piece is always glued back.
      const firstOption = kind === 'kashida' ? 1 : 0;
      const lastOption = kind === null ? 0 : 1;
      for (let option = firstOption; option <= lastOption; option++) {
        const glue = option === 1;
        let s = score;
        let lf = lastFinal;
        let first = head;
        if (pending) {
          if (glue) {
            first = merge(pending, head);
            s += glueCost(kind, pending.tok, head.tok);
          } else {
            s += spaceCost(pending.tok, pendingAlone, head.tok, lo === hi) + pending.logp + (lf ? assoc(lf, pending) : startScore(pending));
            lf = pending;
          }
        }
        let pend: Unit;
        if (lo === hi) {
          pend = first;
        } else {
          s += first.logp + (lf ? assoc(lf, first) : startScore(first));
          if (lo + 1 <= hi - 1) {
            s += (first === head ? pairAt[lo + 1] : assoc(first, units[lo + 1])) + words(lo + 1, hi - 1) + pairs(lo + 2, hi - 1);
            lf = units[hi - 1];
          } else {
            lf = first;
          }
          pend = units[hi];
          // The pair (t[hi-1], t[hi]) is scored when t[hi] is emitted (it may be glued on).
        }
        los.push(lo);
        if (m > 1) glues.push(glue);
        if (lo === 0) {
          record(s + pend.logp + (lf ? assoc(lf, pend) : startScore(pend)) + endScore(pend) + (m > 1 ? params.damagePrior : 0));
        } else {
          extend(lo - 1, m + 1, lf, pend, s, lo === hi && !(pending && glue));
        }
        los.pop();
        if (m > 1) glues.pop();
      }
    }
  };

  if (n === 0) return { identity: 0, inPlace: 0, top: [], candidates: 0 };
  extend(n - 1, 1, null, null, 0, false);
  if (n >= MIN_WORD_ORDER_TOKENS && params.maxRuns > 1) offerWordsReversed();
  const identity = startScore(units[0]) + words(0, n - 1) + pairs(1, n - 1) + endScore(units[n - 1]);
  const inPlace = Math.max(identity, inPlaceScore());
  // What only the whole line shows: brackets and quotes in the order they open and close.
  const line = tokens.map((t) => t.text).join(' ');
  if (!HAS_BRACKET.test(line)) return { identity, inPlace, top, candidates };
  for (const r of top) r.score += bracketScore(renderReading(line, tokens, r).text);
  top.sort((a, b) => b.score - a.score);
  const brackets = bracketScore(line);
  return { identity: identity + brackets, inPlace: inPlace + brackets, top, candidates };

  /**
   * Every word a run of its own, all in reverse (pdf.js on some PDFs emits a line's
   * words right to left, each word itself in order): one reading, with one cost for
   * the whole line instead of a space cut at every junction.
   */
  function offerWordsReversed(): void {
    if (units.some((u) => u.tok.tatweelInitial)) return;
    let score = startScore(units[n - 1]) + endScore(units[0]) + params.damagePrior + WORDS_REVERSED;
    for (let k = n - 1; k >= 0; k--) score += units[k].logp + (k < n - 1 ? assoc(units[k + 1], units[k]) : 0);
    candidates++;
    offer({ score, runs: units.map((_, k) => [n - 1 - k, n - 1 - k] as [number, number]), glue: new Array<boolean>(n - 1).fill(false) });
  }

  /**
   * The line as it stands, each piece of a word (a lone letter, a tatweel-initial
   * piece) joined to the word beside it when that reads better: greedily, left to
   * right, then right to left for what is left.
   */
  function inPlaceScore(): number {
    const fragment = (u: Unit) => u.tok.tatweelInitial || u.tok.loneLetter;
    if (!units.some(fragment)) return -Infinity;
    const joinable = (a: Unit, b: Unit) => a.tok.kind === 'word' && b.tok.kind === 'word' && a.tok.last !== null && b.tok.first !== null && a.tok.last !== '<NUM>' && b.tok.first !== '<NUM>';
    const cost = (a: Unit, b: Unit) => {
      const k = glueKind(a.tok, b.tok);
      return k === 'kashida' ? params.kashidaCut : k === 'kerning' ? params.kerningCut : IN_PLACE_CUT;
    };
    let glueCosts = 0;
    let seq = units.slice();
    for (const fromRight of [false, true]) {
      const out: Unit[] = [];
      const order = fromRight ? seq.slice().reverse() : seq;
      for (const u of order) {
        const prev = out[out.length - 1];
        if (prev && (fragment(u) || fragment(prev))) {
          const [a, b] = fromRight ? [u, prev] : [prev, u];
          if (joinable(a, b)) {
            const glued = merge(a, b);
            const c = cost(a, b);
            if (glued.logp + c > a.logp + b.logp + assoc(a, b)) {
              out[out.length - 1] = glued;
              glueCosts += c;
              continue;
            }
          }
        }
        out.push(u);
      }
      seq = fromRight ? out.reverse() : out;
    }
    if (seq.length === units.length) return -Infinity;
    let score = glueCosts + startScore(seq[0]) + endScore(seq[seq.length - 1]);
    for (let i = 0; i < seq.length; i++) score += seq[i].logp + (i > 0 ? assoc(seq[i - 1], seq[i]) : 0);
    return score;
  }
}

/** A line in right-to-left word order: as unlikely as one run cut at a space. */
const WORDS_REVERSED = -5;
const MIN_WORD_ORDER_TOKENS = 4;
/** A word cut by a space with no sign of why (the extractor moved a mark or a space). */
const IN_PLACE_CUT = -5;

const BRACKETS: [string, string][] = [
  ['(', ')'],
  ['[', ']'],
  ['«', '»'],
  ['“', '”'],
];
const MISORDERED_BRACKET = -3;
const HAS_BRACKET = /[()[\]«»“”]/;

/** A closing mark that comes before its opening mark on the same line reads wrong. */
export function bracketScore(text: string): number {
  let s = 0;
  for (const [open, close] of BRACKETS) {
    if (!text.includes(open) || !text.includes(close)) continue;
    let depth = 0;
    let orphans = 0;
    for (const ch of text) {
      if (ch === open) depth++;
      else if (ch === close) {
        if (depth > 0) depth--;
        else orphans++;
      }
    }
    // Each close with no open before it, while an open is left over after it.
    s += Math.min(orphans, depth) * MISORDERED_BRACKET;
  }
  return s;
}

/** Σ_{j ≤ k} C(n, j): how many ways to choose up to k cut points among n. */
function segmentations(n: number, k: number): number {
  let total = 0;
  let c = 1;
  for (let j = 0; j <= k && j <= n; j++) {
    total += c;
    c = (c * (n - j)) / (j + 1);
  }
  return total;
}

/** The text of a reading and, for each of its characters, its offset in the damaged line. */
export function renderReading(line: string, tokens: readonly Token[], reading: Reading): { text: string; origins: number[] } {
  let text = '';
  const origins: number[] = [];
  reading.runs.forEach(([lo, hi], m) => {
    if (m > 0 && !reading.glue[m - 1]) {
      // The space the extractor put before this run's first token stands in for the one between the runs.
      text += ' ';
      origins.push(tokens[reading.runs[m - 1][0]].start - 1);
    }
    const from = tokens[lo].start;
    const to = tokens[hi].start + tokens[hi].text.length;
    text += line.slice(from, to);
    for (let i = from; i < to; i++) origins.push(i);
  });
  return { text, origins };
}
