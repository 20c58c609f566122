#!/usr/bin/env node
// Generate the document that a typesetter turns into a PDF, from one clean
// source text (fixtures/pdf/texts/<name>.txt: paragraphs separated by a blank
// line). Output goes to stdout and is deterministic (same input, same bytes).
//
//   node scripts/make-typeset-doc.mjs fodt <text.txt> <font>  > <name>.fodt
//   node scripts/make-typeset-doc.mjs html <text.txt> <font>  > <name>.html
//   node scripts/make-typeset-doc.mjs tex  <text.txt> <font>  > <name>.tex
//
// Both formats use the same geometry: a 13 cm x 17 cm page with 2 cm side
// margins, i.e. a 9 cm text column; 13 pt type; justified, right-to-left
// paragraphs; language ar-SA. The .fodt is a Flat ODT for LibreOffice
// (`soffice --headless --convert-to pdf`), the .html is for Chromium's
// print-to-PDF, the .tex is for XeLaTeX (polyglossia + bidi): there every run
// of Latin letters or Western digits, with the punctuation inside it
// (`COVID-19`, `2.4%`, `915–965`), is wrapped in \textenglish{...} and URLs in
// \textenglish{\url{...}}, as a careful author must do: without it XeTeX
// prints `1.5` as `5.1`, and \LR{1.2} set in KacstOne comes out as `2.1`.
import fs from 'node:fs';
import path from 'node:path';

const [, , kind, src, font] = process.argv;
if (!['fodt', 'html', 'tex'].includes(kind) || !src || !font) {
  process.stderr.write('usage: make-typeset-doc.mjs fodt|html|tex <text.txt> <font>\n');
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

const TEX_SPECIAL = { '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '$': '\\$', '&': '\\&', '#': '\\#', '_': '\\_', '%': '\\%', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}' };
const texEsc = (s) => s.replace(/[\\{}$&#_%~^]/g, (c) => TEX_SPECIAL[c]);

function texPara(p) {
  const re = /(https?:\/\/[^\s«»()]+[^\s«»().,،:;])|([A-Za-z0-9](?:[A-Za-z0-9.,:/%+\-–]*[A-Za-z0-9%])?)/gu;
  let out = '';
  let last = 0;
  for (const m of p.matchAll(re)) {
    out += texEsc(p.slice(last, m.index));
    if (m[1]) out += `\\textenglish{\\url{${m[1]}}}`;
    else out += `\\textenglish{${texEsc(m[2])}}`;
    last = m.index + m[0].length;
  }
  return out + texEsc(p.slice(last));
}

function tex() {
  // Latin text inside \LR uses the main font: Amiri has Latin glyphs; KacstOne
  // has none, so with KacstOne the Latin font is DejaVu Sans (what LibreOffice
  // falls back to as well).
  const latin = font === 'KacstOne' ? 'DejaVu Sans' : font;
  return `% ${title}: generated by scripts/make-typeset-doc.mjs, typeset with xelatex
\\documentclass{article}
\\usepackage[paperwidth=${PAGE.width},paperheight=${PAGE.height},left=${PAGE.side},right=${PAGE.side},top=${PAGE.top},bottom=${PAGE.bottom}]{geometry}
\\usepackage{fontspec}
\\usepackage{url}
\\usepackage{polyglossia}
\\setmainlanguage{arabic}
\\setotherlanguage{english}
\\setmainfont{${latin}}
\\newfontfamily\\arabicfont[Script=Arabic]{${font}}
\\urlstyle{same}
\\pagestyle{empty}
\\setlength{\\parindent}{0pt}
\\setlength{\\parskip}{0.3cm}
\\sloppy
\\begin{document}
\\fontsize{13}{19}\\selectfont
${paras.map(texPara).join('\n\n')}
\\end{document}
`;
}

process.stdout.write(kind === 'fodt' ? fodt() : kind === 'html' ? html() : tex());
