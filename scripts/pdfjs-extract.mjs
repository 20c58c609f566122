#!/usr/bin/env node
// Extract the text of a PDF with pdf.js (pdfjs-dist, legacy build for Node),
// joining text items into lines the way a typical user script does:
//   - items are taken in the order pdf.js returns them (no re-sorting),
//   - item strings are concatenated as-is,
//   - an item with hasEOL ends the line (a "\n" is written after it),
//   - a page's unterminated last line gets a "\n", and every page is followed
//     by one more "\n", so pages are separated by an empty line.
// Nothing is normalised: bidi controls, presentation forms, spacing are kept.
//
// Usage: node scripts/pdfjs-extract.mjs in.pdf > out.txt
import fs from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: pdfjs-extract.mjs <file.pdf>\n');
  process.exit(2);
}
const data = new Uint8Array(fs.readFileSync(file));
const doc = await getDocument({ data, verbosity: 0, useSystemFonts: false, isEvalSupported: false }).promise;
let out = '';
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const content = await page.getTextContent();
  let line = '';
  for (const item of content.items) {
    if (typeof item.str !== 'string') continue; // marked-content markers
    line += item.str;
    if (item.hasEOL) {
      out += line + '\n';
      line = '';
    }
  }
  if (line !== '') out += line + '\n';
  out += '\n';
  page.cleanup();
}
await doc.destroy();
process.stdout.write(out);
