/**
 * Runs one rule through the real engine (fixText), every other rule off, so a test
 * sees exactly what that rule does, with positions as the user would get them.
 */
import { fixText, RULES, type FixOptions, type FixResult, type Lexicon } from '../src/index.js';

export function runOnly(ruleIds: string | string[], text: string, options: FixOptions = {}): FixResult {
  const ids = Array.isArray(ruleIds) ? ruleIds : [ruleIds];
  const disable = RULES.map((r) => r.id).filter((id) => !ids.includes(id));
  return fixText(text, { ...options, enable: ids, disable });
}

/** Makes PUA text readable in test names: U+E005 → ‹E005›. */
export function visible(s: string): string {
  return s.replace(/[\ue000-\uf8ff]/g, (c) => `‹${c.charCodeAt(0).toString(16).toUpperCase()}›`);
}

/** Code points from a base: pua(0xF030, '2019') → the four codes a font with digits at U+F030 uses. */
export function pua(base: number, digits: string): string {
  return [...digits].map((d) => (/\d/.test(d) ? String.fromCharCode(base + Number(d)) : d)).join('');
}

/** A lexicon that fails the test if anything asks it: clean text must never need it. */
export const untouchable: Lexicon = {
  has() {
    throw new Error('the lexicon was consulted');
  },
};
