#!/usr/bin/env node
// Builds the simulated evaluation corpus fixtures/sim/<set>/ from the clean texts in
// fixtures/sim/source/*.txt, with the damage simulator compiled to dist/ (run `npx tsc` or
// `npm run build` first). Fixed seeds: the output is byte-for-byte reproducible.
//
//   node scripts/build-sim-corpus.mjs          write the sets (stale files are removed)
//   node scripts/build-sim-corpus.mjs --check  exit 1 if the committed sets differ from a rebuild
//
// For every source <name>.txt and set it writes <name>.input.txt (damaged), <name>.truth.txt
// (line-aligned repair target) and <name>.sites.json (dropped-number sites, every number, and
// the damage applied to each line).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIM_DIR = path.join(ROOT, 'fixtures', 'sim');

/** The sets: simulator options (seed added per file), and whether letters are shaped. */
export const SETS = {
  // Like seed 000: reversed runs, split words, justification tatweel, every digit dropped.
  dropped: { options: { digits: 'drop' } },
  // Like seed 004, but with the digits under another consecutive base (0 = U+F030).
  pua: { options: { digits: 'pua', puaBase: 0xf030 } },
  // Whole lines in visual order (mutool/pypdf style), digits and Latin kept left-to-right.
  visual: { options: { visual: true, digits: 'keep' } },
  // Presentation forms laid out in visual order; in every second file (by name) the lam-alef
  // ligatures are expanded back to two letters after layout, so they read in the wrong order.
  presentation: { options: { visual: true, digits: 'keep' }, shaped: true },
};

/** 32-bit FNV-1a of `set/name`: a seed that does not move when files are added. */
export function seedFor(set, name) {
  let h = 0x811c9dc5;
  for (const ch of `${set}/${name}`) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h | 0;
}

/** Read fixtures/sim/source/*.txt as [{name, text}] sorted by name. */
export function readSources(dir = path.join(SIM_DIR, 'source')) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.slice(0, -4), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

// JSON with one array element per line: small diffs, still easy to read.
function formatJson(obj) {
  const lines = ['{'];
  const keys = Object.keys(obj);
  keys.forEach((k, i) => {
    const v = obj[k];
    const comma = i < keys.length - 1 ? ',' : '';
    if (Array.isArray(v) && v.length > 0) {
      lines.push(`  ${JSON.stringify(k)}: [`);
      v.forEach((e, j) => lines.push(`    ${JSON.stringify(e)}${j < v.length - 1 ? ',' : ''}`));
      lines.push(`  ]${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)}${comma}`);
    }
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}

/**
 * Build every set in memory. `sim` supplies `simulateDamage` and `simulateDamageShaped`
 * (from dist/ for the script, from src/ in the tests). Returns Map<path relative to fixtures/sim, content>.
 */
export function buildFiles(sources, sim) {
  const files = new Map();
  for (const [set, spec] of Object.entries(SETS)) {
    sources.forEach(({ name, text }, index) => {
      const seed = seedFor(set, name);
      const options = { ...spec.options, seed };
      if (spec.shaped && index % 2 === 1) options.decomposeLamAlef = true;
      const r = spec.shaped ? sim.simulateDamageShaped(text, options) : sim.simulateDamage(text, options);
      const meta = {
        version: 1,
        set,
        source: `source/${name}.txt`,
        options: { ...options, presentationForms: spec.shaped === true },
        width: r.width,
        sites: r.sites,
        numbers: r.numbers,
        lines: r.lines
          .filter((l) => l.kinds.length > 0)
          .map((l) => ({ line: l.line, damaged: l.damaged, kinds: l.kinds, ...(l.cuts ? { cuts: l.cuts } : {}) })),
      };
      files.set(`${set}/${name}.input.txt`, r.input);
      files.set(`${set}/${name}.truth.txt`, r.truth);
      files.set(`${set}/${name}.sites.json`, formatJson(meta));
    });
  }
  return files;
}

async function main() {
  const check = process.argv.includes('--check');
  const dist = path.join(ROOT, 'dist', 'simulate');
  if (!fs.existsSync(path.join(dist, 'damage.js'))) {
    console.error('build-sim-corpus: dist/simulate/damage.js is missing; run `npx tsc -p tsconfig.sim.json` (or `npm run build`) first');
    process.exit(2);
  }
  const { simulateDamage } = await import(pathToFileURL(path.join(dist, 'damage.js')).href);
  const { simulateDamageShaped } = await import(pathToFileURL(path.join(dist, 'shape.js')).href);
  const files = buildFiles(readSources(), { simulateDamage, simulateDamageShaped });
  const differ = [];
  for (const set of Object.keys(SETS)) {
    const dir = path.join(SIM_DIR, set);
    const present = fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => `${set}/${f}`) : [];
    for (const rel of present) {
      if (files.has(rel)) continue;
      differ.push(`stale ${rel}`);
      if (!check) fs.rmSync(path.join(SIM_DIR, rel));
    }
  }
  for (const [rel, content] of files) {
    const file = path.join(SIM_DIR, rel);
    const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (old === content) continue;
    differ.push(`${old === null ? 'new' : 'changed'} ${rel}`);
    if (!check) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
  }
  if (check) {
    if (differ.length) {
      console.error(`build-sim-corpus --check: ${differ.length} file(s) differ from a rebuild:\n  ${differ.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`build-sim-corpus --check: ${files.size} files up to date`);
  } else {
    console.log(`build-sim-corpus: ${files.size} files in ${Object.keys(SETS).length} sets, ${differ.length} written or removed`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
