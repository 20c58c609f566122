import { bareWord, DIGIT_RUN } from '../core/arabic.js';
import { DEFAULT_MISSING_MARK } from '../core/options.js';
import type { Edit, FlagProposal, Rule } from '../core/types.js';
import { foldAlef, isAmbiguousMonth, monthAt } from '../knowledge/calendar.js';
import {
  isAamAdjectiveHead,
  isNumberLeader,
  isPreposition,
  isTimeQualifier,
  isUnitWord,
  isYearNoun,
  tokenize,
  type Token,
} from '../knowledge/number-context.js';

/**
 * Places where a number was lost (damage model 1.3, "dropped"): the extractor left
 * out every digit, and kept the spaces and punctuation around them: `عام ، إذ`,
 * `في يونيو ، ومن`, `, أغسطس  |`, `من . مليار`.
 *
 * A site needs two things: a word that calls for a number (عام/سنة in the sense
 * "year", a month name, منذ/حوالي, a unit such as مليار or %, a preposition), and a
 * gap where the number stood. Gaps come in two strengths:
 * - strong: a space before a comma or full stop, a double space, a comma opening a
 *   line, a decimal point on its own, a preposition followed by a comma;
 * - weak: punctuation straight after the word, or a paragraph ending there.
 * How much is flagged depends on the document:
 * - a text that still has digits in its prose lost none to its font: only a year,
 *   month or day slot with a strong gap is flagged there;
 * - a text with no digits and at least one site lost its digits everywhere: weak
 *   gaps count too, and so do gaps that need no calling word (a double space, a
 *   spaced full stop, a line ending in a space);
 * - a number right past the gap (visual order: `عام ،2019`) means nothing was lost,
 *   and a text that spaces its commas as a habit does not count that space.
 *
 * Nothing is restored. With --mark-missing the placeholder is inserted at the gap.
 */

type GapStrength = 'strong' | 'weak';

interface Gap {
  strength: GapStrength;
  /** Offset where the number stood (where a placeholder goes). */
  at: number;
  /** What the gap looks like, for the message. */
  looks: string;
}

interface Site {
  gap: Gap;
  kind: string;
  why: string;
  confidence: number;
}

const PERIOD_WORDS = new Set(['مطلع', 'اوائل', 'منتصف', 'اواسط', 'اواخر', 'نهاية', 'بداية', 'خلال', 'طوال', 'شهر', 'وشهر', 'اخر'].map(foldAlef));

const IN_ANY_TEXT = new Set(['year-after-year-noun', 'number-after-month', 'day-before-month']);

const SPECIFICITY: Record<string, number> = {
  'double-space': -1,
  'orphan-punctuation': -1,
  'number-at-line-end': -1,
  'number-after-hyphen': -1,
  'orphan-comma': 0,
  'number-after-leader': 1,
  'number-before-unit': 2,
  'number-before-percent': 2,
  'lone-decimal-point': 3,
  'year-after-year-noun': 3,
  'number-after-month': 3,
  'day-before-month': 3,
};

const SENTENCE_PUNCT = /^[،,.؛;:!?؟]$/;

/** Runs of digits in prose (URLs and Latin words carry their own digits). */
function proseDigitCount(text: string): number {
  const prose = text
    .replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ')
    .replace(/[A-Za-z][A-Za-z0-9]*[0-9][A-Za-z0-9]*/g, ' ');
  return (prose.match(DIGIT_RUN) ?? []).length;
}

/** Placeholders already in the text count as numbers (so a second pass adds none). */
function maskPlaceholders(text: string, marks: readonly string[]): string {
  let out = text;
  for (const m of marks) if (m) out = out.split(m).join('0'.repeat(m.length));
  return out;
}

function isLineEnd(t: Token | undefined): boolean {
  return t === undefined || t.type === 'newline';
}

/**
 * The line holding token i shows what a dropped number leaves in a line whose runs
 * were reversed: it opens with a space, or holds a comma or full stop standing alone
 * between spaces (the number's run was emitted without its digits).
 */
