import { hasArabic, joinsToNext } from '../core/arabic.js';
import { repairedByOtherRule } from '../core/evidence.js';
import type { Edit, Rule } from '../core/types.js';
import type { FrequencyModel } from '../knowledge/frequency.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import { analyzeDocument, modelForLine, rememberingWeb, type LineInfo } from '../reorder/document.js';
import { glueKind, joinsAcross, makeToken, type Token } from '../reorder/tokens.js';
import type { WordModel } from '../reorder/word-model.js';
import { REORDER_RUNS, type ReorderState } from './reorder-runs.js';
import { swappedPairsFound } from './swapped-ligatures.js';

/**
 * rejoin-split-words (damage model 1.2): a word cut where the PDF kerned or
 * stretched two glyphs apart, with the pieces still in order but a space between
 * them: `الإجرائي ــة`, `أ كثر`, `تقر ير`, `ز يارة`. The pieces are joined when one
 * of them cannot stand as a word and the joined form is far more likely than the
 * two pieces side by side (word model: web and document counts, the lexicon).
 *
 * Some fonts leave a space between any two connected glyphs (`تراج ع مع دل`,
 * `ال س ابق`). Such spaces are only looked at in a document that shows the habit
 * over and over (spacedGlyphHabit); there each line is read as a whole (joinLine).
 */

export const REJOIN_SPLIT_WORDS = 'rejoin-split-words';

/**
 * Where a cut can be: at a kashida, a kerning gap, after a vowel mark (pdftotext
 * leaves a gap after a mark drawn as a glyph of its own: `سُ جّل`, `الركَ ن`), or
 * between two joined letters (the spaced-glyph habit).
 */
export type JoinKind = 'kashida' | 'kerning' | 'mark' | 'joined';

/** Log-odds the join must win by: a kashida piece is a cut for sure, a kerning gap is not. */
const KASHIDA_PRIOR = 0;
const KERNING_PRIOR = -4;
/**
 * Between joined letters: only asked in a document with the habit, where most
 * such spaces are cuts but every real space after a joining letter is one too.
 * (On the 14 spaced documents, -4…0 give the same output but a join or two; -6
 * starts to leave cuts.)
 */
const JOINED_PRIOR = -2;
/** After a mark: as doubtful as a kerning gap (a word may end in a mark, `الركنَ`). */
const MARK_PRIOR = KERNING_PRIOR;
const PRIOR: Record<JoinKind, number> = { kashida: KASHIDA_PRIOR, kerning: KERNING_PRIOR, mark: MARK_PRIOR, joined: JOINED_PRIOR };

/** A letter that joins the next one, then vowel marks, at the end of a piece. */
const MARK_AFTER_JOINING = /([\u0621-\u064a])[\u064b-\u0652]+$/;

/** Could the space in `left right` be the gap after a mark inside one word? */
function markCut(left: Token, right: Token): boolean {
  if (left.kind !== 'word' || right.kind !== 'word' || left.trail !== '' || right.lead !== '') return false;
  const m = left.text.match(MARK_AFTER_JOINING);
  return m !== null && joinsToNext(m[1]) && /^[\u0621-\u064a]/.test(right.text);
}

/** The kind of cut `left right` could be, or null; joined letters only in a document with the habit. */
function joinKind(left: Token, right: Token, spacedGlyphs: boolean): JoinKind | null {
  const kind = glueKind(left, right);
  if (kind === 'kerning' || kind === 'kashida') return kind;
  if (kind === null && markCut(left, right)) return 'mark';
  if (spacedGlyphs && kind === null && joinsAcross(left, right)) return 'joined';
  return null;
}

export interface JoinDecision {
  gain: number;
  confidence: number;
}

/** A piece that cannot be a word by itself: where a cut shows. */
function fragmentLike(t: Token, model: WordModel): boolean {
  if (t.tatweelInitial || t.loneLetter) return true;
  return t.words.some((w) => !model.known(w));
}

