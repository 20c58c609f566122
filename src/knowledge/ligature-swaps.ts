/**
 * Ligatures decoded with their letters swapped. A font's ligature glyph (lam-alef
 * in every Arabic font; lam-meem, teh-reh, beh-reh, yeh-noon … in many) carries one
 * ToUnicode entry for its letters, and many fonts write it in visual order: the
 * extracted word has that pair the wrong way round (`أكرث` for `أكثر`, `املنطقة`
 * for `المنطقة`, `غری` for `غير`). Inside a line in visual order the same happens
 * after reversal. Which pairs a font ligates is not known in advance: the document
 * shows it, by the unknown words that putting one pair back turns into common ones.
 *
 * Used by visual-order (on the lines it converts) and swapped-ligatures (on lines
 * already in logical order).
 */
import { bareWord } from '../core/arabic.js';
import type { RuleContext } from '../core/types.js';
import type { Reordered } from '../core/visual-reorder.js';
import type { FrequencyModel } from './frequency.js';

/** Arabic letters, marks, tatweel, presentation forms and U+FFFD (an unmapped glyph inside a word: in justified text, a kashida). */
export const WORD_OR_UNMAPPED = /[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d5\u06d6-\u06ed\ufb50-\ufdff\ufe70-\ufefc\ufffd]+/g;
const PRESENTATION = /[\ufb50-\ufdff\ufe70-\ufefc]/;

export interface WordJudge {
  /** How word-like a bare key is: log web count plus a bonus for the lexicon. */
  wordiness(k: string): number;
}

/** The lexicon over-generates (`يف`, `ماع` are in it), so it only counts a little. */
export const LEXICON_BONUS = 1.2;

export function makeJudge(ctx: RuleContext): WordJudge {
  const freq = ctx.knowledge.frequencies();
  let lexicon: ReturnType<RuleContext['knowledge']['lexicon']> | undefined;
  const memo = new Map<string, number>();
  return {
    wordiness(k) {
      let v = memo.get(k);
      if (v === undefined) {
        lexicon ??= ctx.knowledge.lexicon();
        v = Math.log1p(freq.word(k)) + (lexicon.has(k) ? LEXICON_BONUS : 0);
        memo.set(k, v);
      }
      return v;
    },
  };
}

/**
 * A ligature glyph (lam-alef, and in many fonts lam-meem, teh-yeh, reh-beh …)
 * decoded to its letters inside a visual line keeps them in logical order, so
 * after reversal the pair is swapped (`كارتشلاا` → `االشتراك`, `ةيلماعلا` →
 * `العاملية`). Which pairs a font ligates is not known in advance: the document
 * shows it. A pair counts as swapped when putting it back turns at least
 * `MIN_PAIR_SUPPORT` different unknown words into common ones; then every unknown
 * word where that pair, put back, gives a known word is repaired.
 */
const MIN_PAIR_SUPPORT = 2;
/** A font that ligates several pairs (this many confirmed twice) may show a pair once. */
const MIN_FONT_PAIRS = 2;
/** About 50 web hits: a common word. */
const COMMON_WORDINESS = 5;
/**
 * A font ligates one letter with several (KacstOne: beh, teh, sheen, yeh … before reh),
 * so a pair seen once that opens, as it stands, with the same letter as a confirmed pair
 * (`رب` in `نوفمرب` beside `ری` in `غری` and `كثری`) is of the same family: a less common
 * word will do (about 15 web hits with the lexicon). Never the reverse of a confirmed
 * pair: where `مل` is the swap, `لم` is the right way round.
 */
const KIN_WORDINESS = 4;

export function kinOfConfirmed(pair: string, confirmed: readonly string[]): boolean {
  return confirmed.some((c) => c !== pair && c[0] === pair[0]) && !confirmed.includes(pair[1] + pair[0]);
}

/** Every Arabic font ligates lam-alef: one word is enough evidence for those pairs. */
const LAM_ALEF_SWAPPED = ['ال', 'أل', 'إل', 'آل'];
/** This many words repaired by a lam-alef swap: the document swaps every lam-alef. */
const MIN_LAM_ALEF_HABIT = 3;
/** A word this word-like (about three web hits, or the lexicon and one) is left alone. */
const KNOWN_WORDINESS = 2;
/** The repaired word must be this much more word-like than the word as it stands (the lexicon alone is enough). */
const SWAP_MARGIN = 1;

