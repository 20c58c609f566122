import type { FixResult } from '../core/types.js';
import { countBy, REPORT_VERSION, type FileReport } from './model.js';

/** `--format json` in pipe mode: the cleaned text with its changes and flags. */
export function pipeJson(result: FixResult): string {
  return JSON.stringify({ version: REPORT_VERSION, text: result.text, changes: result.changes, flags: result.flags }, null, 2) + '\n';
}

/** report.json for a batch run: one entry per input file. */
export function batchJson(files: readonly FileReport[], tool: string): string {
  return (
    JSON.stringify(
      {
        version: REPORT_VERSION,
        tool,
        files: files.map((f) =>
          f.error !== undefined
            ? { path: f.path, error: f.error }
            : {
                path: f.path,
                output: f.output,
                changed: f.result!.text !== f.input,
                summary: {
                  changesByRule: countBy(f.result!.changes, (c) => c.rule),
                  flagsByKind: countBy(f.result!.flags, (x) => `${x.rule}/${x.kind}`),
                },
                changes: f.result!.changes,
                flags: f.result!.flags,
              },
        ),
      },
      null,
      2,
    ) + '\n'
  );
}
