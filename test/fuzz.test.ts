/** A bounded run of scripts/fuzz.mjs (mutated samples through the built CLI). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { requireBuild, ROOT } from './helpers/cli.js';

beforeAll(requireBuild);

it('fuzzed samples through the CLI: no crash, no lost characters, idempotent', { timeout: 300_000 }, () => {
  for (const seed of [11, 12]) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'fuzz.mjs'), '--runs', '60', '--seed', String(seed)], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/, 0 violations\n/);
    expect(r.status).toBe(0);
  }
});
