import { LineIndex, splitLines, TrackedText } from './tracked-text.js';
import type {
  Change,
  Edit,
  Flag,
  FlagProposal,
  FixResult,
  Knowledge,
  Line,
  ResolvedOptions,
  Rule,
} from './types.js';

/** ESLint's bound: a text that still changes after this many passes is cycling. */
export const MAX_PASSES = 10;

/**
 * Runs the enabled rules, in registry order, over the text until a whole pass
 * proposes nothing (a fixed point), and records every applied edit as a Change
 * that points at the input.
 *
 * Within a pass each rule sees the text as the rules before it left it, so rules
 * compose; across passes an edit that overlapped another gets its second chance.
 */
export function runRules(
  input: string,
  rules: readonly Rule[],
  options: ResolvedOptions,
  knowledge: Knowledge,
): FixResult {
  const { originMap: _originMap, ...result } = runRulesTracked(input, rules, options, knowledge);
  return result;
}

/**
 * runRules, plus the provenance of the output: originMap()[i] is the input offset of
 * output character i. Streaming (src/stream.ts) uses it to cut a window's output
 * back into the part that belongs to its core.
 */
export function runRulesTracked(
  input: string,
  rules: readonly Rule[],
  options: ResolvedOptions,
  knowledge: Knowledge,
): FixResult & { originMap: () => Int32Array } {
  const active = rules.filter((r) => options.enabled.has(r.id));
  const index = new LineIndex(input);
  const changes: Change[] = [];
  const flags = new Map<string, Flag>();
  let doc = new TrackedText(input);
  let lines: Line[] | undefined;
  const seen: string[] = [input];
  const applied = new Set<string>();

  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const rule of active) {
      // Lines are split when a rule first reads them, and again only after a change:
      // on clean text most rules stop at a quick test of the text and never do.
      const text = doc.text;
      const proposal = rule.run({
        text,
        get lines() {
          return (lines ??= splitLines(text));
        },
        options,
        knowledge,
        applied,
      });
      for (const f of proposal.flags ?? []) addFlag(flags, toFlag(rule.id, f, doc, index, input));
      const accepted: Edit[] = [];
      let lastEnd = -1;
      const edits = [...(proposal.edits ?? [])].sort((a, b) => a.start - b.start || a.end - b.end);
      for (const e of edits) {
        if (!validEdit(e, doc.text)) continue;
        if (doc.text.slice(e.start, e.end) === e.text) continue;
        if (rule.safety === 'heuristic' && e.confidence < options.minConfidence) {
          addFlag(flags, toFlag(rule.id, lowConfidenceFlag(e, options.minConfidence), doc, index, input));
          continue;
        }
        if (e.start < lastEnd) continue; // overlapping: a later pass may take it
        accepted.push(e);
        lastEnd = e.end;
      }
      if (accepted.length === 0) continue;
      for (const e of accepted) changes.push(toChange(rule, e, doc, index));
      applied.add(rule.id);
      doc = doc.apply(accepted);
      lines = undefined;
      changed = true;
    }
    if (!changed) break;
    // Circular fixes (A → B → A) would otherwise spin until the cap.
    if (seen.length >= 2 && seen[seen.length - 2] === doc.text) break;
    seen.push(doc.text);
  }

  const sortedFlags = [...flags.values()].sort((a, b) => a.offset - b.offset || a.rule.localeCompare(b.rule));
  // A function, not the array: an untouched text's identity map is never built.
  const final = doc;
  return { text: doc.text, changes, flags: sortedFlags, originMap: () => final.origin };
}

function validEdit(e: Edit, text: string): boolean {
  return (
    Number.isInteger(e.start) &&
    Number.isInteger(e.end) &&
    e.start >= 0 &&
    e.end >= e.start &&
    e.end <= text.length &&
    typeof e.text === 'string'
  );
}

function lowConfidenceFlag(e: Edit, min: number): FlagProposal {
  return {
    start: e.start,
    end: e.end,
    kind: 'below-min-confidence',
    message: `${e.reason}; left as it was (confidence ${e.confidence.toFixed(2)} < ${min})`,
    confidence: e.confidence,
    suggestions: [e.text],
  };
}

/** Where a range of the current text was in the input, as offsets and line:column. */
function inputPlace(doc: TrackedText, index: LineIndex, start: number, end: number) {
  const [offset, endOffset] = doc.inputRange(start, end);
  const a = index.point(offset);
  const b = index.point(endOffset);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, offset, endOffset };
}

function toChange(rule: Rule, e: Edit, doc: TrackedText, index: LineIndex): Change {
  return {
    rule: rule.id,
    safety: rule.safety,
    ...inputPlace(doc, index, e.start, e.end),
    before: doc.text.slice(e.start, e.end),
    after: e.text,
    confidence: round(e.confidence),
    reason: e.reason,
  };
}

function toFlag(ruleId: string, f: FlagProposal, doc: TrackedText, index: LineIndex, input: string): Flag {
  const place = inputPlace(doc, index, f.start, f.end ?? f.start);
  const flag: Flag = {
    rule: ruleId,
    kind: f.kind,
    ...place,
    message: f.message,
    context: contextAround(input, place.offset, place.endOffset),
  };
  if (f.confidence !== undefined) flag.confidence = round(f.confidence);
  if (f.suggestions?.length) flag.suggestions = f.suggestions;
  return flag;
}

function addFlag(flags: Map<string, Flag>, flag: Flag): void {
  const key = `${flag.rule}|${flag.kind}|${flag.offset}`;
  if (!flags.has(key)) flags.set(key, flag);
}

/** A few words either side of a site, from the input line, for reports. */
function contextAround(input: string, start: number, end: number): string {
  const WIDTH = 24;
  let lo = Math.max(0, start - WIDTH);
  let hi = Math.min(input.length, end + WIDTH);
  const nlBefore = Math.max(input.lastIndexOf('\n', start - 1), input.lastIndexOf('\r', start - 1));
  if (nlBefore >= lo) lo = nlBefore + 1;
  const nlAfter = input.slice(end, hi).search(/[\r\n]/);
  if (nlAfter >= 0) hi = end + nlAfter;
  return input.slice(lo, hi);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
