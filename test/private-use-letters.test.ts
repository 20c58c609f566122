import { describe, expect, it } from 'vitest';
import { fixText, lexiconFromWords, type FrequencyModel } from '../src/index.js';
import { runOnly, visible } from './rule-helpers.js';

const RULE = 'private-use-letters';

/** A frequency model from a small table, so the tests do not depend on the shipped counts. */
function frequencies(words: Record<string, number>, pairs: Record<string, number> = {}): FrequencyModel {
  return {
    word: (w) => words[w] ?? 0,
    pair: (a, b) => pairs[`${a} ${b}`] ?? 0,
    totalWords: 1000,
    totalPairs: 1000,
  };
}

const LEXICON = lexiconFromWords([
  'خارج', 'الخارج', 'خاصة', 'الخاصة', 'خالد', 'الخالد', 'خال', 'الخال',
  'تزعزع', 'بالجزع', 'تزعجه', 'بالجمل', 'تزعم', 'بالجرح', 'تزعرح',
  'العراق', 'الحدود', 'مع',
]);
const FREQ = frequencies({ خارج: 43, الخارج: 11, خاصة: 159, الخاصة: 76, خالد: 17, الخالد: 4, تزعزع: 2, بالجزع: 1 });
const opts = { lexicon: LEXICON, frequencies: FREQ };

describe('private-use-letters: decodes', () => {
  it('a run shared by two words, the plain text ruling out the commoner reading', () => {
    const input = 'وفي الخا\ue0a5\ue072 مع الولايات، وبعض الأفراد خا\ue0a5\ue072 المليشيات، خاصة في العراق';
    const r = runOnly(RULE, input, opts);
    expect(r.text).toBe('وفي الخارج مع الولايات، وبعض الأفراد خارج المليشيات، خاصة في العراق');
    const first = input.indexOf('\ue0a5');
    const second = input.indexOf('\ue0a5', first + 1);
    expect(r.changes.map((c) => [c.line, c.column, c.after])).toEqual([
      [1, first + 1, 'رج'],
      [1, second + 1, 'رج'],
    ]);
    expect(r.flags).toEqual([]);
  });

  it('the only fill that makes both words words', () => {
    const input = 'أن تزعـ\ue0ed\ue085 الاستقرار، ويشعر بــالج\ue0ed\ue085 من الفكرة';
    const r = runOnly(RULE, input, opts);
    expect(r.text).toBe('أن تزعـزع الاستقرار، ويشعر بــالجزع من الفكرة');
    expect(r.changes).toHaveLength(2);
  });

  it('a word with two runs, once the run is solved from other words', () => {
    const input = 'سافر إلى الخا\uf100\uf101 أمس، وعاد من خا\uf100\uf101 الحدود، ثم \uf100\uf101خا\uf100\uf101';
    const lexicon = lexiconFromWords(['خارج', 'الخارج', 'رجخارج']);
    const r = runOnly(RULE, input, { lexicon, frequencies: frequencies({ خارج: 5, الخارج: 3 }) });
    expect(r.text).toBe('سافر إلى الخارج أمس، وعاد من خارج الحدود، ثم رجخارج');
  });

  it('under a different code range', () => {
    const input = 'سافر إلى الخا\uf100\uf101 أمس، وعاد من خا\uf100\uf101 الحدود';
    const r = runOnly(RULE, input, { lexicon: lexiconFromWords(['خارج', 'الخارج', 'خالد']), frequencies: frequencies({ خارج: 5, الخارج: 3 }) });
    expect(r.text).toBe('سافر إلى الخارج أمس، وعاد من خارج الحدود');
  });
});

describe('private-use-letters: flags what it cannot decide', () => {
  it('one word, however often it comes up, does not confirm a reading', () => {
    const input = 'ال\ue200\ue201توى عالٍ، وهذا ال\ue200\ue201توى نفسه، ال\ue200\ue201توى';
    const lexicon = lexiconFromWords(['المستوى', 'المحتوى']);
    const r = runOnly(RULE, input, { lexicon, frequencies: frequencies({ المستوى: 60, المحتوى: 5 }) });
    expect(r.text).toBe(input);
    expect(r.flags.map((f) => f.kind)).toEqual(Array(3).fill('private-use-letters-unsolved'));
    expect(r.flags[0].message).toContain('only one word');
  });

  it('two readings fit and nothing prefers one', () => {
    const input = 'الخا\ue0a5\ue072 هنا';
    const lexicon = lexiconFromWords(['الخارج', 'الخالد']);
    const r = runOnly(RULE, input, { lexicon, frequencies: frequencies({}) });
    expect(r.text).toBe(input);
    expect(r.flags).toHaveLength(1);
    expect(r.flags[0]).toMatchObject({ kind: 'private-use-letters-unsolved', line: 1, column: 1 });
    expect(r.flags[0].suggestions).toEqual(expect.arrayContaining(['الخارج', 'الخالد']));
  });

  it('no reading makes every word a word', () => {
    const input = 'الخا\ue0a5\ue072 ثم بالج\ue0a5\ue072';
    const r = runOnly(RULE, input, opts);
    expect(r.text).toBe(input);
    expect(r.flags.map((f) => f.kind)).toEqual(['private-use-letters-unsolved', 'private-use-letters-unsolved']);
    expect(r.flags[0].message).toContain('no letters');
  });
});

