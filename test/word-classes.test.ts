import { describe, expect, it } from 'vitest';
import { ClassModelBuilder, wordClass } from '../src/reorder/word-classes.js';

describe('word classes: the counts behind pairs no count has seen', () => {
  // Three pairs: an indefinite noun before a definite one (idafa) twice, a preposition before a noun once.
  const model = new ClassModelBuilder().add('مدير', 'الخارجية', 4).add('رئيس', 'الحكومة', 2).add('في', 'المدينة', 1).build();

  it('classes: closed-class words are themselves, others their prefix and suffix shape', () => {
    expect(wordClass('في')).toBe('في');
    expect(wordClass('الخارجية')).toBe('Al|iyya');
    expect(wordClass('مدير')).toBe(wordClass('رئيس'));
    expect(wordClass('وزير')).toBe('w|-');
  });

  it('class pairs: observed against expected from the margins, with a prior of 3', () => {
    // مدير and رئيس share a class: 6 of 7 pairs go from it to an Al|… word.
    const ca = 6; // left margin of the shared class
    const cb = 4; // right margin of Al|iyya (الخارجية)
    expect(model.assoc('سفير', 'الجامعية')).toBeCloseTo(Math.log((4 + 3) / ((ca * cb) / 7 + 3)), 12);
    // A class never seen gives no evidence either way.
    expect(model.assoc('<LAT>', 'الجامعية')).toBeCloseTo(Math.log(3 / 3), 12);
  });

  it('half-class pairs: a word after a class, a class after a word (prior 2)', () => {
    // (class of سفير → الخارجية): 4 observed; margins 6 (class) × 4 (word) / 7.
    // (سفير → class of الخارجية): سفير was never counted, so 0 observed, 0 expected.
    expect(model.halfAssoc('سفير', 'الخارجية')).toBeCloseTo(Math.log((4 + 2) / ((6 * 4) / 7 + 2)) + Math.log(2 / 2), 12);
    expect(model.halfAssoc('في', 'المدينة')).toBeGreaterThan(0);
  });

  it('an empty model says nothing', () => {
    expect(new ClassModelBuilder().build().assoc('وزير', 'الخارجية')).toBe(0);
    expect(new ClassModelBuilder().build().halfAssoc('وزير', 'الخارجية')).toBe(0);
  });
});
