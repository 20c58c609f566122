import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { bareWord } from '../src/core/arabic.js';
import { fixText } from '../src/index.js';
import { CompactLexicon, CorruptLexiconError, graphFromWords, serializeGraph } from '../src/knowledge/compact-lexicon.js';
import { ayaspellTriePath, lexiconCachePath, lexiconFromWords, loadCompiledLexicon, writeCompiledLexicon } from '../src/knowledge/lexicon.js';
import { requireBuild, runCli, seed, tempDir } from './helpers/cli.js';

const compile = (words: string[]) => serializeGraph(graphFromWords(words));

describe('compact lexicon format', () => {
  it('answers exactly like a set of the words', () => {
    const word = fc.string({ unit: fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 60 }), fc.array(word, { maxLength: 30 }), (words, probes) => {
        const lex = new CompactLexicon(compile(words));
        const set = new Set(words);
        for (const w of [...words, ...probes, '']) expect(lex.has(w)).toBe(set.has(w));
      }),
    );
  });

  it('refuses a damaged file instead of answering wrongly', () => {
    const bytes = compile(['كتاب', 'كتب', 'مكتبة']);
    expect(() => new CompactLexicon(bytes.subarray(0, bytes.length - 4))).toThrow(CorruptLexiconError);
    for (let i = 8; i < bytes.length; i += 3) {
      const bad = new Uint8Array(bytes);
      bad[i] ^= 0x5a;
      expect(() => new CompactLexicon(bad), `byte ${i}`).toThrow(CorruptLexiconError);
    }
    expect(() => new CompactLexicon(new TextEncoder().encode('not a lexicon at all'))).toThrow(CorruptLexiconError);
  });
});

describe('the cache', () => {
  it('is compiled once, then loaded; a damaged or emptied cache is rebuilt', () => {
    const dir = tempDir();
    const path = join(dir, 'sub', 'lexicon.bin');
    let builds = 0;
    const build = (out: string) => {
      builds++;
      writeCompiledLexicon(out, compile(['سلام', 'عليكم']));
    };
    expect(loadCompiledLexicon(path, build).has('سلام')).toBe(true);
    expect(builds).toBe(1);
    expect(loadCompiledLexicon(path, build).has('عليكم')).toBe(true);
    expect(builds).toBe(1);
    const bytes = readFileSync(path);
    bytes[bytes.length - 8] ^= 0xff;
    writeFileSync(path, bytes);
    expect(loadCompiledLexicon(path, build).has('سلام')).toBe(true);
    expect(builds).toBe(2);
    writeFileSync(path, '');
    expect(loadCompiledLexicon(path, build).has('سلام')).toBe(true);
    expect(builds).toBe(3);
  });

  it('lives under $XDG_CACHE_HOME/fix-arabic (else ~/.cache), named by dictionary version', () => {
    const version = JSON.parse(readFileSync(join(ayaspellTriePath(), '..', 'package.json'), 'utf8')).version;
    expect(lexiconCachePath({ XDG_CACHE_HOME: '/x/cache' })).toMatch(new RegExp(`^/x/cache/fix-arabic/lexicon-ar-${version.replace(/\./g, '\\.')}-`));
    expect(lexiconCachePath({})).toMatch(/\/\.cache\/fix-arabic\/lexicon-ar-/);
  });

  it('the compiled AyaSpell answers exactly like cspell-trie-lib', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const compiled = loadCompiledLexicon(join(dir, 'ar.bin')); // the real child-process build
    expect(existsSync(join(dir, 'ar.bin'))).toBe(true);
    const { decodeTrie } = await import('cspell-trie-lib');
    const trie = decodeTrie(gunzipSync(readFileSync(ayaspellTriePath())).toString('utf8'));
    const words = new Set<string>();
    for (const p of ['000', '001', '002', '003', '004']) {
      for (const m of seed(p).matchAll(/[\u0621-\u064a\u0640-\u065f\u0670]+/g)) {
        const w = bareWord(m[0]);
        words.add(w);
        words.add(w.slice(1));
        words.add(w.slice(0, -1));
        words.add(w + 'ي');
      }
    }
    let hits = 0;
    for (const w of words) {
      if (w === '') continue;
      const want = trie.has(w);
      if (want) hits++;
      expect(compiled.has(w), w).toBe(want);
    }
    expect(hits).toBeGreaterThan(500);
  });
});

describe('clean text never loads the lexicon', () => {
  beforeAll(requireBuild);

  it('fixText over the clean samples never asks for it', () => {
    for (const p of ['001', '002', '003']) {
      let asked = 0;
      const options = {};
      Object.defineProperty(options, 'lexicon', {
        get() {
          asked++;
          return lexiconFromWords([]);
        },
      });
      fixText(seed(p), options);
      expect(asked, `seed ${p}`).toBe(0);
    }
  });

  it('a CLI run over clean text builds no cache', () => {
    const cache = tempDir();
    const dir = tempDir();
    for (const p of ['001', '002', '003']) writeFileSync(join(dir, `${p}.txt`), seed(p));
    const r = runCli(['--check', '--jobs', '1', ...['001', '002', '003'].map((p) => join(dir, `${p}.txt`))], { env: { XDG_CACHE_HOME: cache } });
    expect(r.status).toBe(0);
    expect(readdirSync(cache)).toEqual([]);
  });
});