interface WordSite {
  line: number;
  start: number;
  word: string;
  /** Positions in `word` of its letters (marks and tatweel skipped). */
  letterAt: number[];
  key: string;
  /** The keys of the words before and after on the line ('' at an edge). */
  prev: string;
  next: string;
}

/**
 * A word with the source position of each of its letters. Presentation forms are
 * folded for the key; a ligature glyph (two letters in one code point) cannot be
 * split, so a word with one is not repaired (its pair, if any, is whole already).
 */
function wordSite(line: number, start: number, word: string): WordSite | null {
  const letterAt: number[] = [];
  let key = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    // Tatweel, marks and U+FFFD (an unmapped glyph: in justified text a kashida) sit
    // between letters without being one.
    if (/[\u0640\u064b-\u065f\u0670\ufffd]/.test(ch)) continue;
    const folded = PRESENTATION.test(ch) ? bareWord(ch.normalize('NFKC').trim()) : ch;
    if (folded.length === 0) continue;
    if (folded.length > 1) return null;
    key += folded;
    letterAt.push(i);
  }
  return { line, start, word, letterAt, key, prev: '', next: '' };
}

/**
 * Farsi yeh (U+06CC): fonts made for Persian as well (KacstOne) map their yeh-reh and
 * yeh-noon ligatures to it, swapped (`غری` for `غير`, `بنی` for `بين`). Put back, it is
 * the Arabic yeh.
 */
const FARSI_YEH = '\u06cc';
const ARABIC_YEH = '\u064a';
const arabicYeh = (ch: string) => (ch === FARSI_YEH ? ARABIC_YEH : ch);

/** The key with the pair at i put back (and a Farsi yeh in it read as the Arabic one). */
function swapAt(k: string, i: number): string {
  return k.slice(0, i) + arabicYeh(k[i + 1]) + arabicYeh(k[i]) + k.slice(i + 2);
}

interface SwapHabits {
  /** Pairs (as they stand after reversal) that this document swaps. */
  pairs: Set<string>;
  /** How many different words showed each pair swapped. */
  support: Map<string, number>;
  /** Every lam-alef is swapped: known words may be repaired too, on context. */
  lamAlefHabit: boolean;
}

/** Letter pairs whose swap turns unknown words of the converted lines into known ones. */
function swapHabits(
  sites: readonly WordSite[],
  judge: WordJudge,
  lamAlefOnOneWord: boolean,
  known: ReadonlyMap<string, number> = new Map(),
  earlier: ReadonlyMap<string, number> = new Map(),
): SwapHabits {
  const support = new Map<string, { words: Set<string>; best: number }>();
  const unknown = sites.filter((s) => judge.wordiness(s.key) < KNOWN_WORDINESS);
  /** Each single pair of `k` (none of the letters at `fixed`) whose swap makes `s` a word. */
  const findPairs = (s: WordSite, k: string, fixed: ReadonlySet<number>) => {
    const here = judge.wordiness(s.key);
    for (let i = 0; i + 1 < k.length; i++) {
      if (k[i] === k[i + 1] || fixed.has(i) || fixed.has(i + 1)) continue;
      const v = judge.wordiness(swapAt(k, i));
      if (v < here + SWAP_MARGIN || v < LEXICON_BONUS) continue;
      const pair = k.slice(i, i + 2);
      let entry = support.get(pair);
      if (!entry) support.set(pair, (entry = { words: new Set(), best: 0 }));
      entry.words.add(s.key);
      entry.best = Math.max(entry.best, v);
    }
  };
  for (const s of unknown) findPairs(s, s.key, new Set());
  let habits = habitsFrom(support, lamAlefOnOneWord, known, earlier);
  // A word with two ligatures (`املقيمنی`) shows its second pair only once the first
  // is put back: look again with the pairs found so far put back.
  if (habits.pairs.size > 0) {
    for (const s of unknown) {
      let k = s.key;
      const fixed = new Set<number>();
      for (let i = 0; i + 1 < k.length; i++) {
        if (!habits.pairs.has(k.slice(i, i + 2))) continue;
        k = swapAt(k, i);
        fixed.add(i).add(i + 1);
        i++;
      }
      if (fixed.size > 0) findPairs(s, k, fixed);
    }
    habits = habitsFrom(support, lamAlefOnOneWord, known, earlier);
  }
  return habits;
}

