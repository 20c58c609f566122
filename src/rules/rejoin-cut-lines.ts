import type { Edit, Line, Rule } from '../core/types.js';
import { wordsRunBackwards } from '../knowledge/word-order.js';
import { analyzeDocument, modelForLine, rememberingWeb } from '../reorder/document.js';
import { tokenizeLine, type Token } from '../reorder/tokens.js';

/**
 * rejoin-cut-lines (damage model 2, combining marks): pdftotext groups glyphs into
 * lines by their baseline, and a raised vowel mark (tanween or shadda drawn as a
 * glyph of its own, as KacstOne does) can cut a visual line in two. Both halves
 * then come out as lines of their own, the second half first, and the mark alone
 * on a third line (or left after the first half; -layout puts it before, set
 * apart by spaces):
 *
 *     هامشا أوسع لتثبيت                      (the line's second half)
 *     التراجع يمنح البنك المركزي الأوروبي    (its first half)
 *     ً                                       (the mark that cut it)
 *
 * is `التراجع يمنح البنك المركزي الأوروبي هامشًا أوسع لتثبيت`. The mark's line
 * can also come before the halves (KacstOne, LibreOffice and XeLaTeX alike); it
 * then shows that a line was cut but not which way its halves came out, so the
 * word model must prefer them swapped. The evidence is
 * the mark where no mark can stand, and the layout: the two lines before it are
 * together as long as one line of the column (on the PDF corpus, the right
 * rejoins were 0.75–1.1 of a line; longer pairs were two whole lines, and joining
 * them did harm). The word model, judging the junctions with the lines around,
 * may veto a join it finds much worse; and a document whose words run right to
 * left (pdftotext -raw) is not pdftotext's reading order at all.
 */

export const REJOIN_CUT_LINES = 'rejoin-cut-lines';

/** The marks pdftotext draws as glyphs of their own (tanween, short vowels, shadda, sukun). */
const MARK = '[\\u064b-\\u0652]';
const MARK_ONLY = new RegExp(`^\\s*${MARK}+\\s*$`);
const STARTS_WITH_MARK = new RegExp(`^\\s*${MARK}`);
const FATHATAN = '\u064b';
/** What the width of a line is measured in: letters, digits and punctuation (marks take no width). */
const ZERO_WIDTH = /[\u064b-\u065f\u0670\u0640\u200e\u200f\u202a-\u202e\u2066-\u2069\s]/g;
/** Two halves of one line: this share of a full line, together. */
const MIN_SHARE = 0.75;
const MAX_SHARE = 1.12;
/** How much the word model may prefer the lines as they stand (log-odds) and still be overruled by the layout. */
const MODEL_VETO = -1;
/**
 * A mark on its own line before two short lines says the line was cut, not that its
 * halves came out the wrong way round: there the word model must prefer the swap.
 * (On the corpus, the right swaps won by 0.55–5.3, the wrong ones by at most 0.34.)
 */
const MARK_BEFORE_MIN_MARGIN = 0.5;
/** A column's full line: the longest lines but the few longest (its 90th percentile). */
const FULL_LINE_PERCENTILE = 0.9;
/** Too few lines to know how wide the column is. */
const MIN_LINES = 5;

const width = (s: string) => s.replace(ZERO_WIDTH, '').length;

/** The width of a full line of the document's column, or 0 when it cannot tell. */
function fullLineWidth(lines: readonly Line[]): number {
  const widths = lines
    .map((l) => width(l.text))
    .filter((w) => w > 3)
    .sort((a, b) => a - b);
  if (widths.length < MIN_LINES) return 0;
  return widths[Math.floor(widths.length * FULL_LINE_PERCENTILE)];
}

interface Site {
  /** The line printed first (the second half), the one after it (the first half). */
  second: Line;
  first: Line;
  /** The mark that cut the line, its offset in the text, and its line when it stands alone. */
  mark: string;
  markAt: number;
  markLine: Line | null;
  /** The mark's line comes before the halves, not after them. */
  markBefore: boolean;
  /** The first half's text without the mark, and the offset of that text in its line. */
  firstCore: string;
  coreAt: number;
}

