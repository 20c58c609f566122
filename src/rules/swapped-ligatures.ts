import { hasArabic } from '../core/arabic.js';
import type { Edit, Rule, RuleContext } from '../core/types.js';
import { makeJudge, mayShowSwapHabit, repairSwappedPairs, WORD_OR_UNMAPPED } from '../knowledge/ligature-swaps.js';

/**
 * swapped-ligatures (damage model 2, presentation forms and ligatures): in text
 * already in logical order, the letter pairs that a font's ligature glyphs gave
 * the wrong way round (`أكرث` → `أكثر`, `املنطقة` → `المنطقة`, `اإلحصاء` →
 * `الإحصاء`, `غری` → `غير`). pdftotext and pdf.js keep the order of a KacstOne
 * ligature's ToUnicode entry, which is visual. The document must show the habit:
 * several different unknown words that the same pair, put back, turns into
 * common words (knowledge/ligature-swaps.ts); then each unknown word that reads
 * as a word with that pair put back is repaired. Known words are never touched,
 * except where every lam-alef of the document is swapped.
 */

export const SWAPPED_LIGATURES = 'swapped-ligatures';

/** A document this sure of a pair (different words repaired by it) gets the highest confidence. */
const SURE_SUPPORT = 4;

export const swappedLigatures: Rule = {
  id: SWAPPED_LIGATURES,
  description: 'Put back the letter pairs a font ligature gave in the wrong order (`أكرث` → `أكثر`, `املنطقة` → `المنطقة`)',
  safety: 'heuristic',
  defaultEnabled: true,
  run(ctx) {
    if (!hasArabic(ctx.text)) return {};
    // A later pass of the engine still counts the words an earlier one repaired.
    const earlier = swappedPairsFound(ctx);
    if (!earlier && !mayShowSwapHabit(ctx.lines.filter((l) => hasArabic(l.text)), ctx.knowledge.frequencies())) return {};
    const { edits, pairs } = proposeSwaps(ctx, undefined, earlier);
    // rejoined-ligatures looks again, with these pairs, once split words are joined.
    if (pairs.size > 0) ctx.knowledge.cache.set(SWAPPED_LIGATURES, pairs);
    return { edits };
  },
};

/** The pairs swapped-ligatures found in this document, if it found any. */
export function swappedPairsFound(ctx: RuleContext): ReadonlyMap<string, number> | undefined {
  return ctx.knowledge.cache.get(SWAPPED_LIGATURES) as Map<string, number> | undefined;
}

/**
 * One edit per repaired word. `known`: pairs an earlier look at this document
 * confirmed; then only unknown words are repaired, and lam-alef is left alone.
 * `earlier`: what the same look found in an earlier pass, which still counts as
 * evidence.
 */
export function proposeSwaps(
  ctx: RuleContext,
  known?: ReadonlyMap<string, number>,
  earlier?: ReadonlyMap<string, number>,
): { edits: Edit[]; pairs: Map<string, number> } {
  const lines = ctx.lines.filter((l) => hasArabic(l.text));
  const { lines: repaired, pairs } = repairSwappedPairs(
    lines.map((l) => ({ text: l.text, origins: Array.from({ length: l.text.length }, (_, i) => i) })),
    makeJudge(ctx),
    ctx.knowledge.frequencies(),
    { visual: false, known, earlier },
  );
  const edits: Edit[] = [];
  lines.forEach((line, n) => {
    const fixed = repaired[n];
    if (fixed.text === line.text) return;
    // A repair swaps letters inside a word (lengths stay), so each word is its own edit.
    for (const m of line.text.matchAll(WORD_OR_UNMAPPED)) {
      const start = m.index;
      const end = start + m[0].length;
      const text = fixed.text.slice(start, end);
      if (text === m[0]) continue;
      const put = Array.from({ length: m[0].length }, (_, i) => fixed.origins[start + i] - start);
      const changed = [...new Set(swappedPairsOf(m[0], put))];
      const support = Math.min(...changed.map((p) => pairs.get(p) ?? 0));
      edits.push({
        start: line.start + start,
        end: line.start + end,
        text,
        origins: put,
        confidence: support >= SURE_SUPPORT ? 0.9 : 0.8,
        reason: `ligature decoded with its letters swapped: ${changed.map((p) => `«${p}» (${pairs.get(p) ?? 0} words of this document read as words with it put back)`).join(', ')}`,
      });
    }
  });
  return { edits, pairs };
}

/** The pairs of `word` (as they stood) that the permutation `put` exchanged. */
function swappedPairsOf(word: string, put: readonly number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < put.length; i++) {
    const j = put[i];
    if (j > i) out.push(word[i] + word[j]);
  }
  return out;
}
