/**
 * Damage simulator: turns clean Arabic text into what PDF text extraction makes of it,
 * following `design/damage-model.md` section 1 (and the visual-order / presentation-form
 * classes of section 2), and returns the line-aligned truth a perfect repair would give.
 *
 * Pipeline per document:
 *  (a) every source line is a paragraph; it is wrapped greedily into lines of a width chosen
 *      per document (a narrow justified column);
 *  (b) some justified lines (not the last line of a paragraph) are stretched with
 *      justification tatweel after left-joining letters inside words (rarely at a word end);
 *  (c) a share of lines is cut into runs: around every digit run, mid-word at kerning pairs
 *      (a non-left-joining letter before ي or ك) and at kashida points, rarely at a space;
 *  (d) those runs are emitted in reverse order joined by single spaces;
 *  (e) Western digits are dropped, or replaced by Private Use Area code points.
 * Alternatively (`visual`) whole lines are laid out in visual order, optionally with the
 * letters in presentation forms (`presentationForms`, which needs a `shape` function: see
 * `shape.ts`, kept apart because the shaper is GPL-licensed and a dev-only dependency).
 *
 * Deterministic: all randomness comes from one mulberry32 stream seeded by `options.seed`.
 * Positions (`line`, `column`) are 1-based; columns count UTF-16 code units of the input line.
 */
import { layoutVisual, mirror } from './bidi.js';
import { mulberry32, type Rng } from './prng.js';

export type DigitMode = 'keep' | 'drop' | 'pua';
export type CutKind = 'space' | 'kerning' | 'kashida' | 'digit';
export type DamageKind =
  | 'tatweel'
  | 'word-end-tatweel'
  | 'reversed-runs'
  | 'split-word'
  | 'dropped-digits'
  | 'pua-digits'
  | 'visual-order'
  | 'presentation-forms';

export interface SimOptions {
  /** Seed of the pseudo-random stream (any 32-bit integer). */
  seed: number;
  /** Wrap width in characters (tatweel-free), or a [min, max] range to pick from per document. Default [60, 110]. */
  width?: number | readonly [number, number];
  /** Probability that a line (with somewhere to cut) has its runs reversed. Default 0.24 (seed 000: 16 of 68 lines). */
  damageRate?: number;
  /** Relative weights of 2, 3, 4, 5 runs in a damaged line (before forced digit cuts). */
  runWeights?: readonly number[];
  /** Per-candidate weights of the optional cut kinds. */
  cutWeights?: { kerning?: number; kashida?: number; space?: number };
  /**
   * The letter pairs the document's font kerns apart (first letter non-left-joining, second ي or
   * ك), e.g. ['زي', 'أك']. Default: زي ري أك (the pairs seen split in seed 000) plus three
   * more drawn per document from the whole class.
   */
  kerningPairs?: readonly string[];
  /** Share of justified lines stretched with tatweel. Default 0.5 (seed 000: 28 of ~56). */
  tatweelLineRate?: number;
  /** Range of the share of eligible words stretched in a stretched line. Default [0.75, 1]. */
  tatweelWordRate?: readonly [number, number];
  /** Relative weights of the line's tatweel run length 1, 2, 3, 4. */
  tatweelRunWeights?: readonly number[];
  /** Probability that a stretched word gets its tatweel at its last eligible point. Default 0.8. */
  tatweelLastPointRate?: number;
  /** Probability of a tatweel after a word's last letter (when it joins left), in stretched lines. */
  wordEndTatweelRate?: number;
  /** What happens to Western digits. Default 'keep'. */
  digits?: DigitMode;
  /** With digits 'drop': probability that a number is dropped (else kept). Default 1. */
  dropRate?: number;
  /** With digits 'pua': code point of the digit 0; 1–9 follow consecutively. Default 0xE005 (seed 004). */
  puaBase?: number;
  /** Lay whole lines out in visual order instead of reversing runs. */
  visual?: boolean;
  /** With `visual`: share of lines laid out visually. Default 1. */
  visualRate?: number;
  /** With `visual`: keep lam + alef together as one unit (ligature glyph) when reversing. */
  lamAlefUnit?: boolean;
  /**
   * With `visual`: report brackets by their mirrored glyph. Default false: a bracket keeps its
   * logical character, so the reversed line shows it facing the wrong way, `)ربوتكأ(` for
   * `(أكتوبر)`, as real extractors do (design/damage-model.md section 2).
   */
  mirrorBrackets?: boolean;
  /** Turn letters into presentation forms with `shape` (logical-order shaping). */
  presentationForms?: boolean;
  /** The shaper (logical text → presentation forms, one code unit per input code unit except lam-alef). */
  shape?: (logical: string) => string;
  /** With presentation forms: expand lam-alef ligatures back to two letters after layout (pdftotext does). */
  decomposeLamAlef?: boolean;
}

