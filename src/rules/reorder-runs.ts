import { hasArabic, hasDigit } from '../core/arabic.js';
import type { Edit, Knowledge, Rule, RuleContext } from '../core/types.js';
import type { FrequencyModel } from '../knowledge/frequency.js';
import {
  analyzeDocument,
  modelForLine,
  rareEdgeWord,
  recountWithSigns,
  rememberingWeb,
  trustedCounts,
  wrapsCutWord,
  type DocumentAnalysis,
  type LineInfo,
} from '../reorder/document.js';
import { DEFAULT_SEARCH, renderReading, searchReadings, type LineContext, type SearchParams } from '../reorder/search.js';
import { isNumberToken, tokenizeLine, visibleSign, type Token } from '../reorder/tokens.js';
import type { WordModel } from '../reorder/word-model.js';

/**
 * reorder-runs (damage model 1.2): a PDF drew a visual line as several text runs
 * and the extractor emitted them right to left, joined by spaces, so the line
 * reads `ck … c1`. For each line that shows a sign of this, we search every way
 * of cutting it into runs and putting them back, and keep the reading that the
 * word model (web and document counts, the lexicon, the neighbouring lines) finds
 * far more likely than the line as it stands and than any other reading.
 */

export const REORDER_RUNS = 'reorder-runs';

/** Longer "lines" are paragraphs from reflowed text, not visual lines of a PDF. */
const MAX_TOKENS = 40;
/** The first search tries this many runs at most; a winner by less than this searches deeper. */
const SHALLOW_RUNS = 3;
const DEEPEN_BELOW = 4;
/** Readings this sure teach the document statistics; rounds of learning. */
const LEARN_FROM = 0.8;
const LEARNING_ROUNDS = 2;
/** A doubtful reading of a line with no piece of a word is reported from this confidence on. */
const FLAG_FROM = 0.5;
/** Runs a line with many numbers may be cut into. */
const MAX_NUMBER_RUNS = 9;
/** Sweeps over the damaged lines: each sweep sees its neighbours' new readings. */
const SWEEPS = 3;

/** Prior log-odds of damage by how the line looks (see tokens.ts, visibleSign). */
const DAMAGE_PRIOR = [-1.2, -1, -1, 0];

/** A line that looks damaged where no reading was sure enough (for flag-scrambled-line). */
export interface DoubtfulLine {
  lineIndex: number;
  lineText: string;
  suggestion?: string;
  confidence: number;
  why: string;
}

export interface ReorderState {
  doubtful: DoubtfulLine[];
  repaired: Set<number>;
  /** The document showed reordering damage (later rules may then consult the lexicon). */
  damaged: boolean;
}

interface Candidate {
  info: LineInfo;
  model: WordModel;
  sign: number;
  params: SearchParams;
  /** The current reading (tokens of its text) and the decision behind it. */
  tokens: Token[];
  decision: Decision | null;
  /** The neighbours the decision was taken with. */
  contextKey?: string;
  /** Its reading already counts in the document statistics. */
  learned?: boolean;
}

interface Decision {
  text: string;
  origins: number[];
  confidence: number;
  margin: number;
  runs: number;
}

export interface ReorderOptions {
  maxRuns: number;
}

function readOptions(ctx: RuleContext): ReorderOptions {
  const o = ctx.options.ruleOptions[REORDER_RUNS] ?? {};
  const maxRuns = typeof o.maxRuns === 'number' && o.maxRuns >= 1 ? Math.floor(o.maxRuns) : DEFAULT_SEARCH.maxRuns;
  return { maxRuns };
}

/** Maps a score margin (natural-log odds) to a confidence. */
export function marginConfidence(margin: number): number {
  // Fitted on simulated damage of texts outside the evaluation set: a reading that
  // wins by a hair is right about half the time, by 3 nats nine times in ten.
  return 1 - 0.55 * Math.exp(-Math.max(0, margin) / 1.5);
}

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * `probing`: the document is not yet known to be damaged, and the question is only
 * whether it is. A line none of whose two- or three-run readings beats it as it
 * stands is then not searched deeper: the deep search (up to nine runs on a line
 * with numbers) is what made clean text slow, and on the evaluation corpus it
 * never found damage that the shallow one had not already shown (the outputs of
 * all 652 corpus files are the same either way).
 */
