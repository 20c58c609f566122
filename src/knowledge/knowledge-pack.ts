/**
 * The knowledge pack: what fix-arabic derives from its shipped data (the web
 * counts as sorted tables, the word-class and letter-pair models built over them,
 * the month names ICU gives), computed once by `npm run build`
 * (scripts/build-knowledge-pack.mjs) and read at start-up instead of being rebuilt.
 * Building them took about 130 ms of every run that met an Arabic line, half of a
 * one-line run's time; reading the pack takes about 6 ms.
 *
 * The pack is a build product beside the compiled code (dist/knowledge.pack), as
 * the code is of src/. Without it (tests run from src/, or a damaged file) every
 * model is built from the data as before, with the same results (tested).
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPack, type Pack } from './pack.js';

/** Bump when what a section holds, or how a model is derived, changes. */
export const PACK_FORMAT = 2;
export const PACK_URL = new URL('../knowledge.pack', import.meta.url);
export const DATA_URL = new URL('../../data/ar-web-freq/', import.meta.url);
export const SOURCE_FILES = ['unigrams.tsv', 'bigrams.tsv'] as const;

export interface PackMeta {
  format: number;
  /** Byte sizes of the data files the pack was built from: a changed file is not packed. */
  sources: Record<string, number>;
  /** The ICU the month names came from (icuKey). */
  icu: string;
}

let shipped: Pack | null | undefined;

/**
 * The shipped pack when it is there and was built from the data beside it;
 * otherwise null (and FIX_ARABIC_NO_PACK=1 says not to use it, for comparisons).
 */
export function shippedPack(): Pack | null {
  if (shipped === undefined) shipped = process.env.FIX_ARABIC_NO_PACK ? null : packAt(PACK_URL);
  return shipped;
}

/** The pack in a file if it is one, of this format, built from the data as it is now; otherwise null. */
export function packAt(file: URL | string): Pack | null {
  try {
    const pack = readPack(readFileSync(file));
    const meta = pack.meta as PackMeta;
    if (meta?.format !== PACK_FORMAT) return null;
    for (const f of SOURCE_FILES) if (statSync(new URL(f, DATA_URL)).size !== meta.sources?.[f]) return null;
    return pack;
  } catch {
    // No pack, or a damaged one: the models are built from the data instead.
    return null;
  }
}

/** Sizes of the data files, for PackMeta.sources. */
export function sourceSizes(): Record<string, number> {
  return Object.fromEntries(SOURCE_FILES.map((f) => [f, statSync(new URL(f, DATA_URL)).size]));
}

/** Was the pack built with the ICU data Intl reads now? (Month names from other data are not used.) */
export function builtWithThisIcu(pack: Pack): boolean {
  return (pack.meta as PackMeta).icu === icuKey();
}

/** Which ICU data Intl reads: month names from a pack built with other data are not used. */
export function icuKey(): string {
  const v = process.versions;
  return [process.version, v.icu, v.cldr, v.tz, v.unicode, process.env.NODE_ICU_DATA ?? ''].join('|');
}

export function packPath(): string {
  return fileURLToPath(PACK_URL);
}
