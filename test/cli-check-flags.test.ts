/**
 * --fail-on and --format github on flags. Today's rules flag nothing on small
 * inputs, so this runs the CLI's main() in-process with one extra rule that
 * flags the marker word «علم»; everything else (options, engine, reporters,
 * exit codes) is the real code.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Rule } from '../src/core/types.js';
import { tempDir } from './reports-helpers.js';

const MARKER = 'علم';

vi.mock('../src/rules/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/rules/index.js')>();
  const flagMarker: Rule = {
    id: 'test-flag-marker',
    description: 'test: flags the marker word',
    safety: 'heuristic',
    defaultEnabled: true,
    run({ text }) {
      const flags = [...text.matchAll(new RegExp(MARKER, 'g'))].map((m) => ({
        start: m.index,
        end: m.index + MARKER.length,
        kind: 'marker-word',
        message: 'the marker word',
        suggestions: ['x'],
      }));
      return { flags };
    },
  };
  const rules = [...original.RULES, flagMarker];
  return { ...original, RULES: rules, ruleById: (id: string) => rules.find((r) => r.id === id) };
});

const { main } = await import('../src/cli.js');

async function run(args: string[]): Promise<{ status: number; stdout: string }> {
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const status = await main(['node', 'fix-arabic', ...args]);
  return { status, stdout };
}

afterEach(() => vi.restoreAllMocks());

let flagged: string;
let both: string;
let clean: string;
beforeAll(() => {
  const dir = tempDir();
  flagged = join(dir, 'flagged.txt');
  both = join(dir, 'both.txt');
  clean = join(dir, 'clean.txt');
  writeFileSync(flagged, `هذا ${MARKER} في النص\n`);
  writeFileSync(both, `\u202bهذا ${MARKER}\u202c\n\u202bسطر آخر\u202c\n`);
  writeFileSync(clean, 'نص سليم\n');
});

describe('flags under --check', () => {
  test('--fail-on: flags alone fail any and flags, not changes or none', async () => {
    expect((await run(['--check', flagged])).status).toBe(1);
    expect((await run(['--check', '--fail-on', 'flags', flagged])).status).toBe(1);
    expect((await run(['--check', '--fail-on', 'changes', flagged])).status).toBe(0);
    expect((await run(['--check', '--fail-on', 'none', flagged])).status).toBe(0);
    expect((await run(['--check', '--fail-on', 'flags', clean])).status).toBe(0);
  });

  test('--fail-on without --check is a usage error, not silently ignored', async () => {
    expect((await run(['--fail-on', 'flags', flagged])).status).toBe(2);
  });

  test('--fail-on flags fails when one file of several has flags', async () => {
    expect((await run(['--check', '--fail-on', 'flags', clean, flagged])).status).toBe(1);
  });

  test('--format github: a ::warning per flag, a ::notice per change', async () => {
    const { status, stdout } = await run(['--check', '--format', 'github', both]);
    expect(status).toBe(1);
    const lines = stdout.trim().split('\n');
    const warnings = lines.filter((l) => l.startsWith('::warning '));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBe(
      `::warning file=${both.replace(/:/g, '%3A').replace(/,/g, '%2C')},line=1,endLine=1,col=6,endColumn=9,title=test-flag-marker/marker-word::the marker word (suggestion: «x»)`,
    );
    expect(lines.filter((l) => l.startsWith('::notice ')).length).toBeGreaterThan(0);
    expect(lines.every((l) => /^::(warning|notice) /.test(l))).toBe(true);
  });

  test('--disable silences the rule, and the check passes', async () => {
    expect((await run(['--check', '--disable', 'test-flag-marker', flagged])).status).toBe(0);
  });
});
