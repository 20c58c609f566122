import { isArabicLetter, TATWEEL } from '../core/arabic.js';
import type { Edit, Rule } from '../core/types.js';

/** Arabic words, tatweel included, with their marks. */
const WORD = /[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d6-\u06ed]+/g;

/**
 * Justification stretches many words on many lines; an author's own stretch is a
 * single word here and there (seed 003 has one, `مراقَـبة`). Below this many
 * stretched words in a document, and with no line holding two, we leave them.
 * Words are counted by form: the same authored stretch in a document made of
 * repeated text (or quoted twice) is still one word.
 */
const MIN_STRETCHED_WORDS = 3;

/**
 * `لـ "العربية"`, `بـ 2020`, `لـ COVID`: a one-letter prefix written with a
 * tatweel before something that is not an Arabic letter is correct spelling.
 */
function isPrefixTatweel(word: string, text: string, end: number): boolean {
  if (!word.endsWith(TATWEEL)) return false; // checked first: it is cheap and rules out most words
  const letters = word.replace(/[\u0640\u064b-\u065f\u0670]/g, '');
  if (letters.length !== 1) return false;
  const next = text.slice(end).match(/^[ \u00a0]*(.)/u)?.[1];
  return next === undefined ? false : !isArabicLetter(next);
}

export const removeKashida: Rule = {
  id: 'remove-kashida',
  description: 'Remove justification tatweel (U+0640) inside and at the edges of words',
  safety: 'safe',
  defaultEnabled: true,
  run(ctx) {
    const { text } = ctx;
    if (!text.includes(TATWEEL)) return {};
    const lines = ctx.lines; // split only when the quick test passes
    const candidates: { start: number; word: string; line: number }[] = [];
    const perLine = new Map<number, number>();
    for (const line of lines) {
      if (!line.text.includes(TATWEEL)) continue;
      for (const m of line.text.matchAll(WORD)) {
        const word = m[0];
        if (!word.includes(TATWEEL)) continue;
        const start = line.start + m.index;
        if (isPrefixTatweel(word, text, start + word.length)) continue;
        if (word.replaceAll(TATWEEL, '') === '') continue; // a bare tatweel run is a dash, not a stretch
        candidates.push({ start, word, line: line.index });
        perLine.set(line.index, (perLine.get(line.index) ?? 0) + 1);
      }
    }
    const busiestLine = Math.max(0, ...perLine.values());
    const forms = new Set(candidates.map((c) => c.word.replaceAll(TATWEEL, ''))).size;
    if (forms < MIN_STRETCHED_WORDS && busiestLine < 2) return {};
    // More stretched words is more evidence that this is justification, not style.
    const confidence = Math.min(0.99, 0.8 + 0.02 * forms);
    const reason = `justification tatweel (${forms} different stretched words in the document)`;
    const edits: Edit[] = candidates.map(({ start, word }) => {
      const origins: number[] = [];
      for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== 0x0640) origins.push(i);
      return {
        start,
        end: start + word.length,
        text: word.replaceAll(TATWEEL, ''),
        origins,
        confidence,
        reason,
      };
    });
    return { edits };
  },
};
