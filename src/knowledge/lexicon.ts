/**
 * The Arabic lexicon: the AyaSpell word list as shipped by @cspell/dict-ar, read
 * with cspell-trie-lib. It over-generates (it accepts العدي and كثر), so a hit is
 * weak evidence on its own: rules combine it with frequencies (frequency.ts).
 *
 * Decoding the trie takes about 1.5 s, so it is loaded only when a rule asks.
 */
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { decodeTrie } from 'cspell-trie-lib';
import { bareWord } from '../core/arabic.js';

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

let loaded: Lexicon | undefined;

export function getLexicon(): Lexicon {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  // The package exports only its cspell config; the trie sits beside it.
  const path = join(dirname(require.resolve('@cspell/dict-ar/cspell-ext.json')), 'ar.trie.gz');
  const trie = decodeTrie(gunzipSync(readFileSync(path)).toString('utf8'));
  const memo = new Map<string, boolean>();
  loaded = {
    has(word: string): boolean {
      const key = bareWord(word);
      if (key === '') return false;
      let hit = memo.get(key);
      if (hit === undefined) {
        hit = trie.has(key);
        if (memo.size > 200_000) memo.clear();
        memo.set(key, hit);
      }
      return hit;
    },
    completions(prefix: string, maxExtra: number): string[] {
      const key = bareWord(prefix);
      const out: string[] = [];
      const start = key === '' ? undefined : trie.find(key);
      if (!start) return out;
      type TrieNode = NonNullable<ReturnType<typeof trie.find>>;
      const walk = (node: TrieNode, acc: string, depth: number): void => {
        if (out.length >= MAX_COMPLETIONS) return;
        if (node.eow && depth > 0) out.push(key + acc);
        if (depth === maxExtra) return;
        for (const [ch, child] of node.entries()) walk(child, acc + ch, depth + 1);
      };
      walk(start, '', 0);
      return out;
    },
    fills(head: string, tail: string, minAdd: number, maxAdd: number): string[] {
      const h = bareWord(head);
      const t = bareWord(tail);
      const start = h === '' ? undefined : trie.find(h);
      if (!start) return [];
      type TrieNode = NonNullable<ReturnType<typeof trie.find>>;
      const out: string[] = [];
      let visits = 0;
      const walk = (node: TrieNode, added: string): void => {
        if (out.length >= MAX_COMPLETIONS || ++visits > MAX_FILL_VISITS) return;
        if (added.length >= minAdd) {
          let n: TrieNode | undefined = node;
          for (const ch of t) {
            n = n.get(ch);
            if (!n) break;
          }
          if (n && n.eow) out.push(h + added + t);
        }
        if (added.length === maxAdd) return;
        for (const [ch, child] of node.entries()) walk(child, added + ch);
      };
      walk(start, '');
      return out;
    },
  };
  return loaded;
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
