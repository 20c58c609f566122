/**
 * Presentation-form shaping for the damage simulator, kept in its own module because it
 * loads `arabic-reshaper` (GPL-3.0), a devDependency: only the simulator's tests, the corpus
 * builder and the evaluation import this file; the tool's runtime code never does.
 */
import { createRequire } from 'node:module';
import { simulateDamage, type SimOptions, type SimResult } from './damage.js';

interface Reshaper {
  convertArabic(text: string): string;
}

let reshaper: Reshaper | undefined;

/** Logical-order Arabic → presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF), via arabic-reshaper's convertArabic. */
export function toPresentationForms(logical: string): string {
  if (!reshaper) {
    const require = createRequire(import.meta.url);
    reshaper = require('arabic-reshaper') as Reshaper;
  }
  return reshaper.convertArabic(logical);
}

/** `simulateDamage` with presentation forms switched on and the shaper supplied. */
export function simulateDamageShaped(cleanText: string, options: Omit<SimOptions, 'presentationForms' | 'shape'>): SimResult {
  return simulateDamage(cleanText, { ...options, presentationForms: true, shape: toPresentationForms });
}
