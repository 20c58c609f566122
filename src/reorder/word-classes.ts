/**
 * Word classes for judging pairs that no count has seen. Most adjacent word
 * pairs of a text are too rare for 200k tokens of web counts, but the kind of
 * word that follows another is not: an indefinite noun is followed by a
 * definite one (idafa), a preposition by a noun, and so on. A word's class is
 * the word itself for closed-class words (prepositions, particles, pronouns),
 * and otherwise the shape of its prefix and suffix.
 */
import type { FrequencyModel } from '../knowledge/frequency.js';

const FUNCTION_WORDS = new Set(
  (
    'في من على إلى الى عن مع بين حول حتى منذ عند لدى نحو خلال ضد عبر دون بعد قبل فوق تحت أمام وراء ' +
    'و أو ثم بل لكن لكنه لكنها إلا غير سوى أم ' +
    'أن إن أنه أنها إنه إنها كان كانت يكون تكون كانوا ليس قد لقد لم لن لا ما ماذا لما كي لكي إذا إذ إذا لو ' +
    'هذا هذه ذلك تلك هؤلاء هنا هناك هو هي هم هما نحن أنا أنت ' +
    'الذي التي الذين اللذين اللتين اللواتي ' +
    'كل بعض أي أحد كما مثل مما حيث أيضا أيضًا فقط جدا ' +
    'له لها لهم به بها بهم فيه فيها فيهم منه منها منهم عليه عليها عليهم إليه إليها عنه عنها ' +
    'وفي ومن وعلى وإلى وأن وقد ولا وما وهو وهي وكان وكانت وهذا وهذه وذلك فإن فقد كذلك'
  ).split(' '),
);

const PREFIXES: [string, string][] = [
  ['وبال', 'wbAl'],
  ['وال', 'wAl'],
  ['فال', 'wAl'],
  ['بال', 'bAl'],
  ['كال', 'bAl'],
  ['ولل', 'lAl'],
  ['لل', 'lAl'],
  ['ال', 'Al'],
];
const SUFFIXES: [string, string][] = [
  ['يات', 'At'],
  ['ات', 'At'],
  ['ية', 'iyya'],
  ['ة', 'a'],
  ['ون', 'un'],
  ['ين', 'in'],
  ['ان', 'an'],
  ['هما', 'pron'],
  ['هم', 'pron'],
  ['ها', 'pron'],
  ['ه', 'pron'],
  ['ي', 'i'],
  ['اً', 'tan'],
  ['ًا', 'tan'],
  ['ا', 'alif'],
];
const VERB_PREFIX = /^[يتنأ]/;

const classMemo = new Map<string, string>();

export function wordClass(key: string): string {
  let c = classMemo.get(key);
  if (c === undefined) {
    if (classMemo.size > 200_000) classMemo.clear();
    classMemo.set(key, (c = classOf(key)));
  }
  return c;
}

function classOf(key: string): string {
  if (key.startsWith('<') || FUNCTION_WORDS.has(key)) return key;
  let rest = key;
  let pre = '-';
  for (const [p, name] of PREFIXES) {
    if (rest.startsWith(p) && rest.length - p.length >= 2) {
      pre = name;
      rest = rest.slice(p.length);
      break;
    }
  }
  if (pre === '-' && rest.length >= 4) {
    const c = rest[0];
    if (c === 'و' || c === 'ف') pre = 'w';
    else if (c === 'ب' || c === 'ل') pre = 'b';
    else if (VERB_PREFIX.test(c)) pre = 'v';
  }
  let suf = '-';
  for (const [s, name] of SUFFIXES) {
    if (rest.endsWith(s) && rest.length - s.length >= 2) {
      suf = name;
      break;
    }
  }
  return `${pre}|${suf}`;
}

/**
 * Counts of class pairs, with their margins. Words and classes are numbered as
 * they come, and every count is kept under a number (a class pair, a class and a
 * word), not a joined string: the model is built from every web pair when the
 * first Arabic line is judged, so building it is part of every run's start-up.
 */
export class ClassModel {
  private readonly classIds = new Map<string, number>();
  private readonly wordIds = new Map<string, number>();
  /** Counts by class pair (ca · CLASS_SPAN + cb). */
  private readonly pairs = new Map<number, number>();
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  /** Half-class pairs: (class of a, word b) and (word a, class of b), with word margins. */
  private readonly classWord = new Map<number, number>();
  private readonly wordClassPairs = new Map<number, number>();
  private readonly leftWord: number[] = [];
  private readonly rightWord: number[] = [];
  private total = 0;

