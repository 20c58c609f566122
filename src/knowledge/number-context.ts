/**
 * Where numbers belong in Arabic prose: the words that call for a number (a year
 * after عام/سنة, a day before a month, an amount before مليار or %), and the words
 * that may stand in that place instead (العام الماضي, منذ زمن). Shared by the rules
 * that decode hidden digits and that flag dropped ones, so both read contexts alike.
 */
import { bareWord } from '../core/arabic.js';
import { foldAlef, monthAt } from './calendar.js';

/** Sets are matched on alef-folded words (see foldAlef), so they are built folded. */
function foldedSet(words: readonly string[]): Set<string> {
  return new Set(words.map(foldAlef));
}

export type TokenType = 'word' | 'number' | 'pua' | 'latin' | 'punct' | 'space' | 'newline';

export interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
}

const TOKEN =
  /(?<newline>\r\n|\n|\r)|(?<space>[ \t\u00a0\u2000-\u200a\u202f]+)|(?<number>[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b\u066c:/][0-9\u0660-\u0669\u06f0-\u06f9]+)*)|(?<word>[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d6-\u06ed\ue000-\uf8ff]*[\u0621-\u063a\u0641-\u064a\u0671-\u06d3][\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d6-\u06ed\ue000-\uf8ff]*)|(?<pua>[\ue000-\uf8ff]+(?:[.,\u066b\u066c:/][\ue000-\uf8ff]+)*)|(?<latin>[\p{L}\p{M}]+)|(?<punct>[\s\S])/gu;

/** Character classes of TOKEN, by UTF-16 code unit. */
const IN_WORD = 1; // may stand in a word: [\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d6-\u06ed\ue000-\uf8ff]
const WORD_LETTER = 2; // a word needs one: [\u0621-\u063a\u0641-\u064a\u0671-\u06d3]
const SPACE = 4; // [ \t\u00a0\u2000-\u200a\u202f]
const DIGIT = 8; // [0-9\u0660-\u0669\u06f0-\u06f9]
const PUA = 16; // [\ue000-\uf8ff]
const SEPARATOR = 32; // [.,\u066b\u066c:/], inside a number or a PUA run
const CHAR_CLASS = new Uint8Array(0x10000);
function mark(from: number, to: number, bit: number): void {
  for (let c = from; c <= to; c++) CHAR_CLASS[c] |= bit;
}
mark(0x0621, 0x063a, IN_WORD | WORD_LETTER);
mark(0x0640, 0x065f, IN_WORD);
mark(0x0641, 0x064a, WORD_LETTER);
mark(0x0670, 0x06d3, IN_WORD);
mark(0x0671, 0x06d3, WORD_LETTER);
mark(0x06d6, 0x06ed, IN_WORD);
mark(0xe000, 0xf8ff, IN_WORD);
mark(0x20, 0x20, SPACE);
mark(0x09, 0x09, SPACE);
mark(0xa0, 0xa0, SPACE);
mark(0x2000, 0x200a, SPACE);
mark(0x202f, 0x202f, SPACE);
mark(0x30, 0x39, DIGIT);
mark(0x0660, 0x0669, DIGIT);
mark(0x06f0, 0x06f9, DIGIT);
mark(0xe000, 0xf8ff, PUA);
for (const ch of '.,\u066b\u066c:/') CHAR_CLASS[ch.charCodeAt(0)] |= SEPARATOR;