function lineShowsMovedNumber(tokens: readonly Token[], i: number): boolean {
  let from = i;
  while (from > 0 && tokens[from - 1].type !== 'newline') from--;
  let to = i;
  while (to + 1 < tokens.length && tokens[to + 1].type !== 'newline') to++;
  if (tokens[from].type === 'space' && from < to) return true;
  for (let j = from + 1; j < to; j++) {
    const t = tokens[j];
    if (t.type === 'punct' && /^[،,.]$/.test(t.text) && tokens[j - 1].type === 'space' && tokens[j + 1].type === 'space') return true;
  }
  return false;
}

/** True when the line after token k (a line break) is empty or missing: a paragraph ends. */
function paragraphEndsAt(tokens: readonly Token[], k: number): boolean {
  if (k >= tokens.length) return true;
  for (let j = k + 1; j < tokens.length; j++) {
    if (tokens[j].type === 'space') continue;
    return tokens[j].type === 'newline';
  }
  return true;
}

export const flagDroppedDigits: Rule = {
  id: 'flag-dropped-digits',
  description: 'Flag places where the extractor dropped a number (after عام/سنة or a month, before % or مليار, a lone decimal point…); --mark-missing inserts a placeholder',
  safety: 'safe',
  defaultEnabled: true,
  run({ text, options }) {
    if (!/[\u0621-\u064a]/.test(text)) return {};
    const mark = options.markMissing;
    const tokens = tokenize(maskPlaceholders(text, [mark ?? '', DEFAULT_MISSING_MARK]));
    // Digits hidden as PUA codes (not decoded) are still there: not a digitless text.
    const digitless = proseDigitCount(text) === 0 && !tokens.some((t) => t.type === 'pua');
    const spaceBeforeCommaIsStyle = spaceBeforePunctuationHabit(tokens);

    /** The gap right after token i, if there is one. */
    const gapAfter = (i: number, lineEndTrace = false): Gap | null => {
      const t1 = tokens[i + 1];
      const t2 = tokens[i + 2];
      if (t1 === undefined) return { strength: 'weak', at: tokens[i].end, looks: 'the text ends' };
      if (t1.type === 'space') {
        if (t1.text.length >= 2 && !isLineEnd(t2)) {
          return { strength: 'strong', at: t1.start + 1, looks: 'a double space' };
        }
        if (t2 && t2.type === 'punct' && SENTENCE_PUNCT.test(t2.text)) {
          return {
            strength: spaceBeforeCommaIsStyle ? 'weak' : 'strong',
            at: t2.start,
            looks: `a space before «${t2.text}»`,
          };
        }
        if (isLineEnd(t2) && paragraphEndsAt(tokens, i + 2)) {
          return { strength: 'weak', at: t1.end, looks: 'the paragraph ends' };
        }
        return null;
      }
      if (t1.type === 'punct' && SENTENCE_PUNCT.test(t1.text)) {
        return { strength: 'weak', at: t1.start, looks: `«${t1.text}» right after it` };
      }
      if (t1.type === 'newline' && paragraphEndsAt(tokens, i + 1)) {
        return { strength: 'weak', at: t1.start, looks: 'the paragraph ends' };
      }
      // A line whose runs came out reversed ends where its first run ended: a number
      // that followed there now stands elsewhere in the line, or is gone and left a
      // comma alone or a space at the line start (seed 000: `… ديسمبر` ⏎ with `في ،`).
      // Only a month is asked this: a year or day so surely follows it.
      if (lineEndTrace && t1.type === 'newline' && lineShowsMovedNumber(tokens, i)) {
        return { strength: 'weak', at: t1.start, looks: 'the line ends, and the line shows the trace of a moved number' };
      }
      return null;
    };

    const sites = new Map<number, Site>();
    const weak: { gap: Gap; kind: string; why: string; base: number }[] = [];
    const add = (gap: Gap | null, kind: string, why: string, base: number): void => {
      if (!gap) return;
      if (gap.strength === 'weak') {
        // Kept aside: weak gaps count only in a text shown to have lost digits.
        if (digitless) weak.push({ gap, kind, why, base });
        return;
      }
      // A text that still has digits lost none to its font: only a year or day slot
      // left empty right before punctuation is worth a flag there.
      if (!digitless && !IN_ANY_TEXT.has(kind)) return;
      if (numberRightAfter(tokens, gap.at)) return;
      const confidence = gap.strength === 'strong' ? base : base - 0.2;
      const site = { gap, kind, why: `${why} (${gap.looks})`, confidence };
      // One site per gap: the most specific reading wins (a lone decimal point
      // after من is a lost amount, not just a comma after a preposition).
      const other = sites.get(gap.at);
      if (!other || SPECIFICITY[kind] > SPECIFICITY[other.kind]) sites.set(gap.at, site);
    };

    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type !== 'word') continue;
      const word = t.text;

      // A month, possibly with its other name: حزيران/ يونيو, حزيران (يونيو).
      const month = monthPhrase(tokens, i);
      if (month) {
        const prev = previousWord(tokens, i);
        const looksLikeMonth = !isAmbiguousMonth(month.name) || (prev !== null && isPreposition(prev.text)) || month.paired;
        if (looksLikeMonth) {
          const next = nextWordAfter(tokens, month.end);
          const qualified = next !== null && directlyFollows(tokens, month.end, next) && isTimeQualifier(next.text);
          // في أواخر يونيو، في شهر يونيو، are whole without a number: only a text that
          // lost its digits makes them suspect.
          const period = prev !== null && PERIOD_WORDS.has(foldAlef(prev.text));
          const gap = gapAfter(month.end, true);
          if (!qualified) add(gap && period ? { ...gap, strength: 'weak' } : gap, 'number-after-month', `a year (or day) expected after ${month.label}`, 0.9);
          // `، يناير 8` (visual order): the day stands after the month.
          const lead = numberRightAfter(tokens, tokens[month.end].end) ? null : dayGapBefore(tokens, i);
          if (lead) add(lead, 'day-before-month', `a day expected before ${month.label}`, 0.85);
        }
        i = month.end;
        continue;
      }

      if (isYearNoun(word) && isYearSense(tokens, i)) {
        add(gapAfterStrongOnly(gapAfter(i)), 'year-after-year-noun', `a year expected after ${bareWord(word)}`, 0.9);
        continue;
      }
      if (isNumberLeader(word)) {
        add(gapAfterStrongOnly(gapAfter(i)), 'number-after-leader', `a number expected after ${bareWord(word)}`, 0.85);
        continue;
      }
      if (isPreposition(word)) {
        const g = gapAfter(i);
        // A preposition cannot be followed by a comma: something stood between them.
        if (g && isStrictPreposition(word) && arabicAfterPunct(tokens, g.at) && g.looks !== 'a double space' && g.looks !== 'the paragraph ends' && g.looks !== 'the text ends') {
          add({ ...g, strength: 'strong' }, 'orphan-comma', `punctuation right after the preposition ${bareWord(word)}`, 0.8);
        }
        const dayOf = prepositionBeforeMinMonth(tokens, i);
        if (dayOf) add(dayOf, 'day-before-month', `a day expected between ${bareWord(word)} and من`, 0.8);
        continue;
      }
      if (isUnitWord(word)) {
        const g = unitGapBefore(tokens, i);
        if (g) add(g.gap, g.kind, `${g.kind === 'lone-decimal-point' ? 'a decimal point with no digits' : 'a number expected' } before ${bareWord(word)}`, 0.85);
      }
    }
    // % with no number before it.
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type !== 'punct' || !/^[%٪]$/.test(t.text)) continue;
      const prev = tokens[i - 1];
      const prevSolid = prev?.type === 'space' ? tokens[i - 2] : prev;
      if (prevSolid && (prevSolid.type === 'number' || prevSolid.type === 'pua' || prevSolid.type === 'latin')) continue;
      // `.%`: the decimal point of the lost number is still there.
      if (prevSolid && prevSolid.type === 'punct' && /^[.,٫]$/.test(prevSolid.text) && prev === prevSolid) {
        const before = tokens[i - 2];
        if (before && (before.type === 'number' || before.type === 'pua')) continue;
        if (!before || before.type === 'space' || before.type === 'newline') {
          add({ strength: 'strong', at: prevSolid.start, looks: `«${prevSolid.text}%» alone` }, 'lone-decimal-point', 'a decimal point and % with no digits', 0.9);
          continue;
        }
      }
      add({ strength: 'strong', at: t.start, looks: 'nothing before «%»' }, 'number-before-percent', 'a number expected before %', 0.85);
    }

    // A text that lost its digits (none left, and some place above that surely lost
    // one) lost them everywhere: there a double space, a space before a full stop or
    // comma, a decimal point alone or a line ending in a space mark a number too.
    if (digitless && sites.size > 0) {
      for (const { gap, kind, why } of genericGaps(tokens, spaceBeforeCommaIsStyle)) add(gap, kind, why, 0.7);
      for (const w of weak) {
        if (numberRightAfter(tokens, w.gap.at)) continue;
        const other = sites.get(w.gap.at);
        if (!other) sites.set(w.gap.at, { gap: w.gap, kind: w.kind, why: `${w.why} (${w.gap.looks})`, confidence: w.base - 0.2 });
      }
    }

    const flags: FlagProposal[] = [];
    const edits: Edit[] = [];
    for (const s of [...sites.values()].sort((a, b) => a.gap.at - b.gap.at)) {
      flags.push({ start: s.gap.at, end: s.gap.at, kind: s.kind, message: `number dropped here? ${s.why}`, confidence: s.confidence });
      if (mark) {
        edits.push({
          start: s.gap.at,
          end: s.gap.at,
          text: padded(text, s.gap.at, mark),
          confidence: s.confidence,
          reason: `placeholder for a dropped number: ${s.why}`,
        });
      }
    }
    return { flags, edits };
  },
};