/**
 * Should `left right` (adjacent, one space apart) be one word? Compares the
 * joined reading with the two pieces in their context.
 */
export function judgeJoin(
  left: Token,
  right: Token,
  before: Token | null,
  after: Token | null,
  model: WordModel,
): JoinDecision | null {
  const kind = joinKind(left, right, false);
  if (kind === null || kind === 'joined') return null;
  // `و كان`: a conjunction written apart is a spelling, not a cut.
  if (left.text === 'و') return null;
  if (!fragmentLike(left, model) && !fragmentLike(right, model)) return null;
  const joined = makeToken(left.text + right.text, left.start);
  if (joined.words.length !== 1) return null;
  const joinedLogP = model.gluedLogP(joined, [left, right]);
  const ctx = (a: Token | null, b: Token | null) => (a && b ? model.tokenAssoc(a, b) : 0);
  const apart = model.tokenLogP(left) + model.tokenLogP(right) + ctx(before, left) + ctx(left, right) + ctx(right, after);
  const together = joinedLogP + ctx(before, joined) + ctx(joined, after);
  const gain = together - apart + PRIOR[kind];
  if (gain <= 0) return null;
  return { gain, confidence: 1 - 0.5 * Math.exp(-gain / 3) };
}

/**
 * The spaced-glyph habit (KacstOne typeset by LibreOffice, read by pdftotext:
 * `تراج ع مع دل التض خم`): a space between two letters that the font drew
 * connected. Its evidence is a pair `A B` across such a boundary whose join is a
 * common word (at least HABIT_COMMON web counts, about 25 per million) that a
 * piece is not, or is HABIT_RARER times rarer than (`مع دل`: 1 against 48).
 *
 * Measured on the 652 corpus files: the 28 spaced extractions (pdftotext and
 * pdftotext -layout of the 14 KacstOne LibreOffice PDFs) show 10–34 distinct such
 * pairs, 9.9–25.8% of their pairs of Arabic words; every other file at most 4 and
 * at most 2.7% (seeds, sim sources and all truths: 0; a slip or a name here and
 * there, and pdftotext -raw of the same PDFs, whose lines are broken up anyway).
 * The thresholds sit between: 6 pairs (a short document still needs several
 * different ones, not one word cut alike twice) and 5%.
 */
const HABIT_COMMON = 5;
const HABIT_RARER = 10;
const HABIT_MIN_JOINS = 6;
const HABIT_MIN_SHARE = 0.05;

export interface HabitEvidence {
  /** Distinct pairs `A B` between joined letters whose join is a common word that a piece is not. */
  joins: number;
  /** Adjacent pairs of Arabic words in the document. */
  pairs: number;
}

/** The one Arabic word a token is, with nothing around it, or null. */
function bareArabic(t: Token): string | null {
  if (t.kind !== 'word' || t.lead !== '' || t.trail !== '' || t.words.length !== 1) return null;
  const w = t.words[0];
  return w.startsWith('<') ? null : w;
}

/**
 * Does the document space its glyphs apart? Counted on the web counts alone (the
 * document's own counts have learnt the pieces): distinct pairs between joined
 * letters whose join is a common word while a piece is no word or a much rarer one.
 */
export function spacedGlyphEvidence(lines: readonly LineInfo[], web: FrequencyModel): HabitEvidence {
  const seen = new Set<string>();
  let pairs = 0;
  for (const info of lines) {
    if (!info.arabic) continue;
    const toks = info.tokens;
    for (let i = 0; i + 1 < toks.length; i++) {
      const a = bareArabic(toks[i]);
      const b = bareArabic(toks[i + 1]);
      if (a === null || b === null) continue;
      pairs++;
      if (!joinsAcross(toks[i], toks[i + 1])) continue;
      const joined = makeToken(toks[i].text + toks[i + 1].text, 0);
      if (joined.words.length !== 1) continue;
      const j = web.word(joined.words[0]);
      if (j < HABIT_COMMON || Math.min(web.word(a), web.word(b)) * HABIT_RARER > j) continue;
      seen.add(`${a} ${b}`);
    }
  }
  return { joins: seen.size, pairs };
}

