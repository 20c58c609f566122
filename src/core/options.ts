import type { FixOptions, ResolvedOptions, Rule } from './types.js';

/** Below this a heuristic repair is flagged instead of applied (see README). */
export const DEFAULT_MIN_CONFIDENCE = 0.6;
export const DEFAULT_MISSING_MARK = '⟦#⟧';

export class UnknownRuleError extends Error {
  constructor(readonly ruleId: string, known: readonly string[]) {
    super(`unknown rule '${ruleId}' (known: ${known.join(', ')})`);
  }
}

export function resolveOptions(rules: readonly Rule[], options: FixOptions = {}): ResolvedOptions {
  const known = rules.map((r) => r.id);
  for (const id of [...(options.enable ?? []), ...(options.disable ?? [])]) {
    if (!known.includes(id)) throw new UnknownRuleError(id, known);
  }
  const enabled = new Set(rules.filter((r) => r.defaultEnabled).map((r) => r.id));
  for (const id of options.enable ?? []) enabled.add(id);
  for (const id of options.disable ?? []) enabled.delete(id);
  const min = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  if (!(min >= 0 && min <= 1)) throw new RangeError(`minConfidence must be between 0 and 1, got ${min}`);
  let markMissing: string | null = null;
  if (options.markMissing === true) markMissing = DEFAULT_MISSING_MARK;
  else if (typeof options.markMissing === 'string' && options.markMissing !== '') markMissing = options.markMissing;
  return {
    enabled,
    minConfidence: min,
    markMissing,
    restoreLetters: options.restoreLetters ?? false,
    ruleOptions: options.ruleOptions ?? {},
  };
}
