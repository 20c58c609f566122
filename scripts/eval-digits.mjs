#!/usr/bin/env node
/**
 * Measures the digit and PUA rules against texts with known damage (nothing here is
 * a copy of them; pass the folders):
 *   node scripts/eval-digits.mjs --sim <dir with dropped/ and pua/> --truth <dir with NNN.marked.txt> --letters <corpus dir>
 * - dropped/: every `*.input.txt` with `*.sites.json` (line, column of each dropped
 *   number): a flag of flag-dropped-digits on the same input line within 2 columns
 *   counts as finding the site;
 * - pua/: numbers hidden as PUA codes: how many come out as the right digits;
 * - --truth: seeds' hand-marked truth: flags on the corrected text must sit exactly
 *   at the ⟦#⟧ marks;
 * - --letters <dir>: every `<sub>/truth.txt` under dir is clean text; each of a few
 *   letter pairs is hidden behind two PUA codes wherever it follows a letter (as a
 *   font without a mapping for that glyph pair would), and private-use-letters must
 *   give the text back.
 * Run `npm run build` first.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fixText, RULES } from '../dist/index.js';

const args = process.argv.slice(2);
const arg = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const verbose = args.includes('--verbose');
const only = (ids) => ({ enable: ids, disable: RULES.map((r) => r.id).filter((id) => !ids.includes(id)) });

function evalDropped(dir) {
  let sites = 0, found = 0, flags = 0, correct = 0;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.input.txt')).sort()) {
    const input = readFileSync(join(dir, f), 'utf8');
    const truth = JSON.parse(readFileSync(join(dir, f.replace('.input.txt', '.sites.json')), 'utf8'));
    const r = fixText(input);
    const mine = r.flags.filter((x) => x.rule === 'flag-dropped-digits');
    const near = (a, b) => a.line === b.line && Math.abs(a.column - b.column) <= 2;
    const hit = truth.sites.filter((s) => mine.some((m) => near(m, s)));
    const good = mine.filter((m) => truth.sites.some((s) => near(m, s)));
    sites += truth.sites.length; found += hit.length; flags += mine.length; correct += good.length;
    if (verbose) {
      for (const s of truth.sites) if (!hit.includes(s)) console.log(`  missed ${f}:${s.line}:${s.column} ${s.digits} «${input.split('\n')[s.line - 1].slice(Math.max(0, s.column - 25), s.column + 15)}»`);
      for (const m of mine) if (!good.includes(m)) console.log(`  extra  ${f}:${m.line}:${m.column} ${m.kind} «${m.context}»`);
    }
  }
  console.log(`dropped: ${found}/${sites} sites found (${pct(found, sites)}), ${correct}/${flags} flags correct (${pct(correct, flags)})`);
}

function evalPua(dir) {
  let numbers = 0, right = 0, wrong = 0, files = 0, left = 0;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.input.txt')).sort()) {
    const input = readFileSync(join(dir, f), 'utf8');
    const truth = JSON.parse(readFileSync(join(dir, f.replace('.input.txt', '.sites.json')), 'utf8'));
    const expected = truth.numbers.filter((n) => n.fate === 'pua').map((n) => n.digits);
    const r = fixText(input, only(['private-use-digits']));
    const got = r.changes.filter((c) => c.rule === 'private-use-digits').map((c) => c.after);
    const pool = [...expected];
    let ok = 0;
    for (const g of got) {
      const i = pool.indexOf(g);
      if (i >= 0) { pool.splice(i, 1); ok++; } else wrong++;
    }
    numbers += expected.length; right += ok; files++;
    left += (r.text.match(/[\ue000-\uf8ff]/g) ?? []).length;
    if (verbose && (pool.length || got.length !== ok)) console.log(`  ${f}: missed ${pool.join(' ')}; wrong ${got.filter((g) => !expected.includes(g)).join(' ')}; flags ${r.flags.map((x) => x.kind).join(' ')}`);
  }
  console.log(`pua: ${right}/${numbers} numbers decoded right (${pct(right, numbers)}), ${wrong} wrong, ${left} PUA codes left, ${files} files`);
}

function evalMarked(dir) {
  const MARK = '⟦#⟧';
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.marked.txt')).sort()) {
    const marked = readFileSync(join(dir, f), 'utf8');
    const expected = marked.split(MARK).join('');
    const r = fixText(expected, { ...only(['flag-dropped-digits']), markMissing: true });
    const sites = [];
    for (let i = 0, clean = 0; i < marked.length; ) {
      if (marked.startsWith(MARK, i)) { sites.push(clean); i += MARK.length; } else { clean++; i++; }
    }
    const at = r.flags.map((x) => x.offset);
    const hit = sites.filter((s) => at.includes(s)).length;
    console.log(`${f}: ${hit}/${sites.length} marks found exactly, ${r.flags.length - at.filter((o) => sites.includes(o)).length} extra flags, marked text ${r.text === marked ? 'identical' : 'differs'}`);
  }
}

function evalLetters(dir) {
  const PAIRS = ['رج', 'زع', 'رح', 'لم', 'مح', 'لح', 'رخ', 'زج', 'تح', 'بح'];
  let cases = 0, restored = 0, wrong = 0, flagged = 0;
  for (const sub of readdirSync(dir).sort()) {
    const f = join(dir, sub, 'truth.txt');
    if (!existsSync(f) || /-(chromium|xelatex)$/.test(sub)) continue; // same text, other renderers
    const text = readFileSync(f, 'utf8');
    PAIRS.forEach((pair, k) => {
      const re = new RegExp(`(?<=[\u0621-\u064a])${pair}`, 'g');
      if (!re.test(text)) return;
      const hidden = text.replace(re, String.fromCharCode(0xe100 + 2 * k, 0xe101 + 2 * k));
      const r = fixText(hidden, only(['private-use-letters']));
      cases++;
      if (r.text === text) restored++;
      else if (r.changes.length && r.changes.some((c) => c.after !== pair)) {
        wrong++;
        if (verbose) console.log(`  wrong ${sub} ${pair}: ${r.changes[0].reason.slice(0, 100)}`);
      } else flagged++;
    });
  }
  console.log(`letters: ${cases} hidden pairs: ${restored} restored, ${wrong} read wrong, ${flagged} flagged or partly restored`);
}

function pct(a, b) {
  return b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`;
}

const sim = arg('--sim');
const truth = arg('--truth');
if (sim && existsSync(join(sim, 'dropped'))) evalDropped(join(sim, 'dropped'));
if (sim && existsSync(join(sim, 'pua'))) evalPua(join(sim, 'pua'));
if (truth) evalMarked(truth);
if (arg('--letters')) evalLetters(arg('--letters'));
if (!sim && !truth && !arg('--letters')) console.error('usage: node scripts/eval-digits.mjs [--sim DIR] [--truth DIR] [--letters DIR] [--verbose]');
