/**
 * Batch mode: every file is read, fixed and written by one task, and the tasks
 * run on a pool of worker threads (one per core by default). Outcomes are
 * handed back in the order of the input files whatever order the workers
 * finish in, so the messages, the diff and the reports are the same for any
 * number of jobs.
 */
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { deserialize, serialize } from 'node:v8';
import type { FixOptions, FixResult } from './core/types.js';
import { describeFsError, encodeText, InputError, readInput, removeTempsFor, writeAtomic, type Encoding } from './io.js';
import type { FileReport } from './report/model.js';
import { fixChunked } from './stream.js';

export interface FileTask {
  /** Position of the file on the command line: outcomes come back in this order. */
  index: number;
  path: string;
  /** output: write a copy to `target`; write: replace the file; diff, check: write nothing. */
  mode: 'output' | 'write' | 'diff' | 'check';
  target?: string;
  encoding?: Encoding;
  /** -a: NUL bytes are text. */
  text?: boolean;
  fixOptions: FixOptions;
  /** A reason found before the file was read (an output that would overwrite an input). */
  refused?: string;
  /** Colour level (chalk) for the summary line a worker makes. */
  colorLevel?: 0 | 1 | 2 | 3;
  /** Whether the main thread will read the changes and flags (reports, --format json/github). */
  account?: boolean;
}

export interface FileOutcome {
  index: number;
  report: FileReport;
  /** The unified diff, in diff mode. */
  diff?: string;
  /** Bytes read, for the progress bar. */
  bytes: number;
  /** The summary line, when a worker made it (so the main thread need not read the account). */
  summary?: string;
  /** Flags found, and whether the text changed: for the progress bar and --check. */
  flags: number;
  changed: boolean;
}

/**
 * A FileOutcome as a worker sends it. Cloning thousands of change objects into
 * the main thread costs about as much as finding them, and the main thread is
 * shared by all workers; so the account (changes and flags) travels as one
 * serialized buffer, is read only if a report needs it, and is not sent at all
 * when nothing will read it (no report, no --format json/github).
 */
export interface PackedOutcome extends Omit<FileOutcome, 'report'> {
  path: string;
  input: string;
  output?: string;
  error?: string;
  text?: string;
  account?: Uint8Array;
}

export function packOutcome(
  o: FileOutcome,
  summarize: (r: FileReport) => string,
  wantAccount: boolean,
): { packed: PackedOutcome; transfer: ArrayBuffer[] } {
  const { report, ...rest } = o;
  // The texts go only where a report may compare them; `changed` says the rest.
  const packed: PackedOutcome = { ...rest, path: report.path, input: wantAccount ? report.input : '', output: report.output, error: report.error };
  const transfer: ArrayBuffer[] = [];
  if (report.result) {
    packed.summary = summarize(report);
    if (wantAccount) packed.text = report.result.text;
    if (wantAccount) {
      const bytes = serialize({ changes: report.result.changes, flags: report.result.flags });
      // A fresh buffer of exactly this size can be transferred instead of copied.
      const own = new Uint8Array(bytes.length);
      own.set(bytes);
      packed.account = own;
      transfer.push(own.buffer);
    }
  }
  return { packed, transfer };
}

export function unpackOutcome(p: PackedOutcome): FileOutcome {
  const { path, input, output, error, text, account, ...rest } = p;
  const report: FileReport = { path, input };
  if (output !== undefined) report.output = output;
  if (error !== undefined) report.error = error;
  if (text !== undefined && account) {
    let result: FixResult | undefined;
    Object.defineProperty(report, 'result', {
      enumerable: true,
      get: () => (result ??= { text, ...(deserialize(account) as Pick<FixResult, 'changes' | 'flags'>) }),
    });
  }
  return { ...rest, report };
}

/** Reads, fixes and writes one file. Never throws: a failure is an outcome with an error. */
export async function processFile(task: FileTask): Promise<FileOutcome> {
  const { index, path } = task;
  const failed = (message: string, input = '', bytes = 0): FileOutcome => ({
    index,
    report: { path, input, error: firstLine(message) },
    bytes,
    flags: 0,
    changed: false,
  });
  if (task.refused) return failed(task.refused);
  let decoded;
  try {
    decoded = readInput(path, task.encoding, { text: task.text });
  } catch (err) {
    return failed(err instanceof InputError ? err.message : describeFsError(err));
  }
  const bytes = decoded.bytes.length;
  let result;
  try {
    result = fixChunked(decoded.text, task.fixOptions);
  } catch (err) {
    // A rule bug must not take the rest of the batch down, nor lose data.
    return failed(`internal error, file left as it was: ${(err as Error)?.message ?? String(err)}`, decoded.text, bytes);
  }
  const report: FileReport = { path, input: decoded.text, result };
  const outcome: FileOutcome = { index, report, bytes, flags: result.flags.length, changed: result.text !== decoded.text };
  try {
    if (task.mode === 'diff') {
      const { unifiedDiff } = await import('./report/diff.js');
      outcome.diff = unifiedDiff(path, decoded.text, result.text);
    } else if (task.mode === 'write') {
      if (result.text !== decoded.text) writeAtomic(task.target ?? path, encodeText(result.text, decoded.encoding));
      report.output = path;
    } else if (task.mode === 'output') {
      const target = task.target!;
      writeAtomic(target, encodeText(result.text, decoded.encoding), { durable: false });
      report.output = relative(process.cwd(), target) || target;
    }
  } catch (err) {
    return failed(err instanceof InputError ? err.message : `cannot write: ${describeFsError(err)}`, decoded.text, bytes);
  }
  return outcome;
}

