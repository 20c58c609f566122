/**
 * Reading and writing the user's files without ever corrupting them: strict
 * decoding with a clear reason when the bytes are not text we can read, and
 * atomic writes (temp file, fsync, rename) so an interrupted run leaves either
 * the old file or the new one, never half of one.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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

export function readInput(path: string, encoding?: Encoding): DecodedFile {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new InputError('is a directory');
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(describeFsError(err));
  }
  return decodeBytes(bytes, encoding);
}

export function decodeBytes(bytes: Buffer, encoding?: Encoding): DecodedFile {
  // A UTF-16 byte-order mark says what the file is; honour it before the NUL check
  // (UTF-16 text is full of NUL bytes).
  if (!encoding || encoding.startsWith('utf-16')) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return utf16(bytes, encoding);
  if (encoding && encoding !== 'utf-8') {
    return { text: new TextDecoder(encoding).decode(bytes), encoding: 'utf-8', bytes };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputError(`binary file (NUL byte at offset ${nul}), skipped`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8', bytes };
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new InputError(
      `invalid UTF-8 at byte ${at} (use --encoding windows-1256 or utf-16le if that is what the file is)`,
    );
  }
}

function utf16(bytes: Buffer, enc: 'utf-16le' | 'utf-16be'): DecodedFile {
  if (bytes.length % 2 !== 0) throw new InputError(`odd number of bytes for ${enc.toUpperCase()}`);
  try {
    // Keep the BOM in the text; fixText sets it aside and puts it back.
    const text = new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding: enc, bytes };
  } catch {
    throw new InputError(`invalid ${enc.toUpperCase()} text`);
  }
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

/**
 * Writes `data` to `path` atomically: a temp file beside it, fsync, rename.
 * If anything fails the temp file is removed and `path` is as it was.
 */
export function writeAtomic(path: string, data: Buffer): void {
  const tmp = join(dirname(path), `.${basename(path)}.fix-arabic-${process.pid}-${Date.now()}.tmp`);
  pendingTemps.add(tmp);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', existingMode(path));
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
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
