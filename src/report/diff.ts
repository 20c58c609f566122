import { createTwoFilesPatch } from 'diff';

/** A unified diff of one file's repair, for --diff. Empty when nothing changes. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, '', '', { context: 1 });
}
