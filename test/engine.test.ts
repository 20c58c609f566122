import { describe, expect, it } from 'vitest';
import { runRules } from '../src/core/engine.js';
import { resolveOptions } from '../src/core/options.js';
import { TrackedText, splitLines, LineIndex } from '../src/core/tracked-text.js';
import type { Knowledge, Rule } from '../src/core/types.js';
import { lexiconFromWords } from '../src/knowledge/lexicon.js';

const knowledge = (): Knowledge => ({
  cache: new Map(),
  corpus: [],
  lexicon: () => lexiconFromWords([]),
  frequencies: () => ({ word: () => 0, pair: () => 0, totalWords: 1, totalPairs: 1 }),
});

function rule(id: string, run: Rule['run'], safety: Rule['safety'] = 'safe'): Rule {
  return { id, description: id, safety, defaultEnabled: true, run };
}

describe('TrackedText', () => {
  it('keeps the input offset of every character across edits', () => {
    const t = new TrackedText('abcdef');
    const t2 = t.apply([{ start: 1, end: 3, text: 'X', confidence: 1, reason: '' }]);
    expect(t2.text).toBe('aXdef');
    expect([...t2.origin]).toEqual([0, 1, 3, 4, 5, 6]);
    const t3 = t2.apply([{ start: 2, end: 5, text: 'fed', origins: [2, 1, 0], confidence: 1, reason: '' }]);
    expect(t3.text).toBe('aXfed');
    expect(t3.inputOffset(2)).toBe(5); // the f came from input offset 5
    expect(t3.inputRange(2, 5)).toEqual([3, 6]);
  });

  it('splits lines on LF, CRLF and CR without losing offsets', () => {
    const lines = splitLines('a\r\nbb\ncc\rd');
    expect(lines.map((l) => [l.start, l.end, l.text])).toEqual([
      [0, 1, 'a'],
      [3, 5, 'bb'],
      [6, 8, 'cc'],
      [9, 10, 'd'],
    ]);
    expect(new LineIndex('a\r\nbb\ncc').point(7)).toEqual({ line: 3, column: 2 });
  });
});

describe('runRules', () => {
  it('reports positions in the input after an earlier rule moved text', () => {
    const reverseLine = rule('reverse', ({ text }) =>
      text === 'cba xyz' ? {} : { edits: [{ start: 0, end: 3, text: 'cba', origins: [2, 1, 0], confidence: 1, reason: 'r' }] },
    );
    const upper = rule('upper', ({ text }) => {
      const i = text.indexOf('a');
      return i < 0 ? {} : { edits: [{ start: i, end: i + 1, text: 'A', confidence: 1, reason: 'u' }] };
    });
    const r = runRules('abc xyz', [reverseLine, upper], resolveOptions([reverseLine, upper]), knowledge());
    expect(r.text).toBe('cbA xyz');
    const up = r.changes.find((c) => c.rule === 'upper')!;
    expect(up.column).toBe(1); // the a was at input column 1 before the reversal moved it
  });

  it('skips overlapping edits in a pass and takes them in the next', () => {
    let calls = 0;
    const overlapping = rule('o', ({ text }) => {
      calls++;
      if (text === 'XY') return {};
      if (text === 'Xcd') return { edits: [{ start: 1, end: 3, text: 'Y', confidence: 1, reason: '' }] };
      return {
        edits: [
          { start: 0, end: 2, text: 'X', confidence: 1, reason: '' },
          { start: 1, end: 4, text: 'Z', confidence: 1, reason: '' },
        ],
      };
    });
    const r = runRules('abcd', [overlapping], resolveOptions([overlapping]), knowledge());
    expect(r.text).toBe('XY');
    expect(r.changes).toHaveLength(2);
    expect(calls).toBe(3);
  });

  it('turns a heuristic edit below min confidence into a flag and leaves the text', () => {
    const guess = rule('guess', () => ({ edits: [{ start: 0, end: 1, text: 'b', confidence: 0.3, reason: 'a guess' }] }), 'heuristic');
    const r = runRules('a', [guess], resolveOptions([guess], { minConfidence: 0.6 }), knowledge());
    expect(r.text).toBe('a');
    expect(r.flags).toHaveLength(1);
    expect(r.flags[0]).toMatchObject({ rule: 'guess', kind: 'below-min-confidence', line: 1, column: 1, suggestions: ['b'] });
  });

  it('stops a circular fix instead of spinning', () => {
    const flip = rule('flip', ({ text }) => ({ edits: [{ start: 0, end: 1, text: text === 'a' ? 'b' : 'a', confidence: 1, reason: '' }] }));
    const r = runRules('a', [flip], resolveOptions([flip]), knowledge());
    expect(r.changes.length).toBeLessThanOrEqual(3);
  });

  it('runs only enabled rules', () => {
    const x = rule('x', () => ({ edits: [{ start: 0, end: 1, text: 'X', confidence: 1, reason: '' }] }));
    const r = runRules('a', [x], resolveOptions([x], { disable: ['x'] }), knowledge());
    expect(r.text).toBe('a');
  });
});
