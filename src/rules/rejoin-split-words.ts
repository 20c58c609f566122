import { hasArabic } from '../core/arabic.js';
import type { Edit, Rule } from '../core/types.js';
import { analyzeDocument, modelForLine, rememberingWeb } from '../reorder/document.js';
import { glueKind, makeToken, type Token } from '../reorder/tokens.js';
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
): JoinDecision | null {
  const kind = glueKind(left, right);
  if (kind !== 'kerning' && kind !== 'kashida') return null;
  // `و كان`: a conjunction written apart is a spelling, not a cut.
  if (left.text === 'و') return null;
  if (!fragmentLike(left, model) && !fragmentLike(right, model)) return null;
  const joined = makeToken(left.text + right.text, left.start);
  if (joined.words.length !== 1) return null;
  const joinedLogP = model.gluedLogP(joined, [left, right]);
  const ctx = (a: Token | null, b: Token | null) => (a && b ? model.tokenAssoc(a, b) : 0);
  const apart = model.tokenLogP(left) + model.tokenLogP(right) + ctx(before, left) + ctx(left, right) + ctx(right, after);
  const together = joinedLogP + ctx(before, joined) + ctx(joined, after);
  const gain = together - apart + (kind === 'kashida' ? KASHIDA_PRIOR : KERNING_PRIOR);
  if (gain <= 0) return null;
  return { gain, confidence: 1 - 0.5 * Math.exp(-gain / 3) };
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
    const edits: Edit[] = [];
    for (const info of analysis.lines) {
      if (!info.arabic || info.tokens.length < 2) continue;
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
