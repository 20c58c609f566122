/**
 * Fixing text that does not fit in memory (or should not have to): the input is
 * cut into chunks at paragraph boundaries, each chunk is fixed together with a
 * few lines of its neighbours as context, and only the chunk's own part of the
 * output is kept. Memory then depends on the chunk size, not on the input.
 *
 * Some rules decide for the whole document (the share of lines with bidi
 * controls, how many words carry tatweel, which PUA codes are digits). A chunk is
 * about a megabyte, so an ordinary file is one chunk and the result is exactly
 * that of fixText on the whole text; only inputs larger than a chunk are decided
 * chunk by chunk.
 *
 * Positions in the changes and flags are positions in the whole input, as with
 * fixText (after a leading BOM, which is set aside).
 */
import { forEachLineBreak, LineIndex } from './core/tracked-text.js';
import type { Change, Flag, FixOptions, FixResult } from './core/types.js';
import { fixText, fixTracked } from './index.js';

/** Characters (UTF-16 units) before the chunker looks for a paragraph break: 512 Ki, about 1 MB of Arabic UTF-8. */
export const DEFAULT_CHUNK_SIZE = 1 << 19;
/** Lines of each neighbour that a chunk sees as context (previous and next line rules). */
export const DEFAULT_CONTEXT_LINES = 4;
/** A context longer than this (very long lines) is cut: it is only context. */
const MAX_CONTEXT_CHARS = 1 << 16;
/** Text a cut decision waits for past its point, so that it does not depend on arrival. */
const LOOKAHEAD = 512;

export interface StreamOptions {
  /** Look for a cut only after this many characters (default 512 Ki). */
  chunkSize?: number;
  /** Lines of context on each side of a chunk (default 4). */
  contextLines?: number;
  /**
   * false: yield the text only, with empty changes and flags (a pipe that only
   * writes text saves mapping thousands of positions). Default true.
   */
  account?: boolean;
}

const BOM = '\ufeff';
const BLANK_LINE = /(?:\r\n|\n|\r)[ \t\u00a0]*(?:\r\n|\n|\r)/g;
const LINE_BREAK = /\r\n|\n|\r/g;

/**
 * The chunker as a push parser: push() text as it arrives, end() at the end;
 * both return the output pieces that are ready, in order.
 */
export class ChunkedFixer {
  private readonly chunkSize: number;
  private readonly contextLines: number;
  private readonly account: boolean;
  /** Input not yet fixed; starts at the current chunk's first character. */
  private buf = '';
  /** Pieces pushed since buf was last joined (joining on every push would copy buf each time). */
  private pending: string[] = [];
  private pendingLength = 0;
  /** The previous chunk's last lines, as context for the current one. */
  private pre = '';
  /** Input offset (after the BOM), 1-based line and column of buf[0]. */
  private offset = 0;
  private line = 1;
  private column = 1;
  private started = false;
  private bom = '';
  private cutBefore = false;
  /** How far buf was searched for a blank line, and whether the fallbacks were tried. */
  private blankSearchedTo = 0;
  private lineSearchedTo = 0;

  constructor(
    private readonly options: FixOptions = {},
    stream: StreamOptions = {},
  ) {
    this.chunkSize = Math.max(1, Math.floor(stream.chunkSize ?? DEFAULT_CHUNK_SIZE));
    this.contextLines = Math.max(0, Math.floor(stream.contextLines ?? DEFAULT_CONTEXT_LINES));
    this.account = stream.account ?? true;
  }

  push(data: string): FixResult[] {
    if (data === '') return [];
    if (!this.started) {
      this.started = true;
      if (data.startsWith(BOM)) {
        this.bom = BOM;
        data = data.slice(1);
      }
    }
    this.pending.push(data);
    this.pendingLength += data.length;
    if (this.buf.length + this.pendingLength <= this.chunkSize + MAX_CONTEXT_CHARS) return [];
    this.join();
    return this.drain(false);
  }

  private drain(final: boolean): FixResult[] {
    const out: FixResult[] = [];
    for (;;) {
      const cut = this.findCut(final);
      if (cut < 0) break;
      const postEnd = this.contextEnd(cut, final);
      if (postEnd < 0) break; // wait for the next lines
      out.push(this.fixWindow(cut, postEnd, false));
    }
    return out;
  }

