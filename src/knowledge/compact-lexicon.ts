/**
 * A compact, load-in-milliseconds form of a word graph (a trie or DAWG): three
 * typed arrays in one file, used in place, with no parsing. The AyaSpell trie
 * takes seconds to decode; this form of it is read and checked in a few
 * milliseconds, so a run that needs the lexicon still starts fast.
 *
 * Layout (little-endian, every section 4-byte aligned):
 *   0   8 bytes  magic "FXLEXv1\0"
 *   8   u32      node count N
 *   12  u32      edge count E
 *   16  u32      checksum (FNV-1a over the 32-bit words after the header)
 *   20  u32      reserved (0)
 *   24  u32[N+1] first edge of each node; bit 31 = a word ends here; entry N = E
 *       u32[E]   edge targets (node numbers)
 *       u16[E]   edge characters (UTF-16 code units), sorted within each node
 *       padding to a multiple of 4
 * Node 0 is the root.
 */

const MAGIC = 'FXLEXv1\0';
const HEADER = 24;
const EOW = 0x80000000;
const EDGE_MASK = 0x7fffffff;

export class CorruptLexiconError extends Error {}

/** A graph to serialize: node 0 is the root; edges of a node need not be sorted. */
export interface WordGraph {
  nodeCount: number;
  isWordEnd(node: number): boolean;
  edges(node: number): Iterable<readonly [string, number]>;
}

export function serializeGraph(g: WordGraph): Uint8Array {
  const n = g.nodeCount;
  const perNode: [number, number][][] = [];
  let e = 0;
  for (let i = 0; i < n; i++) {
    const list: [number, number][] = [];
    for (const [ch, target] of g.edges(i)) {
      if (ch.length !== 1) throw new Error(`edge label must be one UTF-16 unit, got ${JSON.stringify(ch)}`);
      if (!(target >= 0 && target < n)) throw new Error(`edge target ${target} out of range`);
      list.push([ch.charCodeAt(0), target]);
    }
    list.sort((a, b) => a[0] - b[0]);
    perNode.push(list);
    e += list.length;
  }
  if (e > EDGE_MASK) throw new Error('too many edges');
  const nodesBytes = 4 * (n + 1);
  const size = align4(HEADER + nodesBytes + 4 * e + 2 * e);
  const buf = new ArrayBuffer(size);
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < MAGIC.length; i++) bytes[i] = MAGIC.charCodeAt(i);
  const view = new DataView(buf);
  view.setUint32(8, n, true);
  view.setUint32(12, e, true);
  const nodes = new Uint32Array(buf, HEADER, n + 1);
  const targets = new Uint32Array(buf, HEADER + nodesBytes, e);
  const chars = new Uint16Array(buf, HEADER + nodesBytes + 4 * e, e);
  let k = 0;
  for (let i = 0; i < n; i++) {
    nodes[i] = (k | (g.isWordEnd(i) ? EOW : 0)) >>> 0;
    for (const [c, t] of perNode[i]) {
      chars[k] = c;
      targets[k] = t;
      k++;
    }
  }
  nodes[n] = e;
  view.setUint32(16, checksum(new Uint32Array(buf, HEADER)), true);
  return bytes;
}

/** A plain trie of a word list, as a WordGraph (for tests and small lists). */
export function graphFromWords(words: Iterable<string>): WordGraph {
  const children: Map<string, number>[] = [new Map()];
  const ends: boolean[] = [false];
  for (const w of words) {
    let node = 0;
    for (const ch of w.split('')) {
      let next = children[node].get(ch);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        ends.push(false);
        children[node].set(ch, next);
      }
      node = next;
    }
    ends[node] = true;
  }
  return { nodeCount: children.length, isWordEnd: (i) => ends[i], edges: (i) => children[i].entries() };
}

/** Reads (and checks) a serialized graph; the arrays are views of `data`, not copies. */
export class CompactLexicon {
  private readonly nodes: Uint32Array;
  private readonly targets: Uint32Array;
  private readonly chars: Uint16Array;

  constructor(data: Uint8Array) {
    if (data.byteLength < HEADER + 4 || data.byteLength % 4 !== 0) throw new CorruptLexiconError('truncated');
    for (let i = 0; i < MAGIC.length; i++) {
      if (data[i] !== MAGIC.charCodeAt(i)) throw new CorruptLexiconError('not a compiled lexicon');
    }
    // Typed array views need aligned offsets; a copy is the price of an odd buffer.
    const aligned = data.byteOffset % 4 === 0 ? data : new Uint8Array(data);
    const view = new DataView(aligned.buffer, aligned.byteOffset, aligned.byteLength);
    if (view.getUint32(20, true) !== 0) throw new CorruptLexiconError('bad header');
    const n = view.getUint32(8, true);
    const e = view.getUint32(12, true);
    const nodesBytes = 4 * (n + 1);
    if (align4(HEADER + nodesBytes + 6 * e) !== aligned.byteLength) throw new CorruptLexiconError('wrong size');
    const words = new Uint32Array(aligned.buffer, aligned.byteOffset + HEADER, (aligned.byteLength - HEADER) / 4);
    if (checksum(words) !== view.getUint32(16, true)) throw new CorruptLexiconError('checksum mismatch');
    this.nodes = new Uint32Array(aligned.buffer, aligned.byteOffset + HEADER, n + 1);
    this.targets = new Uint32Array(aligned.buffer, aligned.byteOffset + HEADER + nodesBytes, e);
    this.chars = new Uint16Array(aligned.buffer, aligned.byteOffset + HEADER + nodesBytes + 4 * e, e);
    // Cheap structural checks, so that no lookup can run out of bounds.
    if ((this.nodes[n] & EDGE_MASK) !== e) throw new CorruptLexiconError('bad edge count');
    let prev = 0;
    for (let i = 0; i <= n; i++) {
      const first = this.nodes[i] & EDGE_MASK;
      if (first < prev || first > e) throw new CorruptLexiconError('bad node table');
      prev = first;
    }
    for (let k = 0; k < e; k++) if (this.targets[k] >= n) throw new CorruptLexiconError('bad edge target');
  }

  has(word: string): boolean {
    const node = this.find(word);
    return node >= 0 && this.isWordEnd(node);
  }

  /** The node that `prefix` leads to from the root, or -1 when no word starts so. */
  find(prefix: string): number {
    const nodes = this.nodes;
    const chars = this.chars;
    let node = 0;
    for (let i = 0; i < prefix.length; i++) {
      const c = prefix.charCodeAt(i);
      let lo = nodes[node] & EDGE_MASK;
      let hi = nodes[node + 1] & EDGE_MASK;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (chars[mid] < c) lo = mid + 1;
        else hi = mid;
      }
      if (lo >= (nodes[node + 1] & EDGE_MASK) || chars[lo] !== c) return -1;
      node = this.targets[lo];
    }
    return node;
  }

  isWordEnd(node: number): boolean {
    return (this.nodes[node] & EOW) !== 0;
  }

  /** The edges out of a node: [character, child node]. */
  *edges(node: number): Generator<[string, number]> {
    const end = this.nodes[node + 1] & EDGE_MASK;
    for (let k = this.nodes[node] & EDGE_MASK; k < end; k++) yield [String.fromCharCode(this.chars[k]), this.targets[k]];
  }
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** FNV-1a over 32-bit words: enough to notice a damaged cache file. */
function checksum(words: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 0x01000193);
  return h >>> 0;
}
