#!/usr/bin/env node
/**
 * The command line: turns arguments into options, runs the library over stdin or
 * files, picks a reporter, sets the exit code. Data goes to stdout, messages to
 * stderr. Exit codes: 0 done (or --check clean), 1 --check found work, 2 usage
 * or I/O error.
 */
import type { ChalkInstance } from 'chalk';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync, fstatSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { applyConfig, ConfigError, findConfig, loadConfigFile, type FailOn, type Format } from './config.js';
import { fixText, RULES, UnknownRuleError, type FixOptions, type FixResult } from './index.js';
import { fixStream, mergePieces } from './stream.js';
import { abortBatch, runTasks, type FileTask } from './batch.js';
import { Progress } from './progress.js';
import {
  describeFsError,
  encodeText,
  InputError,
  READABLE_ENCODINGS,
  removePendingTemps,
  StreamDecoder,
  writeAtomic,
  type Encoding,
} from './io.js';
import { githubAnnotations } from './report/github.js';
import { batchJson, pipeJson } from './report/json.js';
import { batchMarkdown } from './report/markdown.js';
import { isChanged, type FileReport } from './report/model.js';
import { summaryLine } from './report/summary.js';

const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
const TOOL = `fix-arabic ${VERSION}`;

const EXIT_OK = 0;
const EXIT_CHECK_FAILED = 1;
const EXIT_ERROR = 2;

interface CliOptions {
  output: string;
  write?: boolean;
  diff?: boolean;
  check?: boolean;
  format: Format;
  failOn: FailOn;
  enable: string[];
  disable: string[];
  minConfidence?: number;
  markMissing?: boolean | string;
  restoreLetters?: boolean;
  unwrap?: boolean;
  encoding?: Encoding;
  text?: boolean;
  report: boolean;
  quiet?: boolean;
  listRules?: boolean;
  /** A config file to use, or false for --no-config. */
  config?: string | false;
  jobs: number;
}

function ruleList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

function confidence(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
}

function jobCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

function buildProgram(): Command {
  return new Command()
    .name('fix-arabic')
    .description('Repair Arabic text damaged by PDF text extraction.')
    .version(VERSION, '-V, --version')
    .argument('[files...]', 'text files to clean; none or "-" reads stdin and writes stdout')
    .option('-o, --output <dir>', 'directory for cleaned files and the report', 'fixed')
    .option('-w, --write', 'clean the files in place (atomic; the original is kept if anything fails)')
    .option('--diff', 'print a unified diff of what would change; change nothing')
    .option('--check', 'change nothing; exit 1 if any file would change or has flags (see --fail-on)')
    .addOption(new Option('--format <format>', 'stdout format: cleaned text, json, or github annotations').choices(['text', 'json', 'github']).default('text'))
    .addOption(new Option('--fail-on <what>', 'what makes --check fail').choices(['any', 'changes', 'flags', 'none']).default('any'))
    .option('--enable <rules>', 'turn rules on (comma-separated ids)', ruleList, [])
    .option('--disable <rules>', 'turn rules off (comma-separated ids)', ruleList, [])
    .option('--min-confidence <n>', 'flag heuristic repairs below this confidence instead of applying them (default 0.6)', confidence)
    .option('--mark-missing [mark]', 'insert a placeholder where a number was dropped (default ⟦#⟧)')
    .option('--no-mark-missing', 'do not insert placeholders (overrides the config file)')
    .option('--restore-letters', 'apply the best suggestion for letters lost without a trace')
    .option('--no-restore-letters', 'do not restore lost letters (overrides the config file)')
    .option('--unwrap', 'join hard-wrapped lines into paragraphs (enables the unwrap rule)')
    .option('--no-unwrap', 'do not join lines (overrides the config file)')
    .option('--config <file>', 'use this config file instead of looking for fix-arabic.config.json or package.json "fixArabic"')
    .option('--no-config', 'ignore config files')
    .addOption(new Option('--encoding <enc>', 'read input in this encoding (output is written back in UTF-8, or UTF-16 when the input was)').choices([...READABLE_ENCODINGS]))
    .option('-a, --text', 'read a file with NUL bytes as text instead of skipping it as binary (pdf.js writes glyphs it cannot map as control codes, NUL among them)')
    .option('--no-report', 'do not write report.md / report.json / report.html in batch mode')
    .option('-q, --quiet', 'no per-file summary (and no progress bar) on stderr')
    .option('-j, --jobs <n>', 'files processed in parallel (worker threads)', jobCount, availableParallelism())
    .option('--list-rules', 'list the rules, their kind and whether they are on by default')
    .addHelpText(
      'after',
      `
Examples:
  fix-arabic seeds/*.txt                 clean files into ./fixed/, with report.md, .json and .html
  pdftotext doc.pdf - | fix-arabic       clean a pipe
  fix-arabic --format json < page.txt    the cleaned text with every change and flag as JSON
  fix-arabic --diff notes.txt            show what would change
  fix-arabic --check corpus/*.txt        for CI: exit 1 if anything would change or is flagged
  fix-arabic --write --disable remove-kashida book.txt

Exit status: 0 done, 1 --check found changes or flags, 2 usage or I/O error.`,
    );
}

