import { codePoint, isPrivateUse } from '../core/arabic.js';
import type { Edit, FlagProposal, Rule } from '../core/types.js';
import { slotAt, tokenize, type NumberSlot, type Token } from '../knowledge/number-context.js';

/**
 * Digits a PDF font drew with Private Use Area codes (damage model 1.3, "hidden"):
 * `منذ سنة U+E009 U+E005 U+E005 U+E00A` is `منذ سنة 2003`.
 *
 * The code → digit table differs from font to font, so it is solved per document:
 * 1. candidate numbers are stand-alone runs of PUA codes (with . , / : between them)
 *    in places where numbers belong: after عام/سنة, before a month, %, مليار …;
 * 2. a search over one-to-one code → digit tables keeps those under which every
 *    candidate reads as the number its place calls for (a year after عام is 19xx or
 *    20xx, a day 1–31) and ranks them by how far they are from "the font's digits
 *    are consecutive codes" (each break in the run costs one), plus small costs for
 *    leading zeros, percentages over 100, years in the far future;
 * 3. the best table is applied only when it is clearly better than the next one;
 *    otherwise every candidate is flagged with its readings under the best tables.
 * PUA codes that never stand where a number belongs (icon fonts, private scripts)
 * are never touched.
 */

const PROCLITIC_NUMBER = /^([وفبلك]\u0640?)([\ue000-\uf8ff]+(?:[.,\u066b\u066c:/][\ue000-\uf8ff]+)*)$/;

/** How many tables to keep: the best, and enough runners-up to show as candidates. */
const KEEP = 6;
/** A winner must beat the runner-up by at least one break. */
const MIN_MARGIN = 1;
/** A table for more than this many codes cannot be digits. */
const MAX_DIGIT_CODES = 10;
const LATEST_PLAUSIBLE_YEAR = new Date().getFullYear() + 10;
/**
 * What a reading its place rules out costs (a year 0415, a day 45). Not infinite:
 * a reordered line can put a number next to the wrong word, and one such place
 * must not block a table that every other place agrees on.
 */
const IMPOSSIBLE = 4;

interface Candidate {
  token: Token;
  /** PUA codes of the run (separators left out). */
  codes: string[];
  /** The separators' positions in the run's digit sequence, e.g. `1.5` → [[1, '.']]. */
  slot: NumberSlot;
  /** A single code opening a line: a list bullet from a symbol font (U+F0B7), not a number. */
  bullet: boolean;
}

export interface DigitTable {
  /** code → digit, for the codes the candidates use. */
  digits: Map<string, number>;
  cost: number;
}

/** Reads a run under a table; `null` if some code has no digit. */
function read(token: Token, table: ReadonlyMap<string, number>): string | null {
  let out = '';
  for (const ch of token.text) {
    if (isPrivateUse(ch)) {
      const d = table.get(ch);
      if (d === undefined) return null;
      out += String(d);
    } else out += ch;
  }
  return out;
}

/**
 * Cost of a candidate's reading: Infinity when its place rules it out, otherwise a
 * small cost for readings that are possible but unusual.
 */
function readingCost(c: Candidate, value: string): number {
  const integerPart = value.split(/[.,]/)[0];
  let cost = 0;
  if (/^0\d/.test(integerPart) && !/[/:]/.test(value)) cost += c.slot === 'day' ? 0.5 : 2;
  // Four digits before a month are its year (runs of a line come out reversed).
  const slot = c.slot === 'day' && c.codes.length === 4 ? 'year' : c.slot;
  switch (slot) {
    case 'year': {
      if (c.codes.length !== 4 || /[^0-9]/.test(value)) break;
      const year = Number(value);
      if (year < 1000) cost += IMPOSSIBLE;
      else if (year < 1500) cost += 2;
      else if (year < 1900) cost += 0.3; // historical years happen (عام 1877), modern ones are the rule
      else if (year > LATEST_PLAUSIBLE_YEAR) cost += year >= 2100 ? IMPOSSIBLE : 1;
      break;
    }
    case 'day': {
      if (/[^0-9]/.test(value) || c.codes.length > 2) break;
      const day = Number(value);
      if (day < 1 || day > 31) cost += IMPOSSIBLE;
      break;
    }
    case 'percent':
      if (Number(value.replace(',', '.')) > 100) cost += 1;
      break;
    case 'amount':
      // `0.4 مليار` is written `400 مليون`: a zero before a magnitude word is rare.
      if (/^0[.,]/.test(value)) cost += 0.5;
      break;
    default:
      break;
  }
  return cost;
}

