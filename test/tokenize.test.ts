import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeByGroups } from '../src/knowledge/number-context.js';

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
