import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverSets, formatReport, runEval } from '../scripts/eval.mjs';

// A small project tree with every kind of set, and a fake library that answers from a table.
let root: string;
const write = (rel: string, text: string): void => {
  const f = path.join(root, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
};
const lib = (name: string, table: Record<string, { text: string; flags?: unknown[] }>): string => {
  write(name, `const T = ${JSON.stringify(table)};\nexport function fixText(text) { const r = T[text]; return r ? { text: r.text, changes: [], flags: r.flags ?? [] } : { text, changes: [], flags: [] }; }\n`);
  return path.join(root, name);
};

const SEED_IN = 'يارة الكاظمي لواشنطن.. ماذا ينتظر من ز\nعام ، إذ تنظـر\nسطر سليم';
const SEED_EXPECTED = 'زيارة الكاظمي لواشنطن.. ماذا ينتظر من\nعام ، إذ تنظر\nسطر سليم';
const SEED_MARKED = 'زيارة الكاظمي لواشنطن.. ماذا ينتظر من\nعام ⟦#⟧، إذ تنظر\nسطر سليم';
const CLEAN = 'نص سليم تماما.\n\nفقرة ثانية لـ «العربية».';
const SIM_IN = 'كثر من مرة أ\nفي  مارس';
const SIM_TRUTH = 'أكثر من مرة\nفي  مارس';

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'fix-arabic-eval-'));
  write('seeds/000_abc.txt', SEED_IN);
  write('seeds/001_def.txt', CLEAN);
  write('fixtures/seeds/000.expected.txt', SEED_EXPECTED);
  write('fixtures/seeds/000.marked.txt', SEED_MARKED);
  write('seeds/004_ghi.txt', 'سطر\nسطر آخر');
  write('fixtures/seeds/004.expected.txt', 'سطر واحد فقط');
  write('fixtures/sim/source/s.txt', 'مصدر نظيف.');
  write('fixtures/sim/dropped/a.input.txt', SIM_IN);
  write('fixtures/sim/dropped/a.truth.txt', SIM_TRUTH);
  write('fixtures/sim/dropped/a.sites.json', JSON.stringify({ sites: [{ line: 2, column: 4, digits: '12' }] }));
  write('fixtures/pdf/doc1/truth.txt', 'في عام 2020 كان');
  write('fixtures/pdf/doc1/pdftotext.txt', 'في عام 2020 كان');
  write('fixtures/pdf/doc1/mutool.txt', 'ناك 2020 ماع يف');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('eval harness', () => {
  it('discovers the sets, grouping PDF extractions by extractor', () => {
    const sets = discoverSets(root);
    expect(sets.map((s) => `${s.name}:${s.cases.length}`)).toEqual([
      'seeds:2', 'clean:3', 'sim-dropped:1', 'sim-pua:0', 'sim-visual:0', 'sim-presentation:0', 'pdf-mutool:1', 'pdf-pdftotext:1',
    ]);
    const seeds = sets[0]!.cases[0]!;
    expect(seeds.sites).toEqual([{ line: 2, columns: [4, 5] }]); // the space after عام, the comma
  });

  it('counts damaged and restored lines, clean lines changed, CER/WER and sites', async () => {
    const oracle = lib('oracle.mjs', {
      [SEED_IN]: { text: SEED_EXPECTED, flags: [{ rule: 'flag-dropped-digits', line: 2, column: 6, message: 'x' }] },
      [SIM_IN]: { text: 'أكثر من مرة\nفي  مارس', flags: [{ rule: 'flag-dropped-digits', line: 2, column: 5 }, { rule: 'flag-dropped-digits', line: 1, column: 1 }, { rule: 'other', line: 2, column: 4 }] },
      [CLEAN]: { text: 'نص سليم تماما.\n\nفقرة ثانية ل «العربية».' },
      'ناك 2020 ماع يف': { text: 'في عام 2020 كان' },
    });
    const r = await runEval({ root, lib: oracle });
    const seeds = r.sets.seeds!;
    // 004's expected text is not line-aligned: a warning, and file-level numbers for it.
    expect(seeds.warnings).toEqual([{ file: '004_ghi.txt', warning: expect.stringMatching(/not line-aligned/u) }]);
    expect(seeds.errors).toEqual([]);
    expect([seeds.lines, seeds.damaged, seeds.restored, seeds.cleanChanged]).toEqual([3, 1, 1, 0]);
    expect(seeds.fileResults[0]!.cer.output).toBe(0);
    expect(seeds.sites).toMatchObject({ sites: 1, flags: 1, matched: 1, recall: 1, precision: 1 });
    const clean = r.sets.clean!;
    // 001 (2 non-blank lines), the sim source (1), the PDF truth (1); the oracle broke لـ in 001.
    expect([clean.lines, clean.damaged, clean.cleanLines, clean.cleanChanged]).toEqual([4, 0, 4, 1]);
    expect(clean.sites).toMatchObject({ sites: 0, flags: 0 });
    const sim = r.sets['sim-dropped']!;
    expect([sim.lines, sim.damaged, sim.restored]).toEqual([2, 1, 1]);
    expect(sim.wer.input).toBeCloseTo(2 / 5); // كثر→أكثر, أ deleted; 5 truth words
    expect(sim.wer.output).toBe(0);
    expect(sim.wer.reduction).toBe(1);
    expect(sim.sites).toMatchObject({ sites: 1, flags: 2, matched: 1, recall: 1, precision: 0.5 });
    expect(r.sets['pdf-mutool']!.cer.input).toBeGreaterThan(0.5);
    expect(r.sets['pdf-mutool']!.cer.output).toBe(0);
    expect(r.sets['pdf-pdftotext']!.cer).toEqual({ input: 0, output: 0, reduction: null });
    expect(r.sets['pdf-mutool']!.kind).toBe('file');
    const table = formatReport(r, { files: true });
    expect(table).toMatch(/^set +files +lines/mu);
    expect(table).toMatch(/sim-pua \(no fixtures\/sim\/pua\/\)/u);
  });

  it('runs one set with --set, writes --json, and reports a throwing library', async () => {
    const only = await runEval({ root, lib: lib('id.mjs', {}), sets: ['sim-dropped', 'pdf'] });
    expect(Object.keys(only.sets)).toEqual(['sim-dropped', 'pdf-mutool', 'pdf-pdftotext']);
    await expect(runEval({ root, lib: lib('id2.mjs', {}), sets: ['nope'] })).rejects.toThrow(/unknown set nope/u);
    await expect(runEval({ root, lib: path.join(root, 'missing.mjs') })).rejects.toThrow(/not found/u);

    write('bad.mjs', 'export function fixText(text) { if (text.startsWith("نص")) throw new Error("boom"); return { text, changes: [], flags: [] }; }\n');
    const r = await runEval({ root, lib: path.join(root, 'bad.mjs'), sets: ['clean'] });
    expect(r.sets.clean!.errors).toHaveLength(1);
    expect(r.sets.clean!.errors[0]!.error).toMatch(/boom/u);

    const json = path.join(root, 'out', 'eval.json');
    const cli = spawnSync(process.execPath, ['scripts/eval.mjs', '--root', root, '--lib', lib('id3.mjs', {}), '--set', 'seeds', '--json', json], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/seeds/u);
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).sets.seeds.damaged).toBe(1);
    expect(cli.stdout).toMatch(/004_ghi\.txt: truth is not line-aligned/u);
    const usage = spawnSync(process.execPath, ['scripts/eval.mjs', '--bogus'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/unknown argument --bogus/u);
  });
});
