import { ARABIC_WORD, bareWord } from '../core/arabic.js';
import type { FrequencyModel } from './frequency.js';

/** Adjacent Arabic word pairs of a text that the web counts in reading order, and the other way round. */
export interface PairDirections {
  forwards: number;
  backwards: number;
}

export function pairDirections(text: string, freq: FrequencyModel): PairDirections {
  const words = (text.match(ARABIC_WORD) ?? []).map(bareWord);
  const d = { forwards: 0, backwards: 0 };
  for (let i = 1; i < words.length; i++) {
    if (freq.pair(words[i - 1], words[i]) > 0) d.forwards++;
    if (freq.pair(words[i], words[i - 1]) > 0) d.backwards++;
  }
  return d;
}

/** pairDirections over every line of a document. */
export function documentPairDirections(lines: readonly { text: string }[], freq: FrequencyModel): PairDirections {
  const d = { forwards: 0, backwards: 0 };
  for (const l of lines) {
    const p = pairDirections(l.text, freq);
    d.forwards += p.forwards;
    d.backwards += p.backwards;
  }
  return d;
}

/**
 * Do a document's words run right to left within its lines (pdftotext -raw writes
 * the content stream's order)? Told by the web's word pairs: more adjacent pairs
 * are counted backwards than forwards.
 */
export function wordsRunBackwards(lines: readonly { text: string }[], freq: FrequencyModel): boolean {
  const d = documentPairDirections(lines, freq);
  return d.backwards > d.forwards;
}
