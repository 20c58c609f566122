#!/usr/bin/env node
// Evaluation harness of fix-arabic: runs fixText() over the evaluation sets and prints, per set,
// how much damage there was and how much of it the tool repaired. `npm run eval` builds first.
//
//   node scripts/eval.mjs [--set NAME[,NAME…]] [--json FILE] [--files] [--lib PATH] [--root DIR]
//
//   --set    run only these sets (see the list below; `pdf` selects every pdf-<extractor> set)
//   --json   also write every number (per set and per file) to FILE
//   --files  print a row per file under each set
//   --lib    module exporting fixText (default dist/index.js)
//   --root   project root holding seeds/ and fixtures/ (default: this script's parent)
//
// Sets: seeds (fixtures/seeds/000|004.expected.txt, line-aligned; sites from 00N.marked.txt),
// clean (seeds 001–003, fixtures/sim/source/*.txt, fixtures/pdf/*/truth.txt: must come out
// unchanged), sim-dropped, sim-pua, sim-visual, sim-presentation (fixtures/sim/<set>/) and
// pdf-<extractor> (fixtures/pdf/<doc>/<extractor>.txt against truth.txt; file-level only).
//
// Line metrics compare normalised lines (metrics.mjs normalize: tatweel and bidi controls
// removed, whitespace collapsed, trimmed), except "clean lines changed", which is exact:
// a line whose input equals its truth byte for byte must come out byte for byte.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { charDistance, codePoints, matchSites, normalize, sitesFromMarked, wordDistance, words } from './metrics.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_ROOT = path.resolve(HERE, '..');
export const DROPPED_DIGITS_RULE = 'flag-dropped-digits';
const SIM_SETS = ['dropped', 'pua', 'visual', 'presentation'];

const read = (f) => fs.readFileSync(f, 'utf8');
const listDir = (d) => (fs.existsSync(d) ? fs.readdirSync(d).sort() : []);
const isDir = (d) => fs.existsSync(d) && fs.statSync(d).isDirectory();

/**
 * The evaluation sets found under `root`: [{name, aligned, cases: [{name, input, truth, sites}], note}].
 * `sites` is null when unknown (no site metrics), [] when the file has none.
 */
export function discoverSets(root = DEFAULT_ROOT) {
  const sets = [];
  const seedFile = (id) => listDir(path.join(root, 'seeds')).find((f) => f.startsWith(`${id}_`) && f.endsWith('.txt'));

  // seeds: the real damaged samples against their expected text.
  const seedCases = [];
  const seedsDir = path.join(root, 'fixtures', 'seeds');
  for (const id of ['000', '004']) {
    const expected = path.join(seedsDir, `${id}.expected.txt`);
    const inputName = seedFile(id);
    if (!fs.existsSync(expected) || !inputName) continue;
    const input = read(path.join(root, 'seeds', inputName));
    let sites = null;
    const sitesJson = path.join(seedsDir, `${id}.sites.json`);
    const marked = path.join(seedsDir, `${id}.marked.txt`);
    if (fs.existsSync(sitesJson)) {
      const j = JSON.parse(read(sitesJson));
      sites = Array.isArray(j) ? j : j.sites;
    } else if (fs.existsSync(marked)) {
      sites = sitesFromMarked(read(marked), input);
    }
    seedCases.push({ name: inputName, input, truth: read(expected), sites });
  }
  sets.push({ name: 'seeds', aligned: true, cases: seedCases, note: seedCases.length ? '' : 'no fixtures/seeds/*.expected.txt yet' });

  // clean: text that must pass through unchanged.
  const clean = [];
  for (const id of ['001', '002', '003']) {
    const f = seedFile(id);
    if (f) { const t = read(path.join(root, 'seeds', f)); clean.push({ name: `seeds/${f}`, input: t, truth: t, sites: [] }); }
  }
  for (const f of listDir(path.join(root, 'fixtures', 'sim', 'source')).filter((x) => x.endsWith('.txt'))) {
    const t = read(path.join(root, 'fixtures', 'sim', 'source', f));
    clean.push({ name: `sim/source/${f}`, input: t, truth: t, sites: [] });
  }
  const pdfRoot = path.join(root, 'fixtures', 'pdf');
  const pdfDocs = listDir(pdfRoot).filter((d) => isDir(path.join(pdfRoot, d)) && fs.existsSync(path.join(pdfRoot, d, 'truth.txt')));
  for (const d of pdfDocs) {
    const t = read(path.join(pdfRoot, d, 'truth.txt'));
    clean.push({ name: `pdf/${d}/truth.txt`, input: t, truth: t, sites: [] });
  }
  sets.push({ name: 'clean', aligned: true, cases: clean, note: '' });

  // sim-*: the simulated corpus (scripts/build-sim-corpus.mjs).
  for (const set of SIM_SETS) {
    const dir = path.join(root, 'fixtures', 'sim', set);
    const cases = listDir(dir)
      .filter((f) => f.endsWith('.input.txt'))
      .map((f) => {
        const base = f.slice(0, -'.input.txt'.length);
        const sitesFile = path.join(dir, `${base}.sites.json`);
        return {
          name: base,
          input: read(path.join(dir, f)),
          truth: read(path.join(dir, `${base}.truth.txt`)),
          sites: fs.existsSync(sitesFile) ? JSON.parse(read(sitesFile)).sites : null,
        };
      });
    sets.push({ name: `sim-${set}`, aligned: true, cases, note: cases.length ? '' : `no fixtures/sim/${set}/` });
  }

  // pdf-<extractor>: real extractions of typeset PDFs (truth is not line-aligned).
  const byExtractor = new Map();
  for (const d of pdfDocs) {
    const truth = read(path.join(pdfRoot, d, 'truth.txt'));
    for (const f of listDir(path.join(pdfRoot, d)).filter((x) => x.endsWith('.txt') && x !== 'truth.txt')) {
      const ex = f.slice(0, -4);
      if (!byExtractor.has(ex)) byExtractor.set(ex, []);
      byExtractor.get(ex).push({ name: d, input: read(path.join(pdfRoot, d, f)), truth, sites: null });
    }
  }
  for (const [ex, cases] of [...byExtractor].sort(([a], [b]) => a.localeCompare(b))) sets.push({ name: `pdf-${ex}`, aligned: false, cases, note: '' });
  return sets;
}

