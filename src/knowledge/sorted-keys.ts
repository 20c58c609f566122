/**
 * A set of strings kept as one sorted, newline-separated string and the offsets of
 * its keys, searched by bisection. It is what the knowledge pack (pack.ts) stores
 * instead of a Map: a Map of the web's 54,000 words and pairs takes some 25 ms to
 * fill at every start, while this is ready as soon as its string is decoded, and a
 * key's number (its rank) can index typed arrays of counts.
 */
export class SortedKeys {
  /** `starts[i]` is where key i begins in `text`; `starts[size]` is past the last key's newline. */
  private constructor(
    readonly text: string,
    readonly starts: Uint32Array,
  ) {}

  /** Keys in any order, without duplicates or newlines. */
  static from(keys: Iterable<string>): SortedKeys {
    const sorted = [...keys].sort(compareUnits);
    const starts = new Uint32Array(sorted.length + 1);
    let at = 0;
    for (let i = 0; i < sorted.length; i++) {
      starts[i] = at;
      at += sorted[i].length + 1;
    }
    starts[sorted.length] = at;
    return new SortedKeys(sorted.length ? sorted.join('\n') + '\n' : '', starts);
  }

  /** Rebuilds the keys from what `text` and `starts` stored (pack.ts). */
  static stored(text: string, starts: Uint32Array): SortedKeys {
    if (starts.length === 0 || starts[starts.length - 1] !== text.length) throw new Error('sorted keys: offsets do not match the text');
    return new SortedKeys(text, starts);
  }

  get size(): number {
    return this.starts.length - 1;
  }

  key(i: number): string {
    return this.text.slice(this.starts[i], this.starts[i + 1] - 1);
  }

  /** The rank of `key`, or −1. */
  indexOf(key: string): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compareAt(key, mid);
      if (c === 0) return mid;
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }

  /** `key` against key i, in UTF-16 code-unit order (as `<` orders strings), without slicing. */
  private compareAt(key: string, i: number): number {
    const start = this.starts[i];
    const len = this.starts[i + 1] - 1 - start;
    const n = Math.min(key.length, len);
    for (let j = 0; j < n; j++) {
      const d = key.charCodeAt(j) - this.text.charCodeAt(start + j);
      if (d !== 0) return d;
    }
    return key.length - len;
  }
}

function compareUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted numbers and a value for each, searched by bisection (sparse tables of the pack). */
export class SortedNumbers {
  constructor(
    readonly keys: Float64Array,
    readonly values: Float64Array,
  ) {
    if (keys.length !== values.length) throw new Error('sorted numbers: keys and values differ in length');
  }

  static from(entries: Iterable<[number, number]>): SortedNumbers {
    const sorted = [...entries].sort((a, b) => a[0] - b[0]);
    return new SortedNumbers(Float64Array.from(sorted, (e) => e[0]), Float64Array.from(sorted, (e) => e[1]));
  }

  /** The value of `key`, or 0. */
  get(key: number): number {
    const { keys } = this;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid];
      if (k === key) return this.values[mid];
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}