function decide(c: Candidate, context: LineContext, probing: boolean): Decision | null {
  const { params } = c;
  // Most damaged lines are two or three runs: search those first, and all the
  // cuts allowed only if that leaves a piece of a word or no clear winner.
  const shallow = Math.min(params.maxRuns, SHALLOW_RUNS);
  let d = decideWith(c, context, { ...params, maxRuns: shallow });
  if (probing && !d) return null;
  if (shallow < params.maxRuns && (!d || d.margin < DEEPEN_BELOW || visibleSign(tokenizeLine(d.text)) === 3)) {
    const deep = decideWith(c, context, params);
    if (deep || !d) d = deep;
  }
  return d;
}

function decideWith(c: Candidate, context: LineContext, params: SearchParams): Decision | null {
  const { info, model } = c;
  const result = searchReadings(info.tokens, model, context, params);
  const best = result.top[0];
  // A reading must beat the line as it stands, with its pieces of words joined where they are.
  if (!best || best.runs.length === 1 || best.score <= result.inPlace) return null;
  const rendered = renderReading(info.line.text, info.tokens, best);
  const key = normalize(rendered.text);
  if (key === normalize(info.line.text)) return null;
  let rival = result.inPlace;
  for (const r of result.top.slice(1)) {
    if (r.score <= rival) break;
    if (normalize(renderReading(info.line.text, info.tokens, r).text) !== key) {
      rival = r.score;
      break;
    }
  }
  const margin = best.score - rival;
  return { ...rendered, margin, confidence: marginConfidence(margin), runs: best.runs.length };
}

function edgeTokens(tokens: readonly Token[]): { first: Token | null; last: Token | null } {
  const real = tokens.filter((t) => t.kind !== 'empty');
  return { first: real[0] ?? null, last: real[real.length - 1] ?? null };
}

/** Lines that judged with counts alone look like reversed runs, by how strongly. */
function lineSigns(analysis: DocumentAnalysis, web: FrequencyModel, knowledge: Knowledge): Map<number, number> {
  const signs = new Map<number, number>();
  for (const info of analysis.lines) {
    if (!info.arabic) continue;
    const words = info.tokens.filter((t) => t.kind === 'word').length;
    if (words < 2 || info.tokens.length > MAX_TOKENS) continue;
    const countsOnly = modelForLine(analysis, info, web, knowledge, false);
    let sign = info.sign;
    if (sign < 3 && wrapsCutWord(info, countsOnly)) sign = 3;
    // Digits always make runs of their own: a line with a number may be reversed at it.
    if (sign < 1 && (rareEdgeWord(info, countsOnly) || info.tokens.some(isNumberToken))) sign = 1;
    signs.set(info.line.index, sign);
  }
  return signs;
}

/** Decides every candidate line, each seeing its neighbours as they now read. */
function judgeLines(
  analysis: DocumentAnalysis,
  signs: ReadonlyMap<number, number>,
  web: FrequencyModel,
  knowledge: Knowledge,
  opts: ReorderOptions,
  settled: ReadonlyMap<number, Candidate> = new Map(),
  probing = false,
): Map<number, Candidate> {
  const candidates = new Map<number, Candidate>();
  for (const info of analysis.lines) {
    const sign = signs.get(info.line.index);
    if (sign === undefined || (sign === 0 && !analysis.damaged)) continue;
    const done = settled.get(info.line.index);
    if (done) {
      candidates.set(info.line.index, done);
      continue;
    }
    const model = modelForLine(analysis, info, web, knowledge);
    // Without a piece of a word to explain, more than two free cuts is never worth its cost.
    // Numbers bring their own cuts (two each).
    const numbers = info.tokens.filter(isNumberToken).length;
    const base = sign === 3 ? opts.maxRuns : sign === 2 ? Math.min(opts.maxRuns, 5) : Math.min(opts.maxRuns, 3);
    const maxRuns = Math.max(base, Math.min(MAX_NUMBER_RUNS, 2 * numbers + 2));
    const prior = DAMAGE_PRIOR[sign];
    const params: SearchParams = { ...DEFAULT_SEARCH, maxRuns, damagePrior: prior };
    candidates.set(info.line.index, { info, model, sign, params, tokens: info.tokens, decision: null });
  }
  const lines = analysis.lines;
  const currentTokens = (i: number): Token[] | null => {
    if (i < 0 || i >= lines.length) return null;
    const c = candidates.get(i);
    if (c) return c.tokens;
    return lines[i].tokens.length ? lines[i].tokens : null;
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    let changed = false;
    for (const c of candidates.values()) {
      const i = c.info.line.index;
      if (settled.has(i)) continue;
      const before = currentTokens(i - 1);
      const after = currentTokens(i + 1);
      const context: LineContext = {
        before: before ? edgeTokens(before).last : null,
        after: after ? edgeTokens(after).first : null,
        paragraphEnd: after === null,
      };
      const contextKey = `${context.before?.text ?? ''}\n${context.after?.text ?? ''}`;
      if (c.contextKey === contextKey) continue;
      c.contextKey = contextKey;
      const d = decide(c, context, probing);
      c.model.forget();
      const prevText = c.decision?.text ?? null;
      c.decision = d;
      // Neighbours see a new reading only when it is likely; otherwise the line as it is.
      c.tokens = d && d.confidence >= 0.5 ? tokenizeLine(d.text) : c.info.tokens;
      if ((d?.text ?? null) !== prevText) changed = true;
    }
    if (!changed) break;
  }
  return candidates;
}

