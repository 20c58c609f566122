import type { Rule } from '../core/types.js';
import { bidiControls } from './bidi-controls.js';
import { mixedDirection } from './mixed-direction.js';
import { presentationForms } from './presentation-forms.js';
import { reattachMarks } from './reattach-marks.js';
import { removeKashida } from './remove-kashida.js';
import { unwrap } from './unwrap.js';
import { visualOrder } from './visual-order.js';

/**
 * Every rule, in the order the engine runs them. The order is part of the
 * contract (README, "Rules"):
 * 1. undo encodings: mixed-direction pieces (first: pdftotext's LRE … PDF marks are
 *    its evidence), bidi controls, visual order (before presentation forms, so a
 *    lam-alef glyph is reversed as one unit), then presentation forms;
 * 2. restore structure (later issues: reordered runs, split words);
 * 3. character clean-up: loose marks, justification tatweel;
 * 4. flags for what cannot be restored;
 * 5. layout, on request: unwrap (it needs the lines repaired first).
 */
export const RULES: readonly Rule[] = [mixedDirection, bidiControls, visualOrder, presentationForms, reattachMarks, removeKashida, unwrap];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