export interface Site {
  line: number;
  column: number;
  /** The digits (with their inner separators) that stood there. */
  digits: string;
}

export interface NumberInfo extends Site {
  /** 'dropped': gone from the input; 'pua': present as PUA code points; 'kept': Western digits. */
  fate: 'dropped' | 'pua' | 'kept';
}

export interface SimLine {
  line: number;
  /** The input line differs from the truth line beyond tatweel, bidi controls and whitespace. */
  damaged: boolean;
  kinds: DamageKind[];
  /** Last line of a wrapped paragraph (or a blank/short line): never justified. */
  justified: boolean;
  /** For reversed lines: the runs in logical order, as they appear in the input. */
  runs?: string[];
  /** For reversed lines: the text removed at each cut ('' mid-word, ' ' at a space). */
  seps?: string[];
  cuts?: CutKind[];
}

export interface SimResult {
  input: string;
  truth: string;
  truthFull: string;
  sites: Site[];
  numbers: NumberInfo[];
  lines: SimLine[];
  /** The wrap width used. */
  width: number;
}

const TATWEEL = '\u0640';
/** Letters that join on both sides (tatweel may follow them). */
const DUAL_JOINING = new Set('بتثجحخسشصضطظعغفقكلمنهيئپچگکی');
/** Letters that never join to the following letter (before ي/ك the PDF often kerns them apart). */
const NON_LEFT_JOINING = new Set('اأإآدذرزوؤةىژ');
const ALEFS = new Set('اأإآ');
/**
 * Pairs a Naskh font draws as one ligature when the first letter is in initial form, so no
 * kashida goes between them: in seed 000 في (0 of 14), إلى (0 of 4) and بين (0 of 5) are never
 * stretched in stretched lines, while medial على is (علــى).
 */
const INITIAL_LIGATURES = new Set(['في', 'فى', 'بي', 'لى']);
const isArabicLetter = (ch: string): boolean => /[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]/.test(ch);
const isMark = (ch: string): boolean => /[\u064B-\u065F\u0670]/.test(ch);
const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';
const NUMBER_INNER = new Set('.,:/٫٬');
/** Punctuation that travels with a number when the line is cut into runs (seed 000 line 33). */
const NUMBER_TRAIL = new Set('،,.%؛');

interface Cell {
  ch: string;
  out: string;
  /** Inserted justification tatweel. */
  tatweel: boolean;
  /** Number id for the digits (and inner separators) of a number, else -1. */
  num: number;
}

interface Resolved {
  seed: number;
  width: number | readonly [number, number];
  damageRate: number;
  runWeights: readonly number[];
  cutWeights: { kerning: number; kashida: number; space: number };
  kerningPairs: readonly string[] | undefined;
  tatweelLineRate: number;
  tatweelWordRate: readonly [number, number];
  tatweelRunWeights: readonly number[];
  tatweelLastPointRate: number;
  wordEndTatweelRate: number;
  digits: DigitMode;
  dropRate: number;
  puaBase: number;
  visual: boolean;
  visualRate: number;
  lamAlefUnit: boolean;
  mirrorBrackets: boolean;
  presentationForms: boolean;
  shape: ((s: string) => string) | undefined;
  decomposeLamAlef: boolean;
}