function emptyTotals() {
  return { lines: 0, damaged: 0, restored: 0, cleanLines: 0, cleanChanged: 0, changedLines: 0, refChars: 0, refWords: 0, cerIn: 0, cerOut: 0, werIn: 0, werOut: 0 };
}

/** Line-aligned metrics of one file; falls back to file level if the truth is not aligned. */
function alignedMetrics(input, truth, output) {
  const inL = input.split('\n');
  const trL = truth.split('\n');
  const outL = output.split('\n');
  const t = emptyTotals();
  const n = Math.max(inL.length, trL.length);
  for (let i = 0; i < n; i++) {
    const inRaw = inL[i] ?? '';
    const trRaw = trL[i] ?? '';
    const outRaw = outL[i] ?? '';
    const inN = normalize(inRaw);
    const trN = normalize(trRaw);
    const outN = normalize(outRaw);
    if (outRaw !== inRaw) t.changedLines++;
    if (inN === '' && trN === '') {
      // A blank line counts only when the tool turned it into text.
      if (outN !== '') { t.lines++; t.cleanLines++; t.cleanChanged++; }
      continue;
    }
    t.lines++;
    if (inRaw === trRaw) {
      t.cleanLines++;
      if (outRaw !== inRaw) t.cleanChanged++;
    }
    if (inN !== trN) {
      t.damaged++;
      if (outN === trN) t.restored++;
    }
    t.refChars += codePoints(trN);
    t.cerIn += charDistance(inN, trN);
    t.cerOut += charDistance(outN, trN);
    const tw = words(trN);
    t.refWords += tw.length;
    t.werIn += wordDistance(words(inN), tw);
    t.werOut += wordDistance(words(outN), tw);
  }
  return { totals: t, misaligned: outL.length !== inL.length };
}

function fileMetrics(input, truth, output) {
  const inN = normalize(input);
  const trN = normalize(truth);
  const outN = normalize(output);
  const t = emptyTotals();
  t.refChars = codePoints(trN);
  t.cerIn = charDistance(inN, trN);
  t.cerOut = charDistance(outN, trN);
  const tw = words(trN);
  t.refWords = tw.length;
  t.werIn = wordDistance(words(inN), tw);
  t.werOut = wordDistance(words(outN), tw);
  t.changedLines = output === input ? 0 : countChangedLines(input, output);
  return t;
}

