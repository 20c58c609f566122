import type { Change, Flag } from '../core/types.js';
import { countBy, type FileReport } from './model.js';
import { visibleControls } from './visible.js';

export { visibleControls } from './visible.js';

/**
 * Inline code that survives any content: invisibles made visible, a blank shown
 * as ∅ or ␠, pipes escaped for tables, and a fence longer than any backtick run
 * inside (CommonMark), padded when the content starts or ends with a backtick.
 */
function code(s: string): string {
  let visible = s === '' ? '∅' : visibleControls(s);
  if (visible.trim() === '') visible = visible.replace(/ /g, '␠');
  const longestTicks = Math.max(0, ...(visible.match(/`+/g) ?? []).map((t) => t.length));
  const fence = '`'.repeat(longestTicks + 1);
  const pad = visible.startsWith('`') || visible.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${visible.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** Prose in a table cell: no raw HTML, no cell breaks, invisibles shown. */
function prose(s: string): string {
  return visibleControls(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
}

function flagRow(x: Flag): string {
  const where = x.endLine !== x.line ? `${x.line}:${x.column}–${x.endLine}:${x.endColumn}` : `${x.line}:${x.column}`;
  const sugg = x.suggestions?.length ? ` (suggestions: ${x.suggestions.slice(0, 3).map(code).join(', ')})` : '';
  const conf = x.confidence !== undefined ? x.confidence.toFixed(2) : '';
  return `| ${where} | ${x.rule} | ${x.kind} | ${prose(x.message)}${sugg} | ${code(x.context)} | ${conf} |`;
}

function changeRow(c: Change): string {
  const where = c.endLine !== c.line ? `${c.line}:${c.column}–${c.endLine}:${c.endColumn}` : `${c.line}:${c.column}`;
  return `| ${where} | ${c.rule} | ${code(c.before)} → ${code(c.after)} | ${c.confidence.toFixed(2)} | ${prose(c.reason)} |`;
}

/**
 * report.md: an overview of the run, then per file a summary table (changes by
 * rule, flags by kind) followed by every flag and every change with its input
 * position, before → after, and the reason.
 */
export function batchMarkdown(files: readonly FileReport[], tool: string): string {
  const out: string[] = [`# fix-arabic report`, '', `Made by ${tool}. Positions are line:column in the input file (columns count UTF-16 units).`, ''];
  out.push('| file | changes | flags | status |', '| --- | ---: | ---: | --- |');
  for (const f of files) {
    if (f.error !== undefined) {
      out.push(`| ${prose(f.path)} | – | – | error: ${prose(f.error)} |`);
      continue;
    }
    const r = f.result!;
    const status = r.text !== f.input ? (f.output ? `changed → ${prose(f.output)}` : 'would change') : 'unchanged';
    out.push(`| ${prose(f.path)} | ${r.changes.length} | ${r.flags.length} | ${status} |`);
  }
  for (const f of files) {
    out.push('', `## ${prose(f.path)}`, '');
    if (f.error !== undefined) {
      out.push(`Error: ${prose(f.error)}`);
      continue;
    }
    const r = f.result!;
    if (!r.flags.length && !r.changes.length) {
      out.push('Clean: nothing changed, nothing flagged.');
      continue;
    }
    out.push('| | rule | kind | count |', '| --- | --- | --- | ---: |');
    for (const [rule, n] of Object.entries(countBy(r.changes, (c) => c.rule))) out.push(`| change | ${rule} | | ${n} |`);
    for (const [key, n] of Object.entries(countBy(r.flags, (x) => `${x.rule}\u0000${x.kind}`))) {
      const [rule, kind] = key.split('\u0000');
      out.push(`| flag | ${rule} | ${kind} | ${n} |`);
    }
    if (r.flags.length) {
      out.push('', '### Flags', '', '| at | rule | kind | message | context | confidence |', '| --- | --- | --- | --- | --- | ---: |');
      for (const x of r.flags) out.push(flagRow(x));
    }
    if (r.changes.length) {
      out.push('', '### Changes', '', '| at | rule | before → after | confidence | reason |', '| --- | --- | --- | ---: | --- |');
      for (const c of r.changes) out.push(changeRow(c));
    }
  }
  return out.join('\n') + '\n';
}
