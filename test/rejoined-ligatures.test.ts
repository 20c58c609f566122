import { beforeAll, describe, expect, it } from 'vitest';
import { fixText, RULES } from '../src/index.js';
import { getLexicon } from '../src/knowledge/lexicon.js';
import { proposeSwaps } from '../src/rules/swapped-ligatures.js';
import { corpusEffect } from './rule-helpers.js';
import { resolveOptions } from '../src/core/options.js';
import { getFrequencies } from '../src/knowledge/frequency.js';
import { splitLines } from '../src/core/tracked-text.js';
import type { RuleContext } from '../src/core/types.js';

beforeAll(() => {
  getLexicon();
}, 120_000);

function context(text: string): RuleContext {
  return {
    text,
    lines: splitLines(text),
    options: resolveOptions(RULES),
    knowledge: { cache: new Map(), corpus: [], lexicon: getLexicon, frequencies: getFrequencies },
  };
}

describe('rejoined-ligatures: the pairs found before, in words joined since', () => {
  const text = 'وقد بنيت المدينة قبل أكرث من ألفي عام';

  it('repairs an unknown word with a pair the first look confirmed, though one word alone shows it', () => {
    const { edits } = proposeSwaps(context('وقد بنيت المدينة على بعد كيلومرت من النهر'), new Map([['رت', 3]]));
    expect(edits.map((e) => e.text)).toEqual(['كيلومتر']);
  });

  it('and a pair of the same family (same first letter) when the font showed two pairs', () => {
    expect(proposeSwaps(context(text), new Map([['رت', 3]])).edits).toEqual([]);
    const { edits } = proposeSwaps(context(text), new Map([['رت', 3], ['مل', 4]]));
    expect(edits.map((e) => e.text)).toEqual(['أكثر']);
  });

  it('without those pairs, one word is not enough', () => {
    expect(proposeSwaps(context(text)).edits).toEqual([]);
  });

  it('leaves lam-alef alone on the second look: a piece of a split word may read as a word', () => {
    const { edits } = proposeSwaps(context('زار المع رض آلاف الناس'), new Map([['ال', 5], ['رت', 3]]));
    expect(edits).toEqual([]);
  });

  it('runs after rejoin-split-words', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids.indexOf('rejoined-ligatures')).toBeGreaterThan(ids.indexOf('rejoin-split-words'));
  });
});

describe('rejoined-ligatures on the PDF corpus (pdftotext)', () => {
  it('brings the output nearer the truth overall, and no file farther', () => {
    const { files, withRule, without, worse } = corpusEffect('pdftotext', 'rejoined-ligatures');
    // Measured when the rule was written: 7 files better, none worse. Since
    // swapped-ligatures' later passes count what its earlier ones found, they repair
    // most of those words themselves: 1 file is left to this rule.
    expect(files).toBeGreaterThan(0);
    expect(worse).toEqual([]);
    expect(withRule).toBeLessThan(without);
  }, 120_000);
});
