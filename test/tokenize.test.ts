import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize, tokenizeByGroups } from '../src/knowledge/number-context.js';
import { makeToken, makeTokenByCharacters } from '../src/reorder/tokens.js';

// tokenize classifies matches by their characters; it must agree with reading the
// regex's named groups on every kind of text the tool sees.
const samples = [
  'في عام ، إذ بلغت %38 و٢٠١٩ و۱۲',
  'ـــ ـب بـ لـ "العربية" COVID-19 café ﷺ ۝ \u06dd٣',
  '\ue000\ue001.\ue002 \ue003ب ب\ue004 \ue005ـ x\ue006',
  'a\u0640b \u064bx \u0670 \r\n\r\n\t\u00a0\u2003\u202f 😀 𝐀 ٫ ٬',
  '3.5,7 ١٫٥ 12/3 :',
];

describe('tokenize', () => {
  it('agrees with the group-based tokenizer on edge cases, the seeds and the fixtures', () => {
    const files = readdirSync('seeds')
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(`seeds/${f}`, 'utf8'));
    const sim = readdirSync('fixtures/sim/dropped')
      .filter((f) => f.endsWith('.input.txt'))
      .map((f) => readFileSync(`fixtures/sim/dropped/${f}`, 'utf8'));
    const pdf = readdirSync('fixtures/pdf', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => ['pdftotext.txt', 'pdfjs.txt', 'mutool.txt'].map((f) => `fixtures/pdf/${d.name}/${f}`))
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f, 'utf8'));
    expect(pdf.length).toBeGreaterThan(0);
    for (const text of [...samples, ...files, ...sim, ...pdf]) expect(tokenize(text)).toEqual(tokenizeByGroups(text));
  });

  it('names each kind of token', () => {
    expect(tokenize('عام 2019،\n\ue000x').map((t) => t.type)).toEqual(['word', 'space', 'number', 'punct', 'newline', 'pua', 'latin']);
  });
});

// makeToken takes a short cut for tokens of Arabic letters, marks and tatweel only;
// it must build the very token the character-by-character path builds.
describe('makeToken', () => {
  const arabicChars = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةىٱپچژکگی', '\u0640', '\u064b', '\u0651', '\u0652', '\u0670', '\u06d6', '\u06dd', '\u06e9', '\u06ed'];
  it('agrees with the general path on Arabic-only and mixed tokens', () => {
    const char = fc.oneof(fc.constantFrom(...arabicChars), fc.constantFrom('1', '٣', '.', '،', 'a', '\ue000', '(', '%'));
    fc.assert(
      fc.property(fc.array(char, { minLength: 0, maxLength: 8 }), (chars) => {
        const text = chars.join('');
        expect(makeToken(text, 3)).toEqual(makeTokenByCharacters(text, 3));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on every token of the seeds', () => {
    const words = readdirSync('seeds').flatMap((f) => readFileSync(`seeds/${f}`, 'utf8').split(/[ \n]/));
    expect(words.length).toBeGreaterThan(1000);
    for (const w of words) expect(makeToken(w, 0)).toEqual(makeTokenByCharacters(w, 0));
  });

  it('reads a lone letter and a tatweel-initial piece', () => {
    expect(makeToken('ز', 0)).toMatchObject({ kind: 'word', loneLetter: true, words: ['ز'] });
    expect(makeToken('ــات', 0)).toMatchObject({ kind: 'word', tatweelInitial: true, words: ['ات'] });
    expect(makeToken('ــ', 0).kind).toBe('punct');
  });
});

describe('tokenize on arbitrary text', () => {
  it('finds the regex tokenizer’s tokens in any mix of the characters its classes tell apart', () => {
    const unit = fc.constantFrom(
      ...'اب ـ\u064e\u0670\u06dd\u06de\u06e5\u06d4\u06d5،؟.,:/\u066b\u066c0٣۴\ue000\ue001\r\n\t\u00a0\u2003\u202fxéﷺ\ufe8d-%()'.split(''),
      '😀',
      '𝐀',
      '\ud800',
      '\udc00',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = units.join('');
        expect(tokenize(text)).toEqual(tokenizeByGroups(text));
      }),
      { numRuns: 3000 },
    );
  });
});
