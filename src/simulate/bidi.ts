/**
 * Visual layout of one logical line, as visual-order PDF extraction emits it
 * (`mutool draw -F txt`, pypdf, pdfminer on many files): embedding levels from bidi-js
 * (the project's UAX #9 implementation), then rule L1 (trailing whitespace) and L2
 * (reversal) applied to *units* — grapheme clusters — so a letter keeps its marks after it.
 */
import { createRequire } from 'node:module';

// bidi-js is CommonJS whose typings declare an ES default export; under NodeNext the
// default import of it is not callable, so load it with require (module.exports is the factory).
type BidiFactory = typeof import('bidi-js').default;
const bidi = (createRequire(import.meta.url)('bidi-js') as BidiFactory)();

export interface VisualLayout {
  /** Unit indices in visual (left-to-right) order. */
  order: number[];
  /** Resolved embedding level of every unit (odd = right-to-left). */
  levels: number[];
  /** Paragraph level: 0 left-to-right, 1 right-to-left. */
  base: number;
}

/** The mirrored glyph's character (Bidi_Mirroring_Glyph), or the character itself. */
export function mirror(ch: string): string {
  return bidi.getMirroredCharacter(ch) ?? ch;
}

/**
 * Lay out `units` (the strings of consecutive grapheme clusters of one line) in visual order.
 * The paragraph direction comes from the first strong character; a line without one is taken
 * as right-to-left, since it stands in an Arabic document.
 */
export function layoutVisual(units: readonly string[]): VisualLayout {
  const text = units.join('');
  const hasStrong = /[\p{L}]/u.test(text);
  const emb = bidi.getEmbeddingLevels(text, hasStrong ? 'auto' : 'rtl');
  const base = emb.paragraphs[0]?.level ?? 1;
  const levels: number[] = [];
  let offset = 0;
  for (const u of units) {
    levels.push(emb.levels[offset] ?? base);
    offset += u.length;
  }
  // L1: whitespace at the end of the line goes back to the paragraph level.
  for (let i = units.length - 1; i >= 0 && /^\s+$/u.test(units[i]!); i--) levels[i] = base;
  // L2: from the highest level down to the lowest odd level (the lowest level rounded up to odd),
  // reverse every run at or above it.
  const order = units.map((_, i) => i);
  const maxLevel = levels.reduce((m, l) => Math.max(m, l), 0);
  const minLevel = levels.reduce((m, l) => Math.min(m, l), Infinity);
  const lowestOdd = minLevel % 2 === 1 ? minLevel : minLevel + 1;
  for (let level = maxLevel; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; i++) {
      if (levels[order[i]!]! < level) continue;
      let j = i;
      while (j < order.length && levels[order[j]!]! >= level) j++;
      const seg = order.slice(i, j).reverse();
      seg.forEach((v, k) => (order[i + k] = v));
      i = j - 1;
    }
  }
  return { order, levels, base };
}