/** The placeholder, with a space on a side where it would touch a word. */
function padded(text: string, at: number, mark: string): string {
  const before = at > 0 ? text[at - 1] : '';
  const after = at < text.length ? text[at] : '';
  const touches = (ch: string) => ch !== '' && /[\p{L}\p{M}\p{N}\u0640]/u.test(ch);
  return `${touches(before) ? ' ' : '' }${mark}${touches(after) ? ' ' : '' }`;
}

/**
 * A number just after the gap (`عام  ،2019`, `بلغت %38`, `بنسبة .%50`): text in
 * visual order, or with bidi marks taken out, puts the number beyond the
 * punctuation. The number is there, so nothing was dropped.
 */
function numberRightAfter(tokens: readonly Token[], at: number): boolean {
  let k = tokenAt(tokens, at);
  if (k < 0) return false;
  // The gap sits inside a run of spaces: continue from the token after it.
  if (tokens[k].start !== at) k++;
  let punct = 0;
  for (; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.type === 'space') continue;
    if (t.type === 'number' || t.type === 'pua') return true;
    if (t.type === 'punct' && punct < 2 && /^[.,،%٪:؛()-]$/.test(t.text)) {
      punct++;
      continue;
    }
    return false;
  }
  return false;
}

/**
 * Index of the token that covers offset `at`, or -1 past the end. Tokens tile the
 * text in order, so a binary search finds it (a linear scan per site is quadratic).
 */