/** Does the place constrain the number (so the candidate is evidence for a table)? */
function isAnchored(c: Candidate): boolean {
  if (c.bullet) return false;
  if (c.slot === 'none') return /[.,][^.,]/.test(c.token.text) && c.codes.length >= 2;
  if (c.slot === 'year') return c.codes.length === 4 || c.codes.length <= 2;
  if (c.slot === 'day') return c.codes.length <= 2 || c.codes.length === 4;
  return c.codes.length <= 12;
}

/**
 * Breaks in a (partial) table: digits sorted, a break wherever two neighbouring
 * digits are not as far apart in code as they are in value. Adding digits never
 * removes a break, so this is a lower bound during the search.
 */
function breaks(assigned: ReadonlyArray<[number, number]>): number {
  const byDigit = [...assigned].sort((a, b) => a[0] - b[0]);
  let n = 0;
  for (let i = 1; i < byDigit.length; i++) {
    const [d0, c0] = byDigit[i - 1];
    const [d1, c1] = byDigit[i];
    if (c1 - c0 !== d1 - d0) n += c1 < c0 ? 1.1 : 1; // a code running backwards is rarer still
  }
  return n;
}

/**
 * Fonts with a symbol encoding put byte b at U+F000+b (a Windows convention that PDF
 * extractors pass on), so U+F030–U+F039 are most likely the ASCII digits 0–9.
 * Reading one of them as another digit costs this much.
 */
const SYMBOL_FONT_COST = 0.5;

function symbolFontCost(code: number, digit: number): number {
  return code >= 0xf030 && code <= 0xf039 && code - 0xf030 !== digit ? SYMBOL_FONT_COST : 0;
}

/** The search gives up (and the rule flags instead of decoding) past this many nodes. */
const MAX_SEARCH_NODES = 200_000;

function isYearCandidate(c: Candidate): boolean {
  return (c.slot === 'year' || c.slot === 'day') && c.codes.length === 4 && !/[^\ue000-\uf8ff]/.test(c.token.text);
}

/**
 * The least a year candidate can still cost, given the digits of its first codes:
 * a year can only start with 1 or 2, and 2 only with 20.
 */
function yearPrefixBound(c: Candidate, table: ReadonlyMap<string, number>): number {
  const d0 = table.get(c.codes[0]);
  if (d0 === undefined) return 0;
  if (d0 === 0 || d0 >= 3) return IMPOSSIBLE;
  const d1 = table.get(c.codes[1]);
  if (d1 === undefined) return 0;
  if (d0 === 2) return d1 === 0 ? 0 : IMPOSSIBLE;
  return d1 < 5 ? 2 : d1 < 9 ? 0.3 : 0;
}

export interface DigitSearch {
  /** The best tables found, cheapest first. */
  tables: DigitTable[];
  /** Every table not listed costs more than this (the search's final cost ceiling). */
  ceiling: number;
  /** False when the search hit its node budget: the ranking may be incomplete. */
  exhaustive: boolean;
}

/**
 * Cost ceilings tried in turn. Good tables cost a break or two, so a low ceiling
 * prunes nearly everything; it is raised only while fewer than two tables fit under it.
 */
const CEILINGS = [2, 4, 8, 16];

