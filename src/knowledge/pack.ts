/**
 * The byte layout of a knowledge pack: named sections (typed arrays and strings)
 * after a small JSON header, each 8-byte aligned so that a Float64Array can view
 * the file's bytes without a copy. Nothing here knows what the sections mean
 * (knowledge-pack.ts does).
 */

import { Buffer } from 'node:buffer';

const MAGIC = 'FXAPACK2';
const IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export type Section = Float64Array | Uint32Array | string;

interface SectionEntry {
  type: 'f64' | 'u32' | 'str';
  offset: number;
  /** Bytes. */
  length: number;
}

interface Header {
  meta: unknown;
  sections: Record<string, SectionEntry>;
}

export class CorruptPackError extends Error {}

const align8 = (n: number) => (n + 7) & ~7;

export function writePack(meta: unknown, sections: Record<string, Section>): Uint8Array {
  if (!IS_LITTLE_ENDIAN) throw new Error('knowledge packs are written on little-endian machines only');
  const encoder = new TextEncoder();
  const bodies: [string, SectionEntry, Uint8Array][] = [];
  for (const [name, value] of Object.entries(sections)) {
    // Strings as UTF-16: decoding them is a copy, about five times faster than
    // decoding UTF-8 into the two-byte strings Arabic text needs.
    const bytes =
      typeof value === 'string' ? Buffer.from(value, 'utf16le') : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    const type = typeof value === 'string' ? 'str' : value instanceof Float64Array ? 'f64' : 'u32';
    bodies.push([name, { type, offset: 0, length: bytes.length }, bytes]);
  }
  // Offsets are relative to the first section, which starts after the header.
  const entries: Record<string, SectionEntry> = {};
  let at = 0;
  for (const [name, entry] of bodies) {
    entries[name] = { ...entry, offset: at };
    at = align8(at + entry.length);
  }
  const header = encoder.encode(JSON.stringify({ meta, sections: entries } satisfies Header));
  const base = align8(MAGIC.length + 4 + header.length);
  const out = new Uint8Array(base + at);
  out.set(encoder.encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, header.length, true);
  out.set(header, MAGIC.length + 4);
  for (const [name, , bytes] of bodies) out.set(bytes, base + entries[name].offset);
  return out;
}

export interface Pack {
  meta: unknown;
  get(name: string): Section | undefined;
}

/** Reads a pack; arrays view `bytes` where they are aligned (they are, in a file read whole). */
export function readPack(bytes: Uint8Array): Pack {
  if (!IS_LITTLE_ENDIAN) throw new CorruptPackError('knowledge packs are read on little-endian machines only');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  if (bytes.length < MAGIC.length + 4 || decoder.decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) {
    throw new CorruptPackError('not a knowledge pack');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(MAGIC.length, true);
  let header: Header;
  try {
    header = JSON.parse(decoder.decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength))) as Header;
  } catch {
    throw new CorruptPackError('the pack header is damaged');
  }
  const base = align8(MAGIC.length + 4 + headerLength);
  const get = (name: string): Section | undefined => {
    const e = header.sections?.[name];
    if (!e) return undefined;
    const start = base + e.offset;
    if (!Number.isInteger(e.offset) || !Number.isInteger(e.length) || e.offset < 0 || start + e.length > bytes.length) {
      throw new CorruptPackError(`section ${name} lies outside the pack`);
    }
    const raw = bytes.subarray(start, start + e.length);
    if (e.type === 'str') {
      if (e.length % 2 !== 0) throw new CorruptPackError(`section ${name} is not UTF-16`);
      return Buffer.from(raw.buffer, raw.byteOffset, raw.length).toString('utf16le');
    }
    const width = e.type === 'f64' ? 8 : 4;
    if (e.length % width !== 0) throw new CorruptPackError(`section ${name} is not a whole number of values`);
    const aligned = (bytes.byteOffset + start) % width === 0 ? raw : raw.slice();
    return e.type === 'f64'
      ? new Float64Array(aligned.buffer, aligned.byteOffset, e.length / 8)
      : new Uint32Array(aligned.buffer, aligned.byteOffset, e.length / 4);
  };
  return { meta: header.meta, get };
}
