/**
 * fix-arabic as a library: `fixText(text, options)` returns the repaired text and an
 * account of every change (with its position in the input) and of every problem
 * that could not be repaired.
 */
import { runRulesTracked } from './core/engine.js';
import { resolveOptions } from './core/options.js';
import type { FixOptions, FixResult, Knowledge } from './core/types.js';
import { RULES } from './rules/index.js';
import { getFrequencies } from './knowledge/frequency.js';
import { getLexicon } from './knowledge/lexicon.js';

export type {
  Change,
  Edit,
  Flag,
  FlagProposal,
  FixOptions,
  FixResult,
  Line,
  Proposal,
  Rule,
  RuleContext,
  RuleSafety,
} from './core/types.js';
export { DEFAULT_MIN_CONFIDENCE, DEFAULT_MISSING_MARK, UnknownRuleError } from './core/options.js';
export { RULES, ruleById } from './rules/index.js';
export { TrackedText, LineIndex, splitLines } from './core/tracked-text.js';
export { getLexicon, lexiconFromWords, type Lexicon } from './knowledge/lexicon.js';
export { getFrequencies, countWords, type FrequencyModel } from './knowledge/frequency.js';
export { ChunkedFixer, fixChunked, fixStream, mergePieces, DEFAULT_CHUNK_SIZE, type StreamOptions } from './stream.js';

const BOM = '\ufeff';

export function fixText(text: string, options: FixOptions = {}): FixResult {
  // A UTF-8 BOM is set aside and put back: rules never see it, and positions
  // count from the first character after it.
  const bom = text.startsWith(BOM) ? BOM : '';
  const body = bom ? text.slice(1) : text;
  const { originMap: _originMap, ...result } = fixTracked(body, options);
  return { ...result, text: bom + result.text };
}

/**
 * fixText without the BOM handling, plus the provenance of every output
 * character (originMap()[i] = input offset). For fixStream, which cuts windows.
 */
export function fixTracked(body: string, options: FixOptions = {}): FixResult & { originMap: () => Int32Array } {
  const resolved = resolveOptions(RULES, options);
  const knowledge: Knowledge = {
    cache: new Map(),
    corpus: options.corpus ?? [],
    lexicon: () => options.lexicon ?? getLexicon(),
    frequencies: () => options.frequencies ?? getFrequencies(),
  };
  return runRulesTracked(body, RULES, resolved, knowledge);
}
