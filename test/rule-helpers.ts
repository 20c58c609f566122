/**
 * Runs one rule through the real engine (fixText), every other rule off, so a test
 * sees exactly what that rule does, with positions as the user would get them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { charDistance, normalize } from '../scripts/metrics.mjs';
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

/**
 * What one rule does to the PDF corpus: for each extraction (`fixtures/pdf/<doc>/<extractor>.txt`)
 * that `include` accepts and whose output the rule changes, the distance to the truth with
 * and without it. Returns the files it changed, the totals, and the files it made worse.
 */
export function corpusEffect(
  extractor: string,
  rule: string,
  include: (input: string) => boolean = () => true,
): { files: number; withRule: number; without: number; worse: string[] } {
  const PDF = 'fixtures/pdf';
  const docs = fs.existsSync(PDF) ? fs.readdirSync(PDF).filter((d) => fs.existsSync(path.join(PDF, d, `${extractor}.txt`))) : [];
  const out = { files: 0, withRule: 0, without: 0, worse: [] as string[] };
  for (const d of docs) {
    const input = fs.readFileSync(path.join(PDF, d, `${extractor}.txt`), 'utf8');
    if (!include(input)) continue;
    const truth = normalize(fs.readFileSync(path.join(PDF, d, 'truth.txt'), 'utf8'));
    const on = charDistance(normalize(fixText(input).text), truth);
    const off = charDistance(normalize(fixText(input, { disable: [rule] }).text), truth);
    if (on === off) continue;
    out.files++;
    out.withRule += on;
    out.without += off;
    if (on > off) out.worse.push(`${d}: ${off} → ${on}`);
  }
  return out;
}
