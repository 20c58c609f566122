import { hasArabic } from '../core/arabic.js';
import type { Edit, Rule } from '../core/types.js';
import type { FrequencyModel } from '../knowledge/frequency.js';
import { analyzeDocument, modelForLine, rememberingWeb, type LineInfo } from '../reorder/document.js';
import { glueKind, joinsAcross, makeToken, type Token } from '../reorder/tokens.js';
import type { WordModel } from '../reorder/word-model.js';
import { REORDER_RUNS, type ReorderState } from './reorder-runs.js';

/**
 * rejoin-split-words (damage model 1.2): a word cut where the PDF kerned or
 * stretched two glyphs apart, with the pieces still in order but a space between
 * them: `الإجرائي ــة`, `أ كثر`, `تقر ير`, `ز يارة`. The pieces are joined when one
 * of them cannot stand as a word and the joined form is far more likely than the
 * two pieces side by side (word model: web and document counts, the lexicon).
 */

export const REJOIN_SPLIT_WORDS = 'rejoin-split-words';
const ONCE = `${REJOIN_SPLIT_WORDS}:done`;

/** Log-odds the join must win by: a kashida piece is a cut for sure, a kerning gap is not. */
const KASHIDA_PRIOR = 0;
const KERNING_PRIOR = -4;
/** Between joined letters: only asked in a document with the habit, where most such spaces are cuts. */
const JOINED_PRIOR = -2;
const PRIOR: Record<JoinKind, number> = { kashida: KASHIDA_PRIOR, kerning: KERNING_PRIOR, joined: JOINED_PRIOR };

/** The kind of cut `left right` could be, or null; joined letters only where the document has the habit. */
function joinKind(left: Token, right: Token, spacedGlyphs: boolean): JoinKind | null {
  const kind = glueKind(left, right);
  if (kind === 'kerning' || kind === 'kashida') return kind;
  if (spacedGlyphs && kind === null && joinsAcross(left, right)) return 'joined';
  return null;
}

/** Where a cut can be: the existing kinds, and between two joined letters (spaced-glyph habit). */
export type JoinKind = 'kashida' | 'kerning' | 'joined';

export interface JoinDecision {
  gain: number;
  confidence: number;
}

/** A piece that cannot be a word by itself: where a cut shows. */
function fragmentLike(t: Token, model: WordModel): boolean {
  if (t.tatweelInitial || t.loneLetter) return true;
  return t.words.some((w) => !model.known(w));
}

/**
 * Should `left right` (adjacent, one space apart) be one word? Compares the
 * joined reading with the two pieces in their context.
 */
export function judgeJoin(
  left: Token,
  right: Token,
  before: Token | null,
  after: Token | null,
  model: WordModel,
  spacedGlyphs = false,
): JoinDecision | null {
  const kind = joinKind(left, right, spacedGlyphs);
  if (kind === null) return null;
  // `و كان`: a conjunction written apart is a spelling, not a cut.
  if (left.text === 'و') return null;
  // Between joined letters in a document with the habit, two counted pieces can be
  // a cut too (`مع دل` = `معدل`): the model and the prior decide.
  if (kind !== 'joined' && !fragmentLike(left, model) && !fragmentLike(right, model)) return null;
  const joined = makeToken(left.text + right.text, left.start);
  if (joined.words.length !== 1) return null;
  const joinedLogP = model.gluedLogP(joined, [left, right]);
  const ctx = (a: Token | null, b: Token | null) => (a && b ? model.tokenAssoc(a, b) : 0);
  const apart = model.tokenLogP(left) + model.tokenLogP(right) + ctx(before, left) + ctx(left, right) + ctx(right, after);
  const together = joinedLogP + ctx(before, joined) + ctx(joined, after);
  const gain = together - apart + PRIOR[kind];
  if (gain <= 0) return null;
  return { gain, confidence: 1 - 0.5 * Math.exp(-gain / 3) };
}

/** Thresholds of the spaced-glyph habit (see spacedGlyphHabit). */
const HABIT_COMMON = 5;
const HABIT_RARER = 10;
const HABIT_MIN_JOINS = 6;
const HABIT_MIN_SHARE = 0.05;

export interface HabitEvidence {
  /** Distinct pairs `A B` between joined letters whose join is a common word that a piece is not. */
  joins: number;
  /** Adjacent pairs of Arabic words in the document. */
  pairs: number;
}

/** The one Arabic word a token is, with nothing around it, or null. */
function bareArabic(t: Token): string | null {
  if (t.kind !== 'word' || t.lead !== '' || t.trail !== '' || t.words.length !== 1) return null;
  const w = t.words[0];
  return w.startsWith('<') ? null : w;
}

/**
 * Does the document space its glyphs apart? Counted on the web counts alone (the
 * document's own counts have learnt the pieces): distinct pairs between joined
 * letters whose join is a common word while a piece is no word or a much rarer one.
 */
