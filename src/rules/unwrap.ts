import type { Edit, Line, Rule } from '../core/types.js';

/**
 * Joins hard-wrapped lines back into paragraphs, and paragraphs a page or column
 * break cut in two (`… لمواجهة` ⏎⏎ `تحديات …`). Off by default (`--unwrap`).
 *
 * A line was wrapped when it is (nearly) as long as the document's lines get: the
 * typesetter filled it. A short line was not: headings, bylines, captions, the
 * last line of a paragraph. Across a blank line only a full line that does not
 * end a sentence continues. List items, pull quotes (text the document repeats
 * elsewhere) and `>` quotes stay as they are. Only the line breaks (and blank
 * lines) of a join are replaced, by one space: every other line keeps its
 * terminator, LF or CRLF.
 */

const LIST_ITEM = /^\s*(?:[-–—•*▪●◦]\s|[0-9\u0660-\u0669]{1,3}\s*[.)\-–]\s|[(\[][0-9\u0660-\u0669a-zA-Z\u0621-\u064a]{1,2}[)\]]\s|[\u0621-\u064a]\s?[)\-–]\s)/;
const QUOTE = /^\s*>/;
/** Sentence-final punctuation, possibly followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?؟…][»"”'’)\]]*\s*$|[»"”'’)\]][.!?؟…]\s*$/;
/** A line that introduces what follows (`رابط المقال:`, a list). */
const INTRODUCES = /[:：]\s*$/;

/** No typesetter wraps lines this short (characters): a form, a list of names. */
const MIN_FULL = 30;
/** Share of the wrap width a line must reach to count as filled. */
const FULL_SHARE = 0.6;
/** In text with one paragraph per line, a paragraph is at least this share of the median line. */
const PARAGRAPH_SHARE = 0.4;
/** A block of at most this many lines whose content words mostly (this share) stand in a longer block is a pull quote. */
const MAX_QUOTE_LINES = 4;
const MIN_QUOTE_WORDS = 5;
const QUOTE_SHARE = 0.7;

interface Block {
  lines: Line[];
  pullQuote: boolean;
}

function length(l: Line): number {
  return [...l.text.replace(/\u0640/g, '').trim()].length;
}

/** Content words (four letters or more, marks and tatweel left out). */
function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.split(/[\s،,.:؛;!?؟«»"()]+/)) {
    const bare = w.replace(/[\u0640\u064b-\u065f\u0670]/g, '');
    if ([...bare].length >= 4) out.add(bare);
  }
  return out;
}

function blocksOf(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  let cur: Line[] = [];
  for (const l of lines) {
    if (l.text.trim() === '') {
      if (cur.length) blocks.push({ lines: cur, pullQuote: false });
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) blocks.push({ lines: cur, pullQuote: false });
  // A short block whose words nearly all stand in one longer block repeats body
  // text: a pull quote.
  const words = blocks.map((b) => contentWords(b.lines.map((l) => l.text).join(' ')));
  const blocksWith = new Map<string, number[]>();
  words.forEach((set, i) => {
    for (const w of set) {
      const list = blocksWith.get(w);
      if (list) list.push(i);
      else blocksWith.set(w, [i]);
    }
  });
  blocks.forEach((b, i) => {
    if (b.lines.length > MAX_QUOTE_LINES || words[i].size < MIN_QUOTE_WORDS) return;
    const shared = new Map<number, number>();
    for (const w of words[i]) {
      for (const j of blocksWith.get(w) ?? []) {
        if (j !== i && words[j].size > words[i].size) shared.set(j, (shared.get(j) ?? 0) + 1);
      }
    }
    b.pullQuote = [...shared.values()].some((n) => n >= QUOTE_SHARE * words[i].size);
  });
  return blocks;
}

function percentile(values: number[], p: number): number {
  const v = [...values].sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.floor(p * (v.length - 1)))] : 0;
}

export const unwrap: Rule = {
  id: 'unwrap',
  description: 'Join hard-wrapped lines into paragraphs, and paragraphs cut by a page break (off by default: --unwrap)',
  safety: 'heuristic',
  defaultEnabled: false,
  run({ text, lines }) {
    const blocks = blocksOf(lines);
    const nonEmpty = blocks.flatMap((b) => b.lines);
    if (nonEmpty.length < 2) return {};
    // Wrapped text has paragraphs of several lines; web text has one line each.
    const inMultiLine = blocks.filter((b) => b.lines.length > 1).reduce((n, b) => n + b.lines.length, 0);
    const wrapped = inMultiLine >= 0.5 * nonEmpty.length;
    const lengths = nonEmpty.map(length);
    const width = wrapped ? percentile(lengths, 0.9) : percentile(lengths, 0.5);
    const full = (l: Line) => length(l) >= Math.max(MIN_FULL, (wrapped ? FULL_SHARE : PARAGRAPH_SHARE) * width);
    const endsSentence = (l: Line) => SENTENCE_END.test(l.text) || INTRODUCES.test(l.text);
    const special = (l: Line) => LIST_ITEM.test(l.text) || QUOTE.test(l.text);
    /** Short, no final punctuation, and standing after a sentence end or a blank: a heading. */
    const heading = (l: Line, prev: Line | null) => !full(l) && !endsSentence(l) && (prev === null || endsSentence(prev));

    const edits: Edit[] = [];
    const join = (a: Line, b: Line, confidence: number, reason: string) => {
      // Replace the break and the edge spaces around it by one space (none after a
      // hyphen that splits a Latin word or a number: COVID- ⏎ 19).
      const aText = a.text.replace(/\s+$/, '');
      const start = a.start + aText.length;
      const end = b.start + (b.text.length - b.text.replace(/^\s+/, '').length);
      const glue = /[A-Za-z0-9]-$/.test(aText) && /^[A-Za-z0-9]/.test(b.text.trimStart()) ? '' : ' ';
      edits.push({ start, end, text: glue, confidence, reason });
    };

    blocks.forEach((block, bi) => {
      if (block.pullQuote) return;
      for (let i = 0; i + 1 < block.lines.length; i++) {
        const a = block.lines[i];
        const b = block.lines[i + 1];
        if (!full(a) || special(a) || special(b)) continue;
        // A full line that ends a sentence, then a heading of the next section.
        if (heading(b, a) && i + 2 < block.lines.length) continue;
        join(a, b, 0.9, 'hard-wrapped line: it fills the width and the paragraph goes on');
      }
      const next = blocks[bi + 1];
      if (!next || next.pullQuote) return;
      const a = block.lines[block.lines.length - 1];
      const b = next.lines[0];
      if (!full(a) || endsSentence(a) || special(a) || special(b)) return;
      // A short line without a full stop that more lines follow is a heading.
      if (heading(b, null) && next.lines.length > 1) return;
      // In wrapped text a paragraph has several lines: a line standing alone at the
      // start or after a finished paragraph is a title, however long.
      const before = blocks[bi - 1];
      if (wrapped && block.lines.length === 1 && (!before || endsSentence(before.lines[before.lines.length - 1]))) return;
      join(a, b, 0.75, 'paragraph cut by a page or column break: the line before the blank does not end a sentence');
    });
    // Each join replaces its own break: edits never overlap.
    return { edits: edits.filter((e) => e.start <= e.end && text.slice(e.start, e.end) !== e.text) };
  },
};