function habitsFrom(
  support: ReadonlyMap<string, { words: Set<string>; best: number }>,
  lamAlefOnOneWord: boolean,
  known: ReadonlyMap<string, number>,
  /**
   * Words an earlier pass of the same look found for each pair: repaired since, they
   * no longer show the habit, but they were its evidence (the words still to repair
   * are the ones other rules have joined since).
   */
  earlier: ReadonlyMap<string, number>,
): SwapHabits {
  const shown = (p: string) => (support.get(p)?.words.size ?? 0) + (earlier.get(p) ?? 0);
  const candidates = new Set([...support.keys(), ...earlier.keys()]);
  // Pairs an earlier look at the same document confirmed (words it has repaired since)
  // stand, lam-alef aside: what is unknown after that look is mostly pieces of split
  // words, and `المع` (of `المع رض`) read as `لامع` is a word.
  const pairs = new Set<string>([...known.keys()].filter((p) => !LAM_ALEF_SWAPPED.includes(p)));
  // The font's pairs that two different words confirm (lam-alef aside: every font has it).
  const confirmed = [
    ...new Set([
      ...[...candidates].filter((p) => shown(p) >= MIN_PAIR_SUPPORT),
      ...known.keys(),
    ]),
  ].filter((p) => !LAM_ALEF_SWAPPED.includes(p));
  let lamAlefWords = 0;
  for (const p of candidates) {
    const best = support.get(p)?.best ?? 0;
    if (LAM_ALEF_SWAPPED.includes(p)) lamAlefWords += shown(p);
    else if (shown(p) >= MIN_PAIR_SUPPORT || (confirmed.length >= MIN_FONT_PAIRS && best >= (kinOfConfirmed(p, confirmed) ? KIN_WORDINESS : COMMON_WORDINESS))) {
      pairs.add(p);
    }
  }
  // One lam-alef seen swapped in a visual line: the font decodes them all that way.
  // (A logical line's lam-alef pairs need the support any other pair needs.)
  if (known.size === 0 && lamAlefWords >= (lamAlefOnOneWord ? 1 : MIN_PAIR_SUPPORT)) for (const p of LAM_ALEF_SWAPPED) pairs.add(p);
  const counts = new Map([...pairs].map((p) => [p, Math.max(known.get(p) ?? 0, shown(p))]));
  return { pairs, support: counts, lamAlefHabit: lamAlefWords >= MIN_LAM_ALEF_HABIT };
}

/** Is the alef-lam at `i` the definite article (word start, or after و ب ف ك ل)? */
function isArticle(k: string, i: number): boolean {
  return k[i] === 'ا' && (i === 0 || (i === 1 && 'وبفكل'.includes(k[0])) || (i === 2 && 'وف'.includes(k[0]) && 'بكل'.includes(k[1])));
}

/** A word in its place: how common it is, and how common beside its neighbours. */
function inContext(k: string, s: WordSite, judge: WordJudge, freq: FrequencyModel): number {
  return judge.wordiness(k) + Math.log1p(s.prev ? freq.pair(s.prev, k) : 0) + Math.log1p(s.next ? freq.pair(k, s.next) : 0);
}

/** The best repair of one word: the letter positions (in the word) to swap, or null. */
function repairWord(s: WordSite, habits: SwapHabits, judge: WordJudge, freq: FrequencyModel): [number, number][] | null {
  const here = judge.wordiness(s.key);
  // A known word is only reconsidered where every lam-alef is swapped: then `ثالث`
  // and `ثلاث` read the same, and the commoner one in its place wins.
  const known = here >= KNOWN_WORDINESS;
  if (known && !habits.lamAlefHabit) return null;
  const sites: number[] = [];
  for (let i = 0; i + 1 < s.key.length; i++) {
    const pair = s.key.slice(i, i + 2);
    if (habits.pairs.has(pair) && (!known || LAM_ALEF_SWAPPED.includes(pair))) sites.push(i);
  }
  if (sites.length === 0 || sites.length > 6) return null;
  let best: [number, number][] | null = null;
  // Where every lam-alef is swapped, an alef-lam that is not the article (word
  // start, or after one proclitic letter) is more likely a swapped lam-alef: a
  // smaller lead is enough there.
  const margin = habits.lamAlefHabit && sites.every((i) => !isArticle(s.key, i)) ? SWAP_MARGIN / 2 : SWAP_MARGIN;
  let bestScore = (habits.lamAlefHabit ? inContext(s.key, s, judge, freq) : here) + margin;
  // Every set of non-overlapping sites (a word has few).
  for (let mask = 1; mask < 1 << sites.length; mask++) {
    let k = s.key;
    let last = -2;
    let ok = true;
    const chosen: number[] = [];
    for (let b = 0; b < sites.length; b++) {
      if (!(mask & (1 << b))) continue;
      if (sites[b] <= last + 1) {
        ok = false;
        break;
      }
      k = swapAt(k, sites[b]);
      chosen.push(sites[b]);
      last = sites[b];
    }
    if (!ok) continue;
    const score = habits.lamAlefHabit ? inContext(k, s, judge, freq) : judge.wordiness(k);
    if (score > bestScore && judge.wordiness(k) >= LEXICON_BONUS) {
      bestScore = score;
      best = chosen.map((i) => [s.letterAt[i], s.letterAt[i + 1]] as [number, number]);
    }
  }
  return best;
}

