import type { Edit, Rule } from '../core/types.js';

/** Arabic Presentation Forms-A (U+FB50–U+FDFF) and -B (U+FE70–U+FEFF). */
const PRESENTATION_RUN = /[\ufb50-\ufdff\ufe70-\ufefe]+/g;
/** Word ligatures (ﷲ ﷺ ﷻ ﷽ …) and the rial sign are typed on purpose in clean text. */
const WORD_LIGATURE = /[\ufdf0-\ufdff]/;
/** Spacing forms of harakat (U+FE70–U+FE7F): NFKC gives a space + the mark. */
const SPACING_MARK = /[\ufe70-\ufe7f]/;
/** Single-letter glyph forms: the sign that an extractor emitted glyph codes. */
const LETTER_FORM = /[\ufb50-\ufdef\ufe80-\ufefc]/;

/**
 * Folds presentation forms to the letters they draw, one character at a time with
 * the built-in NFKC (so x², H₂O, ﬁ elsewhere in the text are not touched). Lam-alef
 * ligatures come out as lam then alef, the logical order.
 */
export const presentationForms: Rule = {
  id: 'presentation-forms',
  description: 'Map Arabic presentation-form glyph codes (U+FB50–U+FDFF, U+FE70–U+FEFF) to letters',
  safety: 'safe',
  defaultEnabled: true,
  run({ text }) {
    if (!/[\ufb50-\ufdff\ufe70-\ufefe]/.test(text)) return {};
    const glyphText = LETTER_FORM.test(text);
    const edits: Edit[] = [];
    for (const m of text.matchAll(PRESENTATION_RUN)) {
      let out = '';
      const origins: number[] = [];
      for (let i = 0; i < m[0].length; i++) {
        const ch = m[0][i];
        let folded = ch.normalize('NFKC');
        // Only in text that was extracted as glyph codes do we unfold the symbols a
        // writer may have typed (ﷺ) or the spacing marks.
        if ((WORD_LIGATURE.test(ch) || SPACING_MARK.test(ch)) && !glyphText) folded = ch;
        if (SPACING_MARK.test(ch) && glyphText) folded = folded.trimStart();
        out += folded;
        for (let k = 0; k < folded.length; k++) origins.push(i);
      }
      if (out === m[0]) continue;
      edits.push({
        start: m.index,
        end: m.index + m[0].length,
        text: out,
        origins,
        confidence: 0.99,
        reason: 'presentation-form glyph codes folded to letters',
      });
    }
    return { edits };
  },
};
