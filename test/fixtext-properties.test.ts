import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixText } from '../src/index.js';

/** Characters that matter to the rules: letters, marks, tatweel, digits, PUA, controls. */
const arabicish = fc.string({
  unit: fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ', '\u0640', '\u064b', '\u0651', '\u064f', ' ', ' ', '\n', '\r\n', '.', '،', '0', '5', '\ue005', '\ufefb', '\ufe8d', '\u202b', '\u202c', '\u200f', 'a', '"'),
  maxLength: 200,
});

describe('fixText on any input', () => {
  it('never throws and is idempotent (arbitrary Unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const once = fixText(s).text;
        expect(fixText(once).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
  it('never throws and is idempotent (Arabic-heavy text)', () => {
    fc.assert(
      fc.property(arabicish, (s) => {
        const once = fixText(s).text;
        expect(fixText(once).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
