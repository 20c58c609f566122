import AjvModule from 'ajv/dist/2020.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyConfig, ConfigError, DEFAULTS, findConfig, validateConfig, type Settings } from '../src/config.js';
import { RULES } from '../src/index.js';
import { ROOT, runCli, tempDir } from './reports-helpers.js';

const someRule = RULES[RULES.length - 1].id;
const otherRule = RULES[0].id;

function tree(files: Record<string, string>): string {
  const root = tempDir('fix-arabic-config-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const cliDefaults = (): Settings => ({ ...DEFAULTS, enable: [], disable: [], minConfidence: undefined, markMissing: undefined, restoreLetters: undefined, unwrap: undefined });

describe('validateConfig', () => {
  test('accepts every documented key', () => {
    const all = { $schema: './schema/config.schema.json', enable: [someRule], disable: [otherRule], minConfidence: 0.7, markMissing: '[؟]', restoreLetters: true, unwrap: false, output: 'out', format: 'github', failOn: 'flags', report: false };
    const { $schema, ...rest } = all;
    expect(validateConfig(all, 'x')).toEqual(rest);
    expect(Object.keys(rest).sort()).toEqual(Object.keys(DEFAULTS).sort());
  });

  const bad: [string, unknown, RegExp][] = [
    ['not an object', [1], /must be a JSON object/],
    ['unknown key', { minconfidence: 0.5 }, /unknown key 'minconfidence' \(known: enable, /],
    ['confidence out of range', { minConfidence: 1.5 }, /'minConfidence' must be a number from 0 to 1/],
    ['confidence as text', { minConfidence: '0.5' }, /'minConfidence' must be a number/],
    ['unknown rule', { disable: ['no-such-rule'] }, /'disable' has unknown rule 'no-such-rule'/],
    ['rules as a string', { enable: someRule }, /'enable' must be an array of rule ids/],
    ['bad format', { format: 'xml' }, /'format' must be one of "text", "json", "github"/],
    ['bad failOn', { failOn: 'warnings' }, /'failOn' must be one of "any", "changes", "flags", "none"/],
    ['empty mark', { markMissing: '' }, /'markMissing' must be true, false or a non-empty mark/],
    ['boolean as string', { unwrap: 'yes' }, /'unwrap' must be true or false/],
    ['contradiction', { enable: [someRule], disable: [someRule] }, new RegExp(`rule '${someRule}' is in both`)],
  ];
  for (const [what, value, message] of bad) {
    test(`rejects: ${what}`, () => {
      expect(() => validateConfig(value, '/p/fix-arabic.config.json')).toThrow(ConfigError);
      expect(() => validateConfig(value, '/p/fix-arabic.config.json')).toThrow(message);
      try {
        validateConfig(value, '/p/fix-arabic.config.json');
      } catch (err) {
        expect((err as Error).message).not.toContain('\n');
        expect((err as Error).message.startsWith('/p/fix-arabic.config.json: ')).toBe(true);
      }
    });
  }
});

describe('findConfig', () => {
  test('finds the config file in a parent directory', () => {
    const root = tree({ 'fix-arabic.config.json': '{"minConfidence": 0.8}', 'a/b/c/x.txt': '' });
    const found = findConfig(join(root, 'a', 'b', 'c'));
    expect(found?.path).toBe(join(root, 'fix-arabic.config.json'));
    expect(found?.config).toEqual({ minConfidence: 0.8 });
  });

  test('the nearest wins; in one directory the config file before package.json', () => {
    const root = tree({
      'fix-arabic.config.json': '{"minConfidence": 0.8}',
      'a/package.json': JSON.stringify({ name: 'a', fixArabic: { minConfidence: 0.7 } }),
      'a/b/fix-arabic.config.json': '{"minConfidence": 0.9}',
      'a/b/package.json': JSON.stringify({ name: 'b', fixArabic: { minConfidence: 0.1 } }),
    });
    expect(findConfig(join(root, 'a', 'b'))?.config.minConfidence).toBe(0.9);
    expect(findConfig(join(root, 'a'))?.config.minConfidence).toBe(0.7);
  });

  test('a package.json without the key, or broken, is passed by', () => {
    const root = tree({
      'package.json': JSON.stringify({ name: 'top', fixArabic: { format: 'json' } }),
      'a/package.json': JSON.stringify({ name: 'a' }),
      'a/b/package.json': '{ not json',
    });
    const found = findConfig(join(root, 'a', 'b'));
    expect(found?.path).toBe(join(root, 'package.json'));
    expect(found?.config).toEqual({ format: 'json' });
  });

  test('an invalid fixArabic key is an error that names package.json', () => {
    const root = tree({ 'package.json': JSON.stringify({ fixArabic: { failOn: 'sometimes' } }) });
    expect(() => findConfig(root)).toThrow(/package\.json "fixArabic": 'failOn' must be one of/);
  });

  test('nothing found up to the filesystem root', () => {
    expect(findConfig(tempDir())).toBeNull();
  });
});

describe('applyConfig: the command line wins', () => {
  const loaded = { path: '/proj/fix-arabic.config.json', config: { minConfidence: 0.8, format: 'json' as const, output: 'clean', enable: [someRule], disable: [otherRule], report: false } };

  test('config values fill what the command line did not say', () => {
    const s = applyConfig(cliDefaults(), () => false, loaded);
    expect(s).toMatchObject({ minConfidence: 0.8, format: 'json', output: '/proj/clean', enable: [someRule], disable: [otherRule], report: false });
  });

  test('a value typed on the command line is kept', () => {
    const cli = { ...cliDefaults(), minConfidence: 0.3, format: 'text' as const, output: 'here' };
    const typed = new Set(['minConfidence', 'format', 'output']);
    const s = applyConfig(cli, (k) => typed.has(k), loaded);
    expect(s).toMatchObject({ minConfidence: 0.3, format: 'text', output: 'here', report: false });
  });

  test('rule lists merge; the command line decides the rules it names', () => {
    const cli = { ...cliDefaults(), enable: [otherRule], disable: [someRule] };
    const s = applyConfig(cli, () => false, loaded);
    expect(s.enable).toEqual([otherRule]);
    expect(s.disable).toEqual([someRule]);
  });

  test('an absolute output stays as it is; no config changes nothing', () => {
    expect(applyConfig(cliDefaults(), () => false, { path: '/p/c.json', config: { output: '/abs/out' } }).output).toBe('/abs/out');
    expect(applyConfig(cliDefaults(), () => false, null)).toEqual(cliDefaults());
  });
});

describe('the CLI with a config', () => {
  const damaged = '\u202bشكـل العـراق حالـة أرق\u202c\n\u202bسطر\u202c\n';

  test('found from a subdirectory: disabled rule, output dir relative to the config, format', () => {
    const root = tree({
      'fix-arabic.config.json': JSON.stringify({ disable: ['remove-kashida'], output: 'cleaned', format: 'json' }),
      'docs/in/page.txt': damaged,
    });
    const cwd = join(root, 'docs', 'in');
    const run = runCli(['-q', 'page.txt'], { cwd });
    expect(run.status, run.stderr).toBe(0);
    const out = readFileSync(join(root, 'cleaned', 'page.txt'), 'utf8');
    expect(out).toContain('ـ'); // tatweel kept: the rule is off
    expect(out).not.toMatch(/[\u202b\u202c]/); // the other rules ran
    const json = JSON.parse(run.stdout); // format json, from the config
    expect(json.files[0].summary.changesByRule).not.toHaveProperty('remove-kashida');
  });

  test('command-line options override it', () => {
    const root = tree({ 'fix-arabic.config.json': JSON.stringify({ disable: ['remove-kashida'], failOn: 'none' }), 'page.txt': damaged });
    expect(runCli(['--check', '-q', 'page.txt'], { cwd: root }).status).toBe(0); // failOn none from config
    expect(runCli(['--check', '-q', '--fail-on', 'changes', 'page.txt'], { cwd: root }).status).toBe(1);
    const piped = runCli(['--enable', 'remove-kashida'], { cwd: root, input: damaged });
    expect(piped.stdout).not.toContain('ـ');
    expect(runCli([], { cwd: root, input: damaged }).stdout).toContain('ـ');
  });

  test('package.json "fixArabic" works the same', () => {
    const root = tree({ 'package.json': JSON.stringify({ name: 'p', fixArabic: { disable: ['remove-kashida'] } }) });
    expect(runCli([], { cwd: root, input: damaged }).stdout).toContain('ـ');
  });

  test('--config names a file; --no-config ignores the one found', () => {
    const root = tree({ 'fix-arabic.config.json': JSON.stringify({ disable: ['remove-kashida'] }), 'other.json': JSON.stringify({ disable: ['bidi-controls'] }) });
    const viaOther = runCli(['--config', 'other.json'], { cwd: root, input: damaged }).stdout;
    expect(viaOther).toContain('\u202b');
    expect(viaOther).not.toContain('ـ');
    expect(runCli(['--no-config'], { cwd: root, input: damaged }).stdout).not.toContain('ـ');
  });

  test('an invalid config: one clear line on stderr, exit 2, nothing written', () => {
    const root = tree({ 'fix-arabic.config.json': '{"minConfidence": "high"}', 'page.txt': damaged });
    const run = runCli(['page.txt'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`fix-arabic: ${join(root, 'fix-arabic.config.json')}: 'minConfidence' must be a number from 0 to 1\n`);
    expect(run.stdout).toBe('');
    const broken = tree({ 'fix-arabic.config.json': '{"minConfidence": 0.5,}' });
    const r2 = runCli([], { cwd: broken, input: damaged });
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/^fix-arabic: .*fix-arabic\.config\.json: invalid JSON: [^\n]+\n$/);
    const missing = runCli(['--config', 'nope.json'], { cwd: root, input: damaged });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: cannot read the configuration \(no such file\)\n$/);
  });

  test('--no-unwrap overrides unwrap: true', () => {
    const root = tree({ 'fix-arabic.config.json': JSON.stringify({ unwrap: true }) });
    const paragraph = 'هذا سطر أول من فقرة\nمكسورة على سطرين.\n';
    const run = runCli(['--no-unwrap'], { cwd: root, input: paragraph });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(paragraph);
  });

  test('--no-report and report:false', () => {
    const root = tree({ 'fix-arabic.config.json': JSON.stringify({ report: false, output: 'o' }), 'page.txt': damaged });
    expect(runCli(['-q', 'page.txt'], { cwd: root }).status).toBe(0);
    expect(() => readFileSync(join(root, 'o', 'report.json'))).toThrow();
    expect(readFileSync(join(root, 'o', 'page.txt'), 'utf8')).not.toContain('\u202b');
  });
});

describe('schema/config.schema.json agrees with the loader', () => {
  const Ajv = (AjvModule as unknown as { default: typeof AjvModule }).default ?? AjvModule;
  const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'config.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: true }).compile(schema);

  test('same keys, same defaults', () => {
    expect(Object.keys(schema.properties).filter((k) => k !== '$schema').sort()).toEqual(Object.keys(DEFAULTS).sort());
    for (const [key, value] of Object.entries(DEFAULTS)) {
      if (!Array.isArray(value)) expect(schema.properties[key].default, key).toEqual(value);
    }
  });

  test('accepts what the loader accepts and rejects what it rejects (rule ids aside)', () => {
    const good = { $schema: 'x', enable: [someRule], minConfidence: 0.7, markMissing: '[؟]', unwrap: true, output: 'o', format: 'github', failOn: 'flags', report: false };
    expect(validate(good)).toBe(true);
    expect(() => validateConfig(good, 'x')).not.toThrow();
    const bad = [[1], { minconfidence: 0.5 }, { minConfidence: 1.5 }, { enable: someRule }, { format: 'xml' }, { failOn: 'warnings' }, { markMissing: '' }, { unwrap: 'yes' }];
    for (const value of bad) {
      expect(validate(value), JSON.stringify(value)).toBe(false);
      expect(() => validateConfig(value, 'x')).toThrow(ConfigError);
    }
  });
});
