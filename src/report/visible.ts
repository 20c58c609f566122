/**
 * Characters a reader cannot see but that matter in damaged Arabic text: bidi
 * controls, zero-width characters, Private Use Area code points (where some PDFs
 * hide digits), other control characters, unpaired surrogates. Reports show them
 * by name so that a change like «‮» → «» is not an empty-looking row.
 */

/** Short names for the invisibles a user meets in extracted Arabic text. */
const NAMES: Record<number, string> = {
  0x00ad: 'SHY',
  0x061c: 'ALM',
  0x180e: 'MVS',
  0x200b: 'ZWSP',
  0x200c: 'ZWNJ',
  0x200d: 'ZWJ',
  0x200e: 'LRM',
  0x200f: 'RLM',
  0x2028: 'LSEP',
  0x2029: 'PSEP',
  0x202a: 'LRE',
  0x202b: 'RLE',
  0x202c: 'PDF',
  0x202d: 'LRO',
  0x202e: 'RLO',
  0x2060: 'WJ',
  0x2061: 'FA',
  0x2062: 'IT',
  0x2063: 'IS',
  0x2064: 'IP',
  0x2066: 'LRI',
  0x2067: 'RLI',
  0x2068: 'FSI',
  0x2069: 'PDI',
  0xfeff: 'BOM',
};

/** True for a code point that should be shown as a token. Tab is shown as itself. */
export function isInvisible(cp: number): boolean {
  return (
    (cp < 0x20 && cp !== 0x09) ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp in NAMES ||
    (cp >= 0xd800 && cp <= 0xdfff) || // only reached for unpaired surrogates
    (cp >= 0xe000 && cp <= 0xf8ff) ||
    cp >= 0xf0000 || // supplementary Private Use planes 15 and 16
    cp === 0xfffe ||
    cp === 0xffff
  );
}

export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `RLO` for a named control, `U+E012` for a PUA code point or other invisible. */
export function invisibleName(cp: number): string {
  return NAMES[cp] ?? codePointLabel(cp);
}

/** Splits text into runs of ordinary text and single invisible code points. */
export function* visibleParts(s: string): Generator<{ text: string; invisible?: number }> {
  let run = '';
  for (const ch of s) {
    // for…of yields whole code points; an unpaired surrogate comes alone.
    const cp = ch.codePointAt(0)!;
    if (isInvisible(cp)) {
      if (run) yield { text: run };
      run = '';
      yield { text: ch, invisible: cp };
    } else {
      run += ch;
    }
  }
  if (run) yield { text: run };
}

/** Plain-text form for Markdown, annotations and tooltips: invisibles become ⟨U+202E⟩. */
export function visibleControls(s: string): string {
  let out = '';
  for (const part of visibleParts(s)) {
    out += part.invisible === undefined ? part.text : `⟨${codePointLabel(part.invisible)}⟩`;
  }
  return out;
}