/**
 * Splits text into words, numbers, PUA runs, punctuation, spaces and line breaks:
 * TOKEN's matches, found by a scan over CHAR_CLASS instead of the regex. Every
 * line of every document is tokenized, and the regex's match objects were a tenth
 * of the time spent on clean text. The test checks it against TOKEN.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = i;
    const c = text.charCodeAt(i);
    const cls = CHAR_CLASS[c];
    let type: TokenType | null = null;
    if (c === 0x0d) {
      i += text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      type = 'newline';
    } else if (c === 0x0a) {
      i++;
      type = 'newline';
    } else if (cls & SPACE) {
      do i++;
      while (i < n && CHAR_CLASS[text.charCodeAt(i)] & SPACE);
      type = 'space';
    } else if (cls & DIGIT) {
      i = scanSeparated(text, i, DIGIT);
      type = 'number';
    } else if (cls & IN_WORD) {
      // TOKEN's word alternative takes the whole run of word characters if it holds a letter.
      let j = i;
      let letter = false;
      while (j < n) {
        const k = CHAR_CLASS[text.charCodeAt(j)];
        if (!(k & IN_WORD)) break;
        if (k & WORD_LETTER) letter = true;
        j++;
      }
      if (letter) {
        i = j;
        type = 'word';
      } else if (c >= 0xe000 && c <= 0xf8ff) {
        i = scanSeparated(text, i, PUA);
        type = 'pua';
      }
    }
    if (type === null) {
      let j = i;
      for (let w = letterOrMarkWidth(text, j); w > 0; w = letterOrMarkWidth(text, j)) j += w;
      if (j > i) {
        i = j;
        type = 'latin';
      } else {
        // Any one character (a whole surrogate pair, as the regex's u flag reads it).
        i += surrogatePairAt(text, i) ? 2 : 1;
        type = 'punct';
      }
    }
    out.push({ type, text: text.slice(start, i), start, end: i });
  }
  return out;
}

/** The end of `x+(?:[sep]x+)*` from i, x being the characters of class `bit`. */
function scanSeparated(text: string, i: number, bit: number): number {
  const n = text.length;
  while (i < n && CHAR_CLASS[text.charCodeAt(i)] & bit) i++;
  while (i + 1 < n && CHAR_CLASS[text.charCodeAt(i)] & SEPARATOR && CHAR_CLASS[text.charCodeAt(i + 1)] & bit) {
    i++;
    while (i < n && CHAR_CLASS[text.charCodeAt(i)] & bit) i++;
  }
  return i;
}

/** A high surrogate followed by a low one at i: one character beyond the BMP. */
function surrogatePairAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

/** 0 unknown, 1 a letter or mark, 2 neither: \p{L}\p{M} of each code unit, worked out as met. */
const LETTER_OR_MARK_UNIT = new Uint8Array(0x10000);
const LETTER_OR_MARK_CHAR = /^[\p{L}\p{M}]$/u;

