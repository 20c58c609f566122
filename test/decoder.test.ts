import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, InputError, StreamDecoder } from '../src/io.js';
import { runCli, requireBuild } from './helpers/cli.js';

function decodeInPieces(bytes: Buffer, cuts: number[]): string {
  const d = new StreamDecoder();
  let out = '';
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    out += d.push(bytes.subarray(at, c));
    at = c;
  }
  return out + d.push(bytes.subarray(at)) + d.end();
}

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
  return '';
}

describe('StreamDecoder', () => {
  it('decodes the same text however the bytes are cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const bytes = Buffer.from(text, 'utf8');
        if (bytes.includes(0)) return;
        expect(decodeInPieces(bytes, cuts.map((c) => c % (bytes.length + 1)))).toBe(text);
      }),
    );
  });

  it('reports the byte offset of invalid UTF-8 the same way, whole or in pieces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), fc.integer({ min: 0xf8, max: 0xff }), fc.array(fc.nat(), { maxLength: 5 }), (text, bad, cuts) => {
        const prefix = Buffer.from(text.replace(/\0/g, ''), 'utf8');
        const bytes = Buffer.concat([prefix, Buffer.from([bad]), Buffer.from('ok')]);
        const whole = errorOf(() => decodeBytes(bytes));
        expect(whole).toMatch(new RegExp(`invalid UTF-8 at byte ${prefix.length}\\b`));
        expect(errorOf(() => decodeInPieces(bytes, cuts.map((c) => c % (bytes.length + 1))))).toBe(whole);
      }),
    );
  });

  it('knows a UTF-16 file by its BOM even when the first piece is one byte', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('سلام', 'utf16le')]);
    const d = new StreamDecoder();
    const text = d.push(bytes.subarray(0, 1)) + d.push(bytes.subarray(1, 5)) + d.push(bytes.subarray(5)) + d.end();
    expect(text).toBe('\ufeffسلام');
    expect(d.outputEncoding).toBe('utf-16le');
  });
});

describe('stdin in many pieces', () => {
  it('names the right byte of an invalid sequence far into a pipe', () => {
    requireBuild();
    const prefix = Buffer.from('سطر عربي\n'.repeat(40_000)); // about 680 KB: many stdin chunks
    const r = runCli([], { input: Buffer.concat([prefix, Buffer.from([0xc3, 0x28])]) });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      `fix-arabic: stdin: invalid UTF-8 at byte ${prefix.length} (use --encoding windows-1256 or utf-16le if that is what the file is)`,
    );
  });
});
