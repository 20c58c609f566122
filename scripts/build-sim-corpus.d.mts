// Types of scripts/build-sim-corpus.mjs (for the TypeScript tests).
import type { SimOptions, SimResult } from '../src/simulate/damage.js';

export interface SetSpec { options: Omit<SimOptions, 'seed'>; shaped?: boolean }
export const SETS: Record<'dropped' | 'pua' | 'visual' | 'presentation', SetSpec>;
export function seedFor(set: string, name: string): number;
export function readSources(dir?: string): { name: string; text: string }[];
export function buildFiles(
  sources: readonly { name: string; text: string }[],
  sim: {
    simulateDamage: (text: string, options: SimOptions) => SimResult;
    simulateDamageShaped: (text: string, options: Omit<SimOptions, 'presentationForms' | 'shape'>) => SimResult;
  },
): Map<string, string>;
