#!/usr/bin/env node
/**
 * Fuzzes the built CLI with mutated samples (random byte flips, truncation,
 * duplicated, dropped and swapped lines, inserted extractor characters) and
 * checks what must hold for any input:
 *   - the run ends with status 0 or 2, never a stack trace;
 *   - a file that is not valid UTF-8 (or has NUL bytes) is refused with a
 *     one-line reason, and every other file is fixed;
 *   - the output is well-formed, keeps every input character no change touched
 *     (in order), and fixing it again changes nothing;
 *   - pipe mode gives the same text as batch mode.
 *
 *   node scripts/fuzz.mjs [--runs 300] [--seed 1] [--keep DIR]
 * Exit status: 0 no violation, 1 violations (the inputs are kept in DIR or a temp dir).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { untouchedKept, wellFormed } from './lib/properties.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const runs = Number(arg('runs', 300));
const seed = Number(arg('seed', Date.now() % 100000));
const keep = arg('keep', undefined);

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with --seed. */
function prng(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(seed);
const int = (n) => Math.floor(rand() * n);
const pick = (a) => a[int(a.length)];

const EXTRACTOR_CHARS = ['\u0640', '\u200f', '\u202b', '\u202c', '\ue005', '\ue0ed', '\ufe8d', '\ufefb', ' ّ', '\r', '\r\n', '\u00a0'];

const MUTATIONS = {
  flipBytes(b) {
    const out = Buffer.from(b);
    for (let k = 1 + int(4); k > 0 && out.length; k--) out[int(out.length)] = int(256);
    return out;
  },
  truncate(b) {
    return b.subarray(0, int(b.length + 1));
  },
  duplicateLine(b) {
    const lines = b.toString('latin1').split('\n');
    const i = int(lines.length);
    lines.splice(i, 0, lines[i]);
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  dropLine(b) {
    const lines = b.toString('latin1').split('\n');
    lines.splice(int(lines.length), 1);
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  swapLines(b) {
    const lines = b.toString('latin1').split('\n');
    const i = int(lines.length);
    const j = int(lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  insertChars(b) {
    let s = b.toString('utf8');
    for (let k = 1 + int(8); k > 0; k--) {
      const p = int(s.length + 1);
      s = s.slice(0, p) + pick(EXTRACTOR_CHARS) + s.slice(p);
    }
    return Buffer.from(s, 'utf8');
  },
  crlf(b) {
    return Buffer.from(b.toString('latin1').replace(/\n/g, pick(['\r\n', '\r'])), 'latin1');
  },
  nul(b) {
    const out = Buffer.from(b);
    if (out.length) out[int(out.length)] = 0;
    return out;
  },
};

/** What the CLI must do with these bytes: refuse them (and why) or read them as this text. */
function expectation(bytes) {
  // A flip that makes a UTF-16 byte-order mark: the CLI reads UTF-16 (tested elsewhere).
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { skip: true };
  if (bytes.indexOf(0) >= 0) return { refuse: /binary/ };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { refuse: /invalid UTF-8/ };
  }
}

function cli(args, options = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' }, ...options });
  return { status: r.status, stdout: r.stdout, stderr: String(r.stderr) };
}

function main() {
  if (!existsSync(CLI)) {
    process.stderr.write('fuzz: dist/cli.js is missing; run npm run build\n');
    return 2;
  }
  const samples = readdirSync(join(ROOT, 'seeds'))
    .sort()
    .map((f) => readFileSync(join(ROOT, 'seeds', f)));
  const work = mkdtempSync(join(tmpdir(), 'fix-arabic-fuzz-'));
  const inDir = join(work, 'in');
  mkdirSync(inDir);
  const cases = [];
  for (let i = 0; i < runs; i++) {
    let bytes = pick(samples);
    const applied = [];
    for (let k = 1 + int(3); k > 0; k--) {
      const name = pick(Object.keys(MUTATIONS));
      applied.push(name);
      bytes = MUTATIONS[name](bytes);
    }
    const name = `case${String(i).padStart(4, '0')}.txt`;
    writeFileSync(join(inDir, name), bytes);
    cases.push({ name, bytes, applied });
  }

  const violations = [];
  const fail = (c, what) => violations.push(`${c ? `${c.name} (${c.applied.join('+')})` : 'run'}: ${what}`);

  const out1 = join(work, 'out1');
  const first = cli(['-q', '--jobs', '2', '-o', out1, ...cases.map((c) => join(inDir, c.name))]);
  if (first.status !== 0 && first.status !== 2) fail(null, `status ${first.status}`);
  if (/\n\s+at .+:\d+/.test(first.stderr)) fail(null, `stack trace on stderr:\n${first.stderr}`);
  const report = JSON.parse(readFileSync(join(out1, 'report.json'), 'utf8'));
  const byPath = new Map(report.files.map((f) => [f.path.split('/').pop(), f]));

  const fixedNames = [];
  for (const c of cases) {
    const entry = byPath.get(c.name);
    const want = expectation(c.bytes);
    if (!entry) {
      fail(c, 'missing from report.json');
      continue;
    }
    if (want.skip) continue;
    if (want.refuse) {
      if (!entry.error || !want.refuse.test(entry.error)) fail(c, `expected a refusal matching ${want.refuse}, got ${entry.error ?? 'a result'}`);
      if (entry.error && entry.error.includes('\n')) fail(c, 'error message spans several lines');
      const line = first.stderr.split('\n').filter((l) => l.includes(c.name));
      if (line.length !== 1) fail(c, `expected one stderr line, got ${line.length}`);
      continue;
    }
    if (entry.error) {
      fail(c, `refused a readable file: ${entry.error}`);
      continue;
    }
    const output = readFileSync(join(out1, c.name), 'utf8');
    const wf = wellFormed(output);
    if (wf) fail(c, `output not well-formed: ${wf}`);
    const kept = untouchedKept(want.text, output, entry.changes);
    if (kept) fail(c, kept);
    fixedNames.push(c.name);
  }

  // Idempotence: fixing the outputs again changes nothing.
  const out2 = join(work, 'out2');
  if (fixedNames.length) {
    const again = cli(['-q', '--jobs', '2', '-o', out2, ...fixedNames.map((n) => join(out1, n))]);
    if (again.status !== 0) fail(null, `second run: status ${again.status}: ${again.stderr.split('\n')[0]}`);
    for (const n of fixedNames) {
      const a = readFileSync(join(out1, n), 'utf8');
      const b = existsSync(join(out2, n)) ? readFileSync(join(out2, n), 'utf8') : undefined;
      if (a !== b) fail(cases.find((c) => c.name === n), 'not idempotent: a second run changes the output');
    }
  }

  // Pipe mode gives the same text as batch mode (a few cases; each is a process).
  for (const n of fixedNames.slice(0, 8)) {
    const c = cases.find((x) => x.name === n);
    const p = cli([], { input: c.bytes });
    if (p.status !== 0) fail(c, `pipe: status ${p.status}: ${p.stderr.split('\n')[0]}`);
    else if (!p.stdout.equals(readFileSync(join(out1, n)))) fail(c, 'pipe output differs from batch output');
  }

  const refused = cases.length - fixedNames.length;
  process.stdout.write(`fuzz: seed ${seed}, ${cases.length} cases (${fixedNames.length} fixed, ${refused} refused), ${violations.length} violations\n`);
  if (violations.length) {
    for (const v of violations.slice(0, 20)) process.stdout.write(`  ${v}\n`);
    const dest = keep ?? work;
    if (keep) cpSync(inDir, keep, { recursive: true });
    process.stdout.write(`inputs kept in ${keep ? dest : inDir}\n`);
    return 1;
  }
  rmSync(work, { recursive: true, force: true });
  return 0;
}

process.exitCode = main();
