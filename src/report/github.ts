import type { FileReport } from './model.js';

/** GitHub Actions wants %, CR and LF escaped in annotation messages. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProp(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `--format github`: one workflow annotation per flag and per pending change. */
export function githubAnnotations(files: readonly FileReport[]): string {
  const out: string[] = [];
  for (const f of files) {
    const file = escapeProp(f.path);
    if (f.error !== undefined) {
      out.push(`::error file=${file}::${escapeData(f.error)}`);
      continue;
    }
    for (const x of f.result!.flags) {
      out.push(`::warning file=${file},line=${x.line},col=${x.column},title=${escapeProp(`${x.rule}/${x.kind}`)}::${escapeData(x.message)}`);
    }
    for (const c of f.result!.changes) {
      out.push(
        `::notice file=${file},line=${c.line},col=${c.column},title=${escapeProp(c.rule)}::${escapeData(`${c.reason}: «${c.before}» → «${c.after}»`)}`,
      );
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}
