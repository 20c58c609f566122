// Doing no harm on real extractor output: for the extractors whose output is mostly in
// order (pdftotext, pdftotext -layout, mutool), the cleaned text of every PDF in the
// corpus is never farther from the truth than the extraction was. (Before reorder-runs
// learned to tell moved runs from pieces of words explained where they stand, 13
// pdftotext files came out worse.)
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixText, getLexicon } from '../src/index.js';
import { charDistance, normalize } from '../scripts/metrics.mjs';

const PDF = 'fixtures/pdf';
const docs = fs.existsSync(PDF) ? fs.readdirSync(PDF).filter((d) => fs.existsSync(path.join(PDF, d, 'truth.txt'))) : [];

beforeAll(() => {
  getLexicon();
}, 60_000);

describe('PDF corpus: output never worse than input', () => {
  for (const extractor of ['pdftotext', 'pdftotext-layout', 'mutool']) {
    it(`${extractor}: every file`, () => {
      const worse: string[] = [];
      let files = 0;
      for (const d of docs) {
        const file = path.join(PDF, d, `${extractor}.txt`);
        if (!fs.existsSync(file)) continue;
        files++;
        const truth = normalize(fs.readFileSync(path.join(PDF, d, 'truth.txt'), 'utf8'));
        const input = fs.readFileSync(file, 'utf8');
        const before = charDistance(normalize(input), truth);
        const after = charDistance(normalize(fixText(input).text), truth);
        if (after > before) worse.push(`${d}: ${before} → ${after}`);
      }
      expect(files).toBeGreaterThan(50);
      expect(worse).toEqual([]);
    }, 120_000);
  }

  it('pdftotext and pdf.js: running the tool on its own output changes nothing', () => {
    const moving: string[] = [];
    for (const d of docs) {
      for (const extractor of ['pdftotext', 'pdfjs']) {
        const file = path.join(PDF, d, `${extractor}.txt`);
        if (!fs.existsSync(file)) continue;
        const once = fixText(fs.readFileSync(file, 'utf8')).text;
        if (fixText(once).text !== once) moving.push(`${d}/${extractor}`);
      }
    }
    expect(moving).toEqual([]);
  }, 120_000);
});