/** Best few code → digit tables for the candidates, cheapest first (branch and bound). */
export function solveDigitTables(candidates: readonly Candidate[]): DigitSearch {
  const codeCount = new Map<string, number>();
  for (const c of candidates) for (const code of c.codes) codeCount.set(code, (codeCount.get(code) ?? 0) + 1);
  const codes = [...codeCount.keys()].sort((a, b) => codeCount.get(b)! - codeCount.get(a)! || a.localeCompare(b));
  if (codes.length === 0 || codes.length > MAX_DIGIT_CODES) return { tables: [], ceiling: Infinity, exhaustive: true };
  // A candidate is checked as soon as its last code gets a digit.
  const checkAt = new Map<number, Candidate[]>();
  const lastIndex = new Map<Candidate, number>();
  for (const c of candidates) {
    const last = Math.max(...c.codes.map((code) => codes.indexOf(code)));
    lastIndex.set(c, last);
    checkAt.set(last, [...(checkAt.get(last) ?? []), c]);
  }
  const years = candidates.filter(isYearCandidate);
  const best: DigitTable[] = [];
  const table = new Map<string, number>();
  const used = new Set<number>();
  const pairs: [number, number][] = [];
  let ceiling = CEILINGS[0];
  const bound = () => (best.length < KEEP ? ceiling : Math.min(ceiling, best[best.length - 1].cost));
  let nodes = 0;

  const visit = (k: number, softCost: number): void => {
    if (++nodes > MAX_SEARCH_NODES) return;
    let lower = breaks(pairs) + softCost;
    for (const c of years) if (lastIndex.get(c)! >= k) lower += yearPrefixBound(c, table);
    if (lower > bound()) return;
    if (k === codes.length) {
      best.push({ digits: new Map(table), cost: lower });
      best.sort((a, b) => a.cost - b.cost);
      if (best.length > KEEP) best.pop();
      return;
    }
    const code = codes[k];
    const cp = code.charCodeAt(0);
    // Digits that keep the codes consecutive with those already placed come first,
    // so good tables are found early and bound the rest of the search.
    const order = [...Array(10).keys()].filter((d) => !used.has(d));
    const fitsRun = (d: number) => pairs.some(([d2, c2]) => cp - c2 === d - d2) || (cp >= 0xf030 && cp <= 0xf039 && cp - 0xf030 === d);
    order.sort((a, b) => Number(fitsRun(b)) - Number(fitsRun(a)));
    for (const d of order) {
      table.set(code, d);
      used.add(d);
      pairs.push([d, cp]);
      let extra = symbolFontCost(cp, d);
      for (const c of checkAt.get(k) ?? []) extra += readingCost(c, read(c.token, table)!);
      visit(k + 1, softCost + extra);
      pairs.pop();
      used.delete(d);
      table.delete(code);
    }
  };
  for (const c of CEILINGS) {
    ceiling = c;
    best.length = 0;
    visit(0, 0);
    if (best.length >= 2 || nodes > MAX_SEARCH_NODES) break;
  }
  return { tables: best, ceiling, exhaustive: nodes <= MAX_SEARCH_NODES };
}

/**
 * Digits the table does not use but whose code follows from it: inside a run of
 * consecutive codes (0 at U+E005, 5 at U+E00C, 7 at U+E00E: 6 is U+E00D), and, when
 * the whole table is one such run, the rest of its ten codes.
 */
function extend(table: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map(table);
  const entries = [...table.entries()].map(([c, d]) => c.charCodeAt(0) - d);
  if (entries.length > 0 && entries.every((base) => base === entries[0])) {
    for (let d = 0; d <= 9; d++) {
      const code = entries[0] + d;
      if (code >= 0xe000 && code <= 0xf8ff) out.set(String.fromCharCode(code), d);
    }
    return out;
  }
  const byDigit = [...table.entries()].map(([c, d]) => [d, c.charCodeAt(0)] as const).sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < byDigit.length; i++) {
    const [d0, c0] = byDigit[i - 1];
    const [d1, c1] = byDigit[i];
    if (c1 - c0 !== d1 - d0) continue;
    for (let d = d0 + 1; d < d1; d++) out.set(String.fromCharCode(c0 + d - d0), d);
  }
  return out;
}

