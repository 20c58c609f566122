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
    // Jump from bracket to bracket (most lines have none): every rule reads every line.
    let o = l.indexOf(open);
    let c = l.indexOf(close);
    while (o >= 0 || c >= 0) {
      if (c < 0 || (o >= 0 && o < c)) {
        depth++;
        o = l.indexOf(open, o + 1);
      } else {
        if (depth > 0) {
          depth--;
          pairs++;
        } else strays++;
        c = l.indexOf(close, c + 1);
      }
    }
  }
  return { pairs, strays: strays + depth };
}