/** Defaults tuned against seed 000 (see fixtures/README.md for the statistics). */
export const DEFAULTS = {
  width: [60, 110] as const,
  damageRate: 0.33,
  runWeights: [0.74, 0.19, 0.05, 0.02] as const,
  cutWeights: { kerning: 1, kashida: 0.05, space: 0.002 },
  kerningPairs: ['زي', 'ري', 'أك'] as const,
  extraKerningPairs: 5,
  tatweelLineRate: 0.55,
  tatweelWordRate: [0.75, 1] as const,
  tatweelRunWeights: [0.47, 0.45, 0.07, 0.01] as const,
  tatweelLastPointRate: 0.8,
  wordEndTatweelRate: 0.004,
  dropRate: 1,
  puaBase: 0xe005,
};

function resolve(o: SimOptions): Resolved {
  if (!Number.isInteger(o.seed)) throw new TypeError('simulateDamage: options.seed must be an integer');
  const r: Resolved = {
    seed: o.seed,
    width: o.width ?? DEFAULTS.width,
    damageRate: o.damageRate ?? DEFAULTS.damageRate,
    runWeights: o.runWeights ?? DEFAULTS.runWeights,
    cutWeights: { ...DEFAULTS.cutWeights, ...o.cutWeights },
    kerningPairs: o.kerningPairs,
    tatweelLineRate: o.tatweelLineRate ?? DEFAULTS.tatweelLineRate,
    tatweelWordRate: o.tatweelWordRate ?? DEFAULTS.tatweelWordRate,
    tatweelRunWeights: o.tatweelRunWeights ?? DEFAULTS.tatweelRunWeights,
    tatweelLastPointRate: o.tatweelLastPointRate ?? DEFAULTS.tatweelLastPointRate,
    wordEndTatweelRate: o.wordEndTatweelRate ?? DEFAULTS.wordEndTatweelRate,
    digits: o.digits ?? 'keep',
    dropRate: o.dropRate ?? DEFAULTS.dropRate,
    puaBase: o.puaBase ?? DEFAULTS.puaBase,
    visual: o.visual ?? false,
    visualRate: o.visualRate ?? 1,
    lamAlefUnit: o.lamAlefUnit ?? false,
    mirrorBrackets: o.mirrorBrackets ?? false,
    presentationForms: o.presentationForms ?? false,
    shape: o.shape,
    decomposeLamAlef: o.decomposeLamAlef ?? false,
  };
  if (r.presentationForms && !r.shape) {
    throw new TypeError('simulateDamage: presentationForms needs options.shape (import it from src/simulate/shape.ts)');
  }
  if (r.puaBase < 0xe000 || r.puaBase + 9 > 0xf8ff) throw new RangeError('simulateDamage: puaBase must leave 10 code points inside U+E000–U+F8FF');
  const w = r.width;
  const [wMin, wMax] = typeof w === 'number' ? [w, w] : w;
  if (!(wMin >= 10 && wMax >= wMin)) throw new RangeError('simulateDamage: width must be >= 10 (and min <= max)');
  if (r.runWeights.length !== 4 || r.tatweelRunWeights.length !== 4) throw new RangeError('simulateDamage: runWeights and tatweelRunWeights need 4 entries');
  return r;
}

/** Greedy wrap of one paragraph at `width` code points. */
export function wrapParagraph(paragraph: string, width: number): string[] {
  const words = paragraph.trim().split(/ +/);
  const lines: string[] = [];
  let cur = '';
  let curLen = 0;
  for (const w of words) {
    const len = [...w].length;
    if (cur === '') { cur = w; curLen = len; continue; }
    if (curLen + 1 + len <= width) { cur += ' ' + w; curLen += 1 + len; continue; }
    lines.push(cur);
    cur = w;
    curLen = len;
  }
  if (cur !== '') lines.push(cur);
  return lines;
}

