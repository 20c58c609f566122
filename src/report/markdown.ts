import { countBy, type FileReport } from './model.js';

/** Markdown-safe inline code, with invisible characters made visible. */
function code(s: string): string {
  const visible = s === '' ? '∅' : visibleControls(s);
  const fence = visible.includes('`') ? '``' : '`';
  return `${fence}${visible.replace(/\|/g, '\\|')}${fence}`;
}

/** Shows bidi controls, PUA and other invisibles as ⟨U+XXXX⟩ so a reader sees them. */
export function visibleControls(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\ue000-\uf8ff]/g, (c) =>
    `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
}

export function batchMarkdown(files: readonly FileReport[], tool: string): string {
  const out: string[] = [`# fix-arabic report`, '', `Made by ${tool}. Positions are line:column in the input file.`, ''];
  out.push('| file | changes | by rule | flags | by kind |', '| --- | ---: | --- | ---: | --- |');
  for (const f of files) {
    if (f.error !== undefined) {
      out.push(`| ${f.path} | – | error: ${f.error} | – | |`);
      continue;
    }
    const r = f.result!;
    const byRule = Object.entries(countBy(r.changes, (c) => c.rule)).map(([k, v]) => `${k} ${v}`).join(', ');
    const byKind = Object.entries(countBy(r.flags, (x) => `${x.rule}/${x.kind}`)).map(([k, v]) => `${k} ${v}`).join(', ');
    out.push(`| ${f.path} | ${r.changes.length} | ${byRule} | ${r.flags.length} | ${byKind} |`);
  }
  for (const f of files) {
    if (!f.result) continue;
    const r = f.result;
    out.push('', `## ${f.path}`, '');
    if (r.flags.length) {
      out.push('### Flags', '', '| at | rule | kind | message | context |', '| --- | --- | --- | --- | --- |');
      for (const x of r.flags) {
        const sugg = x.suggestions?.length ? ` (suggestions: ${x.suggestions.slice(0, 3).map(code).join(', ')})` : '';
        out.push(`| ${x.line}:${x.column} | ${x.rule} | ${x.kind} | ${x.message.replace(/\|/g, '\\|')}${sugg} | ${code(x.context)} |`);
      }
      out.push('');
    }
    if (r.changes.length) {
      out.push('### Changes', '', '| at | rule | before | after | confidence | reason |', '| --- | --- | --- | --- | ---: | --- |');
      for (const c of r.changes) {
        out.push(`| ${c.line}:${c.column} | ${c.rule} | ${code(c.before)} | ${code(c.after)} | ${c.confidence} | ${c.reason.replace(/\|/g, '\\|')} |`);
      }
      out.push('');
    }
    if (!r.flags.length && !r.changes.length) out.push('Clean: nothing changed, nothing flagged.');
  }
  return out.join('\n') + '\n';
}
