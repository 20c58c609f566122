import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/index.js';

const dir = new URL('../seeds/', import.meta.url);
const seeds = readdirSync(dir).sort();
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');

describe('the sample files', () => {
  it('are the five shipped seeds, byte-for-byte as in ../shared', () => {
    expect(seeds).toHaveLength(5);
    for (const name of seeds) {
      const shared = new URL(`../../shared/seeds/${name}`, import.meta.url);
      let original: Buffer;
      try {
        original = readFileSync(shared);
      } catch {
        continue; // ../shared is not beside every checkout; the count above still holds
      }
      expect(readFileSync(new URL(name, dir)).equals(original)).toBe(true);
    }
  });

  for (const name of seeds.filter((n) => /^00[123]_/.test(n))) {
    it(`clean sample ${name} comes out byte-for-byte unchanged, with no flags`, () => {
      const input = read(name);
      const r = fixText(input);
      expect(r.text).toBe(input);
      expect(r.changes).toEqual([]);
      expect(r.flags).toEqual([]);
    });
  }

  for (const name of seeds.filter((n) => /^00[04]_/.test(n))) {
    it(`damaged sample ${name} has no justification tatweel left`, () => {
      const input = read(name);
      expect(input).toContain('\u0640');
      const r = fixText(input);
      // The only tatweel allowed is a one-letter prefix before a non-letter.
      const left = [...r.text.matchAll(/[\u0621-\u064a]*\u0640+[\u0621-\u064a]*/g)].map((m) => m[0]);
      expect(left.filter((w) => !/^[\u0621-\u064a]\u0640+$/.test(w))).toEqual([]);
      expect(r.changes.some((c) => c.rule === 'remove-kashida')).toBe(true);
    });
  }
});
