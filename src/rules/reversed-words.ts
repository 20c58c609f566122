import { hasArabic } from '../core/arabic.js';
import type { Edit, Rule } from '../core/types.js';
import { pairDirections, totalDirections } from '../knowledge/word-order.js';

/**
 * reversed-words (damage model 2): `pdftotext -raw` writes a line's words in the
 * content stream's order, which for right-to-left text is mostly last word first,
 * each word itself in order (`الموقع على تباعًا ستُنشر الأولية النتائج وإن ،الثلاثاء
 * صباح حتى`). In a document whose word pairs the web counts backwards more often
 * than forwards, a line is read right to left when its own pairs say so, or say
 * nothing (the document's habit decides then); a line whose pairs read forwards
 * (one layout-blocks has already put right) stays. Punctuation that led a word
 * (`،الثلاثاء`) follows it again.
 *
 * Corpus: 76 of the 84 `-raw` files are such documents when the rule runs, and no
 * file of any other extractor, seed or source text is.
 */

export const REVERSED_WORDS = 'reversed-words';

/** Punctuation a word cannot start with: in a reversed line it stood after the word. */
const LEADING_CLOSER = /^([.,،؛:!?؟)\]»”…]+)(?=\S)/;
const MIN_WORDS = 3;
/** A short text can read a pair or two backwards by chance: the habit needs more. */
const MIN_BACKWARD_PAIRS = 3;

export const reversedWords: Rule = {
  id: REVERSED_WORDS,
  description: "Read right to left the lines whose words came out last word first (pdftotext -raw's content-stream order)",
  safety: 'heuristic',
  defaultEnabled: true,
  run(ctx) {
    if (!hasArabic(ctx.text)) return {};
    const freq = ctx.knowledge.frequencies();
    const perLine = ctx.lines.map((l) => pairDirections(l.text, freq));
    const doc = totalDirections(perLine);
    if (doc.backwards < MIN_BACKWARD_PAIRS || doc.backwards <= doc.forwards) return {};
    const edits: Edit[] = [];
    ctx.lines.forEach((line, n) => {
      if (!hasArabic(line.text)) return;
      const lead = line.text.match(/^\s*/)![0];
      const body = line.text.slice(lead.length).trimEnd();
      const words = [...body.matchAll(/\S+/g)];
      if (words.length < MIN_WORDS) return;
      const d = perLine[n];
      if (d.forwards > d.backwards || (d.forwards > 0 && d.forwards === d.backwards)) return;
      // Origins are offsets in `body`, where the edit starts.
      let text = '';
      const origins: number[] = [];
      words.reverse().forEach((m, k) => {
        if (k > 0) {
          text += ' ';
          origins.push(m.index + m[0].length); // the space after it, as it stood
        }
        const closer = m[0].match(LEADING_CLOSER)?.[1] ?? '';
        text += m[0].slice(closer.length) + closer;
        for (let i = closer.length; i < m[0].length; i++) origins.push(m.index + i);
        for (let i = 0; i < closer.length; i++) origins.push(m.index + i);
      });
      if (text === body) return;
      edits.push({
        start: line.start + lead.length,
        end: line.start + lead.length + body.length,
        text,
        origins,
        confidence: d.backwards > d.forwards ? 0.9 : 0.75,
        reason:
          d.backwards > d.forwards
            ? `words in right-to-left order (the document's and this line's word pairs read backwards: ${d.backwards} against ${d.forwards})`
            : "words in right-to-left order (the document's word pairs read backwards; this line's say nothing)",
      });
    });
    return { edits };
  },
};
