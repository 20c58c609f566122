/**
 * Statistics that describe how damaged a text looks, used to compare the simulator's
 * output with the real damaged sample (seed 000) and in the simulator's tests.
 *
 * `textStats` works on any text (it needs no truth): shares of lines with tatweel, tatweel
 * runs per stretched line, and lines whose edge token is a visible fragment of a split word.
 * `simStats` reads the simulator's own per-line metadata (exact).
 */
import type { CutKind, SimResult } from './damage.js';

export interface TextStats {
  /** Non-blank lines. */
  lines: number;
  tatweelLines: number;
  tatweelLineShare: number;
  /** Mean number of tatweel runs in a line that has any. */
  tatweelRunsPerTatweelLine: number;
  /** How many tatweel runs have length 1, 2, 3, 4 and more. */
  tatweelRunLengths: [number, number, number, number];
  /**
   * Lines whose first token starts with a tatweel (the tail of a word cut at a kashida), or whose
   * first or last token is a lone Arabic letter other than و (the head or a middle of a word cut at
   * a kerning pair, like `ز` in `… ينتظر من ز`). A lexicon-free lower bound on the lines showing
   * a split word at their edges.
   */
  edgeFragmentLines: number;
  edgeFragmentShare: number;
}

const ARABIC_LETTER = /^[\u0621-\u063A\u0641-\u064A][\u064B-\u065F\u0670]*$/u;

function isLoneLetter(token: string): boolean {
  const t = token.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
  return ARABIC_LETTER.test(t) && t[0] !== 'و';
}

export function hasEdgeFragment(line: string): boolean {
  const tokens = line.trim().split(/\s+/u).filter((t) => t !== '');
  if (tokens.length === 0) return false;
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  return first.startsWith('\u0640') || isLoneLetter(first) || isLoneLetter(last);
}

export function textStats(text: string): TextStats {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  let tatweelLines = 0;
  let runs = 0;
  const lengths: [number, number, number, number] = [0, 0, 0, 0];
  let edge = 0;
  for (const l of lines) {
    const m = l.match(/\u0640+/gu);
    if (m) {
      tatweelLines++;
      runs += m.length;
      for (const r of m) lengths[Math.min(r.length, 4) - 1]!++;
    }
    if (hasEdgeFragment(l)) edge++;
  }
  return {
    lines: lines.length,
    tatweelLines,
    tatweelLineShare: lines.length ? tatweelLines / lines.length : 0,
    tatweelRunsPerTatweelLine: tatweelLines ? runs / tatweelLines : 0,
    tatweelRunLengths: lengths,
    edgeFragmentLines: edge,
    edgeFragmentShare: lines.length ? edge / lines.length : 0,
  };
}

export interface SimStats {
  /** Non-blank lines. */
  lines: number;
  reversedLines: number;
  reversedShare: number;
  /** Mean number of runs in a reversed line. */
  meanRuns: number;
  /** Reversed lines with 2, 3, 4, 5, 6 or more runs. */
  runHistogram: [number, number, number, number, number];
  /** Share of reversed lines with at least one mid-word cut (kerning or kashida). */
  splitWordShare: number;
  cuts: Record<CutKind, number>;
  /** The same figures for reversed lines without any number (seed 000 has almost no numbers). */
  withoutNumbers: { reversedLines: number; meanRuns: number; splitWordShare: number };
  /** Lines with neither tatweel nor any other damage. */
  untouchedShare: number;
}

export function simStats(results: readonly SimResult[]): SimStats {
  let lines = 0;
  let reversed = 0;
  let runsTotal = 0;
  let split = 0;
  let untouched = 0;
  let plain = 0;
  let plainRuns = 0;
  let plainSplit = 0;
  const hist: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  const cuts: Record<CutKind, number> = { space: 0, kerning: 0, kashida: 0, digit: 0 };
  for (const r of results) {
    const inputLines = r.input.split('\n');
    for (const l of r.lines) {
      if ((inputLines[l.line - 1] ?? '').trim() === '') continue;
      lines++;
      if (l.kinds.length === 0) untouched++;
      if (!l.runs || !l.cuts) continue;
      reversed++;
      runsTotal += l.runs.length;
      hist[Math.min(l.runs.length, 6) - 2]!++;
      const midWord = l.cuts.some((c) => c === 'kerning' || c === 'kashida');
      if (midWord) split++;
      for (const c of l.cuts) cuts[c]++;
      if (!l.cuts.includes('digit')) {
        plain++;
        plainRuns += l.runs.length;
        if (midWord) plainSplit++;
      }
    }
  }
  return {
    lines,
    reversedLines: reversed,
    reversedShare: lines ? reversed / lines : 0,
    meanRuns: reversed ? runsTotal / reversed : 0,
    runHistogram: hist,
    splitWordShare: reversed ? split / reversed : 0,
    cuts,
    withoutNumbers: { reversedLines: plain, meanRuns: plain ? plainRuns / plain : 0, splitWordShare: plain ? plainSplit / plain : 0 },
    untouchedShare: lines ? untouched / lines : 0,
  };
}
