import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist', 'cli.js');
export const SEEDS = join(ROOT, 'seeds');

export function requireBuild(): void {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it)');
}

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs the built CLI. */
export function runCli(args: string[], options: SpawnSyncOptions & { input?: string | Buffer } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    maxBuffer: 1 << 30,
    ...options,
    env: { ...process.env, NO_COLOR: '1', ...(options.env ?? {}) },
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout as Buffer, stderr: String(r.stderr ?? '') };
}

export function tempDir(prefix = 'fix-arabic-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function seed(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  return readFileSync(join(SEEDS, name), 'utf8');
}

/** A stack trace has lines like "    at fn (file:line:col)". */
export const STACK_TRACE = /\n\s+at .+:\d+/;
