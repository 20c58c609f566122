/**
 * Test helpers: make reversed-run damage by hand (damage model 1.2) and small
 * word models, so tests state what they damage and what they expect.
 */
import type { FrequencyModel } from '../../src/knowledge/frequency.js';
import { frequencyKey } from '../../src/knowledge/frequency.js';

/**
 * Cuts `line` into runs and emits them right to left, joined by single spaces,
 * as the extractor does. A cut is `|` in `marked`: `| ` or ` |` cuts at a space
 * (the space goes), a bare `|` cuts inside a word.
 */
export function reverseRuns(marked: string): { damaged: string; logical: string } {
  const runs = marked.split('|').map((r, i, all) => {
    let s = r;
    if (i > 0 && s.startsWith(' ')) s = s.slice(1);
    if (i < all.length - 1 && s.endsWith(' ')) s = s.slice(0, -1);
    return s;
  });
  return { damaged: [...runs].reverse().join(' '), logical: marked.replace(/ ?\| ?/g, (m) => (m.includes(' ') ? ' ' : '')) };
}

/** Word and pair counts of the given texts, as a frequency model (keys as in the shipped data). */
export function frequenciesOf(texts: string[]): FrequencyModel {
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  let totalWords = 0;
  let totalPairs = 0;
  for (const text of texts) {
    for (const chain of text.split(/[.،,؛:!؟?()«»"\n]+/)) {
      const toks = chain.split(/\s+/).filter(Boolean).map(frequencyKey);
      toks.forEach((t, i) => {
        words.set(t, (words.get(t) ?? 0) + 1);
        totalWords++;
        if (i > 0) {
          const k = `${toks[i - 1]} ${t}`;
          pairs.set(k, (pairs.get(k) ?? 0) + 1);
          totalPairs++;
        }
      });
    }
  }
  return {
    word: (w) => words.get(frequencyKey(w)) ?? 0,
    pair: (a, b) => pairs.get(`${frequencyKey(a)} ${frequencyKey(b)}`) ?? 0,
    totalWords,
    totalPairs,
    forEachPair(visit) {
      for (const [k, v] of pairs) {
        const sp = k.indexOf(' ');
        visit(k.slice(0, sp), k.slice(sp + 1), v);
      }
    },
  };
}