export async function main(argv: string[]): Promise<number> {
  const stderrColor = !!process.stderr.isTTY && !process.env.NO_COLOR;
  // chalk is loaded only when a summary is printed: a plain pipe starts faster.
  const c = async (): Promise<ChalkInstance> => new (await import('chalk')).Chalk({ level: stderrColor ? 1 : 0 });
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  let files: string[];
  let opts: CliOptions;
  try {
    program.parse(argv, { from: 'node' });
    files = program.args;
    opts = program.opts<CliOptions>();
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help'
        ? EXIT_OK
        : EXIT_ERROR;
    }
    throw err;
  }

  if (opts.listRules) {
    for (const r of RULES) {
      process.stdout.write(`${r.id.padEnd(22)} ${r.safety.padEnd(9)} ${r.defaultEnabled ? 'on ' : 'off'}  ${r.description}\n`);
    }
    return EXIT_OK;
  }
  try {
    const loaded = typeof opts.config === 'string' ? loadConfigFile(opts.config) : opts.config === false ? null : findConfig(process.cwd());
    opts = applyConfig(opts, (key) => program.getOptionValueSource(key) === 'cli', loaded);
  } catch (err) {
    if (err instanceof ConfigError) return usage(err.message);
    throw err;
  }
  const modes = [opts.write, opts.diff, opts.check].filter(Boolean).length;
  if (modes > 1) return usage('choose one of --write, --diff, --check');
  // --fail-on only decides what makes --check fail; saying it without --check is a
  // mistake the user should hear about, not a silently ignored option. (A config
  // file may set it for the runs that do check.)
  if (!opts.check && program.getOptionValueSource('failOn') === 'cli') return usage('--fail-on needs --check');
  if (opts.write && opts.encoding && !opts.encoding.startsWith('utf')) {
    return usage(`--write cannot write ${opts.encoding} back; use -o to write UTF-8 copies`);
  }

  const fixOptions: FixOptions = {
    enable: [...opts.enable, ...(opts.unwrap ? ['unwrap'] : [])],
    disable: opts.disable,
    minConfidence: opts.minConfidence,
    markMissing: opts.markMissing,
    restoreLetters: opts.restoreLetters,
  };
  try {
    fixText('', fixOptions); // validates rule ids and thresholds once, up front
  } catch (err) {
    if (err instanceof UnknownRuleError || err instanceof RangeError) return usage(err.message);
    throw err;
  }

  const stdinOnly = files.length === 0 || (files.length === 1 && files[0] === '-');
  if (stdinOnly) return runPipe(opts, fixOptions, c);
  if (files.includes('-')) return usage('"-" (stdin) cannot be mixed with file names');
  if (opts.write && opts.output !== 'fixed' && program.getOptionValueSource('output') === 'cli') {
    return usage('--write cleans in place; it cannot be combined with -o');
  }
  return runBatch(files, opts, fixOptions, c);
}

function usage(message: string): number {
  process.stderr.write(`fix-arabic: ${message}\n`);
  return EXIT_ERROR;
}

function checkFails(reports: readonly FileReport[], failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return reports.some((f) => {
    if (!f.result) return false;
    const changes = isChanged(f);
    const flags = f.result.flags.length > 0;
    return failOn === 'changes' ? changes : failOn === 'flags' ? flags : changes || flags;
  });
}

