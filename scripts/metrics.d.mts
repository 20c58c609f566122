// Types of scripts/metrics.mjs (for the TypeScript tests).
export function normalize(s: string): string;
export function words(normalized: string): string[];
export function levenshteinInts(a: ArrayLike<number>, b: ArrayLike<number>): number;
export function charDistance(a: string, b: string): number;
export function wordDistance(a: readonly string[], b: readonly string[]): number;
export function codePoints(s: string): number;
export interface SiteLike { line: number; column?: number; columns?: number[] | null }
export interface SiteMatch { sites: number; flags: number; matched: number; recall: number | null; precision: number | null }
export function matchSites(sites: readonly SiteLike[], flags: readonly { line: number; column: number }[], tolerance?: number): SiteMatch;
export const SITE_MARK: string;
export function sitesFromMarked(marked: string, input: string): { line: number; columns: number[] | null }[];
