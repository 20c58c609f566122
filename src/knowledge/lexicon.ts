/**
 * The Arabic lexicon: the AyaSpell word list as shipped by @cspell/dict-ar. It
 * over-generates (it accepts العدي and كثر), so a hit is weak evidence on its
 * own: rules combine it with frequencies (frequency.ts).
 *
 * Decoding the shipped trie takes seconds, so it is done once: a child process
 * (lexicon-build.ts) compiles it to the compact form of compact-lexicon.ts, which
 * is cached under the user's cache directory ($XDG_CACHE_HOME/fix-arabic or
 * ~/.cache/fix-arabic), keyed by the dictionary's version, and from then on
 * loads in milliseconds. A damaged cache file is rebuilt. Nothing here runs
 * until a rule asks for the lexicon, so a run over clean text never pays for it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bareWord } from '../core/arabic.js';
import { writeAtomic } from '../io.js';
import { CompactLexicon, CorruptLexiconError } from './compact-lexicon.js';

export interface Lexicon {
  /** Is this word (tatweel and marks ignored) in the word list? */
  has(word: string): boolean;
  /**
   * Words of the list that start with `prefix` and have 1 to `maxExtra` more
   * letters (for filling in lost or hidden letters). Optional: a lexicon without
   * it gives the rules that need it nothing to search.
   */
  completions?(prefix: string, maxExtra: number): string[];
  /**
   * Words of the list made of `head`, then `minAdd` to `maxAdd` letters, then
   * `tail` (for letters hidden or lost inside a word). Optional, like completions.
   * A short head with a large `maxAdd` may be cut short (see MAX_FILL_VISITS).
   */
  fills?(head: string, tail: string, minAdd: number, maxAdd: number): string[];
}

/** Completions are cut off here: a prefix this fertile says nothing anyway. */
const MAX_COMPLETIONS = 20_000;
/** fills() stops walking the trie after this many nodes (a short head fans out widely). */
const MAX_FILL_VISITS = 400_000;

/** Bump when the compiled layout or the way it is built changes. */
const FORMAT = 1;

let loaded: Lexicon | undefined;

export function getLexicon(): Lexicon {
  loaded ??= memoized(loadCompiledLexicon());
  return loaded;
}

/** The shipped trie (the package exports only its cspell config; the trie sits beside it). */
export function ayaspellTriePath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@cspell/dict-ar/cspell-ext.json')), 'ar.trie.gz');
}

/** Where the compiled lexicon is cached; the name changes with the dictionary and the format. */
export function lexiconCachePath(env: NodeJS.ProcessEnv = process.env): string {
  const trie = ayaspellTriePath();
  const version: string = JSON.parse(readFileSync(join(dirname(trie), 'package.json'), 'utf8')).version;
  const size = statSync(trie).size;
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir() || tmpdir(), '.cache');
  return join(base, 'fix-arabic', `lexicon-ar-${version}-${size}-f${FORMAT}.bin`);
}

/**
 * Loads the compiled lexicon from `cachePath`, compiling (and caching) it first
 * when the file is missing or damaged. `compile` writes the compiled form to the
 * path it is given; by default a child process does it.
 */
export function loadCompiledLexicon(
  cachePath: string = lexiconCachePath(),
  compile: (outFile: string) => void = compileInChild,
): CompactLexicon {
  try {
    return new CompactLexicon(readFileSync(cachePath));
  } catch (err) {
    // Missing, unreadable or damaged: all are rebuilt. Anything else is a bug.
    if (!(err instanceof CorruptLexiconError) && (err as NodeJS.ErrnoException).code === undefined) throw err;
  }
  // Build into the cache; if the cache cannot be written, into a temp dir.
  let target = cachePath;
  let scratch: string | undefined;
  try {
    mkdirSync(dirname(cachePath), { recursive: true });
    compile(cachePath);
  } catch {
    scratch = mkdtempSync(join(tmpdir(), 'fix-arabic-lexicon-'));
    target = join(scratch, 'lexicon.bin');
    compile(target);
  }
  try {
    return new CompactLexicon(readFileSync(target));
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

function compileInChild(outFile: string): void {
  // Beside this module in dist/; when the sources run directly (tests), the built one.
  let builder = fileURLToPath(new URL('./lexicon-build.js', import.meta.url));
  if (!existsSync(builder)) builder = fileURLToPath(new URL('../../dist/knowledge/lexicon-build.js', import.meta.url));
  execFileSync(process.execPath, [builder, outFile], { stdio: ['ignore', 'ignore', 'pipe'] });
}

function memoized(words: CompactLexicon): Lexicon {
  const memo = new Map<string, boolean>();
  return {
    has(word: string): boolean {
      const key = bareWord(word);
      if (key === '') return false;
      let hit = memo.get(key);
      if (hit === undefined) {
        hit = words.has(key);
        if (memo.size > 200_000) memo.clear();
        memo.set(key, hit);
      }
      return hit;
    },
    completions(prefix: string, maxExtra: number): string[] {
      const key = bareWord(prefix);
      const out: string[] = [];
      const start = key === '' ? -1 : words.find(key);
      if (start < 0) return out;
      const walk = (node: number, acc: string, depth: number): void => {
        if (out.length >= MAX_COMPLETIONS) return;
        if (depth > 0 && words.isWordEnd(node)) out.push(key + acc);
        if (depth === maxExtra) return;
        for (const [ch, child] of words.edges(node)) walk(child, acc + ch, depth + 1);
      };
      walk(start, '', 0);
      return out;
    },
    fills(head: string, tail: string, minAdd: number, maxAdd: number): string[] {
      const h = bareWord(head);
      const t = bareWord(tail);
      const start = h === '' ? -1 : words.find(h);
      if (start < 0) return [];
      const out: string[] = [];
      let visits = 0;
      const walk = (node: number, added: string): void => {
        if (out.length >= MAX_COMPLETIONS || ++visits > MAX_FILL_VISITS) return;
        if (added.length >= minAdd) {
          let n = node;
          for (const ch of t) {
            n = nextNode(words, n, ch);
            if (n < 0) break;
          }
          if (n >= 0 && words.isWordEnd(n)) out.push(h + added + t);
        }
        if (added.length === maxAdd) return;
        for (const [ch, child] of words.edges(node)) walk(child, added + ch);
      };
      walk(start, '');
      return out;
    },
  };
}

function nextNode(words: CompactLexicon, node: number, ch: string): number {
  for (const [c, child] of words.edges(node)) if (c === ch) return child;
  return -1;
}

/** For tests: a lexicon from a fixed list, so rule tests do not depend on AyaSpell. */
export function lexiconFromWords(words: Iterable<string>): Lexicon {
  const set = new Set([...words].map(bareWord));
  return {
    has: (w) => set.has(bareWord(w)),
    completions(prefix: string, maxExtra: number): string[] {
      const key = bareWord(prefix);
      return [...set].filter((w) => w.startsWith(key) && w.length > key.length && w.length - key.length <= maxExtra);
    },
    fills(head: string, tail: string, minAdd: number, maxAdd: number): string[] {
      const h = bareWord(head);
      const t = bareWord(tail);
      return [...set].filter((w) => {
        const added = w.length - h.length - t.length;
        return added >= minAdd && added <= maxAdd && w.startsWith(h) && w.endsWith(t);
      });
    },
  };
}

/** Writes a compiled lexicon atomically (used by the builder and by tests). */
export function writeCompiledLexicon(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeAtomic(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
