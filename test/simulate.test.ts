import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KERNING_CLASS, simulateDamage, wrapParagraph, type SimOptions, type SimResult } from '../src/simulate/damage.js';
import { simulateDamageShaped, toPresentationForms } from '../src/simulate/shape.js';
import { hasEdgeFragment, simStats, textStats } from '../src/simulate/stats.js';
import { buildFiles, readSources, seedFor, SETS } from '../scripts/build-sim-corpus.mjs';
import { normalize } from '../scripts/metrics.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = readSources(path.join(ROOT, 'fixtures/sim/source'));
const SEED000 = fs.readFileSync(path.join(ROOT, 'seeds/000_bc3bc2b255e04556.txt'), 'utf8');
const TATWEEL = /\u0640/gu;
const countTatweel = (s: string): number => (s.match(TATWEEL) ?? []).length;
const lines = (s: string): string[] => s.split('\n');
/** A number as the simulator sees one: digits with inner separators, not glued to Latin letters. */
const NUMBER = /(?<![A-Za-z\d])\d+(?:[.,:/٫٬]\d+)*(?![\dA-Za-z])/gu;
const dropDigits = (s: string): string => s.replace(NUMBER, (m) => m.replace(/\d/gu, ''));

const CONFIGS: Record<string, Omit<SimOptions, 'seed'>> = {
  keep: {},
  drop: { digits: 'drop' },
  pua: { digits: 'pua', puaBase: 0xf030 },
  visual: { visual: true },
  dropEverywhere: { digits: 'drop', damageRate: 1 },
};

function runAll(config: Omit<SimOptions, 'seed'>, seedBase = 7): SimResult[] {
  return SOURCES.map(({ text }, i) => simulateDamage(text, { ...config, seed: seedBase + i }));
}

describe('source corpus', () => {
  it('has at least 20 texts of 120–300 words with years, percentages, amounts, Latin words and «quotes»', () => {
    expect(SOURCES.length).toBeGreaterThanOrEqual(20);
    for (const { name, text } of SOURCES) {
      const n = text.split(/\s+/u).filter((w) => w !== '').length;
      expect(n, name).toBeGreaterThanOrEqual(120);
      expect(n, name).toBeLessThanOrEqual(300);
    }
    const all = SOURCES.map((s) => s.text).join('\n');
    expect(all).toMatch(/عام \d{4}/u);
    expect(all).toMatch(/\d{1,2} (يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر) \d{4}/u);
    expect(all).toMatch(/\d+(\.\d+)?%/u);
    expect(all).toMatch(/\d+\.\d+ مليار دولار/u);
    expect(all).toMatch(/[A-Za-z]{3,}/u);
    expect(all).toMatch(/«[^»]+»/u);
  });
});

describe('simulateDamage: determinism and shape', () => {
  it('gives the same output for the same seed and a different one for another seed', () => {
    const text = SOURCES[0]!.text;
    const a = simulateDamage(text, { seed: 42, digits: 'drop' });
    const b = simulateDamage(text, { seed: 42, digits: 'drop' });
    const c = simulateDamage(text, { seed: 43, digits: 'drop' });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(c.input).not.toBe(a.input);
  });

  it.each(Object.keys(CONFIGS))('keeps input, truth and truthFull line-aligned (%s)', (name) => {
    for (const r of runAll(CONFIGS[name]!)) {
      const n = lines(r.input).length;
      expect(lines(r.truth).length).toBe(n);
      expect(lines(r.truthFull).length).toBe(n);
      expect(r.lines.length).toBe(n);
      r.lines.forEach((l, i) => expect(l.line).toBe(i + 1));
    }
  });

  it('loses nothing in wrapping: truthFull lines re-joined give the source paragraphs', () => {
    SOURCES.forEach(({ text }, i) => {
      const r = simulateDamage(text, { seed: i, digits: 'drop' });
      const paragraphs = text.split('\n').filter((p) => p.trim() !== '');
      const rejoined: string[] = [];
      let cur: string[] = [];
      for (const l of lines(r.truthFull)) {
        if (l.trim() === '') { if (cur.length) rejoined.push(cur.join(' ')); cur = []; } else cur.push(l);
      }
      if (cur.length) rejoined.push(cur.join(' '));
      expect(rejoined).toEqual(paragraphs);
    });
  });

  it('wraps at the width (a lone word longer than the width stands alone)', () => {
    const para = SOURCES[1]!.text.split('\n')[2]!;
    for (const w of [30, 60, 110]) {
      const out = wrapParagraph(para, w);
      expect(out.join(' ')).toBe(para);
      for (const l of out) expect(l.includes(' ') ? [...l].length <= w : true).toBe(true);
    }
  });

  it('rejects bad options with a clear error', () => {
    expect(() => simulateDamage('نص', { seed: 1.5 })).toThrow(/seed/u);
    expect(() => simulateDamage('نص', { seed: 1, presentationForms: true })).toThrow(/shape/u);
    expect(() => simulateDamage('نص', { seed: 1, digits: 'pua', puaBase: 0x41 })).toThrow(/puaBase/u);
    expect(() => simulateDamage('نص', { seed: 1, width: 5 })).toThrow(/width/u);
  });
});