  end(): FixResult[] {
    this.join();
    const out = this.drain(true);
    if (!this.cutBefore) {
      // Never cut: exactly fixText on the whole input.
      const whole = this.bom + this.buf;
      this.buf = '';
      return [fixText(whole, this.options)];
    }
    if (this.buf !== '') out.push(this.fixWindow(this.buf.length, this.buf.length, true));
    return out;
  }

  private join(): void {
    if (this.pending.length === 0) return;
    this.buf += this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
  }

  /**
   * Where the current chunk ends, or -1 when there is no cut (yet). The cut
   * depends only on the text, never on how it arrived: each fallback is taken
   * only once enough text is there to know the better cut does not exist.
   */
  private findCut(final: boolean): number {
    const c = this.chunkSize;
    const buf = this.buf;
    const n = buf.length;
    if (n <= c) return -1;
    // 1. The first paragraph break (a blank line) after chunkSize characters.
    BLANK_LINE.lastIndex = Math.max(c, this.blankSearchedTo - LOOKAHEAD);
    const m = BLANK_LINE.exec(buf);
    if (m && m.index < 4 * c) {
      const cut = m.index + m[0].length;
      // A final \r may be the first half of \r\n: cut only before a character we have.
      return cut < n ? cut : -1;
    }
    this.blankSearchedTo = n;
    if (n <= 4 * c + LOOKAHEAD && !final) return -1;
    // 2. No paragraph break for three chunks: the first line break.
    const limit = 8 * c;
    for (let i = Math.max(c, this.lineSearchedTo); i < n && i < limit; i++) {
      const ch = buf.charCodeAt(i);
      if (ch === 0x0a || ch === 0x0d) {
        const end = ch === 0x0d && buf.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
        if (end < n) return end;
        this.lineSearchedTo = i;
        return -1;
      }
      this.lineSearchedTo = i + 1;
    }
    if (n <= limit + LOOKAHEAD && !final) return -1;
    if (n <= limit) return -1;
    // 3. A line longer than eight chunks: after its last space before the limit,
    //    or at a character boundary.
    const space = Math.max(buf.lastIndexOf(' ', limit - 1), buf.lastIndexOf('\t', limit - 1));
    let cut = space >= c ? space + 1 : limit;
    while (cut < n && isContinuation(buf.charCodeAt(cut))) cut++;
    return cut < n ? cut : -1;
  }

  /** End of the context after `cut`: contextLines lines, or -1 if they have not arrived. */
  private contextEnd(cut: number, final: boolean): number {
    const buf = this.buf;
    const limit = cut + MAX_CONTEXT_CHARS;
    let end = cut;
    LINE_BREAK.lastIndex = cut;
    for (let k = 0; k < this.contextLines; k++) {
      const m = LINE_BREAK.exec(buf);
      if (!m || (m.index + m[0].length >= buf.length && !final)) {
        if (final) return Math.min(limit, buf.length);
        // Not enough lines yet: wait unless the context is already as long as it may be.
        return buf.length >= limit ? limit : -1;
      }
      end = m.index + m[0].length;
      if (end >= limit) return limit;
    }
    return end;
  }

