#!/usr/bin/env node
/**
 * `npm run bench`: speed and memory of the built CLI on a corpus made by
 * repeating the samples (and test fixtures, if any) to at least 100 MB, with
 * `cat` and `pdftotext` on comparable input as yardsticks. A script, not a test:
 * it prints numbers, it asserts nothing.
 *
 *   node scripts/bench.mjs [--quick] [--budget SECONDS]
 *
 *   --quick   20 MB corpora, no 500 MB streams
 *   --budget  the longest a damaged-text row may run (default 300 s): a first
 *             look at 2 MB gives the rate, and a slower tool is measured on as
 *             much of the corpus as that budget allows (the table says how much)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, homedir, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const quick = process.argv.includes('--quick');
const loadAtStart = loadavg();
const MB = 1e6;
const CORPUS_BYTES = (quick ? 20 : 100) * MB;
const budgetArg = process.argv.indexOf('--budget');
const BUDGET_SECONDS = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : 300;
if (!(BUDGET_SECONDS > 0)) throw new Error('--budget takes a number of seconds');
const work = mkdtempSync(join(tmpdir(), 'fix-arabic-bench-'));
const cacheDir = join(process.env.XDG_CACHE_HOME?.startsWith('/') ? process.env.XDG_CACHE_HOME : join(homedir(), '.cache'), 'fix-arabic', 'bench');
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function log(s) {
  process.stderr.write(`bench: ${s}\n`);
}

// ---- corpora ---------------------------------------------------------------
function texts(dir, filter) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...texts(p, filter));
    else if (e.name.endsWith('.txt') && filter(e.name, p)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}
const seedNames = readdirSync(join(ROOT, 'seeds')).sort();
const seed = (n) => readFileSync(join(ROOT, 'seeds', seedNames[n]), 'utf8');
const cleanTexts = [seed(1), seed(2), seed(3)];
// Fixtures of other issues, when present: damaged inputs are files called *input*/*damaged*.
const fixtureDamaged = texts(join(ROOT, 'test', 'fixtures'), (n) => /input|damaged/i.test(n));
const damagedTexts = [seed(0), seed(4), ...fixtureDamaged];

function repeatTo(parts, bytes) {
  const unit = parts.join('\n\n') + '\n\n';
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}
const cleanFile = join(work, 'clean.txt');
const plainFile = join(work, 'clean-001-002.txt');
const damagedFile = join(work, 'damaged.txt');
writeFileSync(cleanFile, repeatTo(cleanTexts, CORPUS_BYTES));
// 003 has one word its author stretched with a tatweel; repeated dozens of times
// in a chunk it looks like justification and is changed. 001 + 002 need nothing.
writeFileSync(plainFile, repeatTo(cleanTexts.slice(0, 2), CORPUS_BYTES));
writeFileSync(damagedFile, repeatTo(damagedTexts, CORPUS_BYTES));
const size = (p) => statSync(p).size;

// ---- measuring -------------------------------------------------------------
/**
 * Runs a shell pipeline; returns wall seconds and, with GNU time, the CPU
 * seconds and peak RSS of its node process (CPU time is what to trust when
 * the machine is busy with other work).
 */
