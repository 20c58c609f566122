/**
 * Word classes for judging pairs that no count has seen. Most adjacent word
 * pairs of a text are too rare for 200k tokens of web counts, but the kind of
 * word that follows another is not: an indefinite noun is followed by a
 * definite one (idafa), a preposition by a noun, and so on. A word's class is
 * the word itself for closed-class words (prepositions, particles, pronouns),
 * and otherwise the shape of its prefix and suffix.
 */
import { getFrequencies, type FrequencyModel } from '../knowledge/frequency.js';
import { shippedPack } from '../knowledge/knowledge-pack.js';
import type { Pack, Section } from '../knowledge/pack.js';
import { SortedKeys, SortedNumbers } from '../knowledge/sorted-keys.js';

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
 * Counts of class pairs, with their margins, as the queries read them: classes
 * and words are numbered, every count is kept under a number (a class pair, a
 * class and a word), and the sparse tables are sorted arrays. The model of the web
 * pairs is built with ClassModelBuilder, once, by the build (the knowledge pack):
 * building it from every web pair took some 45 ms of every run's start-up.
 */
export interface ClassTables {
  /** By class id. */
  classNames: readonly string[];
  /** A word's id is its rank here. */
  words: SortedKeys;
  /** By class pair (ca · CLASS_SPAN + cb). */
  pairs: SortedNumbers;
  left: Float64Array;
  right: Float64Array;
  /** Half-class pairs: (class of a, word b) under wb · CLASS_SPAN + ca, (word a, class of b) under wa · CLASS_SPAN + cb. */
  classWord: SortedNumbers;
  wordClass: SortedNumbers;
  leftWord: Float64Array;
  rightWord: Float64Array;
  total: number;
}

/** The association scores, read from ClassTables. */
export class ClassModel {
  private readonly classIds: Map<string, number>;
  /** Words' ranks as they are asked for (a bisection each time costs more than the rest of a query). */
  private readonly wordIds = new Map<string, number>();

  constructor(private readonly t: ClassTables) {
    this.classIds = new Map(t.classNames.map((c, i) => [c, i]));
  }

  private wordId(w: string): number {
    let id = this.wordIds.get(w);
    if (id === undefined) {
      if (this.wordIds.size >= 200_000) this.wordIds.clear();
      this.wordIds.set(w, (id = this.t.words.indexOf(w)));
    }
    return id;
  }

  /** Does b tend to follow words of a's class, and a to precede words of b's class? */
  halfAssoc(a: string, b: string): number {
    const { t } = this;
    if (t.total === 0) return 0;
    const ca = this.classId(a);
    const cb = this.classId(b);
    const wa = this.wordId(a);
    const wb = this.wordId(b);
    const PRIOR = 2;
    const o1 = ca < 0 || wb < 0 ? 0 : t.classWord.get(wb * CLASS_SPAN + ca);
    const e1 = ((ca < 0 ? 0 : t.left[ca]) * (wb < 0 ? 0 : t.rightWord[wb])) / t.total;
    const o2 = wa < 0 || cb < 0 ? 0 : t.wordClass.get(wa * CLASS_SPAN + cb);
    const e2 = ((wa < 0 ? 0 : t.leftWord[wa]) * (cb < 0 ? 0 : t.right[cb])) / t.total;
    return Math.log((o1 + PRIOR) / (e1 + PRIOR)) + Math.log((o2 + PRIOR) / (e2 + PRIOR));
  }

  /** log(observed / expected) of the class pair, shrunk towards 0 for small counts. */
  assoc(a: string, b: string): number {
    const { t } = this;
    if (t.total === 0) return 0;
    const ca = this.classId(a);
    const cb = this.classId(b);
    const observed = ca < 0 || cb < 0 ? 0 : t.pairs.get(ca * CLASS_SPAN + cb);
    const expected = ((ca < 0 ? 0 : t.left[ca]) * (cb < 0 ? 0 : t.right[cb])) / t.total;
    const PRIOR = 3;
    return Math.log((observed + PRIOR) / (expected + PRIOR));
  }

  /** The number of a word's class (−1 if no counted word has it). */
  private classId(word: string): number {
    return this.classIds.get(wordClass(word)) ?? -1;
  }
}

/** Counts pairs into ClassTables (words and classes numbered as they come, then words by rank). */
export class ClassModelBuilder {
  private readonly classIds = new Map<string, number>();
  private readonly wordIds = new Map<string, number>();
  private readonly pairs = new Map<number, number>();
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  private readonly classWord = new Map<number, number>();
  private readonly wordClassPairs = new Map<number, number>();
  private readonly leftWord: number[] = [];
  private readonly rightWord: number[] = [];
  private total = 0;

  add(a: string, b: string, count: number): this {
    const ca = idOf(this.classIds, wordClass(a), CLASS_SPAN);
    const cb = idOf(this.classIds, wordClass(b), CLASS_SPAN);
    const wa = idOf(this.wordIds, a, MAX_WORDS);
    const wb = idOf(this.wordIds, b, MAX_WORDS);
    bump(this.pairs, ca * CLASS_SPAN + cb, count);
    this.left[ca] = (this.left[ca] ?? 0) + count;
    this.right[cb] = (this.right[cb] ?? 0) + count;
    bump(this.classWord, wb * CLASS_SPAN + ca, count);
    bump(this.wordClassPairs, wa * CLASS_SPAN + cb, count);
    this.leftWord[wa] = (this.leftWord[wa] ?? 0) + count;
    this.rightWord[wb] = (this.rightWord[wb] ?? 0) + count;
    this.total += count;
    return this;
  }

