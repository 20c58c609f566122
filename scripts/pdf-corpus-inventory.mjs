#!/usr/bin/env node
// Inventory of the damage in the real-PDF corpus, per typesetter/font group and
// extractor: which unexpected code points occur (bidi controls, presentation
// forms, PUA, U+FFFD, C0/C1 controls, stray ASCII/Latin-1 glyph-fallback
// characters, tatweel), and a word-level profile of the extraction.
//
// Word profile: the extraction (bidi controls, C0/C1 controls and U+FFFD
// removed, i.e. as if unmapped kashida glyphs had been deleted) and
// the truth are cut into words at whitespace; leading/trailing punctuation is
// stripped. Each extracted Arabic word is put in the first class that fits:
//   ok        the word occurs in the truth
//   reversed  the word read backwards occurs in the truth (visual order)
//   swap      swapping two adjacent code points once gives a truth word
//             (e.g. lam-alef or other ligatures mapped in the wrong order,
//             or a haraka/tanween stored before instead of after its letter)
//   piece     the word is a piece of a split word: joined with the next or
//             previous extracted word it gives a truth word (or a reversed one)
//   other     anything else
// Only words containing an Arabic letter are profiled.
//
// Usage: node scripts/pdf-corpus-inventory.mjs [--examples[=N]] [corpus-dir]
//   (markdown on stdout; --examples lists the first N (default 6) distinct
//   words of each non-ok class per group and extractor)
import fs from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
const exArg = argv.find((a) => a.startsWith('--examples'));
const nExamples = exArg ? Number(exArg.split('=')[1] ?? 6) : 0;
const dir = argv.find((a) => !a.startsWith('--')) ?? 'fixtures/pdf';
const EXTRACTORS = ['pdftotext', 'pdftotext-raw', 'pdftotext-layout', 'mutool', 'pdfjs'];

const CLASSES = {
  'RLE U+202B': (c) => c === 0x202b,
  'LRE U+202A': (c) => c === 0x202a,
  'PDF U+202C': (c) => c === 0x202c,
  'LRO/RLO U+202D/E': (c) => c === 0x202d || c === 0x202e,
  'LRM/RLM U+200E/F': (c) => c === 0x200e || c === 0x200f,
  'isolates U+2066-9': (c) => c >= 0x2066 && c <= 0x2069,
  'pres. forms': (c) => (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefe),
  PUA: (c) => c >= 0xe000 && c <= 0xf8ff,
  'U+FFFD': (c) => c === 0xfffd,
  'C0 ctl (not \\n\\f)': (c) => c < 0x20 && c !== 0x0a && c !== 0x0c,
  'C1 ctl': (c) => c >= 0x7f && c < 0xa0,
  'U+0640': (c) => c === 0x0640,
  'form feed': (c) => c === 0x0c,
};

const strip = (s) => s.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, '').replace(/[\u0000-\u0009\u000B\u000D-\u001F\u007F-\u009F\uFFFD]/gu, '');
const PUNCT = /^[\s.,:;!?()«»"'\[\]{}<>\-–—/%٪،؛؟.…]+|[\s.,:;!?()«»"'\[\]{}<>\-–—/%٪،؛؟.…]+$/gu;
const words = (s) => s.split(/\s+/u).map((w) => w.replace(PUNCT, '')).filter(Boolean);
const isArabic = (w) => /[\u0621-\u064A]/u.test(w);
const rev = (w) => Array.from(w).reverse().join('');

function classify(ws, vocab, examples) {
  const counts = { ok: 0, reversed: 0, swap: 0, piece: 0, other: 0 };
  const note = (cls, w) => {
    counts[cls]++;
    if (examples && cls !== 'ok') (examples[cls] ??= new Set()).add(w);
  };
  const inV = (w) => vocab.has(w) || vocab.has(rev(w));
  ws.forEach((w, i) => {
    if (!isArabic(w)) return;
    if (vocab.has(w)) return note('ok', w);
    if (vocab.has(rev(w))) return note('reversed', w);
    const a = Array.from(w);
    for (let k = 0; k + 1 < a.length; k++) {
      const b = a.slice();
      [b[k], b[k + 1]] = [b[k + 1], b[k]];
      if (vocab.has(b.join(''))) return note('swap', w);
    }
    const prev = ws[i - 1] ?? '';
    const next = ws[i + 1] ?? '';
    if ((next && (inV(w + next) || inV(next + w))) || (prev && (inV(prev + w) || inV(w + prev)))) return note('piece', w);
    note('other', w);
  });
  return counts;
}

const entries = fs
  .readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'truth.txt')))
  .map((d) => d.name)
  .sort();