/** Messages are one line on stderr, whatever an exception carried. */
function firstLine(message: string): string {
  return message.split(/\r?\n/, 1)[0].trim();
}

/** Below this much input, starting workers costs more than it saves. */
const MIN_PARALLEL_BYTES = 512 * 1024;

let active: Pool | undefined;

/**
 * Runs the tasks on `jobs` threads and calls `deliver` once per task, in task
 * order. With one job (or little input) everything runs on this thread.
 */
export async function runTasks(
  tasks: readonly FileTask[],
  jobs: number,
  deliver: (outcome: FileOutcome) => void | Promise<void>,
): Promise<void> {
  const ordered = new InOrder(deliver);
  const workers = Math.min(jobs, tasks.length);
  if (workers <= 1 || totalSize(tasks) < MIN_PARALLEL_BYTES) {
    for (const task of tasks) {
      await ordered.add(await processFile(task));
      // Let a pending SIGINT/SIGTERM be handled between files.
      await new Promise((r) => setImmediate(r));
    }
    return;
  }
  const pool = new Pool(workers);
  active = pool;
  try {
    await pool.run(tasks, (o) => ordered.add(o));
  } finally {
    active = undefined;
    await pool.close();
  }
}

/**
 * On a signal: stop the workers, then remove the temp files of the writes they
 * were in the middle of. Outputs already renamed into place are complete.
 */
export async function abortBatch(): Promise<void> {
  const pool = active;
  if (!pool) return;
  await pool.abort();
}

function totalSize(tasks: readonly FileTask[]): number {
  let n = 0;
  for (const t of tasks) {
    try {
      n += statSync(t.path).size;
    } catch {
      /* reported when the task runs */
    }
  }
  return n;
}

/** Buffers outcomes that arrive early and delivers them in index order. */
class InOrder {
  private next = 0;
  private readonly waiting = new Map<number, FileOutcome>();
  private chain: Promise<void> = Promise.resolve();
  constructor(private readonly deliver: (o: FileOutcome) => void | Promise<void>) {}
  add(o: FileOutcome): Promise<void> {
    this.waiting.set(o.index, o);
    this.chain = this.chain.then(async () => {
      while (this.waiting.has(this.next)) {
        const ready = this.waiting.get(this.next)!;
        this.waiting.delete(this.next);
        this.next++;
        await this.deliver(ready);
      }
    });
    return this.chain;
  }
}

interface Slot {
  worker: Worker;
  /** Tasks sent to this worker and not answered yet, oldest first (the one it is on). */
  tasks: FileTask[];
}

/** Tasks a worker holds at once, so it never waits for the main thread between files. */
const PREFETCH = 2;

/**
 * `size` threads in all: size - 1 workers, and the main thread, which takes
 * files from the same queue between delivering the workers' outcomes (one
 * isolate fewer to start and warm up).
 */
class Pool {
  private readonly slots: Slot[] = [];
  private queue: FileTask[] = [];
  private onOutcome: (o: FileOutcome) => Promise<void> = async () => {};
  private pending = 0;
  private done: () => void = () => {};
  private aborted = false;

  constructor(private readonly size: number) {}

  run(tasks: readonly FileTask[], onOutcome: (o: FileOutcome) => Promise<void>): Promise<void> {
    this.queue = [...tasks];
    this.pending = tasks.length;
    this.onOutcome = onOutcome;
    const finished = new Promise<void>((resolve) => (this.done = resolve));
    for (let i = 0; i < this.size - 1; i++) this.slots.push(this.spawn());
    for (const slot of this.slots) this.feed(slot);
    void this.runHere();
    return finished;
  }

  /** The main thread's share: one file at a time, yielding to the workers' messages between. */
  private async runHere(): Promise<void> {
    for (;;) {
      await new Promise((r) => setImmediate(r));
      const task = this.aborted ? undefined : this.queue.shift();
      if (!task) return;
      this.finish(await processFile(task));
    }
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./batch-worker.js', import.meta.url));
    const slot: Slot = { worker, tasks: [] };
    worker.on('message', (o: PackedOutcome) => {
      slot.tasks.shift();
      this.finish(unpackOutcome(o));
      this.feed(slot);
    });
    // A worker that dies (out of memory, a crash in a rule) fails only the file
    // it was on; the files it had not started go back to the queue.
    const lost = (why: string) => {
      if (this.aborted) return;
      const [task, ...notStarted] = slot.tasks;
      slot.tasks = [];
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      this.queue.unshift(...notStarted);
      if (task) {
        removeTempsFor(task.target ?? task.path);
        this.finish({ index: task.index, report: { path: task.path, input: '', error: `internal error, file left as it was: ${why}` }, bytes: 0, flags: 0, changed: false });
      }
      if (this.queue.length > 0) {
        const fresh = this.spawn();
        this.slots.push(fresh);
        this.feed(fresh);
      }
    };
    worker.on('error', (err) => lost(err?.message ?? String(err)));
    worker.on('exit', (code) => {
      if (slot.tasks.length) lost(`worker exited with code ${code}`);
    });
    return slot;
  }

  private feed(slot: Slot): void {
    while (slot.tasks.length < PREFETCH) {
      const task = this.queue.shift();
      if (!task) return;
      slot.tasks.push(task);
      slot.worker.postMessage(task);
    }
  }

  private finish(o: FileOutcome): void {
    const settle = () => {
      if (--this.pending === 0) this.done();
    };
    void this.onOutcome(o).then(settle, settle);
  }

  async abort(): Promise<void> {
    this.aborted = true;
    const inFlight = this.slots.flatMap((s) => s.tasks);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    for (const t of inFlight) removeTempsFor(t.target ?? t.path);
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
