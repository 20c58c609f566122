import type { Edit, Rule } from '../core/types.js';

/**
 * layout-blocks (damage model 2, pdftotext): `pdftotext -layout` keeps each visual
 * line on one line of text, but where a raised mark glyph cut it (rejoin-cut-lines
 * has the same cut without -layout) its pieces become text blocks of their own, each
 * wrapped in RLE … PDF and printed left to right as they stand on the page, with the
 * layout's spaces between them:
 *
 *     ⟨RLE⟩تنص على رفع الحد⟨PDF⟩⟨RLE⟩تعديلات جديدة على قانون العملّ ،⟨PDF⟩
 *
 * is `تعديلات جديدة على قانون العمل، تنصّ على رفع الحد`. A right-to-left line reads
 * its blocks right to left, so they are put back in reverse order, one space apart.
 * The evidence is the embeddings themselves, in a document pdftotext laid out: plain
 * pdftotext writes one per line, and no other extractor writes them (corpus: such
 * lines in 22 of the 84 -layout files). `-raw` writes several per line too, but in the
 * content stream's order (reversed-words reads those lines). A line whose only other
 * block is a mark is rejoin-cut-lines' (the mark opens the first half there).
 */

export const LAYOUT_BLOCKS = 'layout-blocks';

const RLE = '\u202b';
const LRE = '\u202a';
const PDF = '\u202c';
const ARABIC = /[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]/;
/** A line indented by the layout, or a layout gap inside one. */
const LAID_OUT = /^ {5,}\S|\S {3,}\S/m;

/** The top-level RLE … PDF blocks of a line, [start, end) each, when nothing but spaces stands between and after them. */
function blocksOf(line: string): [number, number][] | null {
  const blocks: [number, number][] = [];
  let depth = 0;
  let start = -1;
  let last = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === RLE || c === LRE) {
      if (depth === 0) {
        // Only right-to-left blocks, with nothing but spaces between them.
        if (c !== RLE || (blocks.length > 0 && /\S/.test(line.slice(last, i)))) return null;
        start = i;
      }
      depth++;
    } else if (c === PDF) {
      if (--depth < 0) return null;
      if (depth === 0) {
        blocks.push([start, i + 1]);
        last = i + 1;
      }
    } else if (depth === 0 && blocks.length === 0 && /\S/.test(c)) return null;
  }
  if (depth !== 0 || /\S/.test(line.slice(last))) return null;
  return blocks;
}

export const layoutBlocks: Rule = {
  id: LAYOUT_BLOCKS,
  description: 'Put back in reading order the text blocks pdftotext -layout printed left to right on one line',
  safety: 'heuristic',
  defaultEnabled: true,
  run(ctx) {
    if (!ctx.text.includes(RLE)) return {};
    // Blocks are in page order only where pdftotext laid the page out: -layout pads
    // lines with spaces (83 of its 84 corpus files; no -raw or plain file). -raw writes
    // blocks too, in content-stream order, which depends on the typesetter.
    if (!LAID_OUT.test(ctx.text)) return {};
    const edits: Edit[] = [];
    for (const line of ctx.lines) {
      if (line.text.indexOf(RLE) === line.text.lastIndexOf(RLE)) continue;
      const blocks = blocksOf(line.text);
      if (!blocks || blocks.filter(([s, e]) => ARABIC.test(line.text.slice(s, e))).length < 2) continue;
      // One embedding for the line as it reads, so that a later pass sees one block
      // (and bidi-controls, which runs next, removes its marks as for any line).
      const first = blocks[0][0];
      const end = blocks[blocks.length - 1][1];
      let text = RLE;
      const origins: number[] = [0];
      blocks
        .slice()
        .reverse()
        .forEach(([s, e], k) => {
          if (k > 0) {
            // The space stands for the layout's gap on the left of this block.
            text += ' ';
            origins.push(s > first ? s - 1 - first : 0);
          }
          text += line.text.slice(s + 1, e - 1);
          for (let i = s + 1; i < e - 1; i++) origins.push(i - first);
        });
      text += PDF;
      origins.push(end - 1 - first);
      edits.push({
        start: line.start + first,
        end: line.start + end,
        text,
        origins,
        confidence: 0.85,
        reason: `pdftotext printed the line's ${blocks.length} right-to-left blocks left to right: put back in reading order`,
      });
    }
    return { edits };
  },
};