function tokenAt(tokens: readonly Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid];
    if (at < t.start) hi = mid - 1;
    else if (at >= t.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** After the punctuation at `at`: an Arabic word or the end of the line (not a bracket or Latin, as in mirrored text). */
function arabicAfterPunct(tokens: readonly Token[], at: number): boolean {
  const k = tokenAt(tokens, at);
  if (k < 0 || tokens[k].start !== at) return true;
  for (let j = k + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.type === 'space') continue;
    return t.type === 'word' || t.type === 'newline';
  }
  return true;
}

/** Prepositions that never end a clause (قبل، and بعد، do: `من قبل،`), spelled exactly (علي is a name). */
function isStrictPreposition(word: string): boolean {
  return /^[وف]?(?:في|من|إلى|الى|على|عن|منذ|خلال|بين)$/.test(bareWord(word));
}

/** Year nouns need a strong gap: قبل عام، and نهاية العام، are whole. */
function gapAfterStrongOnly(g: Gap | null): Gap | null {
  return g && g.strength === 'strong' ? g : null;
}

/**
 * عام is also the adjective "general, public" (بشكل عام, مدير عام, الرأي العام).
 * It means "year" after a preposition, at the start of a clause, or (indefinite)
 * after a definite word, which an indefinite adjective cannot qualify
 * (`من العراق عام ، إذ`).
 */