async function runPipe(opts: CliOptions, fixOptions: FixOptions, colors: () => Promise<ChalkInstance>): Promise<number> {
  // Text goes out as it is fixed, chunk by chunk (src/stream.ts), so memory does
  // not grow with the input. The report formats need the whole account, so they
  // collect the pieces.
  try {
    // Node reads a directory on stdin as an empty stream; say what it is instead.
    if (fstatSync(0).isDirectory()) return usage('stdin: is a directory');
  } catch {
    /* no stdin at all: read it as empty */
  }
  const decoder = new StreamDecoder(opts.encoding, { text: opts.text });
  const streaming = !opts.diff && !opts.check && opts.format === 'text';
  if (streaming) {
    // A stream is fixed a chunk at a time, and a chunk's live data is some 20-100 MB;
    // but V8's default heap growth lets garbage pile up to 350-450 MB of RSS before it
    // collects. A smaller growth factor (a GC heuristic, read at each collection, so it
    // takes effect when set at run time; not a limit, so a 50 MB line still fits) keeps
    // a stream at 200-250 MB for about 10% more time. Only here: where results pile up
    // (batches, reports) the collections it adds cost a third more time (docs/robust.md).
    setFlagsFromString('--heap-growing-percent=25');
  }
  const inputs: string[] = [];
  const pieces: FixResult[] = [];
  async function* decoded(): AsyncGenerator<string> {
    for await (const chunk of process.stdin) {
      const text = decoder.push(chunk as Buffer);
      if (!streaming) inputs.push(text);
      if (text) yield text;
    }
    const rest = decoder.end();
    if (!streaming) inputs.push(rest);
    if (rest) yield rest;
  }
  try {
    for await (const piece of fixStream(decoded(), fixOptions, { account: !streaming })) {
      if (streaming) await writeOut(encodeText(piece.text, decoder.outputEncoding));
      else pieces.push(piece);
    }
  } catch (err) {
    if (err instanceof InputError) return usage(`stdin: ${err.message}`);
    // `fix-arabic < some-directory` and other read errors of stdin itself.
    if ((err as NodeJS.ErrnoException)?.code) return usage(`stdin: ${describeFsError(err)}`);
    throw err;
  }
  if (streaming) return EXIT_OK;
  const input = inputs.join('');
  const result = mergePieces(pieces);
  const report: FileReport = { path: '-', input, result };
  if (opts.diff) {
    const { unifiedDiff } = await import('./report/diff.js');
    await writeOut(unifiedDiff('stdin', input, result.text));
    return EXIT_OK;
  }
  if (opts.check) {
    if (opts.format === 'github') await writeOut(githubAnnotations([report]));
    else if (opts.format === 'json') await writeOut(pipeJson(result));
    if (!opts.quiet) process.stderr.write(summaryLine(report, await colors()) + '\n');
    return checkFails([report], opts.failOn) ? EXIT_CHECK_FAILED : EXIT_OK;
  }
  if (opts.format === 'json') await writeOut(pipeJson(result));
  else await writeOut(githubAnnotations([report]));
  return EXIT_OK;
}

