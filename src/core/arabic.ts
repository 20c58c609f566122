/**
 * Character classes of Arabic script that several rules need. Kept in one place so
 * every rule agrees on what a letter, a mark or a joining letter is.
 */

export const TATWEEL = '\u0640';

/** Arabic letters proper (hamza … yeh, and alef wasla). */
export function isArabicLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a) || c === 0x0671 || (c >= 0x0672 && c <= 0x06d3);
}

/** Combining marks: harakat, tanween, shadda, sukun, superscript alef and friends. */
export function isArabicMark(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed && c !== 0x06dd && c !== 0x06de && c !== 0x06e9);
}

/** Letters that never join to the following letter (so no tatweel can follow them). */
const NON_LEFT_JOINING = new Set([...'ءآأؤإاةدذرزوىٱ']);

export function joinsToNext(ch: string): boolean {
  return isArabicLetter(ch) && !NON_LEFT_JOINING.has(ch);
}

export function isNonLeftJoining(ch: string): boolean {
  return NON_LEFT_JOINING.has(ch);
}

/** Letters, marks and tatweel: the characters an Arabic word is made of. */
export function isArabicWordChar(ch: string): boolean {
  return isArabicLetter(ch) || isArabicMark(ch) || ch === TATWEEL;
}

export const ARABIC_WORD = /[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d6-\u06ed]+/g;

export function hasArabic(text: string): boolean {
  return /[\u0621-\u064a]/.test(text);
}

export function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

/** Runs of digits of any of the three digit sets (Western, Arabic-Indic, Eastern Arabic-Indic). */
export const DIGIT_RUN = /[0-9\u0660-\u0669\u06f0-\u06f9]+/g;

export function hasDigit(text: string): boolean {
  return /[0-9\u0660-\u0669\u06f0-\u06f9]/.test(text);
}

export function isLatinLetter(ch: string): boolean {
  return /\p{Script=Latin}/u.test(ch);
}

/** Removes tatweel and marks: the key under which words are counted and looked up. */
export function bareWord(word: string): string {
  // Asked of every word many times over, and most words have no mark or tatweel:
  // a look at the characters is much cheaper than the replace that finds nothing.
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670) return word.replace(/[\u0640\u064b-\u065f\u0670]/g, '');
  }
  return word;
}

/**
 * Private Use Area (BMP): PDF fonts put glyphs with no Unicode meaning here (digit
 * and ligature glyphs of a subset font, icon fonts). Their meaning is per document.
 */
export function isPrivateUse(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0xe000 && c <= 0xf8ff;
}

export const PRIVATE_USE = /[\ue000-\uf8ff]/;

/** U+XXXX, for messages. */
export function codePoint(ch: string): string {
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
