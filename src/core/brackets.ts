/**
 * Counting bracket pairs over a document's lines, read with `open` as the opening
 * bracket. Rules use it to tell whether a typesetter stored mirrored glyphs: read
 * the wrong way round, a document's brackets pair up worse.
 */
export function bracketPairing(lines: readonly string[], open: string, close: string): { pairs: number; strays: number } {
  let depth = 0;
  let pairs = 0;
  let strays = 0;
  for (const l of lines) {
    for (const ch of l) {
      if (ch === open) depth++;
      else if (ch === close) {
        if (depth > 0) {
          depth--;
          pairs++;
        } else strays++;
      }
    }
  }
  return { pairs, strays: strays + depth };
}