function isYearSense(tokens: readonly Token[], i: number): boolean {
  const definite = /^(?:[وف]?(?:[بلك]?ال|لل))/.test(bareWord(tokens[i].text));
  const prev = previousWord(tokens, i);
  if (prev === null || !adjacentWords(tokens, prev, i)) return true; // a new clause
  // هذا العام, ذلك العام: "this year" is whole.
  if (/^(?:هذا|هذه|ذلك|تلك|نفس|ذات|كل)$/.test(bareWord(prev.text))) return false;
  if (isPreposition(prev.text)) return true;
  if (isAamAdjectiveHead(prev.text)) return false;
  // An adjective agrees with its noun in definiteness: الرأي العام is "public
  // opinion", but العراق عام and انتخابات العام are about a year.
  const prevDefinite = /^(?:[وف]?(?:[بلك]?ال|لل))/.test(bareWord(prev.text));
  return !(definite && prevDefinite);
}

function previousWord(tokens: readonly Token[], i: number): Token | null {
  for (let k = i - 1; k >= 0; k--) {
    const t = tokens[k];
    if (t.type === 'space' || t.type === 'newline') continue;
    return t.type === 'word' ? t : null;
  }
  return null;
}

/** Only spaces and line breaks between word `a` and token index `i`. */
function adjacentWords(tokens: readonly Token[], a: Token, i: number): boolean {
  for (let k = i - 1; k >= 0 && tokens[k] !== a; k--) if (tokens[k].type !== 'space' && tokens[k].type !== 'newline') return false;
  return true;
}

function nextWordAfter(tokens: readonly Token[], i: number): Token | null {
  for (let k = i + 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.type === 'space' || t.type === 'newline') continue;
    return t.type === 'word' ? t : null;
  }
  return null;
}

function directlyFollows(tokens: readonly Token[], i: number, w: Token): boolean {
  for (let k = i + 1; k < tokens.length && tokens[k] !== w; k++) if (tokens[k].type !== 'space' && tokens[k].type !== 'newline') return false;
  return true;
}

interface MonthMatch {
  /** Index of the phrase's last token. */
  end: number;
  name: { name: string; words: string[]; month: number };
  label: string;
  /** Written with its other name (حزيران/ يونيو): surely a month. */
  paired: boolean;
}

/** Words (token indices) from i on, separated by single spaces only. */
function wordRun(tokens: readonly Token[], i: number, n: number): number[] {
  const out = [i];
  let k = i;
  while (out.length < n && tokens[k + 1]?.type === 'space' && tokens[k + 2]?.type === 'word' && tokens[k + 1].text.length === 1) {
    k += 2;
    out.push(k);
  }
  return out;
}