/** A mark left after the first half (pdftotext), or before it, set apart by spaces (-layout). */
const TRAILING_MARK = new RegExp(`\\S(\\s+)(${MARK}+)\\s*$`);
const LEADING_MARK = new RegExp(`^(\\s*)(${MARK}+)\\s{2,}(?=\\S)`);

function sites(lines: readonly Line[]): Site[] {
  const found: Site[] = [];
  // A half is text: not blank, not a mark, not starting with one, not a page break.
  const isText = (s: string | undefined) => s !== undefined && /\S/.test(s) && !STARTS_WITH_MARK.test(s) && !s.includes('\f');
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i];
    const second = lines[i - 1];
    if (MARK_ONLY.test(l.text)) {
      const mark = l.text.trim();
      const markAt = l.start + l.text.indexOf(mark);
      if (i >= 2 && isText(second.text) && isText(lines[i - 2].text))
        found.push({ second: lines[i - 2], first: second, mark, markAt, markLine: l, markBefore: false, firstCore: second.text, coreAt: 0 });
      // The mark's line can also come first, before the two halves (the mark is then left on it).
      const [next, nextButOne] = [lines[i + 1], lines[i + 2]];
      if (next && nextButOne && isText(next.text) && isText(nextButOne.text))
        found.push({ second: next, first: nextButOne, mark, markAt, markLine: l, markBefore: true, firstCore: nextButOne.text, coreAt: 0 });
      continue;
    }
    if (!isText(second.text)) continue;
    const trailing = l.text.match(TRAILING_MARK);
    if (trailing) {
      const core = l.text.slice(0, trailing.index! + 1);
      if (isText(core)) found.push({ second, first: l, mark: trailing[2], markAt: l.start + trailing.index! + 1 + trailing[1].length, markLine: null, markBefore: false, firstCore: core, coreAt: 0 });
      continue;
    }
    const leading = l.text.match(LEADING_MARK);
    if (leading) {
      const core = l.text.slice(leading[0].length);
      if (isText(core)) found.push({ second, first: l, mark: leading[2], markAt: l.start + leading[1].length, markLine: null, markBefore: false, firstCore: core, coreAt: leading[0].length });
    }
  }
  return found;
}

/** Tanween fath goes on the first word of the second half when it ends in alef (`هامشا`, or `تاريخي ا` cut at the alef). */
function placeFathatan(second: string): { text: string; origins: number[] } | null {
  const m = second.match(/^(\s*[\u0621-\u064a]+[\u0621-\u064a\u064c-\u0652]*?)( ?)\u0627(?=[\s.,،؛:!؟»)]|$)/);
  if (!m || m[1].endsWith('\u0627')) return null;
  const [, head, gap] = m;
  const rest = second.slice(m[0].length);
  const text = head + FATHATAN + '\u0627' + rest;
  // -1: the mark, whose origin the caller knows.
  const origins = [
    ...Array.from({ length: head.length }, (_, i) => i),
    -1,
    head.length + gap.length,
    ...Array.from({ length: rest.length }, (_, i) => m[0].length + i),
  ];
  return { text, origins };
}

const realTokens = (text: string): Token[] => tokenizeLine(text.trim()).filter((t) => t.kind !== 'empty');