/** The directory the inputs have in common, so outputs keep their relative layout. */
function commonDir(paths: readonly string[]): string {
  const dirs = paths.map((p) => dirname(resolve(p)).split(sep));
  let n = dirs[0].length;
  for (const d of dirs) {
    let k = 0;
    while (k < n && k < d.length && d[k] === dirs[0][k]) k++;
    n = k;
  }
  return dirs[0].slice(0, n).join(sep) || sep;
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

async function runBatch(
  files: string[],
  opts: CliOptions,
  fixOptions: FixOptions,
  colors: () => Promise<ChalkInstance>,
): Promise<number> {
  const c = await colors();
  const reports: FileReport[] = [];
  const verdicts: { changed: boolean; flags: number }[] = [];
  let ioError = false;
  const base = commonDir(files);
  const inputs = new Set(files.map(realOrResolved));
  const writesOutputs = !opts.write && !opts.diff && !opts.check;
  const outDir = resolve(opts.output);
  if (writesOutputs) {
    const problem = unusableDirectory(outDir);
    if (problem) return usage(`cannot write to ${opts.output}: ${problem}`);
  }

  // Where each output goes is decided here, up front, so that two inputs cannot
  // race for one output and no output can replace an input.
  const seenOutputs = new Set<string>();
  const tasks: FileTask[] = files.map((path, index) => {
    const task: FileTask = {
      index,
      path,
      mode: opts.write ? 'write' : opts.diff ? 'diff' : opts.check ? 'check' : 'output',
      encoding: opts.encoding,
      text: opts.text,
      fixOptions,
      colorLevel: c.level,
      account: (writesOutputs && opts.report) || (!opts.diff && opts.format !== 'text'),
    };
    if (opts.write) {
      task.target = realOrResolved(path); // through a symlink, not over it
    } else if (writesOutputs) {
      const target = join(outDir, relative(base, resolve(path)));
      if (inputs.has(realOrResolved(target))) task.refused = `output ${target} would overwrite an input; choose another -o`;
      else if (seenOutputs.has(target)) task.refused = `output ${target} is already written by another input`;
      else {
        try {
          mkdirSync(dirname(target), { recursive: true });
        } catch (err) {
          task.refused = `cannot write: ${describeFsError(err)}`;
        }
      }
      seenOutputs.add(target);
      task.target = target;
    }
    return task;
  });

  const progress = Progress.wanted() && !opts.quiet && files.length > 1 ? new Progress(files.length) : undefined;
  const say = (line: string) => (progress ? progress.log(line) : process.stderr.write(line + '\n'));
  await runTasks(tasks, opts.jobs, async (outcome) => {
    const report = outcome.report;
    reports.push(report);
    verdicts.push({ changed: outcome.changed, flags: outcome.flags });
    if (report.error !== undefined) {
      ioError = true;
      say(`fix-arabic: ${report.path}: ${report.error}`);
    } else if (outcome.diff !== undefined) {
      await writeOut(outcome.diff);
    } else if (!opts.quiet) {
      say(outcome.summary ?? summaryLine(report, c));
    }
    progress?.advance(outcome.bytes, outcome.flags);
  });
  progress?.finish();

  // stdout carries the chosen format in every mode but --diff (which prints the diff).
  if (!opts.diff && opts.format === 'github') await writeOut(githubAnnotations(reports));
  else if (!opts.diff && opts.format === 'json') await writeOut(batchJson(reports, TOOL));

  if (writesOutputs && opts.report) {
    // The HTML report (and the diff library under it) is loaded only here: a pipe starts faster without it.
    const { batchHtml } = await import('./report/html.js');
    try {
      mkdirSync(outDir, { recursive: true });
      writeAtomic(join(outDir, 'report.json'), Buffer.from(batchJson(reports, TOOL)));
      writeAtomic(join(outDir, 'report.md'), Buffer.from(batchMarkdown(reports, TOOL)));
      writeAtomic(join(outDir, 'report.html'), Buffer.from(batchHtml(reports, TOOL)));
      if (!opts.quiet) process.stderr.write(`report: ${relative(process.cwd(), join(outDir, 'report.md'))}\n`);
    } catch (err) {
      process.stderr.write(`fix-arabic: cannot write the report in ${outDir}: ${describeFsError(err)}\n`);
      ioError = true;
    }
  }
  if (ioError) return EXIT_ERROR;
  if (opts.check) return verdictFails(verdicts, opts.failOn) ? EXIT_CHECK_FAILED : EXIT_OK;
  return EXIT_OK;
}

/** checkFails from what each file's outcome says (the account itself may not have been sent). */
function verdictFails(verdicts: readonly { changed: boolean; flags: number }[], failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return verdicts.some(({ changed, flags }) =>
    failOn === 'changes' ? changed : failOn === 'flags' ? flags > 0 : changed || flags > 0,
  );
}

/** Why `dir` cannot take the outputs (a file is in the way), or undefined if it can. */
function unusableDirectory(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    try {
      return statSync(d).isDirectory() ? undefined : `${d} is a file, not a directory`;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return describeFsError(err);
    }
    if (dirname(d) === d) return undefined;
  }
}

/** Writes to stdout, waiting for the pipe to drain (large outputs, slow readers). */
function writeOut(data: string | Buffer): Promise<void> {
  if (data.length === 0) return Promise.resolve();
  return new Promise((resolvePromise) => {
    if (process.stdout.write(data)) resolvePromise();
    else process.stdout.once('drain', () => resolvePromise());
  });
}

function installProcessHandlers(): void {
  // `fix-arabic … | head -1`: the reader went away; that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT_OK);
    process.stderr.write(`fix-arabic: stdout: ${describeFsError(err)}\n`);
    process.exit(EXIT_ERROR);
  });
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => {
      // Never leave a half-written file behind: stop the workers, then remove
      // the temp files of the writes that were under way.
      const stop = () => {
        removePendingTemps();
        process.exit(code);
      };
      const timeout = new Promise<void>((r) => setTimeout(r, 2000).unref());
      void Promise.race([abortBatch(), timeout]).then(stop, stop);
    });
  }
}

const invokedDirectly = process.argv[1] && existsSync(process.argv[1]) && realpathSync(process.argv[1]) === realpathSync(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  installProcessHandlers();
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      const message = String((err as Error)?.message ?? err).split(/\r?\n/, 1)[0];
      process.stderr.write(`fix-arabic: internal error: ${message}\n`);
      process.exitCode = EXIT_ERROR;
    },
  );
}
