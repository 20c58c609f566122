import type { Rule } from '../core/types.js';
import { bidiControls } from './bidi-controls.js';
import { fixShadda } from './fix-shadda.js';
import { layoutBlocks } from './layout-blocks.js';
import { earlyMarks } from './early-marks.js';
import { flagDroppedDigits } from './flag-dropped-digits.js';
import { flagLostLetters } from './flag-lost-letters.js';
import { flagScrambledLine } from './flag-scrambled-line.js';
import { mixedDirection } from './mixed-direction.js';
import { presentationForms } from './presentation-forms.js';
import { privateUseDigits } from './private-use-digits.js';
import { privateUseLetters } from './private-use-letters.js';
import { reattachMarks } from './reattach-marks.js';
import { rejoinCutLines } from './rejoin-cut-lines.js';
import { rejoinedLigatures } from './rejoined-ligatures.js';
import { rejoinSplitWords } from './rejoin-split-words.js';
import { removeKashida } from './remove-kashida.js';
import { reorderRuns } from './reorder-runs.js';
import { restoreSpaces } from './restore-spaces.js';
import { reversedWords } from './reversed-words.js';
import { swappedLigatures } from './swapped-ligatures.js';
import { unmappedKashida } from './unmapped-kashida.js';
import { unwrap } from './unwrap.js';
import { visualOrder } from './visual-order.js';

/**
 * Every rule, in the order the engine runs them. The order is part of the
 * contract (README, "Rules"):
 * 1. undo encodings: extractor direction marks, visual order, presentation forms,
 *    Private Use Area digits and letters;
 * 2. restore structure: reordered runs, split words;
 * 3. character clean-up: loose marks, shadda, justification tatweel;
 * 4. flags for what cannot be restored; unwrap last.
 */
export const RULES: readonly Rule[] = [
  // pdftotext's LRE … PDF pieces are read back before bidi-controls removes the marks.
  mixedDirection,
  // Also before bidi-controls: the RLE … PDF blocks of a -layout line are its pieces.
  layoutBlocks,
  bidiControls,
  // Before presentation-forms: a lam-alef glyph must be reversed as one cluster.
  visualOrder,
  presentationForms,
  // Word order next, once every letter is a plain letter the web's pairs can judge.
  reversedWords,
  // Once the line reads in logical order: U+FFFD kashidas are judged by the letters either side.
  unmappedKashida,
  // Before swapped-ligatures, which judges words one by one: glued lines get their spaces back.
  restoreSpaces,
  // Ligature pairs the font gave swapped, once the letters are plain letters.
  swappedLigatures,
  // PUA decoding comes first among the repairs: tatweel next to a PUA code is a sign
  // of a lost letter, which remove-kashida would erase.
  privateUseDigits,
  privateUseLetters,
  // Before reattach-marks: a mark written early after a space belongs to the next word.
  earlyMarks,
  // Before reattach-marks: a mark alone where pdftotext cut a line shows the cut.
  rejoinCutLines,
  reattachMarks,
  // Structure: after loose marks are back on their letters, before tatweel goes
  // (a tatweel-initial piece is how reorder-runs knows where a word was cut).
  reorderRuns,
  rejoinSplitWords,
  // The font's pairs again, in the words rejoin-split-words has just put together.
  rejoinedLigatures,
  flagScrambledLine,
  fixShadda,
  // Before remove-kashida: a word that ends in tatweel is the sign of a lost letter.
  flagLostLetters,
  removeKashida,
  // Flags for what cannot be restored, once the structural repairs are done.
  flagDroppedDigits,
  // Off by default (--unwrap): joins lines last, when every line is repaired.
  unwrap,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
