import { ARABIC_WORD } from '../core/arabic.js';
import type { FrequencyModel } from './frequency.js';

/** Adjacent Arabic word pairs of a text that the web counts in reading order, and the other way round. */
export interface PairDirections {
  forwards: number;
  backwards: number;
}

/** (The counts' own keys take the marks and tatweel off: `freq.pair` does it.) */
export function pairDirections(text: string, freq: FrequencyModel): PairDirections {
  const words = text.match(ARABIC_WORD) ?? [];
  const d = { forwards: 0, backwards: 0 };
  for (let i = 1; i < words.length; i++) {
    if (freq.pair(words[i - 1], words[i]) > 0) d.forwards++;
    if (freq.pair(words[i], words[i - 1]) > 0) d.backwards++;
  }
  return d;
}

/** The sum of several texts' directions (a document's lines). */
export function totalDirections(parts: readonly PairDirections[]): PairDirections {
  const d = { forwards: 0, backwards: 0 };
  for (const p of parts) {
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
  const d = totalDirections(lines.map((l) => pairDirections(l.text, freq)));
  return d.backwards > d.forwards;
}
