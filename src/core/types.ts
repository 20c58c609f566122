import type { FrequencyModel } from '../knowledge/frequency.js';
import type { Lexicon } from '../knowledge/lexicon.js';

/**
 * The shared vocabulary of fix-arabic: what a rule is, what it proposes, and what
 * a run returns. Rules only *propose*; the engine (engine.ts) applies.
 */

/** `safe` rules cannot change what the text says; `heuristic` ones decide on evidence. */
export type RuleSafety = 'safe' | 'heuristic';

/** A line of the current text, without its terminator (\n or \r\n or \r). */
export interface Line {
  /** 0-based index of the line in the current text. */
  index: number;
  /** Offset of the first character of the line in the current text. */
  start: number;
  /** Offset just past the last character (before the terminator). */
  end: number;
  text: string;
}

/**
 * A proposed replacement of `[start, end)` of the current text by `text`.
 * Offsets are UTF-16 code units of the text the rule was given.
 */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** 0–1: how sure the rule is that the edit restores the intended text. */
  confidence: number;
  /** Why, in a few words a user can read in the report. */
  reason: string;
  /**
   * Optional provenance of each UTF-16 unit of `text`: an offset relative to
   * `start` of the character it came from (a reordering keeps every character's
   * origin this way). Without it, inserted characters point at `start`.
   */
  origins?: number[];
}

/** A problem a rule found and did not (or could not) fix. */
export interface FlagProposal {
  start: number;
  end?: number;
  /** A short machine-readable kind, e.g. `year-after-aam`, `probably-scrambled`. */
  kind: string;
  message: string;
  confidence?: number;
  /** Candidate repairs, best first. */
  suggestions?: string[];
}

export interface Proposal {
  edits?: Edit[];
  flags?: FlagProposal[];
}

/** What a rule is given: the current text, its lines, the options, and shared knowledge. */
export interface RuleContext {
  readonly text: string;
  readonly lines: readonly Line[];
  readonly options: ResolvedOptions;
  /**
   * Rules that have changed this document so far (earlier in this pass, or in an
   * earlier one): evidence that it is damaged extractor output, for a rule whose
   * pattern is also a writer's spelling.
   */
  readonly applied?: ReadonlySet<string>;
  /** Per-run knowledge shared by rules (lexicon, statistics); loaded lazily. */
  readonly knowledge: Knowledge;
}

export interface Rule {
  /** kebab-case id, used by --enable/--disable and in every report. */
  id: string;
  description: string;
  safety: RuleSafety;
  defaultEnabled: boolean;
  run(ctx: RuleContext): Proposal;
}

/**
 * Knowledge a rule may consult. Everything here is lazy: a run over clean text
 * never pays for the lexicon. Rules that need more attach it through `cache`.
 */
export interface Knowledge {
  /** A place for rules to keep lazily built, per-run data (keyed by rule id). */
  cache: Map<string, unknown>;
  /** Texts of the other files in the same run (for run-wide statistics). */
  corpus: readonly string[];
  /** The word list (loaded on first call: about 1.5 s). */
  lexicon(): Lexicon;
  /** Web word and pair counts (loaded on first call: tens of ms). */
  frequencies(): FrequencyModel;
}

export interface FixOptions {
  /** Rule ids to turn on in addition to the defaults. */
  enable?: string[];
  /** Rule ids to turn off. */
  disable?: string[];
  /** Heuristic repairs below this confidence are flagged instead of applied. */
  minConfidence?: number;
  /** Insert a placeholder where a number was dropped (flag-dropped-digits). */
  markMissing?: boolean | string;
  /** Apply the top suggestion of flag-lost-letters above its threshold. */
  restoreLetters?: boolean;
  /** Other files of the same run, for run-wide word statistics. */
  corpus?: readonly string[];
  /** Per-rule options, by rule id. */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /** Replace the shipped lexicon or frequencies (tests, other word lists). */
  lexicon?: Lexicon;
  frequencies?: FrequencyModel;
}

export interface ResolvedOptions {
  enabled: ReadonlySet<string>;
  minConfidence: number;
  markMissing: string | null;
  restoreLetters: boolean;
  ruleOptions: Record<string, Record<string, unknown>>;
}

/** An applied edit, with positions in the INPUT (1-based line and column, UTF-16 units). */
export interface Change {
  rule: string;
  safety: RuleSafety;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based offsets into the input (after a UTF-8 BOM, if any, is set aside). */
  offset: number;
  endOffset: number;
  before: string;
  after: string;
  confidence: number;
  reason: string;
}

export interface Flag {
  rule: string;
  kind: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
  message: string;
  /** The input text around the site, for reports. */
  context: string;
  confidence?: number;
  suggestions?: string[];
}

export interface FixResult {
  text: string;
  changes: Change[];
  flags: Flag[];
}
