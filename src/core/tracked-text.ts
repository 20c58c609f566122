import type { Edit, Line } from './types.js';

/**
 * Text that remembers, for every UTF-16 unit, the offset in the original input it
 * came from. Each applied batch of edits composes with the map so far, so a change
 * made by the fifth rule (even one that moved characters) still names the user's
 * line and column.
 */
export class TrackedText {
  readonly text: string;
  private map: Int32Array | undefined;

  constructor(text: string, origin?: Int32Array) {
    this.text = text;
    this.map = origin;
  }

  /**
   * origin[i] = input offset of text[i]; origin[text.length] = input length.
   * The identity map of an untouched input is made only when first needed
   * (clean text never needs it).
   */
  get origin(): Int32Array {
    if (!this.map) {
      this.map = new Int32Array(this.text.length + 1);
      for (let i = 0; i <= this.text.length; i++) this.map[i] = i;
    }
    return this.map;
  }

  /** Input offset of a position in the current text. */
  inputOffset(pos: number): number {
    return this.origin[Math.max(0, Math.min(pos, this.text.length))];
  }

  /** Input range [start, end) covered by the current range [start, end). */
  inputRange(start: number, end: number): [number, number] {
    if (end <= start) {
      const at = this.inputOffset(start);
      return [at, at];
    }
    const map = this.origin;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = start; i < end; i++) {
      const o = map[i];
      if (o < lo) lo = o;
      if (o > hi) hi = o;
    }
    return [lo, hi + 1];
  }

  /**
   * Applies edits that are sorted by start and do not overlap (the engine
   * guarantees both) and returns the new tracked text.
   */
  apply(edits: readonly Edit[]): TrackedText {
    if (edits.length === 0) return this;
    const parts: string[] = [];
    let length = this.text.length;
    for (const e of edits) length += e.text.length - (e.end - e.start);
    const map = this.origin;
    const origin = new Int32Array(length + 1);
    let out = 0;
    let pos = 0;
    for (const e of edits) {
      parts.push(this.text.slice(pos, e.start));
      origin.set(map.subarray(pos, e.start), out);
      out += e.start - pos;
      parts.push(e.text);
      for (let k = 0; k < e.text.length; k++) {
        const rel = e.origins?.[k];
        const src = rel !== undefined && rel >= 0 && e.start + rel < e.end ? e.start + rel : e.start;
        origin[out++] = map[src];
      }
      pos = e.end;
    }
    parts.push(this.text.slice(pos));
    origin.set(map.subarray(pos, this.text.length + 1), out);
    return new TrackedText(parts.join(''), origin);
  }
}

/**
 * Calls `found(start, end)` for every line terminator (\r\n, \n or \r) in
 * order. Text without \r (most of it) is scanned with indexOf, which is several
 * times faster than a regular expression over large inputs.
 */
export function forEachLineBreak(text: string, found: (start: number, end: number) => void): void {
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) found(i, i + 1);
    return;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) found(i, i + 1);
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) {
        found(i, i + 2);
        i++;
      } else found(i, i + 1);
    }
  }
}

/** Splits text into lines, keeping offsets; terminators are not part of any line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  forEachLineBreak(text, (at, end) => {
    lines.push({ index: index++, start, end: at, text: text.slice(start, at) });
    start = end;
  });
  lines.push({ index, start, end: text.length, text: text.slice(start) });
  return lines;
}

/** Converts input offsets to 1-based line and column (UTF-16 units). */
export class LineIndex {
  private lineStarts: number[] | undefined;
  constructor(readonly text: string) {}
  /** Built on first use: a run that reports nothing never scans the text for it. */
  private get starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      forEachLineBreak(this.text, (_, end) => starts.push(end));
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
  point(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
  /** The whole input line that holds `offset`, without its terminator. */
  lineText(offset: number): string {
    const { line } = this.point(offset);
    const start = this.starts[line - 1];
    const next = line < this.starts.length ? this.starts[line] : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }
}
