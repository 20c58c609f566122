import { isArabicLetter } from '../core/arabic.js';
import type { Edit, FlagProposal, Rule } from '../core/types.js';

/**
 * Shadda one letter late (damage model 1.5): the extractor emitted the shadda after
 * the letter that follows its carrier: `وتميزّت` (وتميّزت), `تمكنّ` (تمكّن),
 * `العُزلّ` (العُزّل), `وتبنىّ` (وتبنّى).
 *
 * The word list and the frequencies ignore marks, so they cannot tell the two
 * placements apart; the shape of the word can. A shadda doubles a root consonant,
 * and in the stem (the word without its clitics and inflection) that is nearly always
 * the middle one of three (فعّل: ميّز, مكّن, عزّل, فوّض) or the second of a
 * geminate root (مرّ, حقّ, عامّ), besides the nisba yeh (الحاليّ) and a sun letter
 * after the article (الشّمس). So:
 * - a shadda on a letter that cannot carry one (ى ا ة ء) moves to the letter before;
 * - a shadda that fits no stem shape, where exactly one neighbour fits one, moves
 *   there (late is the damage seen in seed 004; pdftotext puts it early), but only
 *   when the document shows that misplacement at least twice;
 * - a shadda that fits some shape under some reading of the word stays: written
 *   text has shaddas in unexpected places (`يتطّلع`), and only their late twin is
 *   this damage.
 */

const SHADDA = '\u0651';
/** Shape-only repairs need the document to show the misplacement this often. */
const MIN_VOTES = 2;
/** Letters that never carry a shadda. */
const CANNOT_CARRY = new Set([...'ىاآأإءئؤة']);
const LONG_VOWELS = new Set([...'اوي']);

/** Clitics and inflectional prefixes, longest first; stems are tried under each. */
const CONJUNCTIONS = ['', 'و', 'ف'];
const PARTICLES = ['', 'ب', 'ل', 'ك', 'ال', 'بال', 'لل', 'كال', 'س'];
const VERB_PREFIXES = ['', 'ي', 'ت', 'ن', 'أ', 'ا', 'م', 'يت', 'تت', 'نت', 'أت', 'ات', 'مت', 'ست', 'است', 'يست', 'تست', 'نست', 'أست', 'مست'];
const SUFFIXES = [
  '', 'ت', 'اته', 'اتها', 'اتهم', 'اتك', 'اتنا', 'ة', 'ات', 'ا', 'وا', 'ون', 'ين', 'ان', 'تا', 'تم', 'تن', 'نا', 'ه', 'ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'كما', 'ي', 'ني',
  'ته', 'تها', 'تهم', 'وه', 'وها', 'وهم', 'تان', 'تين', 'اء',
];

let prefixes: string[] | undefined;
function allPrefixes(): string[] {
  if (prefixes) return prefixes;
  const set = new Set<string>();
  for (const c of CONJUNCTIONS) for (const p of PARTICLES) for (const v of VERB_PREFIXES) set.add(c + p + v);
  prefixes = [...set].sort((a, b) => b.length - a.length);
  return prefixes;
}

/** Does a stem (letters) with a shadda at index s have a shape Arabic words have? */
function stemShapeFits(stem: readonly string[], s: number): boolean {
  const n = stem.length;
  if (n === 3 && s === 1) return true; // فعّل
  if (n === 2 && s === 1) return true; // geminate: مرّ, حقّ
  if (n === 3 && s === 2 && stem[1] === 'ا') return true; // فاعّ: عامّ, خاصّ
  if (n === 3 && s === 2 && (stem[1] === 'ت' || stem[1] === 'ط')) return true; // افتعّ: امتدّ, اشتقّ, اضطرّ
  if (n === 3 && s === 2 && stem[0] === 'ن') return true; // انفعّ: انضمّ
  if (n === 4 && s === 1 && LONG_VOWELS.has(stem[2])) return true; // فعّال, فعّول, فعّيل
  return false;
}

/**
 * Is a shadda on letter s of the word possible? True if the word has any reading
 * (prefixes, stem, suffixes) under which the shadda sits where shaddas go.
 */
export function shaddaFits(letters: readonly string[], s: number): boolean {
  const n = letters.length;
  if (CANNOT_CARRY.has(letters[s])) return false;
  // Nisba yeh: الحاليّ, العراقيّة, دوليّين.
  if (letters[s] === 'ي' && s >= 1 && /^(?:|ة|ات|ين|ون|ان|ه|ها)$/.test(letters.slice(s + 1).join(''))) return true;
  const word = letters.join('');
  // A sun letter after the article: الشّمس, والدّولة.
  if (/^(?:[وف]?(?:[بلك]?ال|لل))$/.test(letters.slice(0, s).join('')) && 'تثدذرزسشصضطظلن'.includes(letters[s])) return true;
  // Short particles: إنّ, أنّ, لكنّ, ثمّ, كأنّ.
  if (/^(?:[وف]?(?:إن|أن|لكن|ثم|كأن|لعل|رب|إلا|أما|إما|كل|عم|مم|ضد))$/.test(word) && s === n - 1) return true;
  for (const p of allPrefixes()) {
    if (!word.startsWith(p) || p.length > s) continue;
    for (const q of SUFFIXES) {
      if (!word.endsWith(q) || n - q.length <= s || n - q.length - p.length < 2) continue;
      if (stemShapeFits(letters.slice(p.length, n - q.length), s - p.length)) return true;
    }
  }
  return false;
}