  /** Fixes pre + buf[0, cut) + buf[cut, postEnd) and keeps the output of the middle part. */
  private fixWindow(cut: number, postEnd: number, last: boolean): FixResult {
    const core = this.buf.slice(0, cut);
    const post = this.buf.slice(cut, postEnd);
    const pre = this.pre;
    const window = pre + core + post;
    const r = fixTracked(window, this.options);
    const lo = pre.length;
    const hi = lo + core.length;

    // Output characters that came from the core, in output order. Without any
    // change the window came back as it was, and the core's part is the core.
    let text = core;
    if (r.changes.length > 0) {
      const parts: string[] = [];
      const origin = r.originMap();
      let runStart = -1;
      for (let i = 0; i <= r.text.length; i++) {
        const o = i < r.text.length ? origin[i] : -1;
        const mine = o >= lo && o < hi;
        if (mine && runStart < 0) runStart = i;
        else if (!mine && runStart >= 0) {
          parts.push(r.text.slice(runStart, i));
          runStart = -1;
        }
      }
      text = parts.join('');
    }

    let startPoint: { line: number; column: number } | undefined;
    const startOf = () => (startPoint ??= new LineIndex(window).point(lo));
    const place = (windowLine: number, windowColumn: number): [number, number] => {
      const start = startOf();
      return windowLine === start.line
        ? [this.line, this.column + windowColumn - start.column]
        : [this.line + windowLine - start.line, windowColumn];
    };
    const inCore = (offset: number) => offset >= lo && (offset < hi || (last && offset === hi));
    const changes: Change[] = [];
    const flags: Flag[] = [];
    for (const ch of this.account ? r.changes : []) {
      if (!inCore(ch.offset)) continue;
      const [line, column] = place(ch.line, ch.column);
      const [endLine, endColumn] = place(ch.endLine, ch.endColumn);
      changes.push({ ...ch, line, column, endLine, endColumn, offset: ch.offset - lo + this.offset, endOffset: ch.endOffset - lo + this.offset });
    }
    for (const f of this.account ? r.flags : []) {
      if (!inCore(f.offset)) continue;
      const [line, column] = place(f.line, f.column);
      const [endLine, endColumn] = place(f.endLine, f.endColumn);
      flags.push({ ...f, line, column, endLine, endColumn, offset: f.offset - lo + this.offset, endOffset: f.endOffset - lo + this.offset });
    }

    if (!this.cutBefore) text = this.bom + text;
    this.cutBefore = true;
    this.advance(core);
    this.pre = lastLines(core, this.contextLines);
    this.buf = this.buf.slice(cut);
    this.blankSearchedTo = 0;
    this.lineSearchedTo = 0;
    return { text, changes, flags };
  }

  /** Moves the position of buf[0] past `core`. */
  private advance(core: string): void {
    let breaks = 0;
    let lastEnd = -1;
    forEachLineBreak(core, (_, end) => {
      breaks++;
      lastEnd = end;
    });
    if (breaks === 0) this.column += core.length;
    else {
      this.line += breaks;
      this.column = core.length - lastEnd + 1;
    }
    this.offset += core.length;
  }
}

/** Low surrogates, combining marks and joiners cannot start a chunk. */
function isContinuation(code: number): boolean {
  if (code >= 0xdc00 && code <= 0xdfff) return true;
  if (code === 0x200c || code === 0x200d) return true;
  return /\p{M}/u.test(String.fromCharCode(code));
}

/** The last `n` lines of `text` (with their terminators), at most MAX_CONTEXT_CHARS. */
function lastLines(text: string, n: number): string {
  if (n === 0 || text === '') return '';
  const last = text.charCodeAt(text.length - 1);
  let need = n + (last === 0x0a || last === 0x0d ? 1 : 0);
  const floor = Math.max(0, text.length - MAX_CONTEXT_CHARS);
  for (let i = text.length - 1; i >= floor; i--) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a || (ch === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      if (--need === 0) return text.slice(i + 1);
    }
  }
  let from = floor;
  while (from < text.length && isContinuation(text.charCodeAt(from))) from++;
  return text.slice(from);
}

/**
 * Fixes a stream of text (stdin, a socket, a file read in pieces) and yields the
 * output in pieces, in order. Concatenated, the pieces' texts are the output;
 * their changes and flags carry positions in the whole input.
 */
export async function* fixStream(
  source: AsyncIterable<string> | Iterable<string>,
  options: FixOptions = {},
  stream: StreamOptions = {},
): AsyncGenerator<FixResult> {
  const fixer = new ChunkedFixer(options, stream);
  for await (const data of source) yield* fixer.push(data);
  yield* fixer.end();
}

/** The chunked result for a text already in memory, as one FixResult (files in batch mode). */
export function fixChunked(text: string, options: FixOptions = {}, stream: StreamOptions = {}): FixResult {
  const fixer = new ChunkedFixer(options, stream);
  const pieces = [...fixer.push(text), ...fixer.end()];
  if (pieces.length === 1) return pieces[0];
  return mergePieces(pieces);
}

export function mergePieces(pieces: readonly FixResult[]): FixResult {
  return {
    text: pieces.map((p) => p.text).join(''),
    changes: pieces.flatMap((p) => p.changes),
    flags: pieces.flatMap((p) => p.flags),
  };
}
