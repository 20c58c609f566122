/**
 * Arabic month names, from Node's ICU data rather than a hand-made list: every
 * regional set (Gregorian يناير…, Levantine كانون الثاني…, Maghreb غشت…, Algerian
 * جانفي…) that Intl knows, so a new locale in ICU is a new set here for free.
 */
import { bareWord } from '../core/arabic.js';
import { builtWithThisIcu, shippedPack } from './knowledge-pack.js';
import type { Pack, Section } from './pack.js';

/** Locales whose month names differ; the rest of the Arab world uses one of these sets. */
const MONTH_LOCALES = ['ar', 'ar-IQ', 'ar-LB', 'ar-SY', 'ar-MA', 'ar-DZ', 'ar-TN', 'ar-MR', 'ar-EG', 'ar-SA'];

/** Hamza-on-alef, madda and plain alef are often interchanged in dates (آب/أب/اب, أبريل/ابريل). */
export function foldAlef(word: string): string {
  // Called several times for every word of a text (month, unit, preposition
  // checks); words repeat, so remembering them beats three regex passes each.
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    folded = bareWord(word).replace(/[أإآٱ]/g, 'ا').replace(/ى$/, 'ي');
    if (foldedWords.size >= MAX_FOLDED_WORDS) foldedWords.clear();
    foldedWords.set(word, folded);
  }
  return folded;
}

/** Bounds the memory of foldAlef's cache (a few MB at most). */
const MAX_FOLDED_WORDS = 50_000;
const foldedWords = new Map<string, string>();

export interface MonthName {
  /** The name as ICU spells it (one or two words). */
  name: string;
  /** Its words, alef-folded, for matching. */
  words: string[];
  /** 1–12. */
  month: number;
}

let months: MonthName[] | undefined;
/** First words of the month names: most words are not one, and need no further look. */
let firstWords: Set<string> | undefined;

export function monthNames(): readonly MonthName[] {
  months ??= packedMonths(shippedPack()) ?? monthNamesFromIcu();
  return months;
}

/**
 * The names as the knowledge pack keeps them: ICU's first use (about 20 ms) is most
 * of what finding them costs. (The pack records its ICU; see builtWithThisIcu.)
 */
export function monthSections(): Record<string, Section> {
  return { months: JSON.stringify(monthNamesFromIcu()) };
}

/** The names a pack holds, if it was built with this ICU. */
export function packedMonths(pack: Pack | null): MonthName[] | null {
  try {
    if (!pack || !builtWithThisIcu(pack)) return null;
    const stored = pack.get('months');
    if (typeof stored !== 'string') return null;
    const list = JSON.parse(stored) as MonthName[];
    return Array.isArray(list) ? list : null;
  } catch {
    return null;
  }
}

export function monthNamesFromIcu(): MonthName[] {
  const seen = new Map<string, MonthName>();
  for (const locale of MONTH_LOCALES) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    } catch {
      continue; // a Node built with small-icu may lack a locale
    }
    for (let m = 0; m < 12; m++) {
      const name = format.format(new Date(Date.UTC(2020, m, 15))).replace(/[\u200e\u200f\u061c]/g, '').trim();
      if (!/[\u0621-\u064a]/.test(name)) continue;
      const words = name.split(/\s+/).map(foldAlef);
      const key = words.join(' ');
      if (!seen.has(key)) seen.set(key, { name, words, month: m + 1 });
    }
  }
  // Longest first, so كانون الثاني is tried before any one-word name.
  return [...seen.values()].sort((a, b) => b.words.length - a.words.length);
}

/**
 * Month names that are also common words or names (مارس "he practised", آب "father",
 * ماي, جوان "Juan", نيسان "Nissan"): they count as a month only where the context says so
 * (a preposition, a day, a slash pair, شهر).
 */
const AMBIGUOUS = new Set(['مارس', 'اب', 'ماي', 'جوان', 'نيسان', 'اوت', 'ايار', 'تموز', 'شباط']);

export function isAmbiguousMonth(m: MonthName): boolean {
  return m.words.length === 1 && AMBIGUOUS.has(m.words[0]);
}

/**
 * If words[i…] begins with a month name, its length in words (1 or 2), else 0.
 * Leading و/ف/ب/ل are allowed on the first word (وديسمبر, لشهر…).
 */
export function monthAt(words: readonly string[], i: number): { length: number; month: MonthName } | null {
  if (i >= words.length) return null;
  // Each word is folded once, not once per month name (this runs for every word of a text).
  const first = foldAlef(words[i]);
  const unprefixed = /^[وفبل]/.test(first) ? first.slice(1) : null;
  firstWords ??= new Set(monthNames().map((m) => m.words[0]));
  if (!firstWords.has(first) && (unprefixed === null || !firstWords.has(unprefixed))) return null;
  let second: string | undefined;
  for (const m of monthNames()) {
    if (i + m.words.length > words.length) continue;
    if (m.words[0] !== first && m.words[0] !== unprefixed) continue;
    let ok = true;
    for (let k = 1; k < m.words.length && ok; k++) {
      if (k === 1) {
        second ??= foldAlef(words[i + 1]);
        ok = second === m.words[1];
      } else ok = foldAlef(words[i + k]) === m.words[k];
    }
    if (ok) return { length: m.words.length, month: m };
  }
  return null;
}