export function spacedGlyphHabit(e: HabitEvidence): boolean {
  return e.joins >= HABIT_MIN_JOINS && e.joins >= HABIT_MIN_SHARE * e.pairs;
}

/**
 * Waw, the conjunction, is written onto its word, and a font that kerns a final و
 * against a following ي or ك leaves a gap the extractor reads as a space: pdftotext
 * and pdf.js give `و يقول`, `و يُعدّ` (damage model 1.2, the kerning pairs). But some
 * writers space the conjunction off everywhere (`و التي`, seed 003), and that is
 * their spelling. So a loose و is read as a kerning cut only in a document that
 * writes it attached (at least WAW_ATTACHED_MIN words such as `وقال`, `والنقل`) and never
 * loose before any letter but ي and ك: a writer's habit shows before every letter,
 * a kerning pair's only before its own. And only in a document that some other rule
 * has repaired: clean text keeps its writer's `و كان`. (Corpus: 17 such cuts in the pdftotext and
 * 20 in the pdf.js extractions, none in -raw or mutool; no truth, seed or source
 * text has a loose و before ي or ك, and seed 003, the one with a loose و, has it
 * before an alef.)
 */
const WAW_ATTACHED_MIN = 3;
const WAW_KERNED = /^[يك]/;

export interface WawEvidence {
  /** Words written with the conjunction on (`وقال`: the word, or the rest without و or وال, a word the web counts). */
  attached: number;
  /** Loose و before a word that starts with ي or ك (a kerning pair). */
  kerned: number;
  /** Loose و before a word that starts with any other letter (a writer's spelling). */
  loose: number;
}

/** Is `right` the next token after `left`, one space on? */
const oneSpaceApart = (left: Token, right: Token) => right.start === left.start + left.text.length + 1;

/**
 * The attached words are counted only when there is a loose و to judge, on the web
 * counts alone (the word with و, or without it): clean text never loads the lexicon.
 */
export function wawEvidence(lines: readonly LineInfo[], web: FrequencyModel): WawEvidence {
  const e: WawEvidence = { attached: 0, kerned: 0, loose: 0 };
  const attachedCandidates: string[] = [];
  for (const info of lines) {
    if (!info.arabic) continue;
    const toks = info.tokens;
    for (let i = 0; i < toks.length; i++) {
      const w = bareArabic(toks[i]);
      if (w === null) continue;
      if (w.length >= 3 && w.startsWith('\u0648')) attachedCandidates.push(w);
      const next = toks[i + 1];
      if (w !== '\u0648' || !next || toks[i].text !== '\u0648' || !oneSpaceApart(toks[i], next)) continue;
      const r = next.kind === 'word' && next.lead === '' ? next.first : null;
      if (r === null || r.startsWith('<')) continue;
      if (WAW_KERNED.test(r)) e.kerned++;
      else e.loose++;
    }
  }
  if (e.kerned > 0 && e.loose === 0)
    for (const w of attachedCandidates) {
      const rest = w.slice(1);
      if (web.word(w) > 0 || web.word(rest) > 0 || (rest.startsWith('\u0627\u0644') && web.word(rest.slice(2)) > 0)) e.attached++;
    }
  return e;
}

export function kernedWawHabit(e: WawEvidence): boolean {
  return e.kerned > 0 && e.loose === 0 && e.attached >= WAW_ATTACHED_MIN;
}

