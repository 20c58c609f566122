#!/usr/bin/env node
// Generate the document that a typesetter turns into a PDF, from one clean
// source text (fixtures/pdf/texts/<name>.txt: paragraphs separated by a blank
// line). Output goes to stdout and is deterministic (same input, same bytes).
//
//   node scripts/make-typeset-doc.mjs fodt <text.txt> <font>  > <name>.fodt
//   node scripts/make-typeset-doc.mjs html <text.txt> <font>  > <name>.html
//
// Both formats use the same geometry: a 13 cm x 17 cm page with 2 cm side
// margins, i.e. a 9 cm text column; 13 pt type; justified, right-to-left
// paragraphs; language ar-SA. The .fodt is a Flat ODT for LibreOffice
// (`soffice --headless --convert-to pdf`), the .html is for Chromium's
// print-to-PDF.
import fs from 'node:fs';
import path from 'node:path';

const [, , kind, src, font] = process.argv;
if (!['fodt', 'html'].includes(kind) || !src || !font) {
  process.stderr.write('usage: make-typeset-doc.mjs fodt|html <text.txt> <font>\n');
  process.exit(2);
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const text = fs.readFileSync(src, 'utf8');
// A paragraph is a run of non-blank lines; its lines are joined with a space.
const paras = text
  .split(/\n[ \t]*\n/)
  .map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean).join(' '))
  .filter(Boolean);
const title = path.basename(src, '.txt');

const PAGE = { width: '13cm', height: '17cm', top: '1.5cm', bottom: '1.5cm', side: '2cm' };
const SIZE = '13pt';

function fodt() {
  const textProps =
    `style:font-name="${esc(font)}" fo:font-size="${SIZE}" fo:language="ar" fo:country="SA" ` +
    `style:font-name-asian="${esc(font)}" style:font-size-asian="${SIZE}" ` +
    `style:font-name-complex="${esc(font)}" style:font-size-complex="${SIZE}" ` +
    `style:language-complex="ar" style:country-complex="SA" fo:hyphenate="false"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>${esc(title)}</dc:title><dc:language>ar-SA</dc:language></office:meta>
 <office:font-face-decls>
  <style:font-face style:name="${esc(font)}" svg:font-family="${esc(font)}" style:font-pitch="variable"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties style:writing-mode="rl-tb"/>
   <style:text-properties ${textProps}/>
  </style:default-style>
  <style:style style:name="Body" style:family="paragraph">
   <style:paragraph-properties fo:text-align="justify" style:justify-single-word="false" style:writing-mode="rl-tb" fo:margin-top="0cm" fo:margin-bottom="0.3cm"/>
   <style:text-properties ${textProps}/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="${PAGE.width}" fo:page-height="${PAGE.height}" fo:margin-top="${PAGE.top}" fo:margin-bottom="${PAGE.bottom}" fo:margin-left="${PAGE.side}" fo:margin-right="${PAGE.side}" style:writing-mode="rl-tb"/>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1"/>
 </office:master-styles>
 <office:body>
  <office:text>
${paras.map((p) => `   <text:p text:style-name="Body">${esc(p)}</text:p>`).join('\n')}
  </office:text>
 </office:body>
</office:document>
`;
}

function html() {
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
@page { size: ${PAGE.width} ${PAGE.height}; margin: ${PAGE.top} ${PAGE.side} ${PAGE.bottom} ${PAGE.side}; }
html, body { margin: 0; padding: 0; }
body { font-family: "${esc(font)}"; font-size: ${SIZE}; line-height: 1.45; direction: rtl; }
p { text-align: justify; margin: 0 0 0.3cm 0; }
</style>
</head>
<body>
${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</body>
</html>
`;
}

process.stdout.write(kind === 'fodt' ? fodt() : html());