export const rejoinCutLines: Rule = {
  id: REJOIN_CUT_LINES,
  description: 'Join the halves of a line that pdftotext cut at a raised vowel mark and printed second half first',
  safety: 'heuristic',
  defaultEnabled: true,
  run(ctx) {
    const found = sites(ctx.lines);
    if (found.length === 0) return {};
    const full = fullLineWidth(ctx.lines);
    if (full === 0) return {};
    const candidates = found.filter((s) => {
      const share = (width(s.second.text) + width(s.firstCore)) / full;
      return share >= MIN_SHARE && share <= MAX_SHARE;
    });
    // A document whose words run right to left (pdftotext -raw) is not pdftotext's
    // reading order, and its halves are not what this rule knows.
    if (candidates.length === 0 || wordsRunBackwards(ctx.lines, ctx.knowledge.frequencies())) return {};
    const analysis = analyzeDocument(ctx.lines, ctx.knowledge);
    const web = rememberingWeb(ctx.knowledge.frequencies());
    const edits: Edit[] = [];
    let lastEnd = -1;
    for (const s of candidates) {
      if (s.second.start < lastEnd) continue;
      const info = analysis.lines[s.first.index];
      const model = modelForLine(analysis, info, web, ctx.knowledge, false);
      const second = realTokens(s.second.text);
      const first = realTokens(s.firstCore);
      const before = ctx.lines[(s.markBefore ? s.markLine! : s.second).index - 1];
      const afterLine = ctx.lines[(s.markLine && !s.markBefore ? s.markLine : s.first).index + 1];
      const prev = before && /\S/.test(before.text) ? realTokens(before.text).at(-1) ?? null : null;
      const next = afterLine && /\S/.test(afterLine.text) ? realTokens(afterLine.text)[0] ?? null : null;
      const assoc = (a: Token | null | undefined, b: Token | null | undefined) => (a && b ? model.tokenAssoc(a, b) : 0);
      const asTheyStand = assoc(prev, second[0]) + assoc(second.at(-1), first[0]) + assoc(first.at(-1), next);
      const rejoined = assoc(prev, first[0]) + assoc(first.at(-1), second[0]) + assoc(second.at(-1), next);
      model.forget();
      const margin = rejoined - asTheyStand;
      if (margin < (s.markBefore ? MARK_BEFORE_MIN_MARGIN : MODEL_VETO)) continue;

      // The second half as it will read, with the mark on it where spelling puts it;
      // a mark with no such place stays where it was (on its line, or after the first half).
      const secondText = s.second.text.trim();
      const secondStart = s.second.start + s.second.text.indexOf(secondText);
      // (A mark on a line before the halves is left there: which word it left is not known.)
      const placed = s.mark === FATHATAN && !s.markBefore ? placeFathatan(secondText) : null;
      // A mark before the first half (-layout), unplaced, would open the joined line:
      // it goes on a line of its own before it, as pdftotext prints such a mark.
      const markAbove = !placed && s.coreAt > 0;
      // The first half without its mark when the mark moves (or stood on a line of its own).
      const firstSource = placed || s.markLine || markAbove ? s.firstCore : s.first.text;
      const firstKept = firstSource.trim();
      const firstStart = s.first.start + s.coreAt + firstSource.indexOf(firstKept);
      const start = secondStart;
      const end = placed && s.markLine ? s.markLine.end : s.first.end;
      const secondPart = placed ?? { text: secondText, origins: Array.from({ length: secondText.length }, (_, i) => i) };
      const breakBetween = ctx.text.slice(s.second.end, s.first.start);
      const above = markAbove ? `${s.mark}${breakBetween}` : '';
      const text = `${above}${firstKept} ${secondPart.text}`;
      const origins = [
        ...Array.from({ length: above.length }, (_, i) => (i < s.mark.length ? s.markAt + i : s.second.end + i - s.mark.length) - start),
        ...Array.from({ length: firstKept.length }, (_, i) => firstStart - start + i),
        s.second.end - start,
        ...secondPart.origins.map((o) => (o < 0 ? s.markAt : secondStart + o) - start),
      ];
      edits.push({
        start,
        end,
        text,
        origins,
        confidence: margin > 1 ? 0.85 : 0.75,
        reason: `a line cut in two at a raised mark («${s.mark}») and printed second half first: the halves together are one line of the column (word model ${margin >= 0 ? '+' : ''}${margin.toFixed(1)})`,
      });
      lastEnd = end;
    }
    return { edits };
  },
};