function matchMonth(tokens: readonly Token[], i: number): { end: number; name: MonthMatch['name'] } | null {
  const run = wordRun(tokens, i, 2);
  const m = monthAt(
    run.map((k) => tokens[k].text),
    0,
  );
  if (!m) return null;
  return { end: run[m.length - 1], name: m.month };
}

/** A month name at word token i, with an alternative name after / or in brackets. */
function monthPhrase(tokens: readonly Token[], i: number): MonthMatch | null {
  const first = matchMonth(tokens, i);
  if (!first) return null;
  let end = first.end;
  let paired = false;
  // حزيران/ يونيو, يونيو/حزيران, حزيران (يونيو)
  let k = end + 1;
  if (tokens[k]?.type === 'space' && tokens[k].text.length === 1) k++;
  if (tokens[k]?.type === 'punct' && (tokens[k].text === '/' || tokens[k].text === '(')) {
    const open = tokens[k].text;
    let j = k + 1;
    if (tokens[j]?.type === 'space' && tokens[j].text.length === 1) j++;
    if (tokens[j]?.type === 'word') {
      const second = matchMonth(tokens, j);
      if (second) {
        end = second.end;
        paired = true;
        if (open === '(' && tokens[end + 1]?.text === ')') end += 1;
      }
    }
  }
  const label = tokens
    .slice(i, end + 1)
    .map((t) => t.text)
    .join('')
    .replace(/\u0640/g, '');
  return { end, name: first.name, label, paired };
}

/**
 * Gaps that need no word calling for a number, for a text known to have lost its
 * digits: `تلقت  طعنًا` (a double space), `رغبة . فقط` (a point alone), `آخر ، على`,
 * `سجل ⏎` (a line that ends in a space after a word), `COVID-،`.
 */
function* genericGaps(tokens: readonly Token[], spaceBeforeCommaIsStyle: boolean): Generator<{ gap: Gap; kind: string; why: string }> {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.type === 'space') {
      // ` كيلومترات،` opening a line: the count stood before the unit.
      if (prev.type === 'newline' && next.type === 'word' && isUnitWord(next.text)) {
        yield { gap: { strength: 'strong', at: t.start, looks: 'a space opens the line before a unit' }, kind: 'number-before-unit', why: `a number expected before ${bareWord(next.text)}` };
        continue;
      }
      if (prev.type === 'newline' || next.type === 'newline') {
        if (next.type === 'newline' && prev.type === 'word' && t.text.length === 1) {
          yield { gap: { strength: 'strong', at: t.end, looks: 'the line ends in a space' }, kind: 'number-at-line-end', why: 'a number expected at the end of the line' };
        }
        continue;
      }
      // Exactly two: three or more are layout (a paragraph's end joined to a run).
      if (t.text.length === 2) yield { gap: { strength: 'strong', at: t.start + 1, looks: 'a double space' }, kind: 'double-space', why: 'a number expected between the two spaces' };
      continue;
    }
    if (t.type === 'punct' && /^[.،,؛]$/.test(t.text) && prev.type === 'space' && prev.text.length === 1) {
      const before = tokens[i - 2];
      if (!before || (before.type !== 'word' && before.type !== 'punct')) continue;
      if (/^[،,؛]$/.test(t.text) && spaceBeforeCommaIsStyle) continue;
      const lone = t.text === '.' && next.type === 'space';
      yield {
        gap: { strength: 'strong', at: t.start, looks: lone ? '«.» alone' : `a space before «${t.text}»` },
        kind: lone ? 'lone-decimal-point' : 'orphan-punctuation',
        why: lone ? 'a decimal point with no digits' : `a number expected before «${t.text}»`,
      };
      continue;
    }
    // `. مليون` at the start of a line.
    if (t.type === 'punct' && t.text === '.' && prev.type === 'newline' && next.type === 'space' && tokens[i + 2]?.type === 'word') {
      yield { gap: { strength: 'strong', at: t.start, looks: '«.» alone' }, kind: 'lone-decimal-point', why: 'a decimal point with no digits' };
      continue;
    }
    if (t.type === 'punct' && t.text === '-' && prev.type === 'latin' && next.type !== 'latin' && next.type !== 'number') {
      yield { gap: { strength: 'strong', at: t.end, looks: `«${prev.text}-» with nothing after` }, kind: 'number-after-hyphen', why: `a number expected after ${prev.text}-` };
    }
  }
}