/** Form IX (احمرّ, اسودّ) really does end in a shadda, and fits no stem shape above. */
function isFormNine(letters: readonly string[], s: number): boolean {
  const w = letters.join('').replace(/^[وف]/, '');
  return w.length === 4 && w.startsWith('ا') && s === letters.length - 1;
}

interface Move {
  start: number;
  end: number;
  text: string;
  origins: number[];
  word: string;
}

/** The shadda at word[i] goes right after the letter at word[to] (to < i). */
function moveBack(text: string, wordStart: number, word: string, to: number, i: number): Move | null {
  if (word.slice(to + 1, i).includes(SHADDA)) return null;
  const start = wordStart + to;
  const span = text.slice(start, wordStart + i);
  return {
    start,
    end: wordStart + i + 1,
    text: span[0] + SHADDA + span.slice(1),
    origins: [0, i - to, ...[...span.slice(1)].map((_, k) => k + 1)],
    word: word.slice(0, to + 1) + SHADDA + word.slice(to + 1, i) + word.slice(i + 1),
  };
}

/** The shadda at word[i] goes right after the letter at word[to] (to > i). */
function moveForward(wordStart: number, word: string, i: number, to: number): Move | null {
  const between = word.slice(i + 1, to + 1); // marks or tatweel, then the letter
  if (between.includes(SHADDA)) return null;
  return {
    start: wordStart + i,
    end: wordStart + to + 1,
    text: between + SHADDA,
    origins: [...[...between].map((_, k) => k + 1), 0],
    word: word.slice(0, i) + between + SHADDA + word.slice(to + 1),
  };
}

export const fixShadda: Rule = {
  id: 'fix-shadda',
  description: 'Move a shadda that landed one letter off back onto its letter (وتميزّت → وتميّزت, وأّن → وأنّ)',
  safety: 'heuristic',
  defaultEnabled: true,
  run({ text }) {
    if (!text.includes(SHADDA)) return {};
    const edits: Edit[] = [];
    const flags: FlagProposal[] = [];
    const candidates: (Edit & { direction: 'late' | 'early'; strong: boolean })[] = [];
    // Votes count distinct words: one typo repeated (a quoted line, a pasted
    // paragraph) is still one writer's slip, not an extractor's habit.
    const votes = { late: new Set<string>(), early: new Set<string>() };
    for (const m of text.matchAll(/[\u0621-\u063a\u0640-\u065f\u0670-\u06d3]+/g)) {
      const word = m[0];
      if (!word.includes(SHADDA)) continue;
      // Letters of the word and where each sits in the string.
      const letters: string[] = [];
      const at: number[] = [];
      for (let i = 0; i < word.length; i++) {
        if (isArabicLetter(word[i])) {
          letters.push(word[i]);
          at.push(i);
        }
      }
      for (let i = 0; i < word.length; i++) {
        if (word[i] !== SHADDA) continue;
        // The carrier: the last letter before the shadda.
        let s = -1;
        for (let k = at.length - 1; k >= 0; k--) if (at[k] < i) { s = k; break; }
        if (s < 1) continue;
        const impossible = CANNOT_CARRY.has(letters[s]);
        if (!impossible && (shaddaFits(letters, s) || isFormNine(letters, s))) continue;
        // Extractors misplace the shadda by one letter either way: late in some
        // PDFs (seed 004: وتميزّت), early in others (pdftotext: وأّن for وأنّ). Move
        // it only to the one neighbour where it fits; where both fit, leave it.
        const canCarry = (k: number) => k >= 0 && k < letters.length && !CANNOT_CARRY.has(letters[k]);
        const backFits = canCarry(s - 1) && shaddaFits(letters, s - 1);
        const forwardFits = canCarry(s + 1) && shaddaFits(letters, s + 1);
        let target: number | null = null;
        if (backFits !== forwardFits) target = backFits ? s - 1 : s + 1;
        else if (impossible && !backFits && canCarry(s - 1) && !canCarry(s + 1)) target = s - 1; // وتبنىّ: nowhere else to go
        if (target === null) {
          if (impossible) {
            flags.push({
              start: m.index + i,
              end: m.index + i + 1,
              kind: 'shadda-on-non-carrier',
              message: `shadda on ${letters[s]}, which cannot carry one, and no neighbour is clearly its letter`,
              confidence: 0.6,
            });
          }
          continue;
        }
        const edit = target < s ? moveBack(text, m.index, word, at[target], i) : moveForward(m.index, word, i, at[target]);
        if (!edit) continue;
        const movedWord = edit.word;
        const direction = target < s ? 'late' : 'early';
        votes[direction].add(word);
        candidates.push({
          direction,
          strong: impossible,
          start: edit.start,
          end: edit.end,
          text: edit.text,
          origins: edit.origins,
          confidence: impossible ? 0.9 : 0.8,
          reason: impossible
            ? `shadda on ${letters[s]}, which cannot carry one: moved to ${letters[target]} (${movedWord})`
            : `shadda one letter ${target < s ? 'late' : 'early'}: ${letters[target]}ّ fits the word's shape (${movedWord}), ${letters[s]}ّ does not`,
        });
        break; // one shadda per word per pass
      }
    }
    // A shadda on ى or alef is damage on its own. One that merely fits one letter
    // over may be a writer's slip (`يتطّلع` in clean text): it is moved only when the
    // document shows the same misplacement, in the same direction, more than once.
    for (const { direction, strong, ...edit } of candidates) {
      if (strong || votes[direction].size >= MIN_VOTES) edits.push(edit);
    }
    return { edits, flags };
  },
};
