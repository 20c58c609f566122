import { runRules } from '../src/core/engine.js';
import { resolveOptions } from '../src/core/options.js';
import type { FixOptions, FixResult, Knowledge, Rule } from '../src/core/types.js';
import { getFrequencies } from '../src/knowledge/frequency.js';
import { getLexicon } from '../src/knowledge/lexicon.js';

/** Runs one rule alone through the real engine, as the pipeline would. */
export function runRule(rule: Rule, text: string, options: FixOptions = {}): FixResult {
  const resolved = resolveOptions([rule], { ...options, enable: [rule.id] });
  const knowledge: Knowledge = {
    cache: new Map(),
    corpus: options.corpus ?? [],
    lexicon: () => options.lexicon ?? getLexicon(),
    frequencies: () => options.frequencies ?? getFrequencies(),
  };
  return runRules(text, [rule], resolved, knowledge);
}

/** A table case: `input` must become `output` (or stay, when output is omitted). */
export interface RuleCase {
  name: string;
  input: string;
  output?: string;
  /** 1-based [line, column] of the first change, in the input. */
  at?: [number, number];
}