  tables(): ClassTables {
    const words = SortedKeys.from(this.wordIds.keys());
    // From the order words came in to their rank.
    const rank: number[] = [];
    for (const [w, id] of this.wordIds) rank[id] = words.indexOf(w);
    const byRank = (counts: number[]) => {
      const out = new Float64Array(words.size);
      counts.forEach((v, id) => (out[rank[id]] = v));
      return out;
    };
    const rekey = (m: Map<number, number>) =>
      SortedNumbers.from([...m].map(([k, v]): [number, number] => [rank[Math.floor(k / CLASS_SPAN)] * CLASS_SPAN + (k % CLASS_SPAN), v]));
    const nClasses = this.classIds.size;
    const byClass = (counts: number[]) => Float64Array.from({ length: nClasses }, (_, i) => counts[i] ?? 0);
    return {
      classNames: [...this.classIds.keys()],
      words,
      pairs: SortedNumbers.from(this.pairs),
      left: byClass(this.left),
      right: byClass(this.right),
      classWord: rekey(this.classWord),
      wordClass: rekey(this.wordClassPairs),
      leftWord: byRank(this.leftWord),
      rightWord: byRank(this.rightWord),
      total: this.total,
    };
  }

  build(): ClassModel {
    return new ClassModel(this.tables());
  }
}

/**
 * Room for this many classes: the closed-class words and the prefix|suffix shapes
 * are a few hundred. (Past it, which only made-up counts could reach, the last
 * number is shared, and queries do not know those classes.)
 */
const CLASS_SPAN = 1 << 12;
const MAX_WORDS = Number.MAX_SAFE_INTEGER / CLASS_SPAN;

function idOf(ids: Map<string, number>, key: string, span: number): number {
  let id = ids.get(key);
  if (id === undefined) {
    if (ids.size >= span) return span - 1;
    ids.set(key, (id = ids.size));
  }
  return id;
}

function bump(m: Map<number, number>, k: number, count: number): void {
  m.set(k, (m.get(k) ?? 0) + count);
}

/** The class model as the pack keeps it. */
export function classSections(t: ClassTables): Record<string, Section> {
  return {
    'classes.names': t.classNames.join('\n'),
    'classes.words.text': t.words.text,
    'classes.words.starts': t.words.starts,
    'classes.pairs.keys': t.pairs.keys,
    'classes.pairs.values': t.pairs.values,
    'classes.left': t.left,
    'classes.right': t.right,
    'classes.classWord.keys': t.classWord.keys,
    'classes.classWord.values': t.classWord.values,
    'classes.wordClass.keys': t.wordClass.keys,
    'classes.wordClass.values': t.wordClass.values,
    'classes.leftWord': t.leftWord,
    'classes.rightWord': t.rightWord,
    'classes.total': new Float64Array([t.total]),
  };
}

/** The class model a pack holds, or null. */
export function classModelFromPack(pack: Pack): ClassModel | null {
  const t = tablesFromPack(pack);
  return t && new ClassModel(t);
}

function tablesFromPack(pack: Pack): ClassTables | null {
  try {
    const f64 = (name: string) => {
      const v = pack.get(`classes.${name}`);
      if (!(v instanceof Float64Array)) throw new Error(name);
      return v;
    };
    const names = pack.get('classes.names');
    const text = pack.get('classes.words.text');
    const starts = pack.get('classes.words.starts');
    if (typeof names !== 'string' || typeof text !== 'string' || !(starts instanceof Uint32Array)) return null;
    const words = SortedKeys.stored(text, starts);
    const classNames = names === '' ? [] : names.split('\n');
    const t: ClassTables = {
      classNames,
      words,
      pairs: new SortedNumbers(f64('pairs.keys'), f64('pairs.values')),
      left: f64('left'),
      right: f64('right'),
      classWord: new SortedNumbers(f64('classWord.keys'), f64('classWord.values')),
      wordClass: new SortedNumbers(f64('wordClass.keys'), f64('wordClass.values')),
      leftWord: f64('leftWord'),
      rightWord: f64('rightWord'),
      total: f64('total')[0],
    };
    const wordsFit = t.leftWord.length === words.size && t.rightWord.length === words.size;
    const classesFit = t.left.length === classNames.length && t.right.length === classNames.length;
    return wordsFit && classesFit ? t : null;
  } catch {
    return null;
  }
}

/** Every pair of a frequency model counted into a builder. */
export function classModelBuilderOf(web: FrequencyModel): ClassModelBuilder {
  const builder = new ClassModelBuilder();
  web.forEachPair?.((a, b, c) => builder.add(a, b, c));
  return builder;
}

const classModelOf = (web: FrequencyModel) => classModelBuilderOf(web).build();

const built = new WeakMap<FrequencyModel, ClassModel>();
let shippedModel: ClassModel | undefined;

/**
 * The class model of the web pairs (built once per frequency model; for the shipped
 * counts, read from the knowledge pack). Only web pairs: a document's own pairs
 * include the accidental junctions of its damaged lines, which blur exactly the
 * contrasts the classes are for.
 */
export function webClassModel(web: FrequencyModel): ClassModel {
  if (web.shipped) {
    if (!shippedModel) {
      const pack = shippedPack();
      shippedModel = (pack && classModelFromPack(pack)) ?? classModelOf(getFrequencies());
    }
    return shippedModel;
  }
  let m = built.get(web);
  if (!m) {
    m = classModelOf(web);
    built.set(web, m);
  }
  return m;
}