/** Joins for the loose و of a document with kernedWawHabit: before a word that is one (counted or in the lexicon). */
function wawJoins(info: LineInfo, model: WordModel, lexicon: () => Lexicon, e: WawEvidence): Edit[] {
  const edits: Edit[] = [];
  const toks = info.tokens;
  for (let i = 0; i + 1 < toks.length; i++) {
    const [left, right] = [toks[i], toks[i + 1]];
    if (left.text !== '\u0648' || !oneSpaceApart(left, right) || right.kind !== 'word' || right.lead !== '') continue;
    const r = right.first;
    if (r === null || !WAW_KERNED.test(r) || right.words.length !== 1) continue;
    if (model.count(r) === 0 && !lexicon().has(r)) continue;
    const at = info.line.start + right.start - 1;
    edits.push({
      start: at,
      end: at + 1,
      text: '',
      // Surer the more the document writes و attached.
      confidence: Math.min(0.95, 0.7 + 0.02 * e.attached),
      reason: `the conjunction kerned apart from «${right.text}» (the document writes و attached ${e.attached} times and loose only before ي and ك)`,
    });
  }
  return edits;
}

export const rejoinSplitWords: Rule = {
  id: REJOIN_SPLIT_WORDS,
  description:
    'Join the pieces of a word that a kerning gap or a kashida split with a space (`أ كثر` → `أكثر`), and in a document that spaces its glyphs apart, between joined letters (`مع دل` → `معدل`)',
  safety: 'heuristic',
  defaultEnabled: true,
  run(ctx) {
    if (!hasArabic(ctx.text)) return {};
    const analysis = analyzeDocument(ctx.lines, ctx.knowledge);
    // The lexicon only once the document shows damage (reorder-runs may know more).
    const reorder = ctx.knowledge.cache.get(REORDER_RUNS) as ReorderState | undefined;
    analysis.damaged ||= reorder?.damaged === true;
    const web = rememberingWeb(ctx.knowledge.frequencies());
    const evidence = spacedGlyphEvidence(analysis.lines, web);
    const spaced = spacedGlyphHabit(evidence);
    // A document that spaces its glyphs apart is damaged: the lexicon may judge its pieces.
    analysis.damaged ||= spaced;
    const waw = wawEvidence(analysis.lines, web);
    const swapBack = swapBackWith(swappedPairsFound(ctx), web, () => ctx.knowledge.lexicon());
    // Only in extractor output that another rule has already repaired: a clean text's
    // loose و (`و كان`) is its writer's, however attached the rest.
    const kernedWaw = repairedByOtherRule(ctx, REJOIN_SPLIT_WORDS) && kernedWawHabit(waw);
    const edits: Edit[] = [];
    for (const info of analysis.lines) {
      if (!info.arabic || info.tokens.length < 2) continue;
      let model: WordModel | null = null;
      const lineModel = () => (model ??= modelForLine(analysis, info, web, ctx.knowledge));
      if (kernedWaw) edits.push(...wawJoins(info, lineModel(), () => ctx.knowledge.lexicon(), waw));
      if (spaced) {
        edits.push(...joinLine(info, lineModel(), web, () => ctx.knowledge.lexicon(), swapBack));
        continue;
      }
      const toks = info.tokens;
      for (let i = 0; i + 1 < toks.length; i++) {
        const kind = joinKind(toks[i], toks[i + 1], false);
        if (kind === null || kind === 'joined') continue;
        const before = i > 0 && toks[i - 1].kind === 'word' ? toks[i - 1] : null;
        const after = i + 2 < toks.length && toks[i + 2].kind === 'word' ? toks[i + 2] : null;
        const d = judgeJoin(toks[i], toks[i + 1], before, after, lineModel());
        if (!d) continue;
        const at = info.line.start + toks[i + 1].start - 1;
        edits.push({
          start: at,
          end: at + 1,
          text: '',
          confidence: d.confidence,
          reason: `one word cut in two at ${KIND_WORDS[kind]}: «${toks[i].text}${toks[i + 1].text}» is far more likely (by ${d.gain.toFixed(1)})`,
        });
      }
    }
    return { edits };
  },
};