export const privateUseDigits: Rule = {
  id: 'private-use-digits',
  description: 'Decode digits that a PDF font put in the Private Use Area, solving the code → digit table per document',
  safety: 'heuristic',
  defaultEnabled: true,
  run({ text }) {
    if (!/[\ue000-\uf8ff]/.test(text)) return {};
    const tokens = tokenize(text);
    const all: Candidate[] = [];
    tokens.forEach((token, i) => {
      let run = token;
      if (token.type === 'word') {
        // و٣٠, بـ٢٠٢٠: a one-letter proclitic written onto the number.
        const m = PROCLITIC_NUMBER.exec(token.text);
        if (!m) return;
        run = { type: 'pua', text: m[2], start: token.start + m[1].length, end: token.end };
      } else if (token.type !== 'pua') return;
      const codes = [...run.text].filter(isPrivateUse);
      const bullet = codes.length === 1 && (i === 0 || tokens[i - 1].type === 'newline' || (tokens[i - 1].type === 'space' && (i === 1 || tokens[i - 2].type === 'newline')));
      all.push({ token: run, codes, slot: slotAt(tokens, i), bullet });
    });
    const anchored = all.filter(isAnchored);
    if (anchored.length === 0) return {};
    // Other stand-alone runs of the same codes are read under the same table, so
    // they weigh in too (a leading zero in `12 دولة` read as `01` counts against a
    // table), though they cannot bring codes of their own.
    const anchoredCodes = new Set(anchored.flatMap((c) => c.codes));
    const weak = all.filter((c) => !anchored.includes(c) && c.codes.every((code) => anchoredCodes.has(code)));

    const { tables, ceiling, exhaustive } = solveDigitTables([...anchored, ...weak]);
    if (tables.length === 0) return { flags: anchored.map((c) => inconsistentFlag(c)) };
    const [top, runnerUp] = tables;
    // With no runner-up under the ceiling, the next table costs more than the ceiling.
    const margin = (runnerUp ? runnerUp.cost : ceiling) - top.cost;
    if (margin < MIN_MARGIN || !exhaustive) return { flags: anchored.map((c) => ambiguousFlag(c, tables, margin)) };
    // The best table must read most places as exactly what they call for, not just
    // be the least bad (four equal codes after عام are no year under any table).
    const agreeing = anchored.filter((c) => readingCost(c, read(c.token, top.digits)!) === 0).length;
    if (agreeing < Math.max(1, Math.ceil(anchored.length / 2))) return { flags: anchored.map((c) => inconsistentFlag(c)) };

    const solved = extend(top.digits);
    // Write the digits the document itself writes: ٢٠١٩ where its other numbers are Arabic-Indic.
    const indic = (text.match(/[\u0660-\u0669]/g) ?? []).length > (text.match(/[0-9]/g) ?? []).length;
    const evidence = anchored.length;
    // Margin in breaks and the number of places that agree both make the table surer.
    const confidence = Math.min(0.99, 0.62 + 0.1 * Math.min(margin, 3) + 0.03 * Math.min(evidence, 6));
    const edits: Edit[] = [];
    const flags: FlagProposal[] = [];
    const anchoredSet = new Set(anchored);
    const tableText = describeTable(solved);
    for (const c of all) {
      const ascii = read(c.token, solved);
      if (ascii === null) continue; // codes outside the digit table: not ours
      const value = indic ? ascii.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d))).replace('.', '٫') : ascii;
      const inferred = c.codes.some((code) => !top.digits.has(code));
      const direct = anchoredSet.has(c);
      edits.push({
        start: c.token.start,
        end: c.token.end,
        text: value,
        confidence: direct && !inferred ? confidence : confidence * (inferred ? 0.8 : 0.9),
        reason: `PUA digits read with the document's table ${tableText} (${evidence} number${evidence === 1 ? '' : 's'} in place, next table ${runnerUp ? `${margin.toFixed(1)} worse` : `over ${margin.toFixed(0)} worse`})`,
      });
    }
    return { edits, flags };
  },
};

/** `U+E005=0, U+E008–U+E010=1–9`: runs of consecutive codes written as ranges. */
export function describeTable(table: ReadonlyMap<string, number>): string {
  const byDigit = [...table.entries()].map(([c, d]) => [d, c.charCodeAt(0)] as const).sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  for (let i = 0; i < byDigit.length; ) {
    let j = i;
    while (j + 1 < byDigit.length && byDigit[j + 1][0] === byDigit[j][0] + 1 && byDigit[j + 1][1] === byDigit[j][1] + 1) j++;
    const from = codePoint(String.fromCharCode(byDigit[i][1]));
    const to = codePoint(String.fromCharCode(byDigit[j][1]));
    parts.push(i === j ? `${from}=${byDigit[i][0]}` : `${from}–${to}=${byDigit[i][0]}–${byDigit[j][0]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

function describe(c: Candidate): string {
  return c.codes.map(codePoint).join(' ');
}

function inconsistentFlag(c: Candidate): FlagProposal {
  return {
    start: c.token.start,
    end: c.token.end,
    kind: 'private-use-digits-unsolved',
    message: `PUA codes ${describe(c)} stand where a number belongs (${c.slot}), but no one-to-one digit table fits every such place in the document`,
    confidence: 0.5,
  };
}

function ambiguousFlag(c: Candidate, tables: readonly DigitTable[], margin: number): FlagProposal {
  const readings: string[] = [];
  for (const t of tables) {
    const v = read(c.token, t.digits);
    if (v !== null && !readings.includes(v)) readings.push(v);
  }
  return {
    start: c.token.start,
    end: c.token.end,
    kind: 'private-use-digits-ambiguous',
    message: `PUA codes ${describe(c)} look like a number (${c.slot}), but the document does not fix their digits (${tables.length} tables fit, best margin ${margin.toFixed(1)})`,
    confidence: 0.5,
    suggestions: readings.slice(0, 5),
  };
}