const data = new Map(); // key group|extractor -> {chars:{}, words:{}, strayAscii, n}
for (const name of entries) {
  const base = path.join(dir, name);
  const meta = JSON.parse(fs.readFileSync(path.join(base, 'meta.json'), 'utf8'));
  const group = `${meta.typesetter.split(' ')[0]}/${meta.font}`;
  const truth = fs.readFileSync(path.join(base, 'truth.txt'), 'utf8');
  const truthChars = new Set(Array.from(truth));
  const vocab = new Set(words(truth));
  for (const ex of EXTRACTORS) {
    const file = path.join(base, `${ex}.txt`);
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const key = `${group}|${ex}`;
    if (!data.has(key)) data.set(key, { group, ex, n: 0, chars: {}, stray: 0, words: { ok: 0, reversed: 0, swap: 0, piece: 0, other: 0 }, examples: {} });
    const d = data.get(key);
    d.n++;
    for (const ch of text) {
      const c = ch.codePointAt(0);
      for (const [k, f] of Object.entries(CLASSES)) if (f(c)) d.chars[k] = (d.chars[k] ?? 0) + 1;
      // printable ASCII / Latin-1 that the truth does not contain: glyph-fallback garbage
      if (((c >= 0x21 && c < 0x7f) || (c >= 0xa0 && c <= 0x24f) || c === 0x2122) && !truthChars.has(ch)) d.stray++;
    }
    const wc = classify(words(strip(text)), vocab, d.examples);
    for (const k of Object.keys(wc)) d.words[k] += wc[k];
  }
}

const out = [];
const keys = [...data.keys()].sort();
out.push(`Inventory over ${entries.length} entries (counts are totals over the group's files).`);
out.push('');
out.push('### Unexpected code points');
out.push('');
const cols = [...Object.keys(CLASSES), 'stray ASCII/Latin-1'];
out.push(`| group | extractor | files | ${cols.join(' | ')} |`);
out.push(`|---|---|---|${cols.map(() => '---:').join('|')}|`);
for (const k of keys) {
  const d = data.get(k);
  out.push(`| ${d.group} | ${d.ex} | ${d.n} | ${Object.keys(CLASSES).map((c) => d.chars[c] ?? 0).join(' | ')} | ${d.stray} |`);
}
out.push('');
out.push('### Word profile (share of extracted Arabic words)');
out.push('');
out.push('| group | extractor | words | ok | reversed | swap | piece | other |');
out.push('|---|---|---:|---:|---:|---:|---:|---:|');
for (const k of keys) {
  const d = data.get(k);
  const total = Object.values(d.words).reduce((a, b) => a + b, 0);
  const p = (v) => `${((100 * v) / total).toFixed(1)}%`;
  out.push(`| ${d.group} | ${d.ex} | ${total} | ${p(d.words.ok)} | ${p(d.words.reversed)} | ${p(d.words.swap)} | ${p(d.words.piece)} | ${p(d.words.other)} |`);
}
if (nExamples > 0) {
  out.push('');
  out.push('### Examples (first distinct words per class)');
  for (const k of keys) {
    const d = data.get(k);
    out.push('');
    out.push(`- **${d.group} / ${d.ex}**`);
    for (const cls of ['reversed', 'swap', 'piece', 'other']) {
      const xs = [...(d.examples[cls] ?? [])].slice(0, nExamples);
      if (xs.length) out.push(`  - ${cls}: ${xs.map((x) => '`' + x + '`').join(' ')}`);
    }
  }
}
process.stdout.write(out.join('\n') + '\n');
