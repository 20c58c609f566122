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

/** Counts of class pairs, with their margins. */
export class ClassModel {
  private readonly pairs = new Map<string, number>();
  private readonly left = new Map<string, number>();
  private readonly right = new Map<string, number>();
  /** Half-class pairs: (class of a, word b) and (word a, class of b), with word margins. */
  private readonly classWord = new Map<string, number>();
  private readonly wordClassPairs = new Map<string, number>();
  private readonly leftWord = new Map<string, number>();
  private readonly rightWord = new Map<string, number>();
  private total = 0;

  add(a: string, b: string, count: number): void {
    const ca = wordClass(a);
    const cb = wordClass(b);
    const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + count);
    bump(this.pairs, `${ca} ${cb}`);
    bump(this.left, ca);
    bump(this.right, cb);
    bump(this.classWord, `${ca} ${b}`);
    bump(this.wordClassPairs, `${a} ${cb}`);
    bump(this.leftWord, a);
    bump(this.rightWord, b);
    this.total += count;
  }

  /** Does b tend to follow words of a's class, and a to precede words of b's class? */
  halfAssoc(a: string, b: string): number {
    if (this.total === 0) return 0;
    const ca = wordClass(a);
    const cb = wordClass(b);
    const PRIOR = 2;
    const o1 = this.classWord.get(`${ca} ${b}`) ?? 0;
    const e1 = ((this.left.get(ca) ?? 0) * (this.rightWord.get(b) ?? 0)) / this.total;
    const o2 = this.wordClassPairs.get(`${a} ${cb}`) ?? 0;
    const e2 = ((this.leftWord.get(a) ?? 0) * (this.right.get(cb) ?? 0)) / this.total;
    return Math.log((o1 + PRIOR) / (e1 + PRIOR)) + Math.log((o2 + PRIOR) / (e2 + PRIOR));
  }

  /** log(observed / expected) of the class pair, shrunk towards 0 for small counts. */
  assoc(a: string, b: string): number {
    if (this.total === 0) return 0;
    const ca = wordClass(a);
    const cb = wordClass(b);
    const observed = this.pairs.get(`${ca} ${cb}`) ?? 0;
    const expected = ((this.left.get(ca) ?? 0) * (this.right.get(cb) ?? 0)) / this.total;
    const PRIOR = 3;
    return Math.log((observed + PRIOR) / (expected + PRIOR));
  }
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
