/**
 * Builds the knowledge pack (knowledge-pack.ts) from the data files and ICU,
 * never from an existing pack. Run by `npm run build` through
 * scripts/build-knowledge-pack.mjs; tests build one in memory to compare.
 */
import { dateMonthSections } from '../reorder/dates.js';
import { classModelBuilderOf, classSections } from '../reorder/word-classes.js';
import { monthSections } from './calendar.js';
import { frequencySections, modelFromData } from './frequency.js';
import { icuKey, PACK_FORMAT, sourceSizes, type PackMeta } from './knowledge-pack.js';
import { letterPairSections } from './letter-pairs.js';
import { writePack } from './pack.js';

export function buildKnowledgePack(): Uint8Array {
  const meta: PackMeta = { format: PACK_FORMAT, sources: sourceSizes(), icu: icuKey() };
  return writePack(meta, {
    ...frequencySections(),
    ...classSections(classModelBuilderOf(modelFromData()).tables()),
    ...letterPairSections(),
    ...monthSections(),
    ...dateMonthSections(),
  });
}