/** Whitespace-, tatweel- and bidi-control-insensitive comparison (the evaluation's normalisation). */
function looseKey(s: string): string {
  return s.replace(/[\u0640\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
}

export function simulateDamage(cleanText: string, options: SimOptions): SimResult {
  const o = resolve(options);
  const rng = mulberry32(o.seed);
  const width = typeof o.width === 'number' ? o.width : rng.int(o.width[0], o.width[1]);
  const kerning = new Set(o.kerningPairs ?? defaultKerning(rng));
  const source = cleanText.replace(/\r\n?/g, '\n').split('\n');

  const input: string[] = [];
  const truth: string[] = [];
  const truthFull: string[] = [];
  const lines: SimLine[] = [];
  const numbers: NumberInfo[] = [];

  for (const para of source) {
    if (para.trim() === '') {
      input.push(para);
      truth.push(para);
      truthFull.push(para);
      lines.push({ line: lines.length + 1, damaged: false, kinds: [], justified: false });
      continue;
    }
    const wrapped = wrapParagraph(para, width);
    wrapped.forEach((text, i) => {
      const lineNo = lines.length + 1;
      const r = damageLine(text, i < wrapped.length - 1, lineNo, rng, o, kerning);
      input.push(r.input);
      truth.push(r.truth);
      truthFull.push(text);
      numbers.push(...r.numbers);
      const sl: SimLine = { line: lineNo, damaged: looseKey(r.input) !== looseKey(r.truth), kinds: r.kinds, justified: i < wrapped.length - 1 };
      if (r.runs) { sl.runs = r.runs; sl.seps = r.seps; sl.cuts = r.cuts; }
      lines.push(sl);
    });
  }
  const sites = numbers.filter((n) => n.fate === 'dropped').map(({ line, column, digits }) => ({ line, column, digits }));
  return { input: input.join('\n'), truth: truth.join('\n'), truthFull: truthFull.join('\n'), sites, numbers, lines, width };
}

interface LineResult {
  input: string;
  truth: string;
  kinds: DamageKind[];
  numbers: NumberInfo[];
  runs?: string[];
  seps?: string[];
  cuts?: CutKind[];
}

interface NumberSpan { id: number; start: number; end: number; unitEnd: number; text: string }

function findNumbers(cells: Cell[]): NumberSpan[] {
  const spans: NumberSpan[] = [];
  for (let i = 0; i < cells.length; i++) {
    if (!isDigit(cells[i]!.ch)) continue;
    let j = i + 1;
    for (;;) {
      while (j < cells.length && isDigit(cells[j]!.ch)) j++;
      if (j + 1 < cells.length && NUMBER_INNER.has(cells[j]!.ch) && isDigit(cells[j + 1]!.ch)) { j++; continue; }
      break;
    }
    // Digits glued to Latin letters (HbA1c, Web3) belong to the word: not a number of the text.
    const latin = (k: number): boolean => k >= 0 && k < cells.length && /[A-Za-z]/.test(cells[k]!.ch);
    if (latin(i - 1) || latin(j)) { i = j - 1; continue; }
    const id = spans.length;
    for (let k = i; k < j; k++) cells[k]!.num = id;
    const unitEnd = j < cells.length && NUMBER_TRAIL.has(cells[j]!.ch) ? j + 1 : j;
    spans.push({ id, start: i, end: j, unitEnd, text: cells.slice(i, j).map((c) => c.ch).join('') });
    i = j - 1;
  }
  return spans;
}

/** (b) Justification tatweel. Returns new cells and whether any / a word-end one was inserted. */
function stretch(cells: Cell[], rng: Rng, o: Resolved): { cells: Cell[]; any: boolean; wordEnd: boolean } {
  const level = 1 + rng.weighted(o.tatweelRunWeights);
  const [lo, hi] = o.tatweelWordRate;
  const wordRate = lo + rng.next() * (hi - lo);
  const insertAfter = new Map<number, number>(); // cell index → tatweel count
  let wordEnd = false;
  const runLength = (): number => (rng.chance(0.9) ? level : Math.min(4, Math.max(1, level + (rng.chance(0.5) ? 1 : -1))));
  let s = 0;
  while (s < cells.length) {
    if (cells[s]!.ch === ' ') { s++; continue; }
    let e = s;
    while (e < cells.length && cells[e]!.ch !== ' ') e++;
    const word = cells.slice(s, e).map((c) => c.ch);
    const arabicOnly = word.every((ch) => isArabicLetter(ch) || isMark(ch) || /[\p{P}\p{S}]/u.test(ch)) && word.some(isArabicLetter);
    if (arabicOnly && !word.includes(TATWEEL)) {
      const points: number[] = [];
      let lastLetter = -1;
      for (let i = s; i < e; i++) {
        const ch = cells[i]!.ch;
        if (!isArabicLetter(ch)) continue;
        lastLetter = i;
        if (!DUAL_JOINING.has(ch)) continue;
        let j = i + 1;
        while (j < e && isMark(cells[j]!.ch)) j++;
        if (j >= e) continue;
        const next = cells[j]!.ch;
        if (!isArabicLetter(next) || next === 'ء') continue;
        if (ch === 'ل' && ALEFS.has(next)) continue; // never break the lam-alef ligature
        if (INITIAL_LIGATURES.has(ch + next) && isInitial(cells, s, i)) continue;
        points.push(j - 1);
      }
      if (points.length > 0 && rng.chance(wordRate)) {
        const at = points.length === 1 || rng.chance(o.tatweelLastPointRate) ? points[points.length - 1]! : points[rng.int(0, points.length - 2)]!;
        insertAfter.set(at, runLength());
      }
      if (lastLetter >= 0 && DUAL_JOINING.has(cells[lastLetter]!.ch) && rng.chance(o.wordEndTatweelRate)) {
        let j = lastLetter;
        while (j + 1 < e && isMark(cells[j + 1]!.ch)) j++;
        if (!insertAfter.has(j)) { insertAfter.set(j, runLength()); wordEnd = true; }
      }
    }
    s = e;
  }
  if (insertAfter.size === 0) return { cells, any: false, wordEnd: false };
  const out: Cell[] = [];
  cells.forEach((c, i) => {
    out.push(c);
    const k = insertAfter.get(i);
    if (k) for (let t = 0; t < k; t++) out.push({ ch: TATWEEL, out: TATWEEL, tatweel: true, num: -1 });
  });
  return { cells: out, any: true, wordEnd };
}

/** The letter at `i` takes its initial form: first letter of the word, or after a non-left-joining one. */
function isInitial(cells: Cell[], wordStart: number, i: number): boolean {
  let j = i - 1;
  while (j >= wordStart && isMark(cells[j]!.ch)) j--;
  return j < wordStart || !isArabicLetter(cells[j]!.ch) || NON_LEFT_JOINING.has(cells[j]!.ch) || cells[j]!.ch === 'ء';
}

interface Cut { pos: number; drop: 0 | 1; kind: CutKind }

/** (c) Where this line may be cut into runs. */
function cutCandidates(cells: Cell[], spans: NumberSpan[], kerning: ReadonlySet<string>): { forced: Cut[]; optional: Cut[] } {
  const n = cells.length;
  const forced: Cut[] = [];
  const nearNumber = new Set<number>();
  for (const sp of spans) {
    if (sp.start > 0) {
      const sp1 = cells[sp.start - 1]!.ch === ' ';
      forced.push({ pos: sp.start, drop: sp1 ? 1 : 0, kind: 'digit' });
      if (sp1) nearNumber.add(sp.start - 1);
    }
    if (sp.unitEnd < n) {
      const sp1 = cells[sp.unitEnd]!.ch === ' ';
      forced.push({ pos: sp1 ? sp.unitEnd + 1 : sp.unitEnd, drop: sp1 ? 1 : 0, kind: 'digit' });
      if (sp1) nearNumber.add(sp.unitEnd);
    }
  }
  const optional: Cut[] = [];
  for (let i = 1; i < n - 1; i++) {
    const c = cells[i]!;
    if (c.ch === ' ') {
      if (!nearNumber.has(i) && cells[i - 1]!.ch !== ' ' && cells[i + 1]!.ch !== ' ') optional.push({ pos: i + 1, drop: 1, kind: 'space' });
      continue;
    }
    if (c.tatweel && !cells[i - 1]!.tatweel && cells[i - 1]!.ch !== ' ') {
      let j = i;
      while (j < n && cells[j]!.tatweel) j++;
      if (j < n && isArabicLetter(cells[j]!.ch)) optional.push({ pos: i, drop: 0, kind: 'kashida' });
      continue;
    }
    if ((c.ch === 'ي' || c.ch === 'ك')) {
      let j = i - 1;
      while (j > 0 && isMark(cells[j]!.ch)) j--;
      if (kerning.has(cells[j]!.ch + c.ch)) optional.push({ pos: i, drop: 0, kind: 'kerning' });
    }
  }
  // Forced cuts at the same place collapse into one (two numbers separated by one space).
  const seen = new Set<number>();
  const uniq = forced.filter((c) => (seen.has(c.pos) ? false : (seen.add(c.pos), true)));
  return { forced: uniq, optional: optional.filter((c) => !seen.has(c.pos)) };
}

/** Every pair the damage model allows: a non-left-joining letter before ي or ك. */
export const KERNING_CLASS: readonly string[] = [...'اأإآدذرزوؤةى'].flatMap((a) => [a + 'ي', a + 'ك']);

function defaultKerning(rng: Rng): string[] {
  const pairs: string[] = [...DEFAULTS.kerningPairs];
  const rest = KERNING_CLASS.filter((p) => !pairs.includes(p));
  for (let k = 0; k < DEFAULTS.extraKerningPairs; k++) pairs.push(...rest.splice(rng.int(0, rest.length - 1), 1));
  return pairs;
}

function damageLine(text: string, justified: boolean, lineNo: number, rng: Rng, o: Resolved, kerning: ReadonlySet<string>): LineResult {
  let cells: Cell[] = Array.from(text, (ch) => ({ ch, out: ch, tatweel: false, num: -1 }));
  const kinds: DamageKind[] = [];
  if (justified && rng.chance(o.tatweelLineRate)) {
    const st = stretch(cells, rng, o);
    cells = st.cells;
    if (st.any) kinds.push('tatweel');
    if (st.wordEnd) kinds.push('word-end-tatweel');
  }
  const spans = findNumbers(cells);
  // One draw per number whatever the mode, so that the same seed gives the same layout (wrap,
  // tatweel, cuts) with digits kept, dropped or in the PUA: the tests rely on it.
  const fates = spans.map((): NumberInfo['fate'] => {
    const roll = rng.next();
    return o.digits === 'pua' ? 'pua' : o.digits === 'drop' && roll < o.dropRate ? 'dropped' : 'kept';
  });
  spans.forEach((sp, k) => {
    const fate = fates[k]!;
    for (let i = sp.start; i < sp.end; i++) {
      const c = cells[i]!;
      if (!isDigit(c.ch)) continue;
      if (fate === 'dropped') c.out = '';
      else if (fate === 'pua') c.out = String.fromCodePoint(o.puaBase + (c.ch.charCodeAt(0) - 48));
    }
  });
  if (fates.includes('dropped')) kinds.push('dropped-digits');
  if (fates.includes('pua')) kinds.push('pua-digits');
  if (o.presentationForms && o.shape) {
    applyShaping(cells, o.shape);
    kinds.push('presentation-forms');
  }

  let placed: Cell[];
  let runsInfo: Pick<LineResult, 'runs' | 'seps' | 'cuts'> = {};
  if (o.visual) {
    placed = rng.chance(o.visualRate) ? visualLayout(cells, o) : cells;
    if (placed.some((c, i) => c !== cells[i])) kinds.push('visual-order');
  } else {
    placed = cells;
    const { forced, optional } = cutCandidates(cells, spans, kerning);
    if (optional.length + forced.length > 0 && rng.chance(o.damageRate)) {
      const runCount = 2 + rng.weighted(o.runWeights);
      const chosen = forced.slice();
      const pool = optional.slice();
      const weightOf = (c: Cut): number => o.cutWeights[c.kind as 'kerning' | 'kashida' | 'space'];
      // Each further cut happens with probability min(1, total weight of the places left), so a
      // line that offers only spaces (default weight 0.002 each) is seldom cut: in seed 000 no run
      // boundary falls at a plain space, nearly all fall mid-word.
      while (chosen.length < runCount - 1 && pool.length > 0) {
        const weights = pool.map(weightOf);
        const total = weights.reduce((a, b) => a + b, 0);
        if (!(total > 0) || !rng.chance(Math.min(1, total))) break;
        const [pick] = pool.splice(rng.weighted(weights), 1);
        chosen.push(pick!);
      }
      if (chosen.length > 0) {
        chosen.sort((a, b) => a.pos - b.pos);
        const runs: Cell[][] = [];
        const seps: string[] = [];
        let from = 0;
        for (const c of chosen) {
          runs.push(cells.slice(from, c.pos - c.drop));
          seps.push(c.drop ? ' ' : '');
          from = c.pos;
        }
        runs.push(cells.slice(from));
        const space: Cell = { ch: ' ', out: ' ', tatweel: false, num: -1 };
        placed = [];
        for (let r = runs.length - 1; r >= 0; r--) {
          placed.push(...runs[r]!);
          if (r > 0) placed.push(space);
        }
        kinds.push('reversed-runs');
        if (chosen.some((c) => c.kind === 'kerning' || c.kind === 'kashida')) kinds.push('split-word');
        runsInfo = {
          runs: runs.map((r) => r.map((c) => c.out).join('')),
          seps,
          cuts: chosen.map((c) => c.kind),
        };
      }
    }
  }

  // Assemble the input line and locate every number in it.
  let inputLine = '';
  const firstCol = new Map<number, number>();
  for (const c of placed) {
    if (c.num >= 0 && isDigit(c.ch) && !firstCol.has(c.num)) firstCol.set(c.num, inputLine.length + 1);
    inputLine += o.decomposeLamAlef ? (LAM_ALEF_EXPANSION[c.out] ?? c.out) : c.out;
  }
  const truthLine = cells.filter((c) => !c.tatweel).map((c) => (c.num >= 0 && fates[c.num] === 'dropped' && isDigit(c.ch) ? '' : c.ch)).join('');
  const numbers: NumberInfo[] = spans.map((sp, k) => ({ line: lineNo, column: firstCol.get(sp.id) ?? 1, digits: sp.text, fate: fates[k]! }));
  return { input: inputLine, truth: truthLine, kinds, numbers, ...runsInfo };
}

const LAM_ALEF_EXPANSION: Record<string, string> = {
  '\uFEF5': 'لآ', '\uFEF6': 'لآ', '\uFEF7': 'لأ', '\uFEF8': 'لأ',
  '\uFEF9': 'لإ', '\uFEFA': 'لإ', '\uFEFB': 'لا', '\uFEFC': 'لا',
};

/**
 * Shape the line in logical order and give every cell its glyph's code (lam-alef: the alef cell
 * gets ''). Combining marks are left out of the shaper's input (they are transparent to joining
 * anyway): arabic-reshaper mishandles a mark between lam and alef.
 */
function applyShaping(cells: Cell[], shape: (s: string) => string): void {
  const letters = cells.filter((c) => c.out !== '' && !isMark(c.ch));
  const shaped = shape(letters.map((c) => c.out).join(''));
  let j = 0;
  let swallowAlef = false;
  for (const c of letters) {
    if (swallowAlef && ALEFS.has(c.ch)) { c.out = ''; swallowAlef = false; continue; }
    swallowAlef = false;
    const piece = shaped.slice(j, j + c.out.length);
    j += c.out.length;
    if (c.ch === 'ل' && /[\uFEF5-\uFEFC]/.test(piece)) swallowAlef = true;
    c.out = piece;
  }
  if (j !== shaped.length) throw new Error('simulateDamage: shaper output does not align with its input');
}

/** Visual order by grapheme cluster (letter + marks; optionally lam + alef); brackets reversed with the rest, mirrored only on request. */
function visualLayout(cells: Cell[], o: Resolved): Cell[] {
  const clusters: Cell[][] = [];
  for (const c of cells) {
    const prev = clusters[clusters.length - 1];
    const prevBase = prev?.[0];
    const joinMark = prev && isMark(c.ch);
    const joinAlef = prev && o.lamAlefUnit && prevBase?.ch === 'ل' && prev.length === 1 && ALEFS.has(c.ch);
    const swallowed = prev && c.out === '' && !isDigit(c.ch); // alef folded into a lam-alef glyph
    if (joinMark || joinAlef || swallowed) prev.push(c);
    else clusters.push([c]);
  }
  const units = clusters.map((cl) => cl.map((c) => c.ch).join(''));
  const { order, levels } = layoutVisual(units);
  const out: Cell[] = [];
  for (const idx of order) {
    const cl = clusters[idx]!;
    const mirrored = o.mirrorBrackets && (levels[idx]! & 1) === 1;
    for (const c of cl) out.push(mirrored && c.out.length === 1 && mirror(c.out) !== c.out ? { ...c, out: mirror(c.out) } : c);
  }
  return out;
}
