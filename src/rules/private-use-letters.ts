import { bareWord, codePoint, isPrivateUse, joinsToNext, PRIVATE_USE } from '../core/arabic.js';
import type { Edit, FlagProposal, Rule, RuleContext } from '../core/types.js';
import { countWords, type FrequencyModel } from '../knowledge/frequency.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import { tokenize, type Token } from '../knowledge/number-context.js';

/**
 * Letters a PDF font drew with Private Use Area glyphs (damage model 1.4): ligatures
 * and alternates without a Unicode mapping, one code per glyph: `تزعـ` U+E0ED U+E085
 * is `تزعزع`, `الخا` U+E0A5 U+E072 is `الخارج`.
 *
 * Within a document a run of codes always stands for the same letters, so it is
 * solved across all the words that use it:
 * 1. the candidates are the letter strings (1–3 letters per code) that turn the
 *    first such word into a lexicon word (a walk of the word list's trie from the
 *    word's letters before the codes), kept only if they make every other word
 *    that uses the run a lexicon word too;
 * 2. they are ranked by how common the words they make are: web counts, the
 *    document's (and the run's) own words, the word pairs they form with their
 *    neighbours, the word without its clitics, and the stem's other inflections
 *    (see familyForms); a string longer than one letter
 *    per code pays a little;
 * 3. the best is applied when the words it makes are attested somewhere and it
 *    leads the next candidate clearly; otherwise each word is flagged with the
 *    candidates.
 */

/** Score lead (natural log units) the best reading needs over the next. */
const MIN_LEAD = 1;
const MAX_LETTERS_PER_CODE = 3;
const MAX_FILL = 6;
/** Each letter beyond one per code costs this much (ligatures of 2–3 letters are rarer). */
const EXTRA_LETTER_COST = 0.8;
/**
 * A font that has no Unicode mapping for a glyph uses that glyph wherever the same
 * letters meet in the same shape, so letters that the document also prints as
 * plain text, in the same position and joining, are unlikely to be the hidden ones
 * (`خاصة` on another line rules out «صة» for `الخا`+codes). Fonts change within a
 * document (headings, quotes), so this is a cost, not a ban.
 */
const PLAIN_ELSEWHERE_COST = 4;
const PLAIN_ELSEWHERE_PER_LOG = 2;

interface Use {
  token: Token;
  /** Letters before and after the run (tatweel and marks removed). */
  before: string;
  after: string;
  /** Offsets of the run's first code and just past its last, in the text. */
  runStart: number;
  runEnd: number;
  prev: string | null;
  next: string | null;
}

interface Reading {
  fill: string;
  score: number;
  attested: boolean;
}

/** The word's one PUA run, with what stands either side, or null (none, or several). */
function parseUse(tokens: readonly Token[], i: number): Use | null {
  const token = tokens[i];
  const t = token.text;
  let first = -1;
  let last = -1;
  for (let k = 0; k < t.length; k++) {
    if (!isPrivateUse(t[k])) continue;
    if (first < 0) first = k;
    else if (t.slice(last + 1, k).replace(/[\u0640\u064b-\u065f\u0670]/g, '') !== '') return null; // a second run
    last = k;
  }
  if (first < 0) return null;
  const before = bareWord(t.slice(0, first));
  const after = bareWord(t.slice(last + 1));
  return {
    token,
    before,
    after,
    runStart: token.start + first,
    runEnd: token.start + last + 1,
    prev: neighbourWord(tokens, i, -1),
    next: neighbourWord(tokens, i, +1),
  };
}

function neighbourWord(tokens: readonly Token[], i: number, step: number): string | null {
  for (let k = i + step; k >= 0 && k < tokens.length; k += step) {
    const t = tokens[k];
    if (t.type === 'space' || t.type === 'newline') continue;
    return t.type === 'word' && !PRIVATE_USE.test(t.text) ? bareWord(t.text) : null;
  }
  return null;
}

/** Codes of a run, tatweel and marks between them left out. */
function runCodes(text: string, use: Use): string {
  return [...text.slice(use.runStart, use.runEnd)].filter(isPrivateUse).join('');
}

/** One or two proclitics off: بالجزع → جزع, والخارج → خارج. */
function withoutClitics(w: string): string | null {
  const m = /^(?:[وف]?(?:[بلك]?ال|لل)|[وف]?[بلك]|[وف])/.exec(w);
  return m && w.length - m[0].length >= 2 ? w.slice(m[0].length) : null;
}

