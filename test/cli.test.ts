import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const SEEDS = new URL('../seeds/', import.meta.url).pathname;

function run(args: string[], input?: string | Buffer, cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input: typeof input === 'string' ? Buffer.from(input) : input, cwd, encoding: 'buffer', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), raw: r.stdout };
}

const DAMAGED = 'شكـل العـراق حالـة أرق في وسائـل الإعلام\n';
const CLEAN = 'هذا نص عربي سليم.\nAnd an English line.\n';

let tmp: string;
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('run `npm run build` first (npm test does)');
  tmp = mkdtempSync(join(tmpdir(), 'fix-arabic-cli-'));
});

describe('pipe mode', () => {
  it('cleans stdin to stdout and says nothing else on stdout', () => {
    const r = run([], DAMAGED);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('شكل العراق حالة أرق في وسائل الإعلام\n');
  });
  it('treats - as stdin', () => {
    expect(run(['-'], DAMAGED).stdout).toBe('شكل العراق حالة أرق في وسائل الإعلام\n');
  });
  it('passes clean text through unchanged, CRLF and BOM included', () => {
    const input = '\ufeffسطر أول\r\nسطر ثان';
    const r = run([], input);
    expect(r.raw.equals(Buffer.from(input, 'utf8'))).toBe(true);
  });
  it('--format json prints one object with the documented fields', () => {
    const r = run(['--format', 'json'], DAMAGED);
    const j = JSON.parse(r.stdout);
    expect(j.version).toBe(1);
    expect(j.text).toBe('شكل العراق حالة أرق في وسائل الإعلام\n');
    expect(j.changes.length).toBe(4);
    expect(j.changes[0]).toMatchObject({ rule: 'remove-kashida', safety: 'safe', line: 1, column: 1, before: 'شكـل', after: 'شكل' });
    expect(typeof j.changes[0].confidence).toBe('number');
    expect(Array.isArray(j.flags)).toBe(true);
  });
  it('exits quietly when the reader closes the pipe early', () => {
    const big = DAMAGED.repeat(20000);
    const r = spawnSync('bash', ['-c', `node ${CLI} | head -1`], { input: big, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('شكل العراق حالة أرق في وسائل الإعلام\n');
  });
});

describe('files', () => {
  it('writes cleaned copies and a report to the output directory, never touching inputs', () => {
    const dir = mkdtempSync(join(tmp, 'batch-'));
    writeFileSync(join(dir, 'a.txt'), DAMAGED);
    writeFileSync(join(dir, 'b.txt'), CLEAN);
    const r = run(['a.txt', 'b.txt'], undefined, dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'fixed/a.txt'), 'utf8')).toBe('شكل العراق حالة أرق في وسائل الإعلام\n');
    expect(readFileSync(join(dir, 'fixed/b.txt'), 'utf8')).toBe(CLEAN);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(DAMAGED);
    const report = JSON.parse(readFileSync(join(dir, 'fixed/report.json'), 'utf8'));
    expect(report.version).toBe(1);
    expect(report.files.map((f: { path: string; changed: boolean }) => [f.path, f.changed])).toEqual([
      ['a.txt', true],
      ['b.txt', false],
    ]);
    expect(readFileSync(join(dir, 'fixed/report.md'), 'utf8')).toContain('remove-kashida');
    expect(r.stderr).toMatch(/a\.txt.*4 changes \(remove-kashida 4\)/);
  });
  it('-o DIR puts the outputs there', () => {
    const dir = mkdtempSync(join(tmp, 'outdir-'));
    const r = run([join(SEEDS, readdirSync(SEEDS)[1]), '-o', join(dir, 'out')]);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([readdirSync(SEEDS)[1], 'report.html', 'report.json', 'report.md'].sort());
  });
  it('refuses to overwrite an input through -o', () => {
    const dir = mkdtempSync(join(tmp, 'same-'));
    writeFileSync(join(dir, 'a.txt'), DAMAGED);
    const r = run(['a.txt', '-o', '.'], undefined, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would overwrite an input/);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(DAMAGED);
  });
  it('--write cleans in place and leaves no temp file', () => {
    const dir = mkdtempSync(join(tmp, 'write-'));
    writeFileSync(join(dir, 'a.txt'), DAMAGED);
    const r = run(['--write', 'a.txt'], undefined, dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('شكل العراق حالة أرق في وسائل الإعلام\n');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });
  it('--diff prints a unified diff and changes nothing', () => {
    const dir = mkdtempSync(join(tmp, 'diff-'));
    writeFileSync(join(dir, 'a.txt'), DAMAGED);
    const r = run(['--diff', 'a.txt'], undefined, dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- a/a.txt');
    expect(r.stdout).toContain('-شكـل العـراق');
    expect(r.stdout).toContain('+شكل العراق');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });
  it('--check exits 1 when a file would change, 0 when all are clean', () => {
    const dir = mkdtempSync(join(tmp, 'check-'));
    writeFileSync(join(dir, 'a.txt'), DAMAGED);
    writeFileSync(join(dir, 'b.txt'), CLEAN);
    expect(run(['--check', 'a.txt', 'b.txt'], undefined, dir).code).toBe(1);
    expect(run(['--check', 'b.txt'], undefined, dir).code).toBe(0);
    expect(run(['--check', '--fail-on', 'none', 'a.txt'], undefined, dir).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
  });
  it('goes on with the batch after a missing file, and exits 2', () => {
    const dir = mkdtempSync(join(tmp, 'missing-'));
    writeFileSync(join(dir, 'b.txt'), CLEAN);
    const r = run(['nope.txt', 'b.txt'], undefined, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fix-arabic: nope\.txt: no such file$/m);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readFileSync(join(dir, 'fixed/b.txt'), 'utf8')).toBe(CLEAN);
  });
});

describe('arguments', () => {
  it('lists the rules', () => {
    const r = run(['--list-rules']);
    expect(r.code).toBe(0);
    for (const id of ['remove-kashida', 'presentation-forms', 'bidi-controls', 'reattach-marks']) expect(r.stdout).toContain(id);
  });
  it('--disable turns a rule off', () => {
    expect(run(['--disable', 'remove-kashida'], DAMAGED).stdout).toBe(DAMAGED);
  });
  it('an unknown rule is a usage error with exit 2', () => {
    const r = run(['--enable', 'no-such-rule'], DAMAGED);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule 'no-such-rule'/);
  });
  it('an unknown option is a usage error with exit 2', () => {
    const r = run(['--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });
  it('a bad --min-confidence is a usage error', () => {
    expect(run(['--min-confidence', '7'], DAMAGED).code).toBe(2);
  });
  it('--version and --help exit 0', () => {
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });
});
