// Types of scripts/eval.mjs (for the TypeScript tests).
export const DEFAULT_ROOT: string;
export const DROPPED_DIGITS_RULE: string;
export interface EvalCase { name: string; input: string; truth: string; sites: unknown[] | null }
export interface EvalSetSpec { name: string; aligned: boolean; cases: EvalCase[]; note: string }
export function discoverSets(root?: string): EvalSetSpec[];
export interface Rates { input: number | null; output: number | null; reduction: number | null }
export interface SiteSummary { sites: number; flags: number; matched: number; recall: number | null; precision: number | null; files?: number }
export interface FileResult {
  name: string;
  lines?: number;
  damaged?: number;
  restored?: number;
  restoredShare?: number | null;
  cleanLines?: number;
  cleanChanged?: number;
  changedLines: number;
  cer: Rates;
  wer: Rates;
  sites?: SiteSummary;
  ms: number;
}
export interface SetResult extends Omit<FileResult, 'name' | 'sites'> {
  kind: 'line-aligned' | 'file';
  files: number;
  misalignedFiles?: number;
  sites: SiteSummary | null;
  droppedDigitFlags: number;
  charsPerSecond: number | null;
  /** fixText threw or returned no text (the run exits 1). */
  errors: { file: string; error: string }[];
  /** Fixture problems, e.g. an expected text not line-aligned with its input. */
  warnings: { file: string; warning: string }[];
  note: string;
  fileResults: FileResult[];
}
export interface EvalReport { version: 1; lib: string; sets: Record<string, SetResult> }
export function runEval(options?: { root?: string; lib?: string; sets?: string[] | null }): Promise<EvalReport>;
export function formatReport(report: EvalReport, options?: { files?: boolean }): string;
