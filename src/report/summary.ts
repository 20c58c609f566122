import type { ChalkInstance } from 'chalk';
import { countBy, type FileReport } from './model.js';

/** One short line per file for stderr: what changed, by rule, and the flags. */
export function summaryLine(f: FileReport, c: ChalkInstance): string {
  if (f.error !== undefined) return `${c.red('error')} ${f.path}: ${f.error}`;
  const r = f.result!;
  const byRule = Object.entries(countBy(r.changes, (x) => x.rule)).map(([k, v]) => `${k} ${v}`);
  const flags = r.flags.length ? c.yellow(`${r.flags.length} flag${r.flags.length === 1 ? '' : 's'}`) : '0 flags';
  const head = r.changes.length ? c.green(`${r.changes.length} change${r.changes.length === 1 ? '' : 's'}`) : 'unchanged';
  const dest = f.output ? ` → ${f.output}` : '';
  return `${f.path}${dest}: ${head}${byRule.length ? ` (${byRule.join(', ')})` : ''}, ${flags}`;
}