/** Repairs swapped ligature pairs in the converted lines; each character keeps its origin. */
function collectSites(lines: readonly { text: string }[]): WordSite[] {
  const sites: WordSite[] = [];
  lines.forEach(({ text }, line) => {
    let before: WordSite | null = null;
    for (const m of text.matchAll(WORD_OR_UNMAPPED)) {
      const site = wordSite(line, m.index, m[0]);
      if (!site) {
        before = null;
        continue;
      }
      if (before) {
        before.next = site.key;
        site.prev = before.key;
      }
      before = site;
      if (site.key.length >= 2) sites.push(site);
    }
  });
  return sites;
}

export interface SwapRepair {
  lines: Reordered[];
  /** The pairs (as they stood) the document was found to swap, with the words that showed it. */
  pairs: Map<string, number>;
}

/** Repairs swapped ligature pairs in the given lines; each character keeps its origin. */
export function repairSwappedPairs(
  lines: readonly Reordered[],
  judge: WordJudge,
  freq: FrequencyModel,
  { visual, known, earlier }: { visual: boolean; known?: ReadonlyMap<string, number>; earlier?: ReadonlyMap<string, number> },
): SwapRepair {
  const sites = collectSites(lines);
  const habits = swapHabits(sites.filter((s) => s.key.length >= 3), judge, visual, known, earlier);
  // A second look repairs unknown words only: the first already judged the known ones in their places.
  if (known) habits.lamAlefHabit = false;
  if (habits.pairs.size === 0) return { lines: [...lines], pairs: new Map() };
  const chars = lines.map((c) => c.text.split(''));
  const origins = lines.map((c) => [...c.origins]);
  for (const s of sites) {
    const swaps = repairWord(s, habits, judge, freq);
    if (!swaps) continue;
    for (const [a, b] of swaps) {
      const i = s.start + a;
      const j = s.start + b;
      [chars[s.line][i], chars[s.line][j]] = [arabicYeh(chars[s.line][j]), arabicYeh(chars[s.line][i])];
      [origins[s.line][i], origins[s.line][j]] = [origins[s.line][j], origins[s.line][i]];
    }
  }
  return { lines: chars.map((c, i) => ({ text: c.join(''), origins: origins[i] })), pairs: habits.support };
}

/** Web hits a word may have and still be taken for a damaged one, by the first look. */
const SCREEN_RARE = 2;
/** Web hits the word with a pair put back must have, by the first look. */
const SCREEN_COMMON = 3;

/**
 * A first look with web counts only (no lexicon): do at least `minWords` different
 * rare words of the text become common words by putting one and the same letter
 * pair back? Text with no such pair cannot show a swap habit, and a run on clean
 * text must not load the lexicon.
 */
export function mayShowSwapHabit(lines: readonly { text: string }[], freq: FrequencyModel, minWords = MIN_PAIR_SUPPORT): boolean {
  const support = new Map<string, Set<string>>();
  // Each different word once: most of a text is words it has already used.
  const seen = new Set<string>();
  for (const { text } of lines) {
    for (const m of text.matchAll(WORD_OR_UNMAPPED)) {
      if (seen.has(m[0])) continue;
      seen.add(m[0]);
      const key = wordSite(0, 0, m[0])?.key;
      if (!key || key.length < 3 || freq.word(key) > SCREEN_RARE) continue;
      for (let i = 0; i + 1 < key.length; i++) {
        if (key[i] === key[i + 1] || freq.word(swapAt(key, i)) < SCREEN_COMMON) continue;
        const pair = key.slice(i, i + 2);
        let words = support.get(pair);
        if (!words) support.set(pair, (words = new Set()));
        words.add(key);
        if (words.size >= minWords) return true;
      }
    }
  }
  return false;
}