function countChangedLines(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  let c = 0;
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) c++;
  return c;
}

const ratio = (a, b) => (b > 0 ? a / b : null);

function summarize(t, aligned) {
  const cerIn = ratio(t.cerIn, t.refChars);
  const cerOut = ratio(t.cerOut, t.refChars);
  const werIn = ratio(t.werIn, t.refWords);
  const werOut = ratio(t.werOut, t.refWords);
  return {
    ...(aligned
      ? { lines: t.lines, damaged: t.damaged, restored: t.restored, restoredShare: ratio(t.restored, t.damaged), cleanLines: t.cleanLines, cleanChanged: t.cleanChanged }
      : {}),
    changedLines: t.changedLines,
    cer: { input: cerIn, output: cerOut, reduction: cerIn ? (cerIn - cerOut) / cerIn : null },
    wer: { input: werIn, output: werOut, reduction: werIn ? (werIn - werOut) / werIn : null },
  };
}

/** Run fixText over the sets and return the report object (what --json writes). */
export async function runEval({ root = DEFAULT_ROOT, lib = path.join(root, 'dist', 'index.js'), sets: only = null } = {}) {
  const libPath = path.resolve(lib);
  if (!fs.existsSync(libPath)) throw new Error(`eval: ${libPath} not found; build first (npm run build) or pass --lib`);
  const mod = await import(pathToFileURL(libPath).href);
  if (typeof mod.fixText !== 'function') throw new Error(`eval: ${libPath} does not export fixText`);
  let sets = discoverSets(root);
  if (only) {
    const want = new Set(only);
    const unknown = [...want].filter((w) => w !== 'pdf' && !sets.some((s) => s.name === w));
    if (unknown.length) throw new Error(`eval: unknown set ${unknown.join(', ')}; sets here: ${sets.map((s) => s.name).join(', ')}`);
    sets = sets.filter((s) => want.has(s.name) || (want.has('pdf') && s.name.startsWith('pdf-')));
  }
  const report = { version: 1, lib: path.relative(root, libPath), sets: {} };
  for (const set of sets) {
    const total = emptyTotals();
    const files = [];
    let flagCount = 0;
    let ms = 0;
    let chars = 0;
    let misaligned = 0;
    const errors = [];
    const warnings = [];
    for (const c of set.cases) {
      const t0 = performance.now();
      let result;
      try {
        result = mod.fixText(c.input);
      } catch (e) {
        errors.push({ file: c.name, error: String(e?.stack ?? e) });
        continue;
      }
      const elapsed = performance.now() - t0;
      if (!result || typeof result.text !== 'string') {
        errors.push({ file: c.name, error: 'fixText did not return { text: string }' });
        continue;
      }
      ms += elapsed;
      chars += c.input.length;
      const flags = (Array.isArray(result.flags) ? result.flags : []).filter((f) => f && f.rule === DROPPED_DIGITS_RULE);
      flagCount += flags.length;
      let t;
      const fileAligned = set.aligned && c.input.split('\n').length === c.truth.split('\n').length;
      if (set.aligned && !fileAligned) warnings.push({ file: c.name, warning: 'truth is not line-aligned with the input; file-level metrics only' });
      if (fileAligned) {
        const m = alignedMetrics(c.input, c.truth, result.text);
        t = m.totals;
        if (m.misaligned) misaligned++;
      } else {
        t = fileMetrics(c.input, c.truth, result.text);
      }
      for (const k of Object.keys(total)) total[k] += t[k];
      const fileRow = { name: c.name, ...summarize(t, fileAligned), ms: elapsed };
      if (c.sites !== null) fileRow.sites = matchSites(c.sites, flags.map((f) => ({ line: f.line, column: f.column })));
      files.push(fileRow);
    }
    // Sites are matched per file (one-to-one, so matched sites = matched flags) and summed over
    // the files whose sites are known.
    const known = files.map((f) => f.sites).filter(Boolean);
    let sites = null;
    if (known.length) {
      const s = known.reduce((a, x) => ({ sites: a.sites + x.sites, flags: a.flags + x.flags, matched: a.matched + x.matched }), { sites: 0, flags: 0, matched: 0 });
      sites = { ...s, files: known.length, recall: ratio(s.matched, s.sites), precision: ratio(s.matched, s.flags) };
    }
    report.sets[set.name] = {
      kind: set.aligned ? 'line-aligned' : 'file',
      files: files.length,
      ...summarize(total, set.aligned),
      ...(set.aligned ? { misalignedFiles: misaligned } : {}),
      sites,
      droppedDigitFlags: flagCount,
      ms,
      charsPerSecond: ms > 0 ? (chars / ms) * 1000 : null,
      errors,
      warnings,
      note: set.note,
      fileResults: files,
    };
  }
  return report;
}

