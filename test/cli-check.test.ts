/** --check with --format github and --fail-on, through the built CLI. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { githubAnnotations } from '../src/report/github.js';
import { CLEAN_SEEDS, richReport, runCli, SEEDS, tempDir } from './reports-helpers.js';

/** Parses `::kind k=v,k=v::message` lines (GitHub's workflow command syntax). */
function annotations(stdout: string) {
  const unescape = (s: string) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const m = line.match(/^::(\w+)(?: ([^:]*))?::(.*)$/);
      expect(m, line).not.toBeNull();
      const props = Object.fromEntries((m![2] ?? '').split(',').filter(Boolean).map((kv) => kv.split('=')).map(([k, v]) => [k, unescape(v)]));
      return { kind: m![1], props, message: unescape(m![3]) };
    });
}

let dir: string;
let damaged: string;
beforeAll(() => {
  dir = tempDir();
  // Bidi controls (on every line: extractor output) and justification tatweel.
  damaged = join(dir, 'damaged.txt');
  writeFileSync(damaged, '\u202bمرحبا بكم\u202c\n\u202bشكـل العـراق حالـة أرق\u202c\n');
});

describe('--check --format github', () => {
  test('one ::notice per pending change, at its input position, nothing written', () => {
    const before = readFileSync(damaged, 'utf8');
    const run = runCli(['--check', '--format', 'github', damaged]);
    expect(run.status).toBe(1);
    expect(readFileSync(damaged, 'utf8')).toBe(before);
    const json = JSON.parse(runCli(['--check', '--format', 'json', '--fail-on', 'none', damaged]).stdout);
    const changes = json.files[0].changes;
    const notes = annotations(run.stdout);
    expect(notes).toHaveLength(changes.length);
    notes.forEach((n, i) => {
      expect(n.kind).toBe('notice');
      expect(n.props.file).toBe(damaged);
      expect(Number(n.props.line)).toBe(changes[i].line);
      expect(Number(n.props.col)).toBe(changes[i].column);
      expect(n.props.title).toBe(changes[i].rule);
      expect(n.message).toContain(changes[i].reason);
    });
  });

  test('invisible characters are named in annotations, never written raw', () => {
    const run = runCli(['--check', '--format', 'github', damaged]);
    expect(run.stdout).not.toMatch(/[\u202a-\u202e]/);
    expect(run.stdout).toContain('«⟨U+202B⟩» → «»');
  });

  test('stdin has no file= property', () => {
    const run = runCli(['--check', '--format', 'github'], { input: readFileSync(damaged) });
    expect(run.status).toBe(1);
    const notes = annotations(run.stdout);
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n.props).not.toHaveProperty('file');
  });

  test('clean files: no annotations, exit 0', () => {
    const run = runCli(['--check', '--format', 'github', ...CLEAN_SEEDS]);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(0);
  });

  test('an unreadable file is an ::error and exit 2', () => {
    const run = runCli(['--check', '--format', 'github', join(dir, 'missing.txt'), damaged]);
    expect(run.status).toBe(2);
    const [first] = annotations(run.stdout);
    expect(first).toMatchObject({ kind: 'error', props: { file: join(dir, 'missing.txt') }, message: 'no such file' });
  });

  test('flags become ::warning with rule/kind title and the best suggestion; properties are escaped', () => {
    const rich = richReport();
    const out = annotations(githubAnnotations([{ ...rich, path: 'a,b:c.txt' }]));
    const warnings = out.filter((a) => a.kind === 'warning');
    expect(warnings).toHaveLength(rich.result!.flags.length);
    rich.result!.flags.forEach((x, i) => {
      expect(warnings[i].props).toMatchObject({ file: 'a,b:c.txt', line: String(x.line), col: String(x.column), title: `${x.rule}/${x.kind}` });
      expect(warnings[i].message.startsWith(x.message.replace(/\ue012/g, '⟨U+E012⟩'))).toBe(true);
    });
    expect(warnings[1].message).toContain('(suggestion: «1»)');
    // A change across a line break: endLine set, no column range.
    const unwrap = out.find((a) => a.props.title === 'unwrap')!;
    expect(Number(unwrap.props.endLine)).toBe(Number(unwrap.props.line) + 1);
    expect(unwrap.props).not.toHaveProperty('endColumn');
    expect(unwrap.message).toContain('«⟨U+000A⟩» → « »');
  });
});

describe('--fail-on', () => {
  const cases: [string, string[], number][] = [
    ['any (default): changes fail', [], 1],
    ['any: changes fail', ['--fail-on', 'any'], 1],
    ['changes: changes fail', ['--fail-on', 'changes'], 1],
    ['flags: changes alone pass', ['--fail-on', 'flags'], 0],
    ['none: nothing fails', ['--fail-on', 'none'], 0],
  ];
  for (const [what, args, status] of cases) {
    test(what, () => {
      expect(runCli(['--check', '-q', ...args, damaged]).status).toBe(status);
      expect(runCli(['--check', '-q', ...args], { input: readFileSync(damaged) }).status).toBe(status);
    });
  }

  test('clean seeds pass under every setting', () => {
    for (const failOn of ['any', 'changes', 'flags', 'none']) {
      const run = runCli(['--check', '--fail-on', failOn, ...CLEAN_SEEDS]);
      expect(run.status, `${failOn}: ${run.stderr}`).toBe(0);
    }
  });

  test('the damaged seeds fail --fail-on changes', () => {
    expect(runCli(['--check', '-q', '--fail-on', 'changes', ...SEEDS]).status).toBe(1);
  });

  test('an I/O error exits 2 even with --fail-on none', () => {
    expect(runCli(['--check', '-q', '--fail-on', 'none', join(dir, 'missing.txt')]).status).toBe(2);
  });

  test('an unknown value is a usage error', () => {
    const run = runCli(['--check', '--fail-on', 'warnings', damaged]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--fail-on/);
  });
});

describe('--format outside --check', () => {
  test('a batch run prints the annotations of what it changed and still writes the files', () => {
    const out = join(dir, 'out');
    const run = runCli(['--format', 'github', '-o', out, damaged]);
    expect(run.status).toBe(0);
    expect(annotations(run.stdout).length).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'damaged.txt'), 'utf8')).not.toBe(readFileSync(damaged, 'utf8'));
  });
});
