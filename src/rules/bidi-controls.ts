import type { Edit, Rule } from '../core/types.js';

/** LRM, RLM, ALM, the embeddings/overrides and the isolates. */
const CONTROL = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
const OPENERS = new Set(['\u202a', '\u202b', '\u202d', '\u202e']);
const ISOLATE_OPENERS = new Set(['\u2066', '\u2067', '\u2068']);

/**
 * pdftotext wraps every right-to-left run in RLE … PDF and pdf.js-based tools sprinkle
 * marks around numbers: the controls then sit on a large share of the lines. An
 * author who writes them by hand (an RLM after a Latin word, an isolate around a
 * name) uses a few, balanced. So: controls on at least this share of the non-empty
 * lines mean the document is extractor output and every control is stray.
 */
const EXTRACTOR_LINE_SHARE = 0.3;
const EXTRACTOR_MIN_LINES = 2;

/** Embedding and isolate controls that do not pair up are stray in any document. */
function unpairedControls(text: string): Set<number> {
  const stray = new Set<number>();
  const embeds: number[] = [];
  const isolates: number[] = [];
  for (const m of text.matchAll(CONTROL)) {
    const ch = m[0];
    if (OPENERS.has(ch)) embeds.push(m.index);
    else if (ch === '\u202c') {
      if (embeds.length) embeds.pop();
      else stray.add(m.index);
    } else if (ISOLATE_OPENERS.has(ch)) isolates.push(m.index);
    else if (ch === '\u2069') {
      if (isolates.length) isolates.pop();
      else stray.add(m.index);
    }
  }
  for (const i of [...embeds, ...isolates]) stray.add(i);
  return stray;
}

export const bidiControls: Rule = {
  id: 'bidi-controls',
  description: 'Remove stray bidi controls (U+200E/F, U+061C, U+202A–U+202E, U+2066–U+2069) left by extractors',
  safety: 'safe',
  defaultEnabled: true,
  run(ctx) {
    const { text } = ctx;
    if (!/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/.test(text)) return {};
    const lines = ctx.lines; // split only when the quick test passes
    let nonEmpty = 0;
    let withControls = 0;
    for (const line of lines) {
      if (line.text.trim() === '') continue;
      nonEmpty++;
      if (/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/.test(line.text)) withControls++;
    }
    const extractorOutput =
      withControls >= EXTRACTOR_MIN_LINES && withControls >= EXTRACTOR_LINE_SHARE * nonEmpty;
    // Per line, unpaired openers/closers: a line is the unit an extractor writes.
    const stray = new Set<number>();
    if (!extractorOutput) {
      for (const line of lines) {
        for (const i of unpairedControls(line.text)) stray.add(line.start + i);
      }
    }
    const edits: Edit[] = [];
    for (const m of text.matchAll(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]+/g)) {
      const remove: number[] = [];
      for (let i = 0; i < m[0].length; i++) {
        if (extractorOutput || stray.has(m.index + i)) remove.push(i);
      }
      if (remove.length === 0) continue;
      const kept = [...m[0]].filter((_, i) => !remove.includes(i));
      edits.push({
        start: m.index,
        end: m.index + m[0].length,
        text: kept.join(''),
        origins: [...m[0]].map((_, i) => i).filter((i) => !remove.includes(i)),
        confidence: extractorOutput ? 0.97 : 0.9,
        reason: extractorOutput
          ? `extractor bidi controls (on ${withControls} of ${nonEmpty} lines)`
          : 'unpaired bidi control',
      });
    }
    return { edits };
  },
};
