import type { FixResult } from '../core/types.js';

/** Version of the JSON contract (report.json and --format json). Bump on breaking change. */
export const REPORT_VERSION = 1;

/** One input of a run, as every reporter sees it. */
export interface FileReport {
  /** The path as the user gave it (`-` for stdin). */
  path: string;
  /** Where the cleaned text went, if it was written. */
  output?: string;
  input: string;
  result?: FixResult;
  /** Set when the file could not be read or written; result is then absent. */
  error?: string;
}

export function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of items) out[key(it)] = (out[key(it)] ?? 0) + 1;
  return out;
}

export function isChanged(f: FileReport): boolean {
  return !!f.result && f.result.text !== f.input;
}
