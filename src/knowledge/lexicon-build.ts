/**
 * Compiles the AyaSpell trie of @cspell/dict-ar into the compact form of
 * compact-lexicon.ts. It takes several seconds (decoding the trie is most of
 * it), so it runs once, in a child process, and lexicon.ts caches the result:
 * `node dist/knowledge/lexicon-build.js FILE` writes the compiled form to FILE (atomically).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeTrie } from 'cspell-trie-lib';
import { serializeGraph } from './compact-lexicon.js';
import { ayaspellTriePath } from './lexicon.js';
import { writeAtomic } from '../io.js';

export function compileAyaSpell(): Uint8Array {
  const trie = decodeTrie(gunzipSync(readFileSync(ayaspellTriePath())).toString('utf8'));
  // The trie is a DAWG: nodes are shared, so number them by identity.
  const root = trie.data.getRoot();
  interface Node {
    readonly id: unknown;
    readonly eow: boolean;
    entries(): Iterable<readonly [string, Node]>;
  }
  const ids = new Map<unknown, number>();
  const order: Node[] = [];
  const number = (n: Node): number => {
    let id = ids.get(n.id);
    if (id === undefined) {
      id = order.length;
      ids.set(n.id, id);
      order.push(n);
    }
    return id;
  };
  number(root);
  const edges: (readonly [string, number])[][] = [];
  const ends: boolean[] = [];
  for (let i = 0; i < order.length; i++) {
    const node = order[i];
    ends.push(node.eow);
    const list: (readonly [string, number])[] = [];
    for (const [ch, child] of node.entries()) list.push([ch, number(child)]);
    edges.push(list);
  }
  return serializeGraph({ nodeCount: order.length, isWordEnd: (i) => ends[i], edges: (i) => edges[i] });
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: lexicon-build.js OUTPUT_FILE\n');
    process.exit(2);
  }
  writeAtomic(out, Buffer.from(compileAyaSpell()));
}
