// Metrics of the evaluation harness (scripts/eval.mjs): normalisation, Levenshtein distance on
// characters and on words, and matching of dropped-digit flags to known sites.
// Plain ESM JavaScript so the harness runs without a build step; types in metrics.d.mts.

const IGNORED = /[\u0640\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * The comparison form of a line (or a whole text): tatweel and bidi controls removed
 * (U+0640, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), whitespace runs collapsed to one
 * space, trimmed. For comparison only; outputs are never rewritten.
 */
export function normalize(s) {
  return s.replace(IGNORED, '').replace(/\s+/gu, ' ').trim();
}

/** Words of an already normalised string. */
export function words(normalized) {
  return normalized === '' ? [] : normalized.split(' ');
}

/**
 * Levenshtein distance between two sequences of integers (typed arrays or arrays), O(n·m)
 * time and O(min(n, m)) memory with two rows; common prefix and suffix are skipped first.
 */
export function levenshteinInts(a, b) {
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && start < endB && a[start] === b[start]) start++;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const n = endA - start;
  const m = endB - start;
  if (n === 0) return m;
  if (m === 0) return n;
  // The row runs over the shorter sequence.
  const [short, long, ns, nl] = n <= m ? [a, b, n, m] : [b, a, m, n];
  let prev = new Int32Array(ns + 1);
  let cur = new Int32Array(ns + 1);
  for (let i = 0; i <= ns; i++) prev[i] = i;
  for (let j = 1; j <= nl; j++) {
    const cj = long[start + j - 1];
    cur[0] = j;
    for (let i = 1; i <= ns; i++) {
      const sub = prev[i - 1] + (short[start + i - 1] === cj ? 0 : 1);
      const del = prev[i] + 1;
      const ins = cur[i - 1] + 1;
      cur[i] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[ns];
}

/** Character (code point) edit distance. */
export function charDistance(a, b) {
  if (a === b) return 0;
  return levenshteinInts(Uint32Array.from(a, (c) => c.codePointAt(0)), Uint32Array.from(b, (c) => c.codePointAt(0)));
}

/** Word edit distance between two word arrays. */
export function wordDistance(a, b) {
  const ids = new Map();
  const id = (w) => {
    let v = ids.get(w);
    if (v === undefined) { v = ids.size; ids.set(w, v); }
    return v;
  };
  return levenshteinInts(Int32Array.from(a, id), Int32Array.from(b, id));
}

/** Number of code points. */
export function codePoints(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * Match dropped-digit flags to known sites: a flag matches a site on the same line whose
 * column is within `tolerance` columns (a site may list several candidate columns, or
 * `columns: null` when only its line is known). One-to-one, nearest pairs first.
 * sites: [{line, column} | {line, columns: number[] | null}], flags: [{line, column}].
 */
export function matchSites(sites, flags, tolerance = 3) {
  const pairs = [];
  sites.forEach((s, si) => {
    const cols = 'columns' in s ? s.columns : [s.column];
    flags.forEach((f, fi) => {
      if (f.line !== s.line) return;
      const d = cols === null ? 0 : Math.min(...cols.map((c) => Math.abs(c - f.column)));
      if (d <= tolerance) pairs.push([d, si, fi]);
    });
  });
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  const usedS = new Set();
  const usedF = new Set();
  for (const [, si, fi] of pairs) {
    if (usedS.has(si) || usedF.has(fi)) continue;
    usedS.add(si);
    usedF.add(fi);
  }
  return {
    sites: sites.length,
    flags: flags.length,
    matched: usedS.size,
    recall: sites.length ? usedS.size / sites.length : null,
    precision: flags.length ? usedF.size / flags.length : null,
  };
}

export const SITE_MARK = '⟦#⟧';

/**
 * Sites in input coordinates from a marked expected text (the expected text with ⟦#⟧ where a
 * number was dropped; line-aligned with the input, but its columns are those of the repaired
 * line). Each mark is located in the input line by the text just before it (the site is where
 * that text ends) and just after it (where that text starts), searched in the tatweel-free
 * input; every unique hit is a candidate column. With no hit the site is known by line only.
 * Returns [{line, columns: number[] | null}].
 */
export function sitesFromMarked(marked, input) {
  const inLines = input.split('\n');
  const sites = [];
  marked.split('\n').forEach((m, li) => {
    if (!m.includes(SITE_MARK)) return;
    const parts = m.split(SITE_MARK);
    const plain = parts.join('');
    const raw = inLines[li] ?? '';
    // Tatweel-free input with a map back to input columns (UTF-16, 1-based).
    let stripped = '';
    const colOf = [];
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] === '\u0640') continue;
      colOf.push(i + 1);
      stripped += raw[i];
    }
    colOf.push(raw.length + 1);
    let offset = 0;
    for (let k = 0; k < parts.length - 1; k++) {
      offset += parts[k].length;
      const before = plain.slice(0, offset).replace(/\u0640/g, '');
      const after = plain.slice(offset).replace(/\u0640/g, '');
      const cols = new Set();
      const left = uniqueContext(stripped, before, 'end');
      if (left !== null) cols.add(colOf[left]);
      const right = uniqueContext(stripped, after, 'start');
      if (right !== null) cols.add(colOf[right]);
      sites.push({ line: li + 1, columns: cols.size ? [...cols].sort((a, b) => a - b) : null });
    }
  });
  return sites;
}

// Longest context (12 down to 3 code units, spaces at the mark's side ignored) that occurs exactly
// once in `hay`; returns the index where the site is (end of a left context, start of a right one).
function uniqueContext(hay, text, side) {
  const t = side === 'end' ? text.replace(/\s+$/u, '') : text.replace(/^\s+/u, '');
  for (let len = Math.min(12, t.length); len >= 3; len--) {
    const ctx = side === 'end' ? t.slice(t.length - len) : t.slice(0, len);
    const at = hay.indexOf(ctx);
    if (at < 0 || hay.indexOf(ctx, at + 1) >= 0) continue;
    return side === 'end' ? at + ctx.length : at;
  }
  return null;
}