/** `, أغسطس` at the start of a line: the comma stood after a day that is gone. */
function dayGapBefore(tokens: readonly Token[], i: number): Gap | null {
  const p = tokens[i - 1];
  if (p?.type === 'space' && p.text.length === 2 && tokens[i - 2] && tokens[i - 2].type !== 'newline') {
    return { strength: 'strong', at: p.start + 1, looks: 'a double space before it' };
  }
  let k = i - 1;
  if (tokens[k]?.type === 'space') k--;
  const comma = tokens[k];
  if (!comma || comma.type !== 'punct' || !/^[،,]$/.test(comma.text)) return null;
  let j = k - 1;
  if (tokens[j]?.type === 'space') j--;
  if (j >= 0 && tokens[j].type !== 'newline') return null;
  return { strength: 'strong', at: comma.start, looks: 'a comma opens the line' };
}

/** `في \nمن مايو`: a preposition, then من and a month, with the day missing between. */
function prepositionBeforeMinMonth(tokens: readonly Token[], i: number): Gap | null {
  if (bareWord(tokens[i].text) !== 'في' && !/^(?:منذ|حتى)$/.test(bareWord(tokens[i].text))) return null;
  const next = nextWordAfter(tokens, i);
  if (!next || bareWord(next.text) !== 'من' || !directlyFollows(tokens, i, next)) return null;
  const k = tokenAt(tokens, next.start);
  if (!tokens[k + 2] || tokens[k + 2].type !== 'word' || !monthPhrase(tokens, k + 2)) return null;
  const t1 = tokens[i + 1];
  const at = t1 && t1.type === 'space' ? t1.end : tokens[i].end;
  return { strength: 'strong', at, looks: `«${bareWord(tokens[i].text)} من» before a month` };
}

/** `من . مليار` (a decimal point alone), `من  مليار` (a double space before the unit). */
function unitGapBefore(tokens: readonly Token[], i: number): { gap: Gap; kind: string } | null {
  const p1 = tokens[i - 1];
  const p2 = tokens[i - 2];
  const p3 = tokens[i - 3];
  if (p1?.type === 'space' && p2?.type === 'punct' && /^[.,٫]$/.test(p2.text) && p3?.type === 'space' && tokens[i - 4]?.type === 'word') {
    return { gap: { strength: 'strong', at: p2.start, looks: `«${p2.text}» alone`}, kind: 'lone-decimal-point' };
  }
  if (p1?.type === 'space' && p1.text.length >= 2 && p2?.type === 'word') {
    return { gap: { strength: 'strong', at: p1.start + 1, looks: 'a double space' }, kind: 'number-before-unit' };
  }
  return null;
}

/**
 * Some writers put a space before every comma (`حرجة ،`). If the document does so
 * after ordinary words too, a space before a comma is no sign of a lost number.
 */
function spaceBeforePunctuationHabit(tokens: readonly Token[]): boolean {
  let habit = 0;
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (tokens[i].type !== 'space' || tokens[i].text.length !== 1) continue;
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    if (next.type !== 'punct' || !/^[،,]$/.test(next.text) || prev.type !== 'word') continue;
    const w = prev.text;
    const wordsBack = [w];
    if (isYearNoun(w) || isPreposition(w) || isNumberLeader(w) || monthAt(wordsBack, 0)) continue;
    // Two-word months (كانون الأول ،)
    const pw = previousWord(tokens, i - 1);
    if (pw && monthAt([pw.text, w], 0)) continue;
    habit++;
  }
  return habit >= 2;
}
