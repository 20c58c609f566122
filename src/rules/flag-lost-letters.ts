import { bareWord, isArabicLetter, PRIVATE_USE, TATWEEL } from '../core/arabic.js';
import type { Edit, FlagProposal, Rule, RuleContext } from '../core/types.js';
import { countWords, type FrequencyModel } from '../knowledge/frequency.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import { tokenize, type Token } from '../knowledge/number-context.js';

/**
 * Letters lost without a trace (damage model 1.4): a ligature glyph the extractor
 * dropped, leaving `خــا الحــدود` for `خارج الحدود`.
 *
 * Two signs:
 * - a word that ends in tatweel (`تزعـ` with nothing after it): justification never
 *   stretches the end of a word, so a letter followed; this is a sure sign;
 * - a non-word one or two letters short of a frequent word. The lexicon
 *   over-generates and real text is full of rare words and names, so this sign is
 *   only read in a document that shows PDF glyph damage (justification tatweel on
 *   many words, or letters in the Private Use Area), only for words the web counts
 *   and the document itself have never seen, and never where the missing letters
 *   stand nearby as a fragment (that is a split word, for the reordering rules).
 *
 * Every site is flagged with ranked suggestions (web counts, the document's own
 * words, the word pairs with its neighbours). With --restore-letters the best
 * suggestion is applied when it clearly leads.
 */

/** Justification stretches many words: this many make a document "PDF-stretched". */
const MIN_STRETCHED_WORDS = 5;
/** A suggestion is a frequent word: seen this often on the web, or twice in the document. */
const MIN_WEB_COUNT = 20;
/** --restore-letters applies a suggestion only at or above this confidence. */
export const RESTORE_THRESHOLD = 0.8;
const MAX_SUGGESTIONS = 5;

interface Suggestion {
  word: string;
  score: number;
  frequent: boolean;
}

/** `لـ "العربية"`, `بـ 2020`: a one-letter prefix with tatweel before a non-letter is spelling. */
function isPrefixTatweel(bare: string, tokens: readonly Token[], i: number): boolean {
  if (bare.length !== 1) return false;
  for (let k = i + 1; k < tokens.length; k++) {
    if (tokens[k].type === 'space') continue;
    return tokens[k].type !== 'word';
  }
  return true;
}

function neighbour(tokens: readonly Token[], i: number, step: number): string | null {
  for (let k = i + step; k >= 0 && k < tokens.length; k += step) {
    const t = tokens[k];
    if (t.type === 'space') continue;
    return t.type === 'word' ? bareWord(t.text) : null;
  }
  return null;
}

/**
 * Lexicon words made by adding 1 to `maxAdd` letters to `bare`, anywhere after its
 * first two letters (a shorter head matches too much of the word list to mean anything).
 */
function insertions(lexicon: Lexicon, bare: string, maxAdd: number): Set<string> {
  const out = new Set<string>();
  if (!lexicon.fills) return out;
  for (let i = 2; i <= bare.length; i++) {
    for (const w of lexicon.fills(bare.slice(0, i), bare.slice(i), 1, maxAdd)) if (/^[\u0621-\u064a]+$/.test(w)) out.add(w);
  }
  return out;
}

function rank(
  words: Iterable<string>,
  prev: string | null,
  next: string | null,
  freq: FrequencyModel,
  docCounts: ReadonlyMap<string, number>,
): Suggestion[] {
  const out: Suggestion[] = [];
  for (const w of words) {
    const web = freq.word(w);
    const doc = docCounts.get(w) ?? 0;
    const pairs = (prev ? freq.pair(prev, w) : 0) + (next ? freq.pair(w, next) : 0);
    out.push({ word: w, score: Math.log1p(web + 5 * doc) + Math.log1p(3 * pairs), frequent: web >= MIN_WEB_COUNT || doc >= 2 });
  }
  return out.sort((a, b) => b.score - a.score || a.word.localeCompare(b.word));
}

/** How sure the best suggestion is: its share of the evidence, softmax over the scores. */
function leadConfidence(s: readonly Suggestion[]): number {
  if (s.length === 0) return 0;
  const z = s.reduce((acc, x) => acc + Math.exp(x.score - s[0].score), 0);
  return 1 / z;
}

/** A tatweel, then marks only, then no more word characters (those of number-context's tokens). */
const TATWEEL_AT_RUN_END = /\u0640[\u064b-\u065f\u0670]*(?![\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d6-\u06ed\ue000-\uf8ff])/;

