/** Shared by the report, --check and config tests: run the built CLI as a user would. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = join(ROOT, 'dist', 'cli.js');
const SEED_DIR = join(ROOT, 'seeds');

/** The seeds are named NNN_hash.txt; found by number so tests do not repeat the hashes. */
export function seed(prefix: string): string {
  const dir = SEED_DIR;
  const name = readdirSync(dir).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
  if (!name) throw new Error(`seed ${prefix} not found in ${dir}`);
  return join(dir, name);
}

export const SEEDS = ['000', '001', '002', '003', '004'].map(seed);
export const CLEAN_SEEDS = ['001', '002', '003'].map(seed);

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; input?: string | Buffer } = {}): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'fix-arabic-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

import { fixText, LineIndex, type Change, type Flag } from '../src/index.js';
import type { FileReport } from '../src/report/model.js';

/**
 * A report with every kind of site a reporter must draw, built from a real run
 * plus what today's rules do not produce yet: flags (a point and a range over a
 * PUA code point, with suggestions) and a change that removes a line break
 * (an unwrap). Positions are computed from the text, never typed in.
 */
export function richReport(): FileReport {
  const input = [
    '\u202bمرحبا بكم في العالم\u202c',
    '\u202bشكـل العـراق حالـة أرق في وسائـل الإعلام عام ، إذ\u202c',
    'English | line with `ticks` and a PUA \ue012 digit <b>.',
    'سطر أول من فقرة',
    'مكسورة على سطرين.',
    'ﺍﻟﻌﺮﺑﻴﺔ presentation forms',
    '',
  ].join('\n');
  const fixed = fixText(input);
  const index = new LineIndex(input);
  const at = (offset: number) => index.point(offset);
  const site = (offset: number, endOffset: number) => {
    const a = at(offset);
    const b = at(endOffset);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, offset, endOffset };
  };
  // An unwrap of the line break after «فقرة», applied to the cleaned text.
  const outBreak = fixed.text.indexOf('\n', fixed.text.indexOf('سطر أول'));
  const inBreak = input.indexOf('\n', input.indexOf('سطر أول'));
  const unwrap: Change = {
    rule: 'unwrap',
    safety: 'heuristic',
    ...site(inBreak, inBreak + 1),
    before: '\n',
    after: ' ',
    confidence: 0.8,
    reason: 'the line ends mid-sentence',
  };
  const year = input.indexOf('عام ،') + 'عام'.length;
  const pua = input.indexOf('\ue012');
  const flags: Flag[] = [
    {
      rule: 'flag-dropped-digits',
      kind: 'year-after-aam',
      ...site(year, year),
      message: 'a year was dropped after عام',
      context: 'عام ، إذ',
      confidence: 0.9,
    },
    {
      rule: 'pua-digits',
      kind: 'unknown-pua',
      ...site(pua, pua + 1),
      message: 'Private Use character <U+E012> & no "known" | mapping',
      context: 'PUA \ue012 digit',
      suggestions: ['1', '٢'],
    },
  ];
  return {
    path: 'dir/<odd> & "name".txt',
    output: 'out/odd.txt',
    input,
    result: {
      text: fixed.text.slice(0, outBreak) + ' ' + fixed.text.slice(outBreak + 1),
      changes: [...fixed.changes, unwrap],
      flags,
    },
  };
}
