import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bracketPairing } from '../src/core/brackets.js';

/** The plain definition: walk every character, count pairs closed and brackets left over. */
function pairingByCharacters(lines: readonly string[], open: string, close: string) {
  let depth = 0;
  let pairs = 0;
  let strays = 0;
  for (const l of lines)
    for (const ch of l) {
      if (ch === open) depth++;
      else if (ch === close) {
        if (depth > 0) {
          depth--;
          pairs++;
        } else strays++;
      }
    }
  return { pairs, strays: strays + depth };
}

describe('bracketPairing', () => {
  it('counts pairs and strays as a character-by-character walk does', () => {
    const line = fc.array(fc.constantFrom('(', ')', '«', '»', 'ب', ' ', 'x'), { maxLength: 20 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 5 }), fc.constantFrom<[string, string]>(['(', ')'], [')', '('], ['«', '»']), (lines, [open, close]) => {
        expect(bracketPairing(lines, open, close)).toEqual(pairingByCharacters(lines, open, close));
      }),
      { numRuns: 2000 },
    );
  });

  it('pairs across lines and counts what is left open', () => {
    expect(bracketPairing(['(أ', 'ب) )', '('], '(', ')')).toEqual({ pairs: 1, strays: 2 });
  });
});
