#!/usr/bin/env node
// Character error rate of each raw extraction in the real-PDF corpus.
//
// For every entry fixtures/pdf/<entry>/ (a directory with truth.txt) and every
// extractor output <extractor>.txt next to it:
//   normalise both texts: remove U+0640 (tatweel), collapse every run of
//   whitespace (JS \s: spaces, line breaks, form feeds, NBSP ...) to one
//   space, trim the ends;
//   CER = Levenshtein distance (over code points) / length of the truth.
// Bidi controls, presentation forms etc. are NOT removed by the main
// measure: they are part of the damage. A second column ("-bidi") also removes
// U+200E U+200F U+202A-U+202E U+2066-U+2069 from the extraction, to show how
// much of the error is only those invisible controls.
//
// Usage: node scripts/cer.mjs [--per-entry] [--json] [corpus-dir]
//   default corpus-dir: fixtures/pdf
// Groups: typesetter x font, from each entry's meta.json.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const perEntry = args.includes('--per-entry');
const asJson = args.includes('--json');
const dir = args.find((a) => !a.startsWith('--')) ?? 'fixtures/pdf';

const EXTRACTORS = ['pdftotext', 'pdftotext-raw', 'pdftotext-layout', 'mutool', 'pdfjs'];
const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

export function normalise(s) {
  return s.replace(/\u0640/gu, '').replace(/\s+/gu, ' ').trim();
}

export function levenshtein(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = new Int32Array(y.length + 1);
  let cur = new Int32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      const sub = prev[j - 1] + (xi === y[j - 1] ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length];
}

function main() {
  const entries = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'truth.txt')))
    .map((d) => d.name)
    .sort();
  if (entries.length === 0) {
    process.stderr.write(`no entries with truth.txt under ${dir}\n`);
    process.exit(1);
  }

  const rows = [];
  for (const name of entries) {
    const base = path.join(dir, name);
    const meta = JSON.parse(fs.readFileSync(path.join(base, 'meta.json'), 'utf8'));
    const group = `${meta.typesetter.split(' ')[0]}/${meta.font}`;
    const truth = normalise(fs.readFileSync(path.join(base, 'truth.txt'), 'utf8'));
    const truthLen = Array.from(truth).length;
    for (const ex of EXTRACTORS) {
      const file = path.join(base, `${ex}.txt`);
      if (!fs.existsSync(file)) continue;
      const raw = fs.readFileSync(file, 'utf8');
      const dist = levenshtein(normalise(raw), truth);
      const distNoBidi = levenshtein(normalise(raw.replace(BIDI, '')), truth);
      rows.push({ entry: name, group, extractor: ex, truthLen, dist, distNoBidi });
    }
  }

  const groups = [...new Set(rows.map((r) => r.group))].sort();
  const agg = (filter) => {
    const rs = rows.filter(filter);
    const len = rs.reduce((s, r) => s + r.truthLen, 0);
    return {
      n: rs.length,
      cer: len ? rs.reduce((s, r) => s + r.dist, 0) / len : NaN,
      cerNoBidi: len ? rs.reduce((s, r) => s + r.distNoBidi, 0) / len : NaN,
    };
  };
  const summary = EXTRACTORS.map((ex) => ({
    extractor: ex,
    all: agg((r) => r.extractor === ex),
    groups: Object.fromEntries(groups.map((g) => [g, agg((r) => r.extractor === ex && r.group === g)])),
  }));

  if (asJson) {
    process.stdout.write(JSON.stringify({ entries: entries.length, summary, rows: perEntry ? rows : undefined }, null, 2) + '\n');
    return;
  }

  const pct = (v) => (Number.isNaN(v) ? '-' : `${(v * 100).toFixed(1)}%`);
  const counts = groups.map((g) => `${g}: ${new Set(rows.filter((r) => r.group === g).map((r) => r.entry)).size}`);
  const out = [];
  out.push(`CER of raw extraction vs truth (whitespace runs -> one space, U+0640 removed); ${entries.length} entries (${counts.join(', ')})`);
  out.push('CER = sum of Levenshtein distances / sum of truth lengths; "-bidi" = same after also deleting U+200E/U+200F/U+202A-U+202E/U+2066-U+2069 from the extraction');
  out.push('');
  const header = ['extractor', 'all', 'all -bidi', ...groups.flatMap((g) => [g, `${g} -bidi`])];
  out.push(`| ${header.join(' | ')} |`);
  out.push(`|${header.map(() => '---').join('|')}|`);
  for (const s of summary) {
    const cells = [s.extractor, pct(s.all.cer), pct(s.all.cerNoBidi), ...groups.flatMap((g) => [pct(s.groups[g].cer), pct(s.groups[g].cerNoBidi)])];
    out.push(`| ${cells.join(' | ')} |`);
  }
  if (perEntry) {
    out.push('');
    out.push(`| entry | ${EXTRACTORS.join(' | ')} |`);
    out.push(`|---|${EXTRACTORS.map(() => '---').join('|')}|`);
    for (const name of entries) {
      const cells = EXTRACTORS.map((ex) => {
        const r = rows.find((x) => x.entry === name && x.extractor === ex);
        return r ? pct(r.dist / r.truthLen) : '-';
      });
      out.push(`| ${name} | ${cells.join(' | ')} |`);
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