describe('simulateDamage: the truth', () => {
  it('has no justification tatweel: only the tatweel the source itself has (لـ، بـ before a quote or digit)', () => {
    for (const name of Object.keys(CONFIGS)) {
      runAll(CONFIGS[name]!).forEach((r, i) => {
        expect(countTatweel(r.truth), SOURCES[i]!.name).toBe(countTatweel(SOURCES[i]!.text));
        expect(countTatweel(r.truthFull)).toBe(countTatweel(SOURCES[i]!.text));
      });
    }
    // The corpus does exercise that case, and the damaged side does carry justification tatweel.
    expect(SOURCES.some((s) => countTatweel(s.text) > 0)).toBe(true);
    expect(runAll(CONFIGS.drop!).some((r) => countTatweel(r.input) > countTatweel(r.truth))).toBe(true);
  });

  it('keeps digits when they are kept or hidden in the PUA, and drops exactly the dropped numbers', () => {
    runAll(CONFIGS.pua!).forEach((r) => expect(r.truth).toBe(r.truthFull));
    runAll(CONFIGS.keep!).forEach((r) => expect(r.truth).toBe(r.truthFull));
    runAll(CONFIGS.drop!).forEach((r) => expect(r.truth).toBe(dropDigits(r.truthFull)));
  });

  it('marks a line damaged exactly when the evaluation would count it damaged', () => {
    for (const name of Object.keys(CONFIGS)) {
      for (const r of runAll(CONFIGS[name]!)) {
        const inp = lines(r.input);
        const tr = lines(r.truth);
        r.lines.forEach((l, i) => expect(l.damaged).toBe(normalize(inp[i]!) !== normalize(tr[i]!)));
      }
    }
  });
});

