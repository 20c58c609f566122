import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildKnowledgePack } from '../src/knowledge/build-knowledge-pack.js';
import { monthNamesFromIcu, packedMonths } from '../src/knowledge/calendar.js';
import { modelFromData, modelFromPack, webWordCounts } from '../src/knowledge/frequency.js';
import { PACK_FORMAT, packAt, sourceSizes } from '../src/knowledge/knowledge-pack.js';
import { letterPairsFromCounts, letterPairsFromPack } from '../src/knowledge/letter-pairs.js';
import { CorruptPackError, readPack, writePack } from '../src/knowledge/pack.js';
import { SortedKeys, SortedNumbers } from '../src/knowledge/sorted-keys.js';
import { monthNamesFromIcu as dateMonthsFromIcu, packedDateMonths } from '../src/reorder/dates.js';
import { classModelBuilderOf, classModelFromPack } from '../src/reorder/word-classes.js';

const tmp = mkdtempSync(join(tmpdir(), 'fix-arabic-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('pack layout', () => {
  it('gives back every section as written, arrays aligned', () => {
    const f = new Float64Array([1.5, -2, 1e300]);
    const u = new Uint32Array([0, 7, 2 ** 32 - 1]);
    const bytes = writePack({ a: 1 }, { f, s: 'نص عربي\nline', u, e: '' });
    const pack = readPack(bytes);
    expect(pack.meta).toEqual({ a: 1 });
    expect([...(pack.get('f') as Float64Array)]).toEqual([...f]);
    expect([...(pack.get('u') as Uint32Array)]).toEqual([...u]);
    expect(pack.get('s')).toBe('نص عربي\nline');
    expect(pack.get('e')).toBe('');
    expect(pack.get('missing')).toBeUndefined();
  });

  it('refuses what is not a pack, or a cut one', () => {
    const bytes = writePack({}, { f: new Float64Array(100) });
    expect(() => readPack(new TextEncoder().encode('not a pack at all'))).toThrow(CorruptPackError);
    expect(() => readPack(bytes.subarray(0, 10))).toThrow(CorruptPackError);
    expect(() => readPack(bytes.subarray(0, bytes.length - 8)).get('f')).toThrow(CorruptPackError);
  });
});

describe('sorted keys', () => {
  it('finds every key at its rank and nothing else', () => {
    const key = fc.string({ unit: fc.constantFrom('ا', 'ل', 'م', 'ب', ' ', 'a', '\u064e', '😀') });
    fc.assert(
      fc.property(fc.uniqueArray(key), fc.array(key), (keys, probes) => {
        const sorted = SortedKeys.from(keys);
        const expected = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(sorted.size).toBe(keys.length);
        expected.forEach((k, i) => {
          expect(sorted.key(i)).toBe(k);
          expect(sorted.indexOf(k)).toBe(i);
        });
        for (const p of probes) expect(sorted.indexOf(p)).toBe(expected.indexOf(p));
        const again = SortedKeys.stored(sorted.text, sorted.starts);
        for (const p of probes) expect(again.indexOf(p)).toBe(sorted.indexOf(p));
      }),
    );
  });

  it('numbers: a value for a key, 0 for others', () => {
    const n = SortedNumbers.from([[40960, 3], [5, 1], [4097, 2]]);
    expect([n.get(5), n.get(4097), n.get(40960), n.get(6), n.get(-1)]).toEqual([1, 2, 3, 0, 0]);
  });
});