/** Signs that the text came out of a PDF whose glyphs were damaged. */
function showsGlyphDamage(text: string): boolean {
  if (/[\u0621-\u064a\u0640][\ue000-\uf8ff]|[\ue000-\uf8ff][\u0621-\u064a\u0640]/.test(text)) return true;
  let stretched = 0;
  for (const m of text.matchAll(/[\u0621-\u064a]\u0640+[\u0621-\u064a]/g)) if (m[0]) stretched++;
  return stretched >= MIN_STRETCHED_WORDS;
}

/**
 * A non-word at the start or end of a line that makes a word together with the word
 * at an edge of the same line is one half of a split word (`الز` … `يارة`).
 */
function joinsAcrossLine(tokens: readonly Token[], i: number, lexicon: Lexicon, lines: TokenLines): boolean {
  const line = lines.lineOf[i];
  if (lines.words[line] < 2) return false;
  const first = tokens[lines.firstWord[line]];
  const last = tokens[lines.lastWord[line]];
  const me = tokens[i];
  if (me !== first && me !== last) return false;
  const bare = bareWord(me.text);
  return [first, last].some((other) => other !== me && (lexicon.has(bare + bareWord(other.text)) || lexicon.has(bareWord(other.text) + bare)));
}

function atLineEdge(tokens: readonly Token[], i: number): boolean {
  const solid = (t: Token) => t.type !== 'space';
  let k = i - 1;
  while (k >= 0 && !solid(tokens[k])) k--;
  if (k < 0 || tokens[k].type === 'newline') return true;
  k = i + 1;
  while (k < tokens.length && !solid(tokens[k])) k++;
  return k >= tokens.length || tokens[k].type === 'newline';
}

/** Lines in visual order (`يف` for في, `نم` for من): their words are reversed, not short. */
function inVisualOrder(tokens: readonly Token[]): boolean {
  let reversed = 0;
  let logical = 0;
  for (const t of tokens) {
    if (t.type !== 'word') continue;
    const w = bareWord(t.text);
    if (w === 'في' || w === 'من' || w === 'على' || w === 'أن' || w === 'إلى') logical++;
    else if (w === 'يف' || w === 'نم' || w === 'ىلع' || w === 'نأ' || w === 'ىلإ') reversed++;
  }
  return reversed > 0 && reversed >= logical;
}

/** A short fragment (a lone letter, a piece opening with tatweel): runs were split here. */
function isFragment(t: Token): boolean {
  return t.type === 'word' && (t.text.startsWith(TATWEEL) || (bareWord(t.text).length === 1 && !/^[و]$/.test(bareWord(t.text))));
}

/**
 * Per line (tokens between line breaks): its words and fragments, counted once, so
 * the checks per word do not rescan the line (quadratic on long lines).
 */
interface TokenLines {
  lineOf: Int32Array;
  words: number[];
  firstWord: number[];
  lastWord: number[];
  fragments: number[];
}

function tokenLines(tokens: readonly Token[]): TokenLines {
  const lines: TokenLines = { lineOf: new Int32Array(tokens.length), words: [0], firstWord: [-1], lastWord: [-1], fragments: [0] };
  let line = 0;
  tokens.forEach((t, k) => {
    if (t.type === 'newline') {
      line++;
      lines.words.push(0);
      lines.firstWord.push(-1);
      lines.lastWord.push(-1);
      lines.fragments.push(0);
      lines.lineOf[k] = -1;
      return;
    }
    lines.lineOf[k] = line;
    if (t.type !== 'word') return;
    if (lines.words[line]++ === 0) lines.firstWord[line] = k;
    lines.lastWord[line] = k;
    if (isFragment(t)) lines.fragments[line]++;
  });
  return lines;
}

/** Short fragments elsewhere on the line: runs were split here. */
function lineHasFragments(tokens: readonly Token[], i: number, lines: TokenLines): boolean {
  return lines.fragments[lines.lineOf[i]] - (isFragment(tokens[i]) ? 1 : 0) > 0;
}