describe('simulateDamage: reversed runs', () => {
  const results = runAll(CONFIGS.dropEverywhere!, 100).concat(runAll(CONFIGS.drop!, 200));

  it('emits the runs of a damaged line in reverse order, joined by single spaces', () => {
    let checked = 0;
    for (const r of results) {
      const inp = lines(r.input);
      for (const l of r.lines) {
        if (!l.runs) continue;
        checked++;
        expect(inp[l.line - 1]).toBe([...l.runs].reverse().join(' '));
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('recovers the truth line by putting the runs back in order (modulo the space at a mid-word cut)', () => {
    for (const r of results) {
      const tr = lines(r.truth);
      for (const l of r.lines) {
        if (!l.runs || !l.seps) continue;
        const logical = l.runs.map((run, k) => run + (l.seps![k] ?? '')).join('');
        expect(logical.replace(TATWEEL, '')).toBe(tr[l.line - 1]!.replace(TATWEEL, ''));
      }
    }
  });

  it('cuts mid-word only at kerning pairs of the class (after ا أ إ آ د ذ ر ز و ؤ ة ى, before ي/ك) and at kashida points', () => {
    const kinds = new Set<string>();
    for (const r of results) {
      for (const l of r.lines) {
        if (!l.runs || !l.seps || !l.cuts) continue;
        l.cuts.forEach((kind, k) => {
          kinds.add(kind);
          const left = l.runs![k]!;
          const right = l.runs![k + 1]!;
          if (kind === 'kerning') {
            expect(l.seps![k]).toBe('');
            expect(KERNING_CLASS).toContain(left.replace(/[\u064B-\u065F\u0670]+$/u, '').slice(-1) + right[0]);
          } else if (kind === 'kashida') {
            expect(l.seps![k]).toBe('');
            expect(right[0]).toBe('\u0640');
            expect(left.slice(-1)).toMatch(/[\u0621-\u064A\u064B-\u0652]/u);
          } else if (kind === 'space') {
            expect(l.seps![k]).toBe(' ');
          }
        });
      }
    }
    expect([...kinds].sort()).toEqual(['digit', 'kashida', 'kerning', 'space']);
  });

  it('cuts around every number of a damaged line: a run with a digit is that number alone', () => {
    let numberRuns = 0;
    for (const r of runAll({ damageRate: 1 }, 400)) {
      for (const l of r.lines) {
        for (const run of l.runs ?? []) {
          if (!/(?<![A-Za-z\d])\d/u.test(run)) continue;
          numberRuns++;
          expect(run).toMatch(/^\d+(?:[.,:/٫٬]\d+)*[،,.%؛]?$/u);
        }
      }
    }
    expect(numberRuns).toBeGreaterThan(100);
  });

  it('leaves tatweel-only lines in logical order', () => {
    for (const r of results) {
      const inp = lines(r.input);
      const tr = lines(r.truth);
      for (const l of r.lines) {
        if (l.runs || l.kinds.includes('reversed-runs')) continue;
        expect(inp[l.line - 1]!.replace(TATWEEL, '')).toBe(tr[l.line - 1]!.replace(TATWEEL, ''));
      }
    }
  });
});

describe('simulateDamage: digits', () => {
  it('reports dropped-number sites where the digits stood (putting them back gives the keep-mode input)', () => {
    SOURCES.forEach(({ text, name }, i) => {
      for (const damageRate of [0.33, 1]) {
        const kept = simulateDamage(text, { seed: 300 + i, damageRate });
        const dropped = simulateDamage(text, { seed: 300 + i, damageRate, digits: 'drop' });
        expect(dropped.sites.length, name).toBe(kept.numbers.length);
        // Same seed, same layout: the damaged input is the keep-mode input without its digits
        // (inner separators such as the "." of 1.5 stay, as in real extraction).
        expect(dropped.input, name).toBe(dropDigits(kept.input));
        // And every site column is where the kept input has the number.
        // Every site is where its number stands in the keep-mode input, shifted left by the
        // digits dropped before it on the same line.
        const keptLines = lines(kept.input);
        dropped.sites.forEach((s, k) => {
          const n = kept.numbers[k]!;
          expect(n.line).toBe(s.line);
          expect(keptLines[n.line - 1]!.startsWith(n.digits, n.column - 1), `${name} ${n.line}:${n.column} ${n.digits}`).toBe(true);
          const before = keptLines[n.line - 1]!.slice(0, n.column - 1);
          expect(s.column, `${name} ${s.line} ${s.digits}`).toBe(n.column - (before.length - dropDigits(before).length));
        });
      }
    });
  });

  it('gives every kept or PUA number the column of its first digit, in every committed set', () => {
    const files = buildFiles(SOURCES, { simulateDamage, simulateDamageShaped });
    let checked = 0;
    for (const [rel, content] of files) {
      if (!rel.endsWith('.sites.json')) continue;
      const meta = JSON.parse(content) as { numbers: { line: number; column: number; digits: string; fate: string }[]; options: { puaBase?: number } };
      const inp = lines(files.get(rel.replace('.sites.json', '.input.txt'))!);
      for (const n of meta.numbers) {
        if (n.fate === 'dropped') continue;
        const first = n.fate === 'pua' ? String.fromCodePoint(meta.options.puaBase! + Number(n.digits[0])) : n.digits[0]!;
        expect(inp[n.line - 1]![n.column - 1], `${rel} ${n.line}:${n.column} ${n.digits}`).toBe(first);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('puts each site at the place a number left, e.g. "عام ، إذ" like seed 000', () => {
    const r = simulateDamage('غادرت القوات العراق عام 2011، إذ تغير المشهد.', { seed: 1, digits: 'drop', damageRate: 0 });
    expect(r.input).toBe('غادرت القوات العراق عام ، إذ تغير المشهد.');
    expect(r.sites).toEqual([{ line: 1, column: 25, digits: '2011' }]);
    expect(r.input[24]).toBe('،');
  });

  it('moves a trailing comma with its number when the line is cut (seed 000 line 33)', () => {
    const text = 'عادل عبد المهدي في مطلع ديسمبر 2019، وعلى الرغم من نجاح الكاظمي في تشكيل حكومته في 7';
    const r = simulateDamage(text, { seed: 3, digits: 'drop', damageRate: 1, runWeights: [0, 0, 1, 0], cutWeights: { kerning: 0, kashida: 0, space: 0 }, tatweelLineRate: 0 });
    expect(r.input).toBe(' وعلى الرغم من نجاح الكاظمي في تشكيل حكومته في ، عادل عبد المهدي في مطلع ديسمبر');
    expect(r.sites.map((s) => s.column).sort((a, b) => a - b)).toEqual([1, 48]);
  });

  it('encodes digits as consecutive PUA code points from puaBase', () => {
    const r = simulateDamage('منذ سنة 2003، وبلغ 1.5 مليار', { seed: 1, digits: 'pua', puaBase: 0xe005, damageRate: 0 });
    expect(r.input).toBe('منذ سنة \uE007\uE005\uE005\uE008، وبلغ \uE006.\uE00A مليار');
    const f = simulateDamage('منذ سنة 2003', { seed: 1, digits: 'pua', puaBase: 0xf030, damageRate: 0 });
    expect(f.input).toBe('منذ سنة \uF032\uF030\uF030\uF033');
    expect(f.truth).toBe('منذ سنة 2003');
  });

  it('drops only a share of numbers with dropRate < 1, and leaves digits inside Latin words alone', () => {
    const text = SOURCES.map((s) => s.text).join('\n');
    const r = simulateDamage(text, { seed: 9, digits: 'drop', dropRate: 0.5 });
    const fates = r.numbers.map((n) => n.fate);
    expect(fates.filter((f) => f === 'dropped').length / fates.length).toBeGreaterThan(0.35);
    expect(fates.filter((f) => f === 'dropped').length / fates.length).toBeLessThan(0.65);
    expect(simulateDamage('مؤشر HbA1c في الدم', { seed: 1, digits: 'drop', damageRate: 1 }).input).toContain('HbA1c');
  });
});

describe('simulateDamage: tatweel', () => {
  it('puts tatweel only after letters that join to the left, never before a word end (bar the rare word-end case)', () => {
    const badBefore = /[اأإآدذرزوؤةىء\s]\u0640/u;
    for (const r of runAll(CONFIGS.keep!)) {
      for (const [i, l] of lines(r.input).entries()) {
        const sl = r.lines[i]!;
        // Lines with the source's own tatweel (بـ before a digit) are left to the truth tests.
        if (!sl.kinds.includes('tatweel') || lines(r.truth)[i]!.includes('\u0640')) continue;
        const stripped = l.replace(/(^|\s)\u0640+/gu, '$1'); // run starts after a kashida cut
        expect(stripped).not.toMatch(badBefore);
        expect(stripped).not.toMatch(/ل\u0640+[اأإآ]/u);
        if (!sl.kinds.includes('word-end-tatweel')) expect(stripped).not.toMatch(/\u0640+(?=[\s\p{P}]|$)/u);
      }
    }
  });

  it('stretches only justified lines (not the last line of a paragraph)', () => {
    for (const r of runAll(CONFIGS.drop!)) for (const l of r.lines) if (!l.justified) expect(l.kinds).not.toContain('tatweel');
  });
});

describe('simulateDamage: visual order and presentation forms', () => {
  const opts = { seed: 5, visual: true, tatweelLineRate: 0 } as const;

  it('reverses an Arabic line by grapheme cluster (marks stay after their letter)', () => {
    expect(simulateDamage('في عام', opts).input).toBe('ماع يف');
    expect(simulateDamage('خصوصًا الآن', opts).input).toBe('نآلا اصًوصخ');
  });

  it('keeps numbers and Latin words left-to-right; brackets face the wrong way (or are mirrored on request)', () => {
    expect(simulateDamage('(أكتوبر) عام 2021 في Google Maps', opts).input).toBe('Google Maps يف 2021 ماع )ربوتكأ(');
    expect(simulateDamage('بلغ 1.5 مليار «تقريبًا»', opts).input).toBe('»ابًيرقت« رايلم 1.5 غلب');
    expect(simulateDamage('(أكتوبر) عام 2021', { ...opts, mirrorBrackets: true }).input).toBe('2021 ماع (ربوتكأ)');
    expect(simulateDamage('بنسبة 45% من', opts).input).toBe('نم %45 ةبسنب');
  });

  it('leaves a Latin-only line as it is', () => {
    const r = simulateDamage('Hello world 2024', opts);
    expect(r.input).toBe('Hello world 2024');
    expect(r.lines[0]!.damaged).toBe(false);
  });

  it('turns letters into presentation forms (only those), with lam-alef as one glyph', () => {
    const r = simulateDamageShaped('السلام عليكم', { seed: 1, visual: true, tatweelLineRate: 0 });
    expect(r.input).not.toMatch(/[\u0621-\u064A]/u);
    expect(r.input.normalize('NFKC')).toBe('مكيلع مالسلا'.replace('مالسلا', 'ملاسلا'));
    expect(r.truth).toBe('السلام عليكم');
  });

  it('expands lam-alef after layout when asked, so its letters read in the wrong order (كارتشلاا)', () => {
    const r = simulateDamageShaped('الاشتراك', { seed: 1, visual: true, tatweelLineRate: 0, decomposeLamAlef: true });
    expect(r.input.normalize('NFKC')).toBe('كارتشلاا');
  });

  it('shapes in logical order like arabic-reshaper', () => {
    expect(toPresentationForms('بيت')).toBe('\uFE91\uFEF4\uFE96');
  });

  it('without presentation forms equals the shaped output after NFKC, away from lam-alef', () => {
    for (const { text } of SOURCES.slice(0, 5)) {
      const plainText = text.replace(/ل[\u064B-\u0652]*[اأإآ]/gu, 'بب');
      const a = simulateDamage(plainText, { seed: 11, visual: true });
      const b = simulateDamageShaped(plainText, { seed: 11, visual: true });
      expect(b.input.normalize('NFKC')).toBe(a.input.normalize('NFKC'));
    }
  });
});

describe('the committed corpus fixtures/sim', () => {
  it('is what scripts/build-sim-corpus.mjs builds (run it after changing the simulator)', () => {
    const files = buildFiles(SOURCES, { simulateDamage, simulateDamageShaped });
    expect(files.size).toBe(SOURCES.length * 3 * Object.keys(SETS).length);
    for (const [rel, content] of files) {
      const file = path.join(ROOT, 'fixtures/sim', rel);
      expect(fs.existsSync(file), rel).toBe(true);
      expect(fs.readFileSync(file, 'utf8') === content, `${rel} is stale: node scripts/build-sim-corpus.mjs`).toBe(true);
    }
  });
});

/*
 * "Looks like seed 000". The reference numbers are measured on the real sample: textStats() on
 * the file itself, and the hand annotation in fixtures/sim/seed000-annotation.json (16 of 68
 * non-blank lines reversed; 12 of them in 2 runs, 3 in 3, 1 in 4; 15 of the 15 lines without a
 * number cut mid-word, none at a plain space). The simulated side is the `dropped` set's
 * set as committed (fixtures/sim/dropped, ~300 lines). Ranges are the seed's value widened by
 * what one sample of 68 lines can tell (about ±2 standard errors for a share near 0.2–0.4,
 * i.e. ±0.1) and by what is a property of the text rather than of the damage (edge fragments
 * depend on how often words like زيارة/أكثر occur).
 */
describe('statistics: the simulated damage looks like seed 000', () => {
  const annotation = JSON.parse(fs.readFileSync(path.join(ROOT, 'fixtures/sim/seed000-annotation.json'), 'utf8')) as {
    nonBlankLines: number;
    reversed: { line: number; cuts: string[] }[];
  };
  const seed = textStats(SEED000);
  const sim = SOURCES.map(({ text, name }) => simulateDamage(text, { ...SETS.dropped.options, seed: seedFor('dropped', name) }));
  const simText = textStats(sim.map((r) => r.input).join('\n'));
  const simMeta = simStats(sim);
  const seedReversedShare = annotation.reversed.length / annotation.nonBlankLines;
  const seedPlain = annotation.reversed.filter((r) => !r.cuts.includes('digit'));
  const seedPlainRuns = seedPlain.reduce((a, r) => a + r.cuts.length + 1, 0) / seedPlain.length;

  it('reference numbers of seed 000 are as recorded', () => {
    expect(seed.lines).toBe(annotation.nonBlankLines);
    expect(seed.tatweelLines).toBe(28);
    expect(seed.tatweelRunLengths).toEqual([148, 160, 22, 0]);
    expect(seed.edgeFragmentLines).toBe(11);
    expect(seedReversedShare).toBeCloseTo(0.235, 3);
    expect(seedPlainRuns).toBeCloseTo(2.2, 3);
  });

  it('the edge-fragment heuristic finds only reversed lines in seed 000', () => {
    const reversed = new Set(annotation.reversed.map((r) => r.line));
    lines(SEED000).forEach((l, i) => {
      if (hasEdgeFragment(l)) expect(reversed.has(i + 1), `line ${i + 1}`).toBe(true);
    });
  });

  it('reverses about the same share of lines (seed 0.235; accept 0.15–0.32)', () => {
    expect(simMeta.reversedShare).toBeGreaterThanOrEqual(0.15);
    expect(simMeta.reversedShare).toBeLessThanOrEqual(0.32);
  });

  it('cuts lines without numbers into about as many runs, nearly always mid-word (seed 2.2 runs, 100% mid-word)', () => {
    expect(simMeta.withoutNumbers.meanRuns).toBeGreaterThanOrEqual(2.0);
    expect(simMeta.withoutNumbers.meanRuns).toBeLessThanOrEqual(2.6);
    expect(simMeta.withoutNumbers.splitWordShare).toBeGreaterThanOrEqual(0.85);
    expect(simMeta.cuts.space / (simMeta.cuts.kerning + simMeta.cuts.kashida + simMeta.cuts.space)).toBeLessThanOrEqual(0.1);
  });

  it('stretches about the same share of lines with tatweel, mostly in runs of 1–2 (seed 0.41, 93%)', () => {
    expect(simText.tatweelLineShare).toBeGreaterThanOrEqual(0.3);
    expect(simText.tatweelLineShare).toBeLessThanOrEqual(0.52);
    const [one, two, three, four] = simText.tatweelRunLengths;
    expect((one + two) / (one + two + three + four)).toBeGreaterThanOrEqual(0.8);
    expect(simText.tatweelRunsPerTatweelLine).toBeGreaterThanOrEqual(7);
    expect(simText.tatweelRunsPerTatweelLine).toBeLessThanOrEqual(16);
  });

  it('shows split-word fragments at line edges in a similar share of lines (seed 0.16; accept 0.03–0.25)', () => {
    expect(simText.edgeFragmentShare).toBeGreaterThanOrEqual(0.03);
    expect(simText.edgeFragmentShare).toBeLessThanOrEqual(0.25);
  });
});
