import type { FileReport } from './model.js';
import { visibleControls } from './visible.js';

/** GitHub Actions wants %, CR and LF escaped in annotation messages. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProp(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

interface Site {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * `file=…,line=…,endLine=…,col=…,endColumn=…`. GitHub reads a column range only
 * within one line, so endColumn goes out only then. stdin (`-`) has no file.
 */
function properties(path: string, site: Site, title: string): string {
  const props: string[] = [];
  if (path !== '-') props.push(`file=${escapeProp(path)}`);
  props.push(`line=${site.line}`, `endLine=${site.endLine}`, `col=${site.column}`);
  if (site.endLine === site.line && site.endColumn > site.column) props.push(`endColumn=${site.endColumn}`);
  props.push(`title=${escapeProp(title)}`);
  return props.join(',');
}

/**
 * `--format github`: one workflow annotation per flag (::warning) and per change
 * (::notice; pending under --check). Invisible characters are named (⟨U+202B⟩):
 * written raw they would reorder the log line they sit in.
 */
export function githubAnnotations(files: readonly FileReport[]): string {
  const out: string[] = [];
  for (const f of files) {
    if (f.error !== undefined) {
      out.push(`::error${f.path !== '-' ? ` file=${escapeProp(f.path)}` : ''}::${escapeData(visibleControls(f.error))}`);
      continue;
    }
    for (const x of f.result!.flags) {
      const sugg = x.suggestions?.length ? ` (suggestion: «${x.suggestions[0]}»)` : '';
      out.push(`::warning ${properties(f.path, x, `${x.rule}/${x.kind}`)}::${escapeData(visibleControls(x.message + sugg))}`);
    }
    for (const c of f.result!.changes) {
      out.push(`::notice ${properties(f.path, c, c.rule)}::${escapeData(visibleControls(`${c.reason}: «${c.before}» → «${c.after}»`))}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}
