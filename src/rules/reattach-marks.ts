import type { Edit, Rule } from '../core/types.js';

/** A letter (or a mark on it), spaces, then a combining mark: the mark was cut loose. */
const LOOSE_MARK = /([\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0670]) +(?=[\u064b-\u065f\u0670])/g;

export const reattachMarks: Rule = {
  id: 'reattach-marks',
  description: 'Remove the space an extractor put before a combining mark (مدخلا ً → مدخلاً)',
  safety: 'safe',
  defaultEnabled: true,
  run({ text }) {
    // Cheap test first: most text has no space before a mark at all.
    if (!/ [\u064b-\u065f\u0670]/.test(text)) return {};
    const edits: Edit[] = [];
    for (const m of text.matchAll(LOOSE_MARK)) {
      const start = m.index + m[1].length;
      edits.push({
        start,
        end: m.index + m[0].length,
        text: '',
        confidence: 0.97,
        reason: 'a combining mark cannot start a word: it belongs to the letter before the space',
      });
    }
    return { edits };
  },
};