export function spacedGlyphEvidence(lines: readonly LineInfo[], web: FrequencyModel): HabitEvidence {
  const seen = new Set<string>();
  let pairs = 0;
  for (const info of lines) {
    if (!info.arabic) continue;
    const toks = info.tokens;
    for (let i = 0; i + 1 < toks.length; i++) {
      const a = bareArabic(toks[i]);
      const b = bareArabic(toks[i + 1]);
      if (a === null || b === null) continue;
      pairs++;
      if (!joinsAcross(toks[i], toks[i + 1])) continue;
      const joined = makeToken(toks[i].text + toks[i + 1].text, 0);
      if (joined.words.length !== 1) continue;
      const j = web.word(joined.words[0]);
      if (j < HABIT_COMMON || Math.min(web.word(a), web.word(b)) * HABIT_RARER > j) continue;
      seen.add(`${a} ${b}`);
    }
  }
  return { joins: seen.size, pairs };
}

export function spacedGlyphHabit(e: HabitEvidence): boolean {
  return e.joins >= HABIT_MIN_JOINS && e.joins >= HABIT_MIN_SHARE * e.pairs;
}

export const rejoinSplitWords: Rule = {
  id: REJOIN_SPLIT_WORDS,
  description: 'Join the pieces of a word that a kerning gap or a kashida split with a space (`أ كثر` → `أكثر`)',
  safety: 'heuristic',
  defaultEnabled: true,
  run(ctx) {
    if (ctx.knowledge.cache.has(ONCE)) return {};
    ctx.knowledge.cache.set(ONCE, true);
    if (!hasArabic(ctx.text)) return {};
    const analysis = analyzeDocument(ctx.lines, ctx.knowledge);
    // The lexicon only once the document shows damage (reorder-runs may know more).
    const reorder = ctx.knowledge.cache.get(REORDER_RUNS) as ReorderState | undefined;
    analysis.damaged ||= reorder?.damaged === true;
    const web = rememberingWeb(ctx.knowledge.frequencies());
    const evidence = spacedGlyphEvidence(analysis.lines, web);
    const spaced = spacedGlyphHabit(evidence);
    if (process.env.SPACED_DEBUG) console.error(`SPACED ${evidence.joins} ${evidence.pairs} ${spaced}`);
    const edits: Edit[] = [];
    for (const info of analysis.lines) {
      if (!info.arabic || info.tokens.length < 2) continue;
      if (spaced) {
        edits.push(...joinRepeatedly(info, () => modelForLine(analysis, info, web, ctx.knowledge)));
        continue;
      }
      const toks = info.tokens;
      let model: WordModel | null = null;
      for (let i = 0; i + 1 < toks.length; i++) {
        const kind = glueKind(toks[i], toks[i + 1]);
        if (kind !== 'kerning' && kind !== 'kashida') continue;
        model ??= modelForLine(analysis, info, web, ctx.knowledge);
        const before = i > 0 && toks[i - 1].kind === 'word' ? toks[i - 1] : null;
        const after = i + 2 < toks.length && toks[i + 2].kind === 'word' ? toks[i + 2] : null;
        const d = judgeJoin(toks[i], toks[i + 1], before, after, model);
        if (!d) continue;
        const at = info.line.start + toks[i + 1].start - 1;
        edits.push({
          start: at,
          end: at + 1,
          text: '',
          confidence: d.confidence,
          reason: `one word cut in two at a ${kind === 'kashida' ? 'kashida' : 'kerning gap'}: «${toks[i].text}${toks[i + 1].text}» is far more likely (by ${d.gain.toFixed(1)})`,
        });
      }
    }
    return { edits };
  },
};

const KIND_WORDS: Record<JoinKind, string> = { kashida: 'a kashida', kerning: 'a kerning gap', joined: 'two joined letters' };

/**
 * In a document with the spaced-glyph habit: join the best-winning pair of the
 * line, then look again, so that a word cut twice (`ال س ابق`) comes back whole
 * through its pieces (`سابق`, then `السابق`). Each token keeps the line offset of
 * its first piece, so the space a join removes is found in the original line.
 */
function joinRepeatedly(info: LineInfo, getModel: () => WordModel): Edit[] {
  const toks = info.tokens.slice();
  const edits: Edit[] = [];
  let model: WordModel | null = null;
  for (;;) {
    let best: { i: number; d: JoinDecision; kind: JoinKind } | null = null;
    for (let i = 0; i + 1 < toks.length; i++) {
      const kind = joinKind(toks[i], toks[i + 1], true);
      if (kind === null) continue;
      model ??= getModel();
      const before = i > 0 && toks[i - 1].kind === 'word' ? toks[i - 1] : null;
      const after = i + 2 < toks.length && toks[i + 2].kind === 'word' ? toks[i + 2] : null;
      const d = judgeJoin(toks[i], toks[i + 1], before, after, model, true);
      if (d && (best === null || d.gain > best.d.gain)) best = { i, d, kind };
    }
    if (best === null) return edits;
    const { i, d, kind } = best;
    const left = toks[i];
    const right = toks[i + 1];
    const at = info.line.start + right.start - 1;
    edits.push({
      start: at,
      end: at + 1,
      text: '',
      confidence: d.confidence,
      reason: `one word cut in two at ${KIND_WORDS[kind]}: «${left.text}${right.text}» is far more likely (by ${d.gain.toFixed(1)})`,
    });
    toks.splice(i, 2, makeToken(left.text + right.text, left.start));
  }
}