const KIND_WORDS: Record<JoinKind, string> = { kashida: 'a kashida', kerning: 'a kerning gap', mark: 'the gap after a mark', joined: 'two joined letters' };

interface LineJoins {
  /** The best reading's score. */
  top: number;
  /** Spaces (after token b) the best reading removes, each with how much better it is than the best that keeps it. */
  joins: { b: number; gain: number; kind: JoinKind }[];
  /** Every space the best reading removes (with no gain, too: a word's extent). */
  joined: ReadonlySet<number>;
}

/** The word a joined form is with one of the document's swapped ligature pairs put back, when it is a word (swapBackWith). */
type SwapBack = (key: string, piecesAreWebWords: boolean) => string | null;
/** A join that also needs a pair put back is a little less likely than a plain one. */
const SWAPPED_JOIN_PRIOR = -1;

/**
 * SwapBack for the pairs swapped-ligatures found in this document (none: never). The
 * word with the pair put back is a word the web counts, or, when no piece is a web
 * word, one the lexicon knows (`األموم ة`: `الأمومة`), as for a plain join.
 */
function swapBackWith(pairs: ReadonlyMap<string, number> | undefined, web: FrequencyModel, lexicon: () => Lexicon): SwapBack {
  if (!pairs || pairs.size === 0) return () => null;
  const asStood = [...pairs.keys()].map((p) => p.replace(/\u06cc/g, '\u064a')).filter((p) => p.length === 2);
  return (key, piecesAreWebWords) => {
    for (const p of asStood) {
      const at = key.indexOf(p);
      if (at < 0) continue;
      const back = key.slice(0, at) + p[1] + p[0] + key.slice(at + 2);
      if (web.word(back) > 0 || (!piecesAreWebWords && lexicon().has(back))) return back;
    }
    return null;
  };
}

/** A word cut more than this many times is not looked for (it bounds the search). */
const MAX_PIECES = 6;

interface Span {
  token: Token;
  score: number;
}

/**
 * In a document with the spaced-glyph habit almost every space of a line stands
 * between two letters that could join, and a word can be cut more than once
 * (`ال س ابق`). So the line is read as a whole: of all ways to join its pieces
 * into words, the one the word model likes best (each word's probability, each
 * adjacent pair's association, a prior for each join by its kind). For two pieces
 * this is judgeJoin's comparison; for more it also weighs `ال سابق` against
 * `الس ابق` and a lone letter going left against going right (`ويبل غ ط ول`).
 * Each space that goes is reported with how much better the best reading is than
 * the best one that keeps it.
 */
