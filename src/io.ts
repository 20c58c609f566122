/**
 * Reading and writing the user's files without ever corrupting them: strict
 * decoding with a clear reason when the bytes are not text we can read, and
 * atomic writes (temp file, fsync, rename) so an interrupted run leaves either
 * the old file or the new one, never half of one.
 */
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { basename, dirname, join } from 'node:path';
import { TextDecoder } from 'node:util';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'iso-8859-6';
export const READABLE_ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'iso-8859-6'];

/** A file we refuse to read, with a one-line reason for the user. */
export class InputError extends Error {}

export interface DecodedFile {
  text: string;
  /** How to write it back: the same encoding when we can, so nothing is lost. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** The original bytes, for --write (kept untouched if anything fails). */
  bytes: Buffer;
}

export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory';
    case 'EPIPE':
      return 'the reader closed the pipe';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return e?.message ?? String(err);
  }
}

/** `text`: read NUL bytes as text (`-a`, as grep has it) instead of refusing the file as binary. */
export interface ReadOptions {
  text?: boolean;
}

export function readInput(path: string, encoding?: Encoding, options: ReadOptions = {}): DecodedFile {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new InputError('is a directory');
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(describeFsError(err));
  }
  return decodeBytes(bytes, encoding, options);
}

export function decodeBytes(bytes: Buffer, encoding?: Encoding, options: ReadOptions = {}): DecodedFile {
  const decoder = new StreamDecoder(encoding, options);
  const text = decoder.push(bytes) + decoder.end();
  return { text, encoding: decoder.outputEncoding, bytes };
}

/**
 * Decodes bytes that arrive in pieces (stdin), with the same checks as a whole
 * file: a UTF-16 byte-order mark is honoured, NUL bytes mean binary, and
 * malformed input is refused with the byte offset where it goes wrong.
 */
export class StreamDecoder {
  /** How to write the text back: known once the first bytes have been seen. */
  outputEncoding: DecodedFile['encoding'] = 'utf-8';
  private decoder: TextDecoder | undefined;
  private mode: 'utf-8' | 'utf-16le' | 'utf-16be' | 'legacy' = 'utf-8';
  /** Bytes held back until there are enough to look for a byte-order mark. */
  private head: Buffer | undefined = Buffer.alloc(0);
  /** Bytes before the current piece, and the incomplete UTF-8 sequence at its end. */
  private consumed = 0;
  private carry: Buffer = Buffer.alloc(0);

  constructor(
    private readonly requested?: Encoding,
    private readonly options: ReadOptions = {},
  ) {}

  push(chunk: Uint8Array): string {
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.head) {
      bytes = Buffer.concat([this.head, bytes]);
      if (bytes.length < 2) {
        this.head = bytes;
        return '';
      }
      this.head = undefined;
      this.choose(bytes);
    }
    return this.decode(bytes, false);
  }

  end(): string {
    if (this.head) {
      const bytes = this.head;
      this.head = undefined;
      this.choose(bytes);
      return this.decode(bytes, true);
    }
    return this.decode(Buffer.alloc(0), true);
  }

  private choose(first: Buffer): void {
    const req = this.requested;
    // A UTF-16 byte-order mark says what the file is; honour it before the NUL check
    // (UTF-16 text is full of NUL bytes).
    const sniff = !req || req.startsWith('utf-16');
    let mode: StreamDecoder['mode'] = 'utf-8';
    if (sniff && first[0] === 0xff && first[1] === 0xfe) mode = 'utf-16le';
    else if (sniff && first[0] === 0xfe && first[1] === 0xff) mode = 'utf-16be';
    else if (req === 'utf-16le' || req === 'utf-16be') mode = req;
    else if (req && req !== 'utf-8') mode = 'legacy';
    this.mode = mode;
    if (mode === 'legacy') {
      this.decoder = new TextDecoder(req!);
      this.outputEncoding = 'utf-8';
    } else {
      // Keep a BOM in the text; fixText sets it aside and puts it back.
      this.decoder = new TextDecoder(mode, { fatal: true, ignoreBOM: true });
      this.outputEncoding = mode;
    }
  }

  private decode(bytes: Buffer, final: boolean): string {
    const decoder = this.decoder!;
    if (this.mode === 'utf-8' && !this.options.text) {
      const nul = bytes.indexOf(0);
      if (nul >= 0) throw new InputError(binaryMessage(bytes, nul, this.consumed + nul));
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: !final });
    } catch {
      throw new InputError(this.whereInvalid(bytes, final));
    }
    this.advance(bytes);
    return text;
  }

  private advance(bytes: Buffer): void {
    if (this.mode === 'utf-8') {
      const joined = this.carry.length ? Buffer.concat([this.carry, bytes]) : bytes;
      const keep = incompleteUtf8Tail(joined);
      this.carry = Buffer.from(joined.subarray(joined.length - keep));
    }
    this.consumed += bytes.length;
  }

  private whereInvalid(bytes: Buffer, final: boolean): string {
    if (this.mode === 'utf-8') {
      const joined = Buffer.concat([this.carry, bytes]);
      const base = this.consumed - this.carry.length;
      const at = firstInvalidUtf8(joined);
      if (at >= joined.length) return `invalid UTF-8 at byte ${base + joined.length}`;
      if (final && at + utf8Length(joined[at]) > joined.length) {
        return `invalid UTF-8: the last character is cut off (at byte ${base + at})`;
      }
      return `invalid UTF-8 at byte ${base + at} (use --encoding windows-1256 or utf-16le if that is what the file is)`;
    }
    if (this.mode === 'utf-16le' || this.mode === 'utf-16be') {
      if (final && (this.consumed + bytes.length) % 2 !== 0) return `odd number of bytes for ${this.mode.toUpperCase()}`;
      return `invalid ${this.mode.toUpperCase()} text (an unpaired surrogate)`;
    }
    return `cannot decode as ${this.requested}`;
  }
}