/**
 * Score margins that, without a visible piece of a word, show that a document is
 * damaged: one clear win or two fair ones among readings that join a cut word, or
 * two clear wins of any kind. (Wrapped clean text, judged as if damaged, gives no
 * reading a margin above 0.5; but a reading that only moves runs around a number
 * can win once on a clean list or percentage, so one such win is not enough.)
 */
const CLEAR_MARGIN = 1.5;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** A reading with fewer words than its line glued the pieces of a cut word back. */
function joinsACutWord(c: { info: { line: { text: string } }; decision?: { text: string } | null }): boolean {
  return !!c.decision && wordCount(c.decision.text) < wordCount(c.info.line.text);
}
const FAIR_MARGIN = 0.8;
/**
 * One win this large shows reordering. On the PDF corpus, the single moves that
 * were right (pdf.js, which emits runs out of order) won by 3.2–5.9; the wrong
 * ones (a number moved in pdftotext or pdf.js output that was in order) by
 * 2.3–2.6; in the clean corpus (331 lines) no reading beats any line at all.
 */
const DECISIVE_MARGIN = 3;

/** The reading moves what a dropped number left (see tokens.ts, droppedNumber) away from where it stood. */
function movesTrace(c: Candidate): boolean {
  if (!c.decision) return false;
  const traces = (tokens: readonly Token[]) =>
    tokens
      .map((t, i) => (t.droppedNumber && t.kind === 'punct' ? i : -1))
      .filter((i) => i >= 0);
  const before = traces(c.info.tokens);
  if (before.length === 0) return false;
  const after = traces(tokenizeLine(c.decision.text));
  return before.join(',') !== after.join(',');
}

/**
 * Do the readings show that the document's runs were reordered? One decisive win
 * or two clear wins of any kind; where some line holds a piece of a word, any win
 * of a reading that joins such a piece to a word of another run; or else one clear
 * win or two fair ones among readings that join. (A document whose pieces of words
 * are all explained where they stand, or not at all, was damaged some other way:
 * pdftotext's spaced glyphs and moved marks.)
 */
function showsReordering(all: readonly Candidate[], text: string, fragments: boolean): boolean {
  const margins = all.filter(joinsACutWord).map((c) => c.decision?.margin ?? 0);
  if (all.some((c) => (c.decision?.margin ?? 0) >= DECISIVE_MARGIN)) return true;
  if (fragments && margins.some((m) => m > 0)) return true;
  const clear = margins.filter((m) => m >= CLEAR_MARGIN).length;
  const fair = margins.filter((m) => m >= FAIR_MARGIN).length;
  const clearMoves = all.filter((c) => (c.decision?.margin ?? 0) >= CLEAR_MARGIN).length;
  // A text with no digit left that still shows where numbers stood (a lone `%`
  // or `.`) lost them to its font, and digits always split runs:
  // there one fair win that puts such a trace back beside its words will do.
  const traceMoves = hasDigit(text) ? 0 : all.filter((c) => (c.decision?.margin ?? 0) >= FAIR_MARGIN && movesTrace(c)).length;
  return clear > 0 || fair >= 2 || clearMoves >= 2 || traceMoves > 0;
}

/** Lines with a piece of a word that no reordering explained, for flag-scrambled-line. */
function flagPiecesOfWords(candidates: ReadonlyMap<number, Candidate>, state: ReorderState): void {
  for (const c of candidates.values()) {
    if (c.sign !== 3) continue;
    state.doubtful.push({
      lineIndex: c.info.line.index,
      lineText: c.info.line.text,
      confidence: 0.5,
      why: 'it holds a piece of a word (a lone letter or a tatweel-initial piece) and no reordering of the document explains it',
    });
  }
}

