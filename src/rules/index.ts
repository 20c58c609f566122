import type { Rule } from '../core/types.js';
import { bidiControls } from './bidi-controls.js';
import { fixShadda } from './fix-shadda.js';
import { flagDroppedDigits } from './flag-dropped-digits.js';
import { flagLostLetters } from './flag-lost-letters.js';
import { presentationForms } from './presentation-forms.js';
import { privateUseDigits } from './private-use-digits.js';
import { privateUseLetters } from './private-use-letters.js';
import { reattachMarks } from './reattach-marks.js';
import { removeKashida } from './remove-kashida.js';

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
  bidiControls,
  presentationForms,
  // PUA decoding comes first among the repairs: tatweel next to a PUA code is a sign
  // of a lost letter, which remove-kashida would erase.
  privateUseDigits,
  privateUseLetters,
  reattachMarks,
  fixShadda,
  // Before remove-kashida: a word that ends in tatweel is the sign of a lost letter.
  flagLostLetters,
  removeKashida,
  // Flags for what cannot be restored, once the structural repairs are done.
  flagDroppedDigits,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
