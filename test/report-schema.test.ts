import Ajv2020Module from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { batchJson, pipeJson } from '../src/report/json.js';
import { REPORT_VERSION } from '../src/report/model.js';
import { richReport, ROOT, runCli, SEEDS, tempDir } from './reports-helpers.js';

// ajv is CommonJS: its default export arrives as .default under ESM.
const Ajv2020 = (Ajv2020Module as unknown as { default: typeof Ajv2020Module }).default ?? Ajv2020Module;

const readSchema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8'));
const reportSchema = readSchema('report.schema.json');
const pipeSchema = readSchema('pipe.schema.json');
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateReport = ajv.compile(reportSchema);
const validatePipe = ajv.compile(pipeSchema);

function errorsOf(validate: typeof validateReport): string {
  return ajv.errorsText(validate.errors, { separator: '\n' });
}

describe('the schemas themselves', () => {
  test('are draft 2020-12 and describe the same Change and Flag', () => {
    for (const s of [reportSchema, pipeSchema]) expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    for (const def of ['change', 'flag', 'ruleId', 'confidence', 'version']) {
      expect(pipeSchema.$defs[def], def).toEqual(reportSchema.$defs[def]);
    }
    expect(reportSchema.$defs.version.const).toBe(REPORT_VERSION);
  });

  test('describe every field of Change and Flag, with a description', () => {
    const r = richReport().result!;
    const changeKeys = new Set(r.changes.flatMap((c) => Object.keys(c)));
    const flagKeys = new Set(r.flags.flatMap((f) => Object.keys(f)));
    expect(Object.keys(reportSchema.$defs.change.properties).sort()).toEqual([...changeKeys].sort());
    // Every Flag field, optional ones included, appears in the fixture.
    expect(Object.keys(reportSchema.$defs.flag.properties).sort()).toEqual([...flagKeys].sort());
    for (const def of [reportSchema.$defs.change, reportSchema.$defs.flag]) {
      for (const [key, prop] of Object.entries<Record<string, unknown>>(def.properties)) {
        const described = typeof prop.description === 'string' || typeof prop.$ref === 'string';
        expect(described, key).toBe(true);
      }
    }
  });

  test('reject what a reader must not be handed', () => {
    const good = JSON.parse(pipeJson(richReport().result!));
    expect(validatePipe(good), errorsOf(validatePipe)).toBe(true);
    const broken: [string, (j: any) => void][] = [
      ['wrong version', (j) => (j.version = 2)],
      ['change without reason', (j) => delete j.changes[0].reason],
      ['confidence above 1', (j) => (j.changes[0].confidence = 1.5)],
      ['line 0', (j) => (j.flags[0].line = 0)],
      ['unknown safety', (j) => (j.changes[0].safety = 'risky')],
      ['undocumented field', (j) => (j.flags[0].severity = 'warning')],
      ['empty suggestions', (j) => (j.flags[1].suggestions = [])],
      ['rule id not kebab-case', (j) => (j.changes[0].rule = 'Remove Kashida')],
    ];
    for (const [what, breakIt] of broken) {
      const j = structuredClone(good);
      breakIt(j);
      expect(validatePipe(j), what).toBe(false);
    }
  });
});

describe('real outputs validate', () => {
  let dir: string;
  let report: any;
  beforeAll(() => {
    dir = tempDir();
    const run = runCli(['-q', '-o', dir, ...SEEDS]);
    expect(run.status, run.stderr).toBe(0);
    report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  });

  test('report.json of a batch run over the seeds', () => {
    expect(validateReport(report), errorsOf(validateReport)).toBe(true);
    expect(report.files).toHaveLength(SEEDS.length);
  });

  test('report.json summaries agree with the lists they summarise', () => {
    for (const f of report.files) {
      const byRule: Record<string, number> = {};
      for (const c of f.changes) byRule[c.rule] = (byRule[c.rule] ?? 0) + 1;
      expect(f.summary.changesByRule).toEqual(byRule);
      const byKind: Record<string, number> = {};
      for (const x of f.flags) byKind[`${x.rule}/${x.kind}`] = (byKind[`${x.rule}/${x.kind}`] ?? 0) + 1;
      expect(f.summary.flagsByKind).toEqual(byKind);
      const input = readFileSync(resolve(ROOT, f.path), 'utf8');
      expect(f.changed).toBe(readFileSync(resolve(ROOT, f.output), 'utf8') !== input);
    }
  });

  test('positions in report.json point into the input', () => {
    for (const f of report.files) {
      const input = readFileSync(resolve(ROOT, f.path), 'utf8').replace(/^\ufeff/, '');
      const lines = input.split(/\r\n|\n|\r/);
      for (const site of [...f.changes, ...f.flags]) {
        expect(site.endOffset).toBeGreaterThanOrEqual(site.offset);
        expect(site.endOffset).toBeLessThanOrEqual(input.length);
        expect(site.column - 1).toBeLessThanOrEqual(lines[site.line - 1].length);
      }
    }
  });

  test('report.json with flags, an error entry and a file not written (--check)', () => {
    const rich = richReport();
    const json = JSON.parse(
      batchJson([{ ...rich, output: undefined }, { path: 'missing.txt', input: '', error: 'no such file' }], 'fix-arabic test'),
    );
    expect(validateReport(json), errorsOf(validateReport)).toBe(true);
    expect(json.files[0].flags.length).toBeGreaterThan(0);
    expect(json.files[0]).not.toHaveProperty('output');
  });

  test('--check --format json over files prints a valid report', () => {
    const run = runCli(['--check', '--fail-on', 'none', '--format', 'json', '-q', ...SEEDS]);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(validateReport(json), errorsOf(validateReport)).toBe(true);
    expect(json.files.every((f: any) => !('output' in f))).toBe(true);
  });

  test('--format json on stdin, for a damaged seed and a text with bidi controls and presentation forms', () => {
    const inputs = [
      readFileSync(SEEDS[0], 'utf8'),
      '\u202bمرحبا\u202c\n\u202bﺍﻟﻌﺮﺑﻴﺔ\u202c\n',
      '\ufeffمرحبا بكم\n', // a BOM is kept in text, positions count after it
    ];
    for (const input of inputs) {
      const run = runCli(['--format', 'json'], { input });
      expect(run.status, run.stderr).toBe(0);
      const json = JSON.parse(run.stdout);
      expect(validatePipe(json), errorsOf(validatePipe)).toBe(true);
    }
    const withControls = JSON.parse(runCli(['--format', 'json'], { input: inputs[1] }).stdout);
    expect(withControls.changes.length).toBeGreaterThan(0);
  });
});
