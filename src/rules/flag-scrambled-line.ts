import type { FlagProposal, Rule } from '../core/types.js';
import { analyzedLines } from '../reorder/document.js';
import { tokenizeLine, visibleSign } from '../reorder/tokens.js';
import { REORDER_RUNS, type ReorderState } from './reorder-runs.js';

/**
 * flag-scrambled-line: reports lines that still look like reversed runs after
 * reorder-runs and rejoin-split-words had their turn — a lone letter or a
 * tatweel-initial piece is left, or reorder-runs found a better reading that it
 * was not sure enough of to apply. The user gets the line and, where there is
 * one, the suggested reading.
 */

export const FLAG_SCRAMBLED_LINE = 'flag-scrambled-line';
const ONCE = `${FLAG_SCRAMBLED_LINE}:done`;

export const flagScrambledLine: Rule = {
  id: FLAG_SCRAMBLED_LINE,
  description: 'Flag lines that look like runs in reverse order but could not be put back with confidence',
  safety: 'safe',
  defaultEnabled: true,
  run(ctx) {
    if (ctx.knowledge.cache.has(ONCE)) return {};
    ctx.knowledge.cache.set(ONCE, true);
    const state = ctx.knowledge.cache.get(REORDER_RUNS) as ReorderState | undefined;
    const doubtful = new Map((state?.doubtful ?? []).map((d) => [d.lineIndex, d]));
    const flags: FlagProposal[] = [];
    // The signs reorder-runs' analysis found, when no rule has changed the text since.
    const analyzed = analyzedLines(ctx.lines, ctx.knowledge);
    for (const line of ctx.lines) {
      const d = doubtful.get(line.index);
      // Still a piece of a word on the line: the damage is there, whatever reorder-runs decided.
      const info = analyzed?.[line.index];
      const sign = () => (info?.arabic ? info.sign : visibleSign(tokenizeLine(line.text)));
      const visiblyCut = /[\u0621-\u064a]/.test(line.text) && sign() === 3;
      if (!d && !visiblyCut) continue;
      if (d?.suggestion !== undefined) {
        flags.push({
          start: line.start,
          end: line.end,
          kind: 'probably-scrambled',
          message: `line looks like text runs in reverse order: ${d.why}`,
          confidence: d.confidence,
          suggestions: [d.suggestion],
        });
      } else if (visiblyCut) {
        flags.push({
          start: line.start,
          end: line.end,
          kind: 'probably-scrambled',
          message:
            'line holds a piece of a word (a lone letter or a piece starting with tatweel): its text runs are probably out of order or a word is cut',
          confidence: 0.5,
        });
      }
    }
    return { flags };
  },
};