export const flagLostLetters: Rule = {
  id: 'flag-lost-letters',
  description: 'Flag words that lost letters without a trace (a word ending in tatweel, a non-word just short of a frequent word), with suggestions; --restore-letters applies a clear best',
  safety: 'heuristic',
  defaultEnabled: true,
  run(ctx: RuleContext) {
    const { text, options } = ctx;
    if (!/[\u0621-\u064a]/.test(text)) return {};
    // Both signs need a tatweel or a private-use code somewhere: clean text stops here, untokenized.
    if (!text.includes(TATWEEL) && !/[\ue000-\uf8ff]/.test(text)) return {};
    // No word can end in tatweel unless one stands before the end of a run of word
    // characters (marks aside): a stretch inside a word (`مراقَـبة`) is not tokenized for.
    if (!TATWEEL_AT_RUN_END.test(text) && !showsGlyphDamage(text)) return {};
    const tokens = tokenize(text);
    const tatweelEnded: number[] = [];
    tokens.forEach((t, i) => {
      if (t.type !== 'word' || PRIVATE_USE.test(t.text)) return;
      const letters = t.text.replace(/[\u064b-\u065f\u0670]/g, '');
      if (!letters.endsWith(TATWEEL)) return;
      const bare = bareWord(t.text);
      if (bare === '' || isPrefixTatweel(bare, tokens, i)) return;
      const next = tokens[i + 1];
      if (next && next.type === 'pua') return; // the codes are the letters: private-use-letters
      tatweelEnded.push(i);
    });
    const damaged = showsGlyphDamage(text);
    if (tatweelEnded.length === 0 && !damaged) return {};

    const lexicon = ctx.knowledge.lexicon();
    const freq = ctx.knowledge.frequencies();
    const plainText = tokens.map((t) => (t.type === 'word' && PRIVATE_USE.test(t.text) ? ' ' : t.text)).join('');
    const docCounts = countWords([plainText, ...ctx.knowledge.corpus]);
    const flags: FlagProposal[] = [];
    const edits: Edit[] = [];

    const report = (i: number, kind: string, why: string, suggestions: Suggestion[], sure: boolean): void => {
      const t = tokens[i];
      const confidence = leadConfidence(suggestions);
      flags.push({
        start: t.start,
        end: t.end,
        kind,
        message: suggestions.length ? `${why}; perhaps ${suggestions[0].word}` : why,
        confidence: sure ? 0.9 : 0.6,
        suggestions: suggestions.slice(0, MAX_SUGGESTIONS).map((s) => s.word),
      });
      if (options.restoreLetters && suggestions.length && suggestions[0].frequent && confidence >= RESTORE_THRESHOLD) {
        edits.push({
          start: t.start,
          end: t.end,
          text: suggestions[0].word,
          confidence,
          reason: `lost letters restored: ${bareWord(t.text)} → ${suggestions[0].word} (${why})`,
        });
      }
    };

    for (const i of tatweelEnded) {
      const bare = bareWord(tokens[i].text);
      // Some layout engines stretch after a word's last letter too (`مـنـ`, `السنــواتــ`):
      // a word that is whole without the tatweel lost nothing.
      if (lexicon.has(bare) || freq.word(bare) > 0 || (docCounts.get(bare) ?? 0) > 1) continue;
      const candidates = lexicon.fills ? lexicon.fills(bare, '', 1, 3).filter((w) => /^[\u0621-\u064a]+$/.test(w)) : [];
      const ranked = rank(candidates, neighbour(tokens, i, -1), neighbour(tokens, i, +1), freq, docCounts);
      report(i, 'lost-letters-tatweel', `the word ends in tatweel, so a letter followed it`, ranked, true);
    }

    if (damaged && !inVisualOrder(tokens)) {
      const done = new Set(tatweelEnded);
      // Words repeat: whether one is known (a word, or seen) is looked up once per spelling.
      const known = new Map<string, boolean>();
      const isKnown = (bare: string): boolean => {
        let k = known.get(bare);
        if (k === undefined) {
          k = bare.length < 2 || ![...bare].every(isArabicLetter) || lexicon.has(bare) || freq.word(bare) > 0 || (docCounts.get(bare) ?? 0) > 1;
          known.set(bare, k);
        }
        return k;
      };
      const insertionsOf = new Map<string, Set<string>>();
      let lines: TokenLines | undefined;
      tokens.forEach((t, i) => {
        if (t.type !== 'word' || done.has(i) || PRIVATE_USE.test(t.text)) return;
        const bare = bareWord(t.text);
        if (isKnown(bare)) return;
        // Words at a line's edges are where runs meet: halves of split words, for
        // the reordering rules to join.
        lines ??= tokenLines(tokens);
        if (atLineEdge(tokens, i) || lineHasFragments(tokens, i, lines) || joinsAcrossLine(tokens, i, lexicon, lines)) return;
        let candidates = insertionsOf.get(bare);
        if (!candidates) insertionsOf.set(bare, (candidates = insertions(lexicon, bare, 2)));
        const frequent = rank(candidates, neighbour(tokens, i, -1), neighbour(tokens, i, +1), freq, docCounts).filter(
          (s) => s.frequent,
        );
        if (frequent.length === 0) return;
        report(i, 'lost-letters-non-word', `«${bare}» is not a word, and one or two letters short of frequent words`, frequent, false);
      });
    }
    return { edits, flags };
  },
};