export const reorderRuns: Rule = {
  id: REORDER_RUNS,
  description: 'Put back in order the runs of a line that the extractor emitted right to left (`يارة … من ز` → `زيارة … من`)',
  safety: 'heuristic',
  defaultEnabled: true,
  run(ctx) {
    // The first pass sees the damage as extracted (tatweel still marks the cuts);
    // later passes see our own output and the other rules' clean-ups.
    // Later passes judge the text again until nothing changes, so that the output
    // is a fixed point (running the tool on its own output changes nothing); what
    // earlier passes repaired is remembered for the flag and rejoin rules.
    const previous = ctx.knowledge.cache.get(REORDER_RUNS) as ReorderState | undefined;
    const state: ReorderState = { doubtful: [], repaired: new Set(previous?.repaired ?? []), damaged: previous?.damaged ?? false };
    ctx.knowledge.cache.set(REORDER_RUNS, state);
    if (!hasArabic(ctx.text)) return {};
    const opts = readOptions(ctx);
    const analysis = analyzeDocument(ctx.lines, ctx.knowledge);
    const web = rememberingWeb(ctx.knowledge.frequencies());

    const signs = lineSigns(analysis, web, ctx.knowledge);
    // A piece of a word somewhere: the document is damaged, so any of its lines may be.
    const fragments = [...signs.values()].some((s) => s === 3);
    analysis.damaged ||= fragments;
    recountWithSigns(analysis, signs);
    let candidates = judgeLines(analysis, signs, web, ctx.knowledge, opts, new Map(), !analysis.damaged);
    // Only readings that win clearly show that runs were reordered. Pieces of words
    // alone do not: other damage leaves them too (pdftotext's spaced glyphs and moved
    // marks), and there no reading wins by joining them elsewhere.
    if (!showsReordering([...candidates.values()], ctx.text, fragments)) {
      if (fragments) flagPiecesOfWords(candidates, state);
      return {};
    }
    if (!analysis.damaged) {
      analysis.damaged = true;
      candidates = judgeLines(analysis, signs, web, ctx.knowledge, opts);
    }
    // The document learns from its own repairs: a sure reading's words and pairs
    // (the joined words above all) join the counts, and the other lines are judged again.
    for (let round = 0; round < LEARNING_ROUNDS; round++) {
      const settled = new Map([...candidates].filter(([, c]) => (c.decision?.confidence ?? 0) >= LEARN_FROM));
      const fresh = [...settled.values()].filter((c) => !c.learned);
      if (fresh.length === 0 || settled.size === candidates.size) break;
      for (const c of fresh) {
        c.learned = true;
        c.info.own = trustedCounts(tokenizeLine(c.decision!.text), false);
      }
      recountWithSigns(analysis, signs, false);
      candidates = judgeLines(analysis, signs, web, ctx.knowledge, opts, settled);
    }
    state.damaged = analysis.damaged;
    if (candidates.size === 0) return {};

    const edits: Edit[] = [];
    for (const c of candidates.values()) {
      const { line } = c.info;
      const d = c.decision;
      if (d && d.confidence >= ctx.options.minConfidence) {
        edits.push({
          start: line.start,
          end: line.end,
          text: d.text,
          origins: d.origins,
          confidence: d.confidence,
          reason: `runs emitted in reverse order: ${d.runs} runs put back (score margin ${d.margin.toFixed(1)})`,
        });
        state.repaired.add(line.index);
      } else if (d && (c.sign === 3 || d.confidence >= FLAG_FROM)) {
        // A weak alternative on a line with no piece of a word is not worth a report.
        state.doubtful.push({
          lineIndex: line.index,
          lineText: line.text,
          suggestion: d.text,
          confidence: d.confidence,
          why: `a reordering of its ${d.runs} runs reads better, but not surely (score margin ${d.margin.toFixed(1)})`,
        });
      } else if (!d && c.sign === 3) {
        state.doubtful.push({
          lineIndex: line.index,
          lineText: line.text,
          confidence: 0.5,
          why: 'it holds a piece of a word (a lone letter or a tatweel-initial piece) and no reordering explains it',
        });
      }
    }
    return { edits };
  },
};