describe('private-use-letters: leaves alone', () => {
  const cases = [
    { name: 'icon-font codes standing alone', input: '\uf0b7 البند الأول \uf0e0 العنوان' },
    { name: 'a proclitic on hidden digits', input: 'بـ\ue009\ue005 و\ue009' },
    { name: 'text without PUA', input: 'خارج العراق' },
  ];
  for (const c of cases) {
    it(visible(c.name), () => {
      const r = runOnly(RULE, c.input, opts);
      expect(r.text).toBe(c.input);
      expect(r.changes).toEqual([]);
      expect(r.flags).toEqual([]);
    });
  }
});

describe('private-use-letters: a reading attested only through its stem\'s other forms', () => {
  // A made-up document: a reduplicated verb whose second half a font drew with two
  // PUA glyphs after a tatweel, and a noun ending in the same two letters. Neither
  // word is in the counts; only their siblings are (the verbal noun, and the verbal
  // noun beside the verb's own neighbour). «من» makes both words words too.
  const lexicon = lexiconFromWords(['تزلزل', 'الغزل', 'تزلمن', 'الغمن', 'الأرض', 'شعر']);
  const doc = 'قد تزلـ\ue1a0\ue1a1 الأرض تحت أقدامنا، ويبقى شعر الغ\ue1a0\ue1a1 في الذاكرة';
  const cases = [
    {
      name: 'siblings in the counts and beside the same neighbour: decoded',
      freq: frequencies({ زلزلة: 5, يتزلزل: 1 }, { 'زلزلة الأرض': 2 }),
      out: 'قد تزلـزل الأرض تحت أقدامنا، ويبقى شعر الغزل في الذاكرة',
    },
    { name: 'no sibling anywhere: flagged, not decoded', freq: frequencies({}), out: doc },
    {
      name: 'both readings have siblings as often: flagged, not decoded',
      freq: frequencies({ زلزلة: 5, تزلمنت: 5 }),
      out: doc,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = runOnly(RULE, doc, { lexicon, frequencies: c.freq });
      expect(r.text).toBe(c.out);
      if (c.out === doc) {
        expect(r.changes).toEqual([]);
        expect(r.flags.map((f) => f.kind)).toEqual(['private-use-letters-unsolved', 'private-use-letters-unsolved']);
      } else {
        expect(r.changes.map((ch) => ch.after)).toEqual(['زل', 'زل']);
        expect(r.flags).toEqual([]);
      }
    });
  }

  it('icon-font codes beside words with siblings in the counts stay', () => {
    const input = '\ue1a0 الأرض \ue1a1\ue1a0 شعر';
    const r = runOnly(RULE, input, { lexicon, frequencies: frequencies({ زلزلة: 5 }, { 'زلزلة الأرض': 2 }) });
    expect(r.text).toBe(input);
    expect(r.changes).toEqual([]);
    expect(r.flags).toEqual([]);
  });
});

describe('private-use-letters: with the shipped lexicon and counts', () => {
  it('الخا + two codes, used twice, is الخارج / خارج', () => {
    const input = 'وفي الداخل مع الولايات المتحدة، وفي الخا\ue0a5\ue072 مع الولايات المتحدة\nبعض الأفراد خا\ue0a5\ue072 المليشيات، خاصة في العراق';
    const r = runOnly(RULE, input);
    expect(r.text).toBe('وفي الداخل مع الولايات المتحدة، وفي الخارج مع الولايات المتحدة\nبعض الأفراد خارج المليشيات، خاصة في العراق');
  }, 30_000);
});

describe('private-use-letters: runs before remove-kashida', () => {
  it('the tatweel before the codes is still there when they are decoded, and goes after', () => {
    const stretched = 'ومنهــا مــا هــو قــادم مــن العــراق\n';
    const input = `${stretched}أن تزعـ\ue0ed\ue085 الاستقرار، ويشعر بــالج\ue0ed\ue085 من الفكرة`;
    const r = fixText(input, { lexicon: LEXICON, frequencies: FREQ });
    expect(r.text).toBe('ومنها ما هو قادم من العراق\nأن تزعزع الاستقرار، ويشعر بالجزع من الفكرة');
    expect(r.changes.filter((c) => c.rule === RULE)).toHaveLength(2);
  });
});
