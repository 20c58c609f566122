/** --jobs: the same outputs, reports and messages as one job; the progress bar only on a TTY. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, requireBuild, runCli, seed, tempDir } from './helpers/cli.js';

beforeAll(requireBuild);

/** Enough input (> 512 KB) that the batch really runs on worker threads. */
function batch(dir: string): string[] {
  const names: string[] = [];
  const texts = ['000', '001', '002', '003', '004'].map(seed);
  for (let i = 0; i < 30; i++) {
    const name = `doc${String(i).padStart(2, '0')}.txt`;
    writeFileSync(join(dir, name), Array(1 + (i % 4)).fill(texts[i % 5]).join('\n\n'));
    names.push(name);
  }
  writeFileSync(join(dir, 'binary.bin'), Buffer.from([1, 2, 0, 3]));
  names.splice(7, 0, 'binary.bin', 'missing.txt');
  return names;
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('--jobs', () => {
  it('writes the same files, reports and messages with 1, 2 and 3 jobs', { timeout: 120_000 }, () => {
    const dir = tempDir();
    const names = batch(dir);
    let first: { files: Record<string, string>; stderr: string; status: number | null } | undefined;
    for (const jobs of ['1', '2', '3']) {
      rmSync(join(dir, 'out'), { recursive: true, force: true });
      const r = runCli(['--jobs', jobs, '-o', 'out', ...names], { cwd: dir });
      const now = { files: snapshot(join(dir, 'out')), stderr: r.stderr, status: r.status };
      expect(now.status).toBe(2); // the missing and the binary file
      if (first) expect(now).toEqual(first);
      else first = now;
    }
    expect(Object.keys(first!.files)).toContain('report.md');
  });

  it('--diff and --check --format json are the same with any number of jobs', { timeout: 120_000 }, () => {
    const dir = tempDir();
    const names = batch(dir);
    for (const mode of [['--diff'], ['--check', '--format', 'json'], ['--check', '--format', 'github']]) {
      const one = runCli([...mode, '--jobs', '1', ...names], { cwd: dir });
      const two = runCli([...mode, '--jobs', '2', ...names], { cwd: dir });
      expect(two.stdout.toString()).toBe(one.stdout.toString());
      expect(two.stderr).toBe(one.stderr);
      expect(two.status).toBe(one.status);
      expect(one.stdout.length).toBeGreaterThan(0);
    }
  });

  it('--check decides the same with workers: 0 for clean files, 1 when one would change', { timeout: 240_000 }, () => {
    const dir = tempDir();
    const names = batch(dir).filter((n) => n.endsWith('.txt') && n !== 'missing.txt');
    // doc<i> holds sample i % 5; samples 001 and 002 are clean however often repeated.
    const clean = names.filter((n) => [1, 2].includes(Number(n.slice(3, 5)) % 5));
    for (const jobs of ['1', '2']) {
      expect(runCli(['-q', '--check', '--jobs', jobs, ...clean], { cwd: dir }).status).toBe(0);
      expect(runCli(['-q', '--check', '--jobs', jobs, ...names], { cwd: dir }).status).toBe(1);
      // Sample 000 lost its digits: its dropped-number sites are flagged.
      expect(runCli(['-q', '--check', '--fail-on', 'flags', '--jobs', jobs, ...names], { cwd: dir }).status).toBe(1);
      expect(runCli(['-q', '--check', '--fail-on', 'flags', '--jobs', jobs, ...clean], { cwd: dir }).status).toBe(0);
    }
  });

  it('rejects a job count that is not a whole number of at least 1', () => {
    for (const bad of ['0', '-1', '1.5', 'many']) expect(runCli(['--jobs', bad, 'x']).status).toBe(2);
  });
});

describe('progress bar', () => {
  it('prints nothing of it when stderr is not a terminal', () => {
    const dir = tempDir();
    const names = batch(dir);
    const r = runCli(['--jobs', '2', '-o', 'out', ...names], { cwd: dir });
    expect(r.stderr).not.toMatch(/\r|█|MB\/s/);
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('on a terminal shows files done, MB/s and flags, and clears itself', { timeout: 60_000 }, () => {
    const dir = tempDir();
    const names = batch(dir);
    // script(1) gives the CLI a pseudo-terminal; the transcript is what a user sees.
    const cmd = [process.execPath, CLI, '--jobs', '2', '-o', 'out', ...names].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, TERM: 'xterm', NO_COLOR: '1' } });
    expect(r.stdout).toMatch(/\d+\/32 files +[\d.]+ MB\/s +\d+ flags?/);
    expect(r.stdout).toMatch(/\r\x1b\[K/);
    const quiet = spawnSync('script', ['-qec', `${cmd} -q`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, TERM: 'xterm' } });
    expect(quiet.stdout).not.toMatch(/MB\/s/);
  });
});