describe('the knowledge pack answers as the models built from the data', () => {
  const bytes = buildKnowledgePack();
  const pack = readPack(bytes);
  const data = modelFromData();
  const pairs: [string, string, number][] = [];
  data.forEachPair!((a, b, c) => pairs.push([a, b, c]));
  // Words the counts do not know, with and without a known class shape.
  const unseen = ['كتابوفيل', 'والمستقبليات', 'xyz', '<NUM>', '<LAT>', 'ب'];

  it('web counts: every word and pair, unseen ones, totals', () => {
    const packed = modelFromPack(pack)!;
    expect(packed).not.toBeNull();
    for (const [w, c] of webWordCounts()) expect(packed.word(w)).toBe(c);
    for (const [a, b, c] of pairs) expect(packed.pair(a, b)).toBe(c);
    for (const w of unseen) expect(packed.word(w)).toBe(data.word(w));
    expect(packed.pair('كتابوفيل', 'في')).toBe(0);
    expect([packed.totalWords, packed.totalPairs]).toEqual([data.totalWords, data.totalPairs]);
  });

  it('word classes: the same association for counted and unseen pairs', () => {
    const fresh = classModelBuilderOf(data).build();
    const packed = classModelFromPack(pack)!;
    expect(packed).not.toBeNull();
    const words = [...new Set(pairs.flatMap(([a, b]) => [a, b]))].slice(0, 300).concat(unseen);
    for (let i = 0; i < words.length; i++) {
      for (const j of [i, (i * 7 + 3) % words.length, words.length - 1 - i]) {
        expect(packed.assoc(words[i], words[j])).toBe(fresh.assoc(words[i], words[j]));
        expect(packed.halfAssoc(words[i], words[j])).toBe(fresh.halfAssoc(words[i], words[j]));
      }
    }
    for (const [a, b] of pairs.slice(0, 2000)) expect(packed.halfAssoc(a, b)).toBe(fresh.halfAssoc(a, b));
  });

  it('letter pairs: the same reversal gains', () => {
    const fresh = letterPairsFromCounts(webWordCounts());
    const packed = letterPairsFromPack(pack)!;
    const words = [...webWordCounts().keys()].filter((_, i) => i % 37 === 0).concat(['ةبتكملا', 'abc']);
    for (const w of words) expect(packed.reversalGain([w])).toBe(fresh.reversalGain([w]));
  });

  it('month names: the same as ICU gives, and none from another ICU', () => {
    expect(packedMonths(pack)).toEqual(monthNamesFromIcu());
    const other = readPack(writePack({ icu: 'another' }, { months: JSON.stringify(monthNamesFromIcu()), 'dates.months': pack.get('dates.months')! }));
    expect(packedMonths(other)).toBeNull();
    expect(packedDateMonths(other)).toBeNull();
    expect(packedDateMonths(pack)).toEqual(dateMonthsFromIcu());
  });

  it('a pack is used only if it is whole, of this format, and built from the data as it is', () => {
    const file = join(tmp, 'knowledge.pack');
    writeFileSync(file, bytes);
    expect(packAt(file)).not.toBeNull();
    writeFileSync(file, bytes.subarray(0, 100));
    expect(packAt(file)).toBeNull();
    writeFileSync(file, writePack({ format: PACK_FORMAT + 1, sources: sourceSizes() }, {}));
    expect(packAt(file)).toBeNull();
    const sizes = sourceSizes();
    writeFileSync(file, writePack({ format: PACK_FORMAT, sources: { ...sizes, 'bigrams.tsv': 1 } }, {}));
    expect(packAt(file)).toBeNull();
    expect(packAt(join(tmp, 'none'))).toBeNull();
    // A pack with the right header but missing sections: each model falls back.
    const empty = readPack(writePack({ format: PACK_FORMAT, sources: sizes }, {}));
    expect([modelFromPack(empty), classModelFromPack(empty), letterPairsFromPack(empty), packedMonths(empty)]).toEqual([null, null, null, null]);
  });

  // npm test builds dist/ first; the pack there must be this source's.
  const built = new URL('../dist/knowledge.pack', import.meta.url);
  it.skipIf(!existsSync(built))('the pack the build wrote is the one this source builds', () => {
    expect(Buffer.compare(readFileSync(built), Buffer.from(bytes))).toBe(0);
  });
});