/** The width of the letter or mark at i (2 for one beyond the BMP), or 0. */
function letterOrMarkWidth(text: string, i: number): number {
  if (i >= text.length) return 0;
  if (surrogatePairAt(text, i)) return LETTER_OR_MARK_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  const c = text.charCodeAt(i);
  let known = LETTER_OR_MARK_UNIT[c];
  if (known === 0) LETTER_OR_MARK_UNIT[c] = known = LETTER_OR_MARK_CHAR.test(text[i]) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

/** TOKEN's matches, classified by its named groups: what tokenize must give (tested). */
export function tokenizeByGroups(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const g = m.groups!;
    const type = (Object.keys(g) as TokenType[]).find((k) => g[k] !== undefined)!;
    out.push({ type, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Strips the one-letter proclitics and the article: والعام → عام, لسنة → سنة. */
export function stripProclitics(word: string): string[] {
  const w = bareWord(word);
  const forms = [w];
  const m = /^(?:[وف]?(?:[بلك]?ال|لل|[بلك]))|^[وف]/.exec(w);
  if (m && w.length - m[0].length >= 2) forms.push(w.slice(m[0].length));
  const m2 = /^[وف]/.exec(w);
  if (m2 && w.length > 3) forms.push(w.slice(1));
  return forms;
}

const YEAR_NOUNS = new Set(['عام', 'سنة', 'سنه']);

/** عام, العام, لعام, وسنة, …: a noun after which a year number stands. */
export function isYearNoun(word: string): boolean {
  // Asked of every word of a text; words repeat, so the answer is remembered.
  let answer = yearNounAnswers.get(word);
  if (answer === undefined) {
    answer = stripProclitics(word).some((w) => YEAR_NOUNS.has(w));
    if (yearNounAnswers.size >= 50_000) yearNounAnswers.clear();
    yearNounAnswers.set(word, answer);
  }
  return answer;
}

const yearNounAnswers = new Map<string, boolean>();

/** Is the bare word indefinite عام (so it may be the adjective "general, public")? */
export function isBareAam(word: string): boolean {
  return /^[وف]?عام$/.test(bareWord(word));
}

/** Words after which a number comes (منذ 2003, حوالي 50, بنسبة 20). */
const NUMBER_LEADERS = foldedSet(['منذ', 'حوالي', 'حوالى', 'نحو', 'قرابة', 'زهاء', 'بنسبة', 'بمعدل', 'بقيمة', 'بمبلغ', 'رقم']);

export function isNumberLeader(word: string): boolean {
  const w = foldAlef(word);
  return NUMBER_LEADERS.has(w) || NUMBER_LEADERS.has(w.replace(/^[وف]/, ''));
}

/** Words a number is counted in or measured by (مليار, دولار, كيلومتر, بالمئة). */
const UNITS = foldedSet([
  'مليار', 'مليارات', 'مليون', 'ملايين', 'الف', 'الاف', 'الفا', 'ترليون', 'تريليون',
  'دولار', 'دولارا', 'دولارات', 'سنت', 'سنتا', 'سنتات', 'يورو', 'دينار', 'دينارا', 'ريال', 'ريالا', 'جنيه', 'جنيها', 'درهم', 'درهما', 'ليرة', 'ليرات',
  'كيلومتر', 'كيلومترا', 'كيلومترات', 'كم', 'ميل', 'اميال', 'متر', 'مترا', 'امتار', 'كيلوغرام', 'كغ', 'طن', 'اطنان', 'برميل', 'براميل', 'ميغاواط',
  'بالمئة', 'بالمائة', 'بالمية',
]);

export function isUnitWord(word: string): boolean {
  const w = foldAlef(word);
  return UNITS.has(w) || (/^[وب]/.test(w) && UNITS.has(w.slice(1)));
}

/** `في المئة` / `في المائة` after a number. */
export function isPercentPhrase(words: readonly string[], i: number): boolean {
  return i + 1 < words.length && bareWord(words[i]) === 'في' && /^الما?ئة$|^المية$/.test(bareWord(words[i + 1]));
}

/**
 * Words that may follow عام/سنة/a month where no number is missing: العام الماضي,
 * في يونيو المقبل, سنة كاملة, عام واحد.
 */
const TIME_QUALIFIERS = foldedSet([
  'الماضي', 'الماضية', 'المقبل', 'المقبلة', 'القادم', 'القادمة', 'الجاري', 'الجارية', 'الحالي', 'الحالية',
  'المنصرم', 'المنصرمة', 'الفائت', 'الفائتة', 'السابق', 'السابقة', 'التالي', 'التالية', 'الاخير', 'الاخيرة',
  'نفسه', 'نفسها', 'ذاته', 'ذاتها', 'كامل', 'كاملة', 'واحد', 'واحدة', 'اخر', 'اخرى', 'جديد', 'جديدة',
]);

export function isTimeQualifier(word: string): boolean {
  const w = foldAlef(word);
  return TIME_QUALIFIERS.has(w) || TIME_QUALIFIERS.has(w.replace(/^[وف]/, ''));
}

/** Words before indefinite عام that make it the adjective: بشكل عام, مدير عام, الرأي العام. */
const AAM_ADJECTIVE_HEADS = foldedSet([
  'بشكل', 'شكل', 'بوجه', 'وجه', 'بصفة', 'بصورة', 'مدير', 'امين', 'نائب', 'مفتش', 'مراقب', 'اضراب', 'عفو',
  'رأي', 'راي', 'قطاع', 'نفع', 'اتجاه', 'اطار', 'مؤتمر', 'مجلس', 'تعليم', 'مال', 'طابع', 'نظام', 'مبدأ',
  'مبدا', 'حق', 'ملك', 'ذوق', 'شأن', 'شان', 'وضع', 'مناخ', 'انطباع', 'سياق', 'تقييم', 'تقدير', 'رصد',
]);

export function isAamAdjectiveHead(word: string): boolean {
  const w = foldAlef(word).replace(/^[وف]/, '');
  return AAM_ADJECTIVE_HEADS.has(w) || AAM_ADJECTIVE_HEADS.has(foldAlef(word));
}

/** Prepositions: the word after one can never be a comma or the end of a sentence. */
const PREPOSITIONS = foldedSet(['في', 'من', 'الى', 'على', 'عن', 'منذ', 'حتى', 'خلال', 'بين', 'نحو', 'قبل', 'بعد']);

export function isPreposition(word: string): boolean {
  const w = foldAlef(word);
  return PREPOSITIONS.has(w) || (w.length > 2 && /^[وف]/.test(w) && PREPOSITIONS.has(w.slice(1)));
}

/** Punctuation that does not end a phrase: حزيران/ يونيو, (يونيو), كانون-الثاني. */
const SOFT_PUNCT = /^[/()\-–«»"“”]$/;

/**
 * The words before token i, nearest first, up to `n`, crossing line breaks and soft
 * punctuation but not a comma or a full stop (a year after عام may sit on the next line).
 */
export function wordsBefore(tokens: readonly Token[], i: number, n: number): Token[] {
  const out: Token[] = [];
  for (let k = i - 1; k >= 0 && out.length < n; k--) {
    const t = tokens[k];
    if (t.type === 'space' || t.type === 'newline') continue;
    if (t.type === 'word') out.push(t);
    else if (!(t.type === 'punct' && SOFT_PUNCT.test(t.text))) break;
  }
  return out;
}

/** The words after token i, nearest first (same rules as wordsBefore). */
export function wordsAfter(tokens: readonly Token[], i: number, n: number): Token[] {
  const out: Token[] = [];
  for (let k = i + 1; k < tokens.length && out.length < n; k++) {
    const t = tokens[k];
    if (t.type === 'space' || t.type === 'newline') continue;
    if (t.type === 'word') out.push(t);
    else if (!(t.type === 'punct' && SOFT_PUNCT.test(t.text))) break;
  }
  return out;
}

/** The next token after i that is not a space (a line break counts). */
export function nextSolid(tokens: readonly Token[], i: number): Token | undefined {
  for (let k = i + 1; k < tokens.length; k++) if (tokens[k].type !== 'space') return tokens[k];
  return undefined;
}

export function prevSolid(tokens: readonly Token[], i: number): Token | undefined {
  for (let k = i - 1; k >= 0; k--) if (tokens[k].type !== 'space') return tokens[k];
  return undefined;
}

/** The kind of number a slot calls for, from the words around it. */
export type NumberSlot = 'year' | 'day' | 'percent' | 'amount' | 'after-leader' | 'none';

/**
 * What the words around token i say about a number standing there. `year`: after
 * عام/سنة or after a month (حزيران/ يونيو 2014); `day`: before a month; `percent`:
 * before % or بالمئة; `amount`: before مليار/دولار/…; `after-leader`: after منذ/حوالي.
 */
export function slotAt(tokens: readonly Token[], i: number): NumberSlot {
  const before = wordsBefore(tokens, i, 3);
  const after = wordsAfter(tokens, i, 3);
  const next = nextSolid(tokens, i);
  if (next && next.type === 'punct' && /^[%٪]$/.test(next.text)) return 'percent';
  const afterText = after.map((t) => t.text);
  if (afterText.length && isPercentPhrase(afterText, 0)) return 'percent';
  if (after.length && nextIsWord(tokens, i, after[0])) {
    if (monthAt(afterText, 0) || (bareWord(afterText[0]) === 'من' && monthAt(afterText, 1))) return 'day';
    if (isUnitWord(afterText[0])) return after[0] && isPercentWord(afterText[0]) ? 'percent' : 'amount';
  }
  if (before.length) {
    const w = before[0].text;
    if (isYearNoun(w)) return 'year';
    const back = before.map((t) => t.text).reverse();
    for (let k = 0; k < back.length; k++) {
      const m = monthAt(back, k);
      if (m && k + m.length === back.length) return 'year';
    }
    if (isNumberLeader(w)) return 'after-leader';
  }
  return 'none';
}

function isPercentWord(word: string): boolean {
  return /^(?:بال|ب)?(?:الم[اي]?ئة|مية)$/.test(bareWord(word)) || /^بالم/.test(bareWord(word));
}

/** The first word after token i follows it directly (no comma or full stop between). */
function nextIsWord(tokens: readonly Token[], i: number, word: Token): boolean {
  for (let k = i + 1; k < tokens.length && tokens[k] !== word; k++) {
    if (tokens[k].type === 'punct' && !SOFT_PUNCT.test(tokens[k].text)) return false;
  }
  return true;
}

export { monthAt };