/** Length of the UTF-8 sequence a lead byte starts (1 for anything else). */
function utf8Length(lead: number | undefined): number {
  if (lead === undefined) return 1;
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

/** How many bytes at the end start a UTF-8 sequence that is not complete yet. */
function incompleteUtf8Tail(b: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= b.length; k++) {
    const c = b[b.length - k];
    if (c < 0x80) return 0;
    if (c >= 0xc0) return utf8Length(c) > k ? k : 0;
  }
  return 0;
}

/**
 * NUL bytes mean binary, unless the file is UTF-16 without its byte-order mark:
 * then every NUL sits at the same parity (the high byte of ASCII characters) and
 * the high bytes take only a few values (0x00, 0x06 for Arabic, …).
 */
function binaryMessage(bytes: Uint8Array, localNul: number, nulOffset: number): string {
  // (pdf.js writes glyphs it cannot map as their codes, NUL among them: -a reads such text.)
  const base = `binary file (NUL byte at offset ${nulOffset}), skipped (-a reads it as text)`;
  const from = localNul - (localNul % 2);
  const to = Math.min(bytes.length - 1, from + 8192);
  const zeros = [0, 0];
  const highs = [new Set<number>(), new Set<number>()];
  for (let i = from; i < to; i += 2) {
    for (const parity of [0, 1]) {
      const b = bytes[i + parity];
      if (b === 0) zeros[parity]++;
      highs[parity].add(b);
    }
  }
  for (const [parity, name] of [[1, 'UTF-16LE'], [0, 'UTF-16BE']] as const) {
    if (zeros[parity] > 0 && zeros[1 - parity] === 0 && highs[parity].size <= 8) {
      return `${base}; it looks like ${name} without a byte-order mark: use --encoding ${name.toLowerCase()}`;
    }
  }
  return base;
}

/** Byte offset of the first sequence that is not well-formed UTF-8. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    let min = 0;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    if (i + n >= b.length) return i; // truncated sequence
    let cp = c & (0xff >> (n + 2));
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}

export function encodeText(text: string, encoding: DecodedFile['encoding']): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const le = Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16le') return le;
  return le.swap16();
}

/** Temp files are named after their target and this process, so they can be found and removed. */
function tempPrefix(path: string): string {
  return `.${basename(path)}.fix-arabic-${process.pid}-`;
}
let tempCounter = 0;

/**
 * Writes `data` to `path` atomically: a temp file beside it, fsync, rename, then
 * fsync of the directory so the rename itself survives a crash. If anything
 * fails the temp file is removed and `path` is as it was.
 *
 * `durable: false` skips the two fsyncs: still atomic (a reader sees the old file
 * or the new one, never half of one), but a power cut may lose the new file.
 * For copies in an output directory, where nothing of the user's is at stake and
 * two fsyncs per file would cost more than fixing it.
 */
export function writeAtomic(path: string, data: Buffer, { durable = true }: { durable?: boolean } = {}): void {
  const tmp = join(dirname(path), `${tempPrefix(path)}${threadId}-${tempCounter++}.tmp`);
  pendingTemps.add(tmp);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', existingMode(path));
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* the temp file may not exist */
    }
    throw err;
  } finally {
    pendingTemps.delete(tmp);
  }
  if (durable) syncDirectory(dirname(path));
}

function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* not every file system lets a directory be synced; the data itself is */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Removes the temp files this process may have left beside `path` (a worker
 * thread stopped in the middle of writeAtomic).
 */
export function removeTempsFor(path: string): void {
  const prefix = tempPrefix(path);
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    try {
      unlinkSync(join(dirname(path), name));
    } catch {
      /* already gone */
    }
  }
}

function existingMode(path: string): number {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return 0o644;
  }
}

/** Temp files being written now, so a signal handler can remove them. */
export const pendingTemps = new Set<string>();

export function removePendingTemps(): void {
  for (const tmp of pendingTemps) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  }
  pendingTemps.clear();
}