function bestJoins(toks: readonly Token[], model: WordModel, web: FrequencyModel, lexicon: () => Lexicon, swapBack: SwapBack): LineJoins | null {
  const n = toks.length;
  const kinds: (JoinKind | null)[] = [];
  for (let b = 0; b + 1 < n; b++) {
    let kind = joinKind(toks[b], toks[b + 1], true);
    if (toks[b].text === 'و') kind = null;
    if (kind !== null && kind !== 'joined' && !fragmentLike(toks[b], model) && !fragmentLike(toks[b + 1], model)) kind = null;
    kinds.push(kind);
  }
  if (!kinds.some((k) => k !== null)) return null;
  const spans = new Map<number, Span | null>();
  const span = (i: number, j: number): Span | null => {
    const key = i * (n + 1) + j;
    let s = spans.get(key);
    if (s !== undefined) return s;
    s = null;
    if (j - i === 1) s = { token: toks[i], score: model.tokenLogP(toks[i]) };
    else {
      let prior = 0;
      let betweenLetters = false;
      let ok = true;
      for (let b = i; b < j - 1 && ok; b++) {
        const kind = kinds[b];
        if (kind === null) ok = false;
        else {
          prior += PRIOR[kind];
          betweenLetters ||= kind === 'joined';
        }
      }
      if (ok) {
        const pieces = toks.slice(i, j);
        const token = makeToken(pieces.map((t) => t.text).join(''), toks[i].start);
        // A join between letters makes a word some count has seen, or one the lexicon
        // knows made only of pieces that are no words on the web (`مجم وعتهم`): the
        // lexicon alone accepts too much, and a piece damaged otherwise (`أواًل`)
        // would take a real word with it (`أواًلثم`). (The document's own counts
        // have learnt the pieces, so the web says what a word is.)
        const unseen = betweenLetters && model.count(token.words[0]) === 0;
        const noWebPiece = pieces.every((t) => t.loneLetter || t.words.every((w) => web.word(w) === 0));
        const allowed = !unseen || (noWebPiece && lexicon().has(token.words[0]));
        if (token.words.length === 1 && allowed) s = { token, score: model.gluedLogP(token, pieces) + prior };
        else if (token.words.length === 1 && unseen) {
          // `كث ري`: a word whose glyphs were spaced apart and whose ligature came out
          // swapped; rejoined-ligatures puts the pair back once it is one word.
          const back = swapBack(token.words[0], !noWebPiece);
          if (back !== null) s = { token: makeToken(back, toks[i].start), score: model.wordLogP(back) + prior + SWAPPED_JOIN_PRIOR };
        }
      }
    }
    spans.set(key, s);
    return s;
  };
  const assoc = (a: Token, b: Token) => (a.kind === 'word' && b.kind === 'word' ? model.tokenAssoc(a, b) : 0);
  // fwd[j][len]: best score of tokens 0..j-1 whose last word is tokens j-len..j-1;
  // bwd[i][len]: best score of tokens i..n-1 whose first word is tokens i..i+len-1.
  // The best reading that keeps the space before token c is then the best fwd[c] and
  // bwd[c] put together, so each space's margin costs no new search.
  const table = () => Array.from({ length: n + 1 }, () => new Float64Array(MAX_PIECES + 1).fill(-Infinity));
  const fwd = table();
  const bwd = table();
  const from = Array.from({ length: n + 1 }, () => new Int8Array(MAX_PIECES + 1));
  for (let j = 1; j <= n; j++) {
    for (let len = 1; len <= Math.min(MAX_PIECES, j); len++) {
      const i = j - len;
      const s = span(i, j);
      if (s === null) continue;
      if (i === 0) fwd[j][len] = s.score;
      for (let plen = 1; plen <= Math.min(MAX_PIECES, i); plen++) {
        if (fwd[i][plen] === -Infinity) continue;
        const v = fwd[i][plen] + assoc(span(i - plen, i)!.token, s.token) + s.score;
        if (v > fwd[j][len]) {
          fwd[j][len] = v;
          from[j][len] = plen;
        }
      }
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let len = 1; len <= Math.min(MAX_PIECES, n - i); len++) {
      const j = i + len;
      const s = span(i, j);
      if (s === null) continue;
      if (j === n) bwd[i][len] = s.score;
      for (let nlen = 1; nlen <= Math.min(MAX_PIECES, n - j); nlen++) {
        if (bwd[j][nlen] === -Infinity) continue;
        bwd[i][len] = Math.max(bwd[i][len], s.score + assoc(s.token, span(j, j + nlen)!.token) + bwd[j][nlen]);
      }
    }
  }
  let len = 1;
  for (let l = 2; l <= Math.min(MAX_PIECES, n); l++) if (fwd[n][l] > fwd[n][len]) len = l;
  const top = fwd[n][len];
  const joined = new Set<number>();
  for (let j = n; j > 0; ) {
    for (let b = j - len; b < j - 1; b++) joined.add(b);
    const plen = from[j][len];
    j -= len;
    len = plen;
  }
  /** The best reading that keeps the space between tokens c-1 and c. */
  const keeping = (c: number): number => {
    let v = -Infinity;
    for (let l1 = 1; l1 <= Math.min(MAX_PIECES, c); l1++) {
      if (fwd[c][l1] === -Infinity) continue;
      for (let l2 = 1; l2 <= Math.min(MAX_PIECES, n - c); l2++) {
        if (bwd[c][l2] === -Infinity) continue;
        v = Math.max(v, fwd[c][l1] + assoc(span(c - l1, c)!.token, span(c, c + l2)!.token) + bwd[c][l2]);
      }
    }
    return v;
  };
  const joins: LineJoins['joins'] = [];
  for (const b of [...joined].sort((x, y) => x - y)) {
    const gain = top - keeping(b + 1);
    if (gain > 0) joins.push({ b, gain, kind: kinds[b]! });
  }
  return { top, joins, joined };
}

