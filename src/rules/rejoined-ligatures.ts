import type { Rule } from '../core/types.js';
import { proposeSwaps, swappedPairsFound } from './swapped-ligatures.js';

/**
 * rejoined-ligatures: swapped-ligatures' second look, once rejoin-split-words has
 * joined the pieces of words whose glyphs pdftotext spaced apart. `أك رث` is two
 * pieces when swapped-ligatures first looks, and `أكرث` only afterwards; the pairs
 * the first look confirmed for this document (`كيلومرت`, `مرتًا` showed «رت», and
 * «رث» is of its family) need no new support then. Only unknown words are repaired, and lam-alef is
 * left alone: what is still unknown by now is mostly pieces of split words, and
 * `المع` of `المع رض` read as `لامع` is a word.
 */
export const rejoinedLigatures: Rule = {
  id: 'rejoined-ligatures',
  description: 'Put back the font ligature pairs swapped-ligatures found in words that were joined after it ran',
  safety: 'heuristic',
  defaultEnabled: true,
  run(ctx) {
    const known = swappedPairsFound(ctx);
    if (!known) return {};
    return { edits: proposeSwaps(ctx, known).edits };
  },
};