/**
 * Other inflections of a word's stem: the web sample is small, so a rarer form
 * (`تزعزع`) is often missing while its siblings (`زعزعة`, `يتزعزع`) are there,
 * and a sibling beside the same neighbour (`زعزعة استقرار` for `تزعزع استقرار`)
 * is as good a sign as the word itself. The stem is the word without its
 * proclitics and, when what is left starts with one, the prefix of the imperfect
 * (which then may be swapped for another); forms are that stem with common
 * proclitics and suffixes. Stems under three letters are left out: their
 * "siblings" would be unrelated words.
 */
const FAMILY_PREFIXES = ['', 'ال', 'و', 'ف', 'ب', 'ل', 'وال', 'بال', 'لل', 'فال', 'كال'];
const FAMILY_VERB_PREFIXES = ['ي', 'ت', 'ن', 'أ', 'يت', 'تت', 'نت', 'ويت', 'وت'];
const FAMILY_SUFFIXES = ['', 'ة', 'ات', 'ه', 'ها', 'هم', 'ي', 'ا', 'وا', 'ون', 'ين', 'ت', 'تها', 'ته'];
const MIN_FAMILY_STEM = 3;

function familyForms(w: string): Set<string> {
  const core = withoutClitics(w) ?? w;
  const out = new Set<string>();
  const add = (stem: string, prefixes: readonly string[], sameWord: boolean) => {
    if (stem.length < MIN_FAMILY_STEM) return;
    for (const p of prefixes)
      for (const s of FAMILY_SUFFIXES) {
        // The word itself under another proclitic is not a sibling: the word's own
        // counts (and its stem's) are scored already.
        if (sameWord && s === '') continue;
        out.add(p + stem + s);
      }
  };
  add(core, FAMILY_PREFIXES, true);
  if (/^[يتنأ]/.test(core)) add(core.slice(1), [...FAMILY_PREFIXES, ...FAMILY_VERB_PREFIXES], false);
  out.delete(core);
  return out;
}

interface FamilyEvidence {
  /** Web and document counts of the siblings. */
  seen: number;
  /** Pair counts of the siblings with the word's own neighbours. */
  pairs: number;
}

/** `ownWords`: the words the reading makes (and their stems), which are no siblings of one another. */
function familyEvidence(
  w: string,
  uses: readonly Use[],
  ownWords: ReadonlySet<string>,
  freq: FrequencyModel,
  docCounts: ReadonlyMap<string, number>,
): FamilyEvidence {
  let seen = 0;
  let pairs = 0;
  for (const f of familyForms(w)) {
    if (ownWords.has(f)) continue;
    const n = freq.word(f) + 3 * (docCounts.get(f) ?? 0);
    if (n === 0) continue;
    seen += n;
    let best = 0;
    for (const u of uses) best = Math.max(best, (u.prev ? freq.pair(u.prev, f) : 0) + (u.next ? freq.pair(f, u.next) : 0));
    pairs += best;
  }
  return { seen, pairs };
}

