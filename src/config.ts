/**
 * Project configuration: `fix-arabic.config.json`, or a `fixArabic` key in
 * package.json, found from the working directory upwards. Every key is a
 * command-line option (camelCase); an option given on the command line wins.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_MIN_CONFIDENCE } from './core/options.js';
import { RULES } from './rules/index.js';

export const CONFIG_FILE = 'fix-arabic.config.json';
export const PACKAGE_KEY = 'fixArabic';

export const FORMATS = ['text', 'json', 'github'] as const;
export const FAIL_ON = ['any', 'changes', 'flags', 'none'] as const;
export type Format = (typeof FORMATS)[number];
export type FailOn = (typeof FAIL_ON)[number];

/** What a config file may say. All keys optional. */
export interface FixArabicConfig {
  /** Rule ids to turn on in addition to the defaults. */
  enable?: string[];
  /** Rule ids to turn off. */
  disable?: string[];
  /** Heuristic repairs below this confidence are flagged instead of applied (0–1). */
  minConfidence?: number;
  /** Insert a placeholder where a number was dropped: true for the default mark, or the mark itself. */
  markMissing?: boolean | string;
  /** Apply the best suggestion for letters lost without a trace. */
  restoreLetters?: boolean;
  /** Join hard-wrapped lines into paragraphs (turns the unwrap rule on). */
  unwrap?: boolean;
  /** Directory for cleaned files and reports in batch mode; relative to the config file. */
  output?: string;
  /** What goes to stdout. */
  format?: Format;
  /** What makes --check fail. */
  failOn?: FailOn;
  /** Write report.md / report.json / report.html in batch mode. */
  report?: boolean;
}

/** The value of every setting when neither the command line nor a config file gives one. */
export const DEFAULTS: Readonly<Required<FixArabicConfig>> = {
  enable: [],
  disable: [],
  minConfidence: DEFAULT_MIN_CONFIDENCE,
  markMissing: false,
  restoreLetters: false,
  unwrap: false,
  output: 'fixed',
  format: 'text',
  failOn: 'any',
  report: true,
};

export interface LoadedConfig {
  /** The file the settings came from (a config file or a package.json). */
  path: string;
  config: FixArabicConfig;
}

/** A config that cannot be used; the message is one line naming the file. */
export class ConfigError extends Error {}

type Check = (value: unknown) => string | null;
const isBoolean: Check = (v) => (typeof v === 'boolean' ? null : 'must be true or false');
const isRuleList: Check = (v) => {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return 'must be an array of rule ids';
  const known = RULES.map((r) => r.id);
  const unknown = v.find((id) => !known.includes(id));
  return unknown === undefined ? null : `has unknown rule '${unknown}' (known: ${known.join(', ')})`;
};
const oneOf =
  (choices: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && choices.includes(v) ? null : `must be one of ${choices.map((c) => `"${c}"`).join(', ')}`;

const CHECKS: Record<keyof FixArabicConfig, Check> = {
  enable: isRuleList,
  disable: isRuleList,
  minConfidence: (v) => (typeof v === 'number' && v >= 0 && v <= 1 ? null : 'must be a number from 0 to 1'),
  markMissing: (v) => (typeof v === 'boolean' || (typeof v === 'string' && v !== '') ? null : 'must be true, false or a non-empty mark'),
  restoreLetters: isBoolean,
  unwrap: isBoolean,
  output: (v) => (typeof v === 'string' && v !== '' ? null : 'must be a directory name'),
  format: oneOf(FORMATS),
  failOn: oneOf(FAIL_ON),
  report: isBoolean,
};

/** Checks a parsed config and returns it typed, or throws a ConfigError naming the problem. */
export function validateConfig(value: unknown, where: string): FixArabicConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`${where}: the configuration must be a JSON object`);
  const config: FixArabicConfig = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '$schema') continue; // lets editors validate the file
    if (!(key in CHECKS)) throw new ConfigError(`${where}: unknown key '${key}' (known: ${Object.keys(CHECKS).join(', ')})`);
    const problem = CHECKS[key as keyof FixArabicConfig](v);
    if (problem) throw new ConfigError(`${where}: '${key}' ${problem}`);
    (config as Record<string, unknown>)[key] = v;
  }
  const both = (config.enable ?? []).find((id) => config.disable?.includes(id));
  if (both !== undefined) throw new ConfigError(`${where}: rule '${both}' is in both 'enable' and 'disable'`);
  return config;
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(`${path}: cannot read the configuration (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message})`);
  }
  try {
    return JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    throw new ConfigError(`${path}: invalid JSON: ${(err as Error).message.replace(/\s+/g, ' ')}`);
  }
}

/** Reads one config file (an explicit --config). */
export function loadConfigFile(path: string): LoadedConfig {
  const full = resolve(path);
  const json = readJson(full);
  const value = full.endsWith('package.json') && typeof json === 'object' && json !== null && PACKAGE_KEY in json ? (json as Record<string, unknown>)[PACKAGE_KEY] : json;
  return { path: full, config: validateConfig(value, full) };
}

/**
 * The nearest configuration from `startDir` upwards, stopping at the
 * filesystem root: in each directory `fix-arabic.config.json` first, then a
 * package.json with a `fixArabic` key (a package.json without one is passed by).
 */
export function findConfig(startDir: string): LoadedConfig | null {
  for (let dir = resolve(startDir); ; dir = dirname(dir)) {
    const file = join(dir, CONFIG_FILE);
    if (existsSync(file)) return loadConfigFile(file);
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(pkg, 'utf8').replace(/^\ufeff/, ''));
      } catch {
        json = undefined; // someone else's broken package.json is not our configuration
      }
      if (typeof json === 'object' && json !== null && PACKAGE_KEY in json) {
        return { path: pkg, config: validateConfig((json as Record<string, unknown>)[PACKAGE_KEY], `${pkg} "${PACKAGE_KEY}"`) };
      }
    }
    if (dirname(dir) === dir) return null;
  }
}

/** The settings of a run; the same names as the command-line options. */
export type Settings = Omit<Required<FixArabicConfig>, 'minConfidence' | 'markMissing' | 'restoreLetters' | 'unwrap'> & {
  minConfidence?: number;
  markMissing?: boolean | string;
  restoreLetters?: boolean;
  unwrap?: boolean;
};

/**
 * Lays a configuration under the command-line values: a setting the user typed
 * (`fromCommandLine(key)`) keeps its value, any other takes the config's. Rule
 * lists merge, the command line deciding for the rules it names. `output` is
 * relative to the config file's directory.
 */
export function applyConfig<S extends Settings>(cli: S, fromCommandLine: (key: keyof Settings) => boolean, loaded: LoadedConfig | null): S {
  if (!loaded) return cli;
  const { config } = loaded;
  const merged: S = { ...cli };
  for (const key of Object.keys(config) as (keyof FixArabicConfig)[]) {
    if (key === 'enable' || key === 'disable' || fromCommandLine(key)) continue;
    (merged as Record<string, unknown>)[key] = key === 'output' && !isAbsolute(config.output!) ? resolve(dirname(loaded.path), config.output!) : config[key];
  }
  const cliNames = new Set([...cli.enable, ...cli.disable]);
  merged.enable = [...(config.enable ?? []).filter((id) => !cliNames.has(id)), ...cli.enable];
  merged.disable = [...(config.disable ?? []).filter((id) => !cliNames.has(id)), ...cli.disable];
  return merged;
}