  add(a: string, b: string, count: number): void {
    const ca = this.classId(wordClass(a), true);
    const cb = this.classId(wordClass(b), true);
    const wa = this.wordId(a, true);
    const wb = this.wordId(b, true);
    bump(this.pairs, ca * CLASS_SPAN + cb, count);
    this.left[ca] = (this.left[ca] ?? 0) + count;
    this.right[cb] = (this.right[cb] ?? 0) + count;
    bump(this.classWord, wb * CLASS_SPAN + ca, count);
    bump(this.wordClassPairs, wa * CLASS_SPAN + cb, count);
    this.leftWord[wa] = (this.leftWord[wa] ?? 0) + count;
    this.rightWord[wb] = (this.rightWord[wb] ?? 0) + count;
    this.total += count;
  }

  /** Does b tend to follow words of a's class, and a to precede words of b's class? */
  halfAssoc(a: string, b: string): number {
    if (this.total === 0) return 0;
    const ca = this.classId(wordClass(a), false);
    const cb = this.classId(wordClass(b), false);
    const wa = this.wordId(a, false);
    const wb = this.wordId(b, false);
    const PRIOR = 2;
    const o1 = ca < 0 || wb < 0 ? 0 : (this.classWord.get(wb * CLASS_SPAN + ca) ?? 0);
    const e1 = ((ca < 0 ? 0 : (this.left[ca] ?? 0)) * (wb < 0 ? 0 : (this.rightWord[wb] ?? 0))) / this.total;
    const o2 = wa < 0 || cb < 0 ? 0 : (this.wordClassPairs.get(wa * CLASS_SPAN + cb) ?? 0);
    const e2 = ((wa < 0 ? 0 : (this.leftWord[wa] ?? 0)) * (cb < 0 ? 0 : (this.right[cb] ?? 0))) / this.total;
    return Math.log((o1 + PRIOR) / (e1 + PRIOR)) + Math.log((o2 + PRIOR) / (e2 + PRIOR));
  }

  /** log(observed / expected) of the class pair, shrunk towards 0 for small counts. */
  assoc(a: string, b: string): number {
    if (this.total === 0) return 0;
    const ca = this.classId(wordClass(a), false);
    const cb = this.classId(wordClass(b), false);
    const observed = ca < 0 || cb < 0 ? 0 : (this.pairs.get(ca * CLASS_SPAN + cb) ?? 0);
    const expected = ((ca < 0 ? 0 : (this.left[ca] ?? 0)) * (cb < 0 ? 0 : (this.right[cb] ?? 0))) / this.total;
    const PRIOR = 3;
    return Math.log((observed + PRIOR) / (expected + PRIOR));
  }

  /** The number of a class or word (−1 if never added and not asked to add it). */
  private classId(c: string, add: boolean): number {
    return idOf(this.classIds, c, add, CLASS_SPAN);
  }

  private wordId(w: string, add: boolean): number {
    return idOf(this.wordIds, w, add, MAX_WORDS);
  }
}

/**
 * Room for this many classes: the closed-class words and the prefix|suffix shapes
 * are a few hundred. (Past it, which only made-up counts could reach, the last
 * number is shared.) Keys stay small integers, which Maps hash fastest, for up to
 * half a million words.
 */
const CLASS_SPAN = 1 << 12;
const MAX_WORDS = Number.MAX_SAFE_INTEGER / CLASS_SPAN;

function idOf(ids: Map<string, number>, key: string, add: boolean, span: number): number {
  let id = ids.get(key);
  if (id === undefined) {
    if (!add) return -1;
    if (ids.size >= span) return span - 1;
    ids.set(key, (id = ids.size));
  }
  return id;
}

function bump(m: Map<number, number>, k: number, count: number): void {
  m.set(k, (m.get(k) ?? 0) + count);
}

const built = new WeakMap<FrequencyModel, ClassModel>();

/**
 * The class model of the web pairs (built once per frequency model). Only web
 * pairs: a document's own pairs include the accidental junctions of its damaged
 * lines, which blur exactly the contrasts the classes are for.
 */
export function webClassModel(web: FrequencyModel): ClassModel {
  let m = built.get(web);
  if (!m) {
    const model = new ClassModel();
    web.forEachPair?.((a, b, c) => model.add(a, b, c));
    built.set(web, model);
    m = model;
  }
  return m;
}
