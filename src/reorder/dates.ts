/**
 * Dates: Arabic writes `14 أبريل 2023` (day, month, year). The web counts know
 * numbers only as `<NUM>`, so they cannot tell `أبريل 2023` from `أبريل 14`; the
 * size of the number can. Month names come from ICU (every regional set).
 */
import { builtWithThisIcu, shippedPack } from '../knowledge/knowledge-pack.js';
import type { Pack, Section } from '../knowledge/pack.js';
import type { Token } from './tokens.js';

export interface DateMonths {
  first: Set<string>;
  last: Set<string>;
}

function monthNames(): DateMonths {
  return packedDateMonths(shippedPack()) ?? monthNamesFromIcu();
}

/** The sets as the knowledge pack keeps them (see calendar.ts, monthSections). */
export function dateMonthSections(): Record<string, Section> {
  const { first, last } = monthNamesFromIcu();
  return { 'dates.months': JSON.stringify({ first: [...first], last: [...last] }) };
}

/** The sets a pack holds, if it was built with this ICU. */
export function packedDateMonths(pack: Pack | null): DateMonths | null {
  try {
    if (!pack || !builtWithThisIcu(pack)) return null;
    const stored = pack.get('dates.months');
    if (typeof stored !== 'string') return null;
    const { first, last } = JSON.parse(stored) as { first: string[]; last: string[] };
    return Array.isArray(first) && Array.isArray(last) ? { first: new Set(first), last: new Set(last) } : null;
  } catch {
    return null;
  }
}

export function monthNamesFromIcu(): DateMonths {
  const first = new Set<string>();
  const last = new Set<string>();
  for (const locale of ['ar', 'ar-EG', 'ar-IQ', 'ar-MA', 'ar-DZ', 'ar-TN']) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(locale, { month: 'long' });
    } catch {
      continue;
    }
    for (let m = 0; m < 12; m++) {
      const words = format.format(new Date(2020, m, 15)).split(' ');
      first.add(words[0]);
      // `كانون الثاني`: only single-word names say for sure that a year follows.
      if (words.length === 1) last.add(words[0]);
    }
  }
  return { first, last };
}

let months: DateMonths | undefined;

const DIGIT_VALUE: Record<string, string> = {};
for (let d = 0; d < 10; d++) {
  DIGIT_VALUE[String.fromCharCode(0x660 + d)] = String(d);
  DIGIT_VALUE[String.fromCharCode(0x6f0 + d)] = String(d);
}

/** The integer a number token stands for, or null (decimals, ranges, words). */
function integerOf(t: Token): number | null {
  const digits = t.text.replace(/[،,.؛:%)(]+$/u, '').replace(/^[(]/, '');
  const western = [...digits].map((c) => DIGIT_VALUE[c] ?? c).join('');
  return /^[0-9]{1,4}$/.test(western) ? Number(western) : null;
}

type Kind = 'day' | 'year' | null;
function numberKind(t: Token): Kind {
  const v = integerOf(t);
  if (v === null) return null;
  if (v >= 1 && v <= 31) return 'day';
  if (v >= 1000 && v <= 2100) return 'year';
  return null;
}

/** Extra log-odds for a pair that a date would or would not make. */
export function datePairScore(left: Token, right: Token): number {
  months ??= monthNames();
  const DATE = 2;
  if (right.first !== null && months.first.has(right.first) && left.last === '<NUM>') {
    const k = numberKind(left);
    return k === 'day' ? DATE : k === 'year' ? -DATE : 0;
  }
  if (left.last !== null && months.last.has(left.last) && right.first === '<NUM>') {
    const k = numberKind(right);
    return k === 'year' ? DATE : k === 'day' ? -DATE : 0;
  }
  return 0;
}