function timed(shell) {
  const t0 = process.hrtime.bigint();
  const wrapped = gnuTime ? shell.replace(/(^|\| )node /, `$1${gnuTime} -f '%e %U %S %M' -o ${work}/rss node `) : shell;
  const r = spawnSync('sh', ['-c', wrapped], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 && r.status !== 2) throw new Error(`failed (${r.status}): ${shell}`);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!gnuTime || wrapped === shell) return { seconds };
  const [, user, sys, kb] = readFileSync(join(work, 'rss'), 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { seconds, cpu: user + sys, peakMb: (kb * 1024) / MB };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const q = (s) => `'${s.replace(/'/g, "'\\''")}'`;
const node = `node ${q(CLI)}`;

const rows = [];
function row(what, value, target, ok, note = '') {
  rows.push({ what, value, target, ok, note });
  log(`${what}: ${value}${note ? ` (${note})` : ''}`);
}
const fmt = (x, d = 1) => x.toFixed(d);

// Throughput through the pipe (the streaming path), one core.
log(`corpora: clean ${fmt(size(cleanFile) / MB)} MB, damaged ${fmt(size(damagedFile) / MB)} MB in ${work}`);
const perCpu = (bytes, t) => (t.cpu ? `; ${fmt(bytes / MB / t.cpu)} MB per CPU-second` : '');
const plain = timed(`${node} < ${q(plainFile)} > /dev/null`);
const plainRate = size(plainFile) / MB / plain.seconds;
row('clean text that needs no change (001 + 002), pipe', `${fmt(plainRate)} MB/s`, '≥ 50 MB/s', plainRate >= 50, `${fmt(size(plainFile) / MB, 0)} MB in ${fmt(plain.seconds, 2)} s${perCpu(size(plainFile), plain)}`);
const clean = timed(`${node} < ${q(cleanFile)} > /dev/null`);
const cleanRate = size(cleanFile) / MB / clean.seconds;
row('clean samples 001–003 repeated, pipe', `${fmt(cleanRate)} MB/s`, '≥ 50 MB/s', cleanRate >= 50, `${fmt(size(cleanFile) / MB, 0)} MB in ${fmt(clean.seconds, 2)} s${perCpu(size(cleanFile), clean)}; 003's stretched word is removed once repeated`);
// Damaged text can be far slower than clean: a first look at 2 MB gives its rate,
// and the row runs on as much of the corpus as the time budget allows.
const probeFile = join(work, 'damaged-probe.txt');
writeFileSync(probeFile, repeatTo(damagedTexts, 2 * MB));
const probe = timed(`${node} < ${q(probeFile)} > /dev/null`);
const probeRate = size(probeFile) / probe.seconds;
const withinBudget = (bytes) => Math.min(bytes, Math.max(2 * MB, probeRate * BUDGET_SECONDS));
let damagedRun = damagedFile;
if (withinBudget(size(damagedFile)) < size(damagedFile)) {
  damagedRun = join(work, 'damaged-budget.txt');
  writeFileSync(damagedRun, repeatTo(damagedTexts, withinBudget(size(damagedFile))));
}
const cut = damagedRun === damagedFile ? '' : ` (of ${fmt(size(damagedFile) / MB, 0)} MB: the ${BUDGET_SECONDS} s budget)`;
const damaged = timed(`${node} < ${q(damagedRun)} > /dev/null`);
const damagedRate = size(damagedRun) / MB / damaged.seconds;
row('damaged text (samples 000, 004), pipe', `${fmt(damagedRate, 2)} MB/s`, '≥ 2 MB/s', damagedRate >= 2, `${fmt(size(damagedRun) / MB, 0)} MB${cut} in ${fmt(damaged.seconds, 2)} s${perCpu(size(damagedRun), damaged)}`);

// Yardsticks: cat over the same bytes.
const cat = timed(`cat ${q(cleanFile)} > /dev/null`);
row('cat, same clean corpus', `${fmt(size(cleanFile) / MB / cat.seconds, 0)} MB/s`, 'yardstick', true);

// Start-up on a one-line input.
const oneLine = join(work, 'one-line.txt');
writeFileSync(oneLine, 'شكـل العـراق حالـة أرق\n');
const preload = join(work, 'load-lexicon.mjs');
writeFileSync(preload, `import { getLexicon } from ${JSON.stringify(join(ROOT, 'dist', 'knowledge', 'lexicon.js'))};\ngetLexicon().has('كتاب');\n`);
const starts = (cmd) => median(Array.from({ length: 11 }, () => timed(cmd).seconds)) * 1000;
const startsCpu = (cmd) => median(Array.from({ length: 11 }, () => timed(cmd).cpu ?? NaN)) * 1000;
const bare = starts(`node -e 0`);
const noLex = starts(`${node} < ${q(oneLine)} > /dev/null`);
const noLexCpu = startsCpu(`${node} < ${q(oneLine)} > /dev/null`);
row('start-up, one line, no lexicon', `${fmt(noLex, 0)} ms`, '< 150 ms', noLex < 150, `bare node -e 0: ${fmt(bare, 0)} ms; CPU time ${fmt(noLexCpu, 0)} ms`);
// Warm the cache (a first build takes seconds), then measure a run that loads it.
const coldCache = mkdtempSync(join(tmpdir(), 'fix-arabic-bench-cache-'));
const cold = timed(`XDG_CACHE_HOME=${q(coldCache)} node --import ${q(preload)} ${q(CLI)} < ${q(oneLine)} > /dev/null`).seconds;
rmSync(coldCache, { recursive: true, force: true });
timed(`node --import ${q(preload)} ${q(CLI)} < ${q(oneLine)} > /dev/null`);
const withLex = starts(`node --import ${q(preload)} ${q(CLI)} < ${q(oneLine)} > /dev/null`);
const withLexCpu = startsCpu(`node --import ${q(preload)} ${q(CLI)} < ${q(oneLine)} > /dev/null`);
row('start-up, one line, with lexicon (cached)', `${fmt(withLex, 0)} ms`, '< 300 ms', withLex < 300, `CPU time ${fmt(withLexCpu, 0)} ms; first run ever, compiling the cache: ${fmt(cold, 1)} s`);

// Memory while streaming.
row('peak RSS, clean pipe (001–003)', clean.peakMb ? `${fmt(clean.peakMb, 0)} MB` : 'n/a', '', true, gnuTime ? '' : 'no /usr/bin/time');
row('peak RSS, damaged pipe', damaged.peakMb ? `${fmt(damaged.peakMb, 0)} MB` : 'n/a', '', true);
if (!quick) {
  // As many copies of the clean corpus (up to 500 MB) as the budget allows at the rate measured above.
  const cleanCopies = Math.max(1, Math.min(5, Math.floor((cleanRate * MB * BUDGET_SECONDS) / size(cleanFile))));
  const big = timed(`cat ${Array.from({ length: cleanCopies }, () => q(cleanFile)).join(' ')} | ${node} > /dev/null`);
  row(
    `peak RSS, ${fmt((cleanCopies * size(cleanFile)) / MB, 0)} MB clean stream`,
    big.peakMb ? `${fmt(big.peakMb, 0)} MB` : 'n/a',
    '< 300 MB',
    big.peakMb !== undefined && big.peakMb < 300,
    `${fmt((cleanCopies * size(cleanFile)) / MB / big.seconds)} MB/s${cleanCopies < 5 ? `; 500 MB would not fit the ${BUDGET_SECONDS} s budget` : ''}`,
  );
  // As much of a 500 MB damaged stream as the budget allows (memory must not grow with it).
  const copies = Math.max(1, Math.min(5, Math.floor((withinBudget(5 * size(damagedFile)) / size(damagedRun)) + 1e-9)));
  const streamed = copies * size(damagedRun);
  const bigDamaged = timed(`cat ${Array.from({ length: copies }, () => q(damagedRun)).join(' ')} | ${node} > /dev/null`);
  row(
    `peak RSS, ${fmt(streamed / MB, 0)} MB damaged stream`,
    bigDamaged.peakMb ? `${fmt(bigDamaged.peakMb, 0)} MB` : 'n/a',
    '< 300 MB',
    bigDamaged.peakMb !== undefined && bigDamaged.peakMb < 300,
    `${fmt(streamed / MB / bigDamaged.seconds, 2)} MB/s${streamed < 5 * size(damagedFile) ? `; ${fmt((5 * size(damagedFile)) / MB, 0)} MB would not fit the ${BUDGET_SECONDS} s budget` : ''}`,
  );
}

// How much parallelism the machine gives right now: the same pure-CPU loop on
// one thread, then on two at once. On a busy machine no --jobs can beat this.
const burn = join(work, 'burn.mjs');
writeFileSync(
  burn,
  `import { Worker } from 'node:worker_threads';
const code = 'let x = 0; for (let i = 0; i < 4e8; i++) x += i % 7; require("node:worker_threads").parentPort.postMessage(x);';
const run = (n) => Promise.all(Array.from({ length: n }, () => new Promise((r) => new Worker(code, { eval: true }).once('message', r))));
let t = performance.now(); await run(1); const one = performance.now() - t;
t = performance.now(); await run(2); const two = performance.now() - t;
console.log((2 * one / two).toFixed(2));`,
);
const available = Number(execFileSync('node', [burn], { encoding: 'utf8' }).trim());
row('parallelism available (a CPU loop on 1 vs 2 threads)', `${fmt(available, 2)}×`, 'yardstick', true, 'the ceiling for --jobs 2 at this moment');

// --jobs 2 against --jobs 1 on many files (a mix of damaged and clean).
const many = join(work, 'many');
mkdirSync(many);
const perFile = [repeatTo([seed(0)], 256e3), repeatTo([seed(4)], 256e3), repeatTo(cleanTexts, 512e3)];
const fileCount = quick ? 48 : 120;
for (let i = 0; i < fileCount; i++) writeFileSync(join(many, `f${String(i).padStart(3, '0')}.txt`), perFile[i % 3]);
const manyBytes = readdirSync(many).reduce((n, f) => n + size(join(many, f)), 0);
const jobs1 = timed(`${node} -q --no-report --jobs 1 -o ${q(join(work, 'o1'))} ${q(many)}/*.txt`).seconds;
const jobs2 = timed(`${node} -q --no-report --jobs 2 -o ${q(join(work, 'o2'))} ${q(many)}/*.txt`).seconds;
const same = spawnSync('diff', ['-r', join(work, 'o1'), join(work, 'o2')]).status === 0;
row(
  `--jobs 2 vs --jobs 1, ${fileCount} files, ${fmt(manyBytes / MB, 0)} MB`,
  `${fmt(jobs1 / jobs2, 2)}×`,
  '≥ 1.7×',
  jobs1 / jobs2 >= 1.7,
  `${fmt(jobs1, 1)} s → ${fmt(jobs2, 1)} s; outputs ${same ? 'identical' : 'DIFFER'}; ${cpus().length} cores, availableParallelism ${availableParallelism()}`,
);

// pdftotext on a PDF of repeated clean text, and fix-arabic on the text it extracts.
if (has('pdftotext') && has('soffice')) {
  mkdirSync(cacheDir, { recursive: true });
  // About 3 MB of text, so that start-up does not dominate either side.
  const source = repeatTo(cleanTexts.slice(0, 2), 3e6);
  const key = createHash('sha1').update(source).digest('hex').slice(0, 12);
  const pdf = join(cacheDir, `clean-${key}.pdf`);
  if (!existsSync(pdf)) {
    log('making the PDF once with soffice (a few minutes; cached for later runs)…');
    const txt = join(work, `clean-${key}.txt`);
    writeFileSync(txt, source);
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, txt], { stdio: 'ignore' });
    copyFileSync(join(work, `clean-${key}.pdf`), pdf);
  }
  const extracted = join(work, 'extracted.txt');
  const pdfRun = timed(`pdftotext ${q(pdf)} ${q(extracted)}`).seconds;
  const pdfRate = size(extracted) / MB / pdfRun;
  const ours = timed(`${node} < ${q(extracted)} > /dev/null`).seconds;
  const oursRate = size(extracted) / MB / ours;
  row('pdftotext on a PDF of clean text', `${fmt(pdfRate, 2)} MB/s of text`, 'yardstick', true, `${fmt(size(extracted) / MB, 2)} MB in ${fmt(pdfRun, 2)} s`);
  row('fix-arabic on the text pdftotext extracted', `${fmt(oursRate, 2)} MB/s`, '≥ pdftotext', oursRate >= pdfRate, `${fmt(ours, 2)} s, start-up included`);
} else {
  row('pdftotext yardstick', 'skipped', '', true, 'pdftotext or soffice is not installed');
}

rmSync(work, { recursive: true, force: true });

// ---- report ----------------------------------------------------------------
const out = ['', `| measurement | result | target | | note |`, `| --- | ---: | --- | :-: | --- |`];
for (const r of rows) out.push(`| ${r.what} | ${r.value} | ${r.target} | ${r.target && r.target !== 'yardstick' ? (r.ok ? '✓' : '✗') : ''} | ${r.note} |`);
out.push(
  '',
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; load average at start ${loadAtStart.map((x) => x.toFixed(2)).join(' ')}, at end ${loadavg().map((x) => x.toFixed(2)).join(' ')} (wall-clock numbers are only meaningful on an idle machine).`,
  'Damaged-text numbers depend on the rules registered now.',
  '',
);
process.stdout.write(out.join('\n'));