/** Strings that fill `use` to make a lexicon word, from the trie (cached per run: the engine makes several passes). */
function fillsFor(lexicon: Lexicon, use: Use, minLen: number, maxLen: number, cache: Map<string, Set<string>>): Set<string> {
  const key = `${use.before}|${use.after}|${minLen}|${maxLen}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out = new Set<string>();
  cache.set(key, out);
  if (!lexicon.fills || use.before === '') return out;
  for (const w of lexicon.fills(use.before, use.after, minLen, maxLen)) {
    const fill = w.slice(use.before.length, w.length - use.after.length);
    if (/^[\u0621-\u064a]+$/.test(fill)) out.add(fill);
  }
  return out;
}

/**
 * How often the document prints `fill` as plain letters in the shape it has in
 * `use`: followed by the same letters to the word's end, and after a letter that
 * joins (or does not join) to it as the letter before the codes does.
 */
function plainElsewhere(fill: string, use: Use, plainWords: ReadonlyMap<string, number>): number {
  const before = use.before[use.before.length - 1];
  const joins = joinsToNext(before);
  const tail = fill + use.after;
  let n = 0;
  for (const [w, count] of plainWords) {
    if (!w.endsWith(tail) || w.length <= tail.length) continue;
    if (joinsToNext(w[w.length - tail.length - 1]) === joins) n += count;
  }
  return n;
}

function scoreReading(
  fill: string,
  codes: number,
  uses: readonly Use[],
  freq: FrequencyModel,
  docCounts: ReadonlyMap<string, number>,
): Reading {
  let score = -EXTRA_LETTER_COST * (fill.length - codes);
  let attested = false;
  // A word used five times is still one piece of evidence about the codes: each
  // distinct word counts once, with the best of its neighbour pairs.
  const pairsOf = new Map<string, number>();
  const usesOf = new Map<string, Use[]>();
  for (const u of uses) {
    const w = u.before + fill + u.after;
    const pairs = (u.prev ? freq.pair(u.prev, w) : 0) + (u.next ? freq.pair(w, u.next) : 0);
    pairsOf.set(w, Math.max(pairsOf.get(w) ?? 0, pairs));
    usesOf.set(w, [...(usesOf.get(w) ?? []), u]);
  }
  const ownWords = new Set<string>();
  for (const w of pairsOf.keys()) {
    ownWords.add(w);
    ownWords.add(withoutClitics(w) ?? w);
  }
  for (const [w, pairs] of pairsOf) {
    const seen = freq.word(w) + 3 * (docCounts.get(w) ?? 0);
    const stem = withoutClitics(w);
    const stemSeen = stem ? freq.word(stem) + 3 * (docCounts.get(stem) ?? 0) : 0;
    const family = familyEvidence(w, usesOf.get(w)!, ownWords, freq, docCounts);
    if (seen > 0 || stemSeen > 0 || family.seen > 0) attested = true;
    score += Math.log1p(seen) + 0.5 * Math.log1p(stemSeen) + Math.log1p(pairs);
    // Siblings weigh less than the word itself: a stem's other forms say the stem
    // is real, not that this form is the one meant.
    score += 0.5 * Math.log1p(family.seen) + Math.log1p(family.pairs);
  }
  return { fill, score, attested };
}

function byScore(a: Reading, b: Reading): number {
  return b.score - a.score || a.fill.length - b.fill.length || a.fill.localeCompare(b.fill);
}

/**
 * Charges the plain-text cost (see PLAIN_ELSEWHERE_COST), best readings first. The
 * cost only lowers a score, so once a reading's score is below the second best
 * charged one, it and all after it cannot reach the top two; they keep their scores.
 */
function withPlainTextCost(readings: Reading[], use: Use, docCounts: ReadonlyMap<string, number>): Reading[] {
  readings.sort(byScore);
  const charged: number[] = [];
  for (const r of readings) {
    if (charged.length >= 2 && r.score < charged[1]) break;
    const plain = plainElsewhere(r.fill, use, docCounts);
    if (plain > 0) r.score -= PLAIN_ELSEWHERE_COST + PLAIN_ELSEWHERE_PER_LOG * Math.log1p(plain);
    charged.push(r.score);
    charged.sort((a, b) => b - a);
  }
  return readings.sort(byScore);
}

export const privateUseLetters: Rule = {
  id: 'private-use-letters',
  description: 'Decode Private Use Area codes that stand for letters or ligatures inside words, solving each code run across the document',
  safety: 'heuristic',
  defaultEnabled: true,
  run(ctx: RuleContext) {
    const { text } = ctx;
    if (!PRIVATE_USE.test(text)) return {};
    const tokens = tokenize(text);
    const byRun = new Map<string, Use[]>();
    const flags: FlagProposal[] = [];
    /** Words with several runs: decoded once every run is solved from other words. */
    const multiRun: Token[] = [];
    const solved = new Map<string, { fill: string; confidence: number }>();
    tokens.forEach((t, i) => {
      if (t.type !== 'word' || !PRIVATE_USE.test(t.text)) return;
      const use = parseUse(tokens, i);
      if (!use) {
        multiRun.push(t);
        return;
      }
      // `بـ` + codes, `و` + codes: a proclitic on hidden digits, not letters.
      if (use.before.length + use.after.length < 2) return;
      const key = runCodes(text, use);
      byRun.set(key, [...(byRun.get(key) ?? []), use]);
    });
    if (byRun.size === 0 && multiRun.length === 0) return { flags };

    const lexicon = ctx.knowledge.lexicon();
    const freq = ctx.knowledge.frequencies();
    let cache = ctx.knowledge.cache.get(this.id) as Map<string, Set<string>> | undefined;
    if (!cache) ctx.knowledge.cache.set(this.id, (cache = new Map()));
    // The document's plain words: the pieces of the words with codes are no evidence.
    const plainText = tokens.map((t) => (t.type === 'word' && PRIVATE_USE.test(t.text) ? ' ' : t.text)).join('');
    const docCounts = countWords([plainText, ...ctx.knowledge.corpus]);
    const edits: Edit[] = [];
    for (const [codes, uses] of byRun) {
      const n = codes.length;
      // Start from the word with the most letters before the run: the trie walk
      // starts deepest there. From a short start, three letters a code fan out too
      // widely to list, so fills are capped at two a code.
      const ordered = [...uses].sort((a, b) => b.before.length - a.before.length || b.after.length - a.after.length);
      const shortStart = ordered[0].before.length < 3;
      const maxLen = Math.min(MAX_FILL, (shortStart ? 2 : MAX_LETTERS_PER_CODE) * n);
      let fills = [...fillsFor(lexicon, ordered[0], n, maxLen, cache)];
      for (const u of ordered.slice(1)) fills = fills.filter((f) => lexicon.has(u.before + f + u.after));
      const readings = withPlainTextCost(
        fills.map((f) => scoreReading(f, n, uses, freq, docCounts)),
        uses[0],
        docCounts,
      );
      const [best, second] = readings;
      const lead = best ? best.score - (second?.score ?? -Infinity) : 0;
      const label = [...codes].map(codePoint).join(' ');
      // Two different words must agree: one word (however often) is one guess.
      const distinctWords = new Set(uses.map((u) => `${u.before}|${u.after}`)).size;
      if (best && best.attested && lead >= MIN_LEAD && distinctWords >= 2) {
        const confidence = Math.min(0.95, 0.6 + 0.08 * Math.min(lead, 4) + 0.03 * Math.min(uses.length - 1, 3));
        for (const u of uses) {
          const run = text.slice(u.runStart, u.runEnd);
          // One letter per code keeps each letter's own origin.
          const origins = best.fill.length === n ? [...run].flatMap((ch, k) => (isPrivateUse(ch) ? [k] : [])) : undefined;
          edits.push({
            start: u.runStart,
            end: u.runEnd,
            text: best.fill,
            ...(origins ? { origins } : {}),
            confidence,
            reason: `PUA letters ${label} = «${best.fill}»: makes ${uses.map((x) => x.before + best.fill + x.after).join(', ')} (${readings.length} reading${readings.length === 1 ? '' : 's'} fit every word; lead ${Number.isFinite(lead) ? lead.toFixed(1) : 'sole'})`,
          });
        }
        solved.set(codes, { fill: best.fill, confidence });
        continue;
      }
      for (const u of uses) {
        flags.push({
          start: u.token.start,
          end: u.token.end,
          kind: 'private-use-letters-unsolved',
          message:
            readings.length === 0
              ? `PUA codes ${label} inside a word: no letters make every word that uses them a word`
              : distinctWords < 2 && best && best.attested && lead >= MIN_LEAD
                ? `PUA codes ${label} inside a word: only one word uses them, so nothing confirms the best reading`
                : `PUA codes ${label} inside a word: ${readings.length} readings make every word that uses them a word, none clearly best`,
          confidence: 0.5,
          suggestions: readings.slice(0, 5).map((r) => u.before + r.fill + u.after),
        });
      }
    }
    for (const t of multiRun) {
      const runs = [...t.text.matchAll(/[\ue000-\uf8ff]+/g)];
      const fills = runs.map((r) => solved.get(r[0]));
      const word = bareWord(t.text.replace(/[\ue000-\uf8ff]+/g, (r) => solved.get(r)?.fill ?? r));
      if (fills.every((f) => f !== undefined) && lexicon.has(word)) {
        runs.forEach((r, k) =>
          edits.push({
            start: t.start + r.index,
            end: t.start + r.index + r[0].length,
            text: fills[k]!.fill,
            confidence: fills[k]!.confidence,
            reason: `PUA letters solved from other words; makes ${word}`,
          }),
        );
      } else {
        flags.push({ start: t.start, end: t.end, kind: 'private-use-letters-unsolved', message: 'several runs of PUA codes in one word, not all solved elsewhere: not decoded', confidence: 0.5 });
      }
    }
    return { edits, flags };
  },
};