const pct = (x) => (x === null || x === undefined ? '—' : `${(100 * x).toFixed(1)}%`);
const num = (x) => (x === null || x === undefined ? '—' : String(x));

/** The report as a text table (one row per set, optionally per file). */
export function formatReport(report, { files = false } = {}) {
  const head = ['set', 'files', 'lines', 'damaged', 'restored', 'clean→changed', 'CER in→out', 'WER in→out', 'sites R', 'sites P', 'flags', 'time'];
  const rows = [];
  const row = (name, r, indent = '') => [
    indent + name,
    indent ? '' : num(r.files),
    num(r.lines),
    num(r.damaged),
    r.damaged === undefined ? '—' : `${r.restored} (${pct(r.restoredShare)})`,
    r.cleanLines === undefined ? '—' : `${r.cleanChanged}/${r.cleanLines}`,
    `${pct(r.cer.input)}→${pct(r.cer.output)}`,
    `${pct(r.wer.input)}→${pct(r.wer.output)}`,
    pct(r.sites?.recall),
    pct(r.sites?.precision),
    num(indent ? r.sites?.flags : r.droppedDigitFlags),
    `${Math.round(r.ms)} ms`,
  ];
  const skipped = [];
  for (const [name, r] of Object.entries(report.sets)) {
    if (r.files === 0) {
      skipped.push(`${name} (${r.note || 'no files'})`);
      continue;
    }
    rows.push(row(name, r));
    if (files) for (const f of r.fileResults) rows.push(row(f.name, f, '  '));
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? (c ?? '').padEnd(widths[i]) : (c ?? '').padStart(widths[i]))).join('  ');
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  if (skipped.length) out.push('', `skipped: ${skipped.join('; ')}`);
  const errs = Object.entries(report.sets).flatMap(([n, r]) => [
    ...r.errors.map((e) => `${n}: ${e.file}: ${e.error.split('\n')[0]}`),
    ...r.warnings.map((w) => `${n}: ${w.file}: ${w.warning}`),
  ]);
  if (errs.length) out.push('', 'problems:', ...errs.map((e) => `  ${e}`));
  out.push(
    '',
    'damaged: input line ≠ truth line; restored: output line = truth line (both after normalising tatweel, bidi controls, whitespace);',
    'clean→changed: lines whose input equals the truth exactly but come out different; sites R/P: dropped-digit flags (rule',
    `${DROPPED_DIGITS_RULE}) on the same line within 3 columns of a known site; flags: all such flags; time: fixText only.`,
  );
  return out.join('\n');
}

function parseArgs(argv) {
  const o = { sets: null, json: null, files: false, lib: null, root: DEFAULT_ROOT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`eval: ${a} needs a value`);
      return v;
    };
    if (a === '--set') o.sets = [...(o.sets ?? []), ...value().split(',').filter(Boolean)];
    else if (a === '--json') o.json = value();
    else if (a === '--files') o.files = true;
    else if (a === '--lib') o.lib = value();
    else if (a === '--root') o.root = path.resolve(value());
    else if (a === '--help' || a === '-h') o.help = true;
    else throw new Error(`eval: unknown argument ${a} (see --help)`);
  }
  return o;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  if (args.help) {
    const src = read(fileURLToPath(import.meta.url)).split('\n');
    console.log(src.slice(1, src.findIndex((l) => l.startsWith('import'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    return;
  }
  let report;
  try {
    report = await runEval({ root: args.root, lib: args.lib ?? path.join(args.root, 'dist', 'index.js'), sets: args.sets });
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  console.log(formatReport(report, { files: args.files }));
  if (args.json) {
    fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
    fs.writeFileSync(args.json, JSON.stringify(report, null, 2) + '\n');
    console.error(`eval: wrote ${args.json}`);
  }
  if (Object.values(report.sets).some((s) => s.errors.length > 0)) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