/**
 * KacstOne draws the article's alef-lam as one glyph that pdftotext decodes as lam-alef,
 * and spaces it off like any other glyph: `لاع الم` for `العالم`, `لا دول` for `الدول`.
 * In a document with the spaced-glyph habit (the only place this is asked), a piece
 * that starts with `لا` is read the other way round when that joins it to the next
 * piece and makes the line read better by this much. (On the 14 spaced pdftotext
 * extractions it swapped 47 articles, each one rightly, and the six real `لا` of
 * their truths stayed.)
 */
const ARTICLE_SWAP_PRIOR = -2;
const ARTICLE_PIECE = /^\u0644\u0627/;

/** The line's joins, with the article pieces (ARTICLE_PIECE) that read better swapped, one at a time. */
function joinLine(info: LineInfo, model: WordModel, web: FrequencyModel, lexicon: () => Lexicon, swapBack: SwapBack): Edit[] {
  let toks = info.tokens;
  let best = bestJoins(toks, model, web, lexicon, swapBack);
  const swapped: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!ARTICLE_PIECE.test(toks[i].text)) continue;
    const alt = toks.slice();
    alt[i] = makeToken(`\u0627\u0644${toks[i].text.slice(2)}`, toks[i].start);
    const tried = bestJoins(alt, model, web, lexicon, swapBack);
    // The swapped piece must be joined to the next one (the article never stands
    // alone), and so must the pieces swapped before it.
    if (!tried || ![...swapped, i].every((k) => tried.joins.some((j) => j.b === k))) continue;
    if (tried.top + ARTICLE_SWAP_PRIOR > (best?.top ?? -Infinity)) {
      toks = alt;
      best = tried;
      swapped.push(i);
    }
  }
  if (!best) return [];
  const edits: Edit[] = [];
  const confidence = (gain: number) => 1 - 0.5 * Math.exp(-Math.min(gain, 60) / 3);
  for (const i of swapped) {
    const at = info.line.start + toks[i].start;
    edits.push({
      start: at,
      end: at + 2,
      text: '\u0627\u0644',
      origins: [1, 0],
      // As sure as the join it comes with: the two stand or fall together.
      confidence: confidence(best.joins.find((j) => j.b === i)!.gain),
      reason: `the article's glyph decoded as lam-alef and spaced off its word: «${info.tokens[i].text}» is «${toks[i].text}»`,
    });
  }
  for (const { b, gain, kind } of best.joins) {
    let i = b;
    while (i > 0 && best.joined.has(i - 1)) i--;
    let j = b + 1;
    while (best.joined.has(j)) j++;
    const word = toks.slice(i, j + 1).map((t) => t.text).join('');
    const at = info.line.start + toks[b + 1].start - 1;
    edits.push({
      start: at,
      end: at + 1,
      text: '',
      confidence: confidence(gain),
      reason: `one word cut at ${KIND_WORDS[kind]} («${toks[b].text}|${toks[b + 1].text}»): «${word}» is far more likely (by ${gain.toFixed(1)})`,
    });
  }
  return edits;
}
