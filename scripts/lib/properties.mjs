/**
 * The "never lose data" properties, shared by test/properties.test.ts and
 * scripts/fuzz.mjs. Each returns undefined when the property holds, or a short
 * description of the first violation.
 */

/** No lone surrogates. */
export function wellFormed(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return `lone high surrogate at ${i}`;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return `lone low surrogate at ${i}`;
  }
  return undefined;
}

/**
 * Every input character that no change touched is in the output, in order.
 * Offsets of changes count after a leading BOM, which the output keeps.
 */
export function untouchedKept(input, output, changes) {
  const bom = input.startsWith('\ufeff') ? 1 : 0;
  if (bom && !output.startsWith('\ufeff')) return 'the BOM was lost';
  const body = input.slice(bom);
  const out = output.slice(bom);
  const touched = new Uint8Array(body.length + 1);
  for (const c of changes) {
    for (let i = Math.max(0, c.offset); i < Math.min(body.length, c.endOffset); i++) touched[i] = 1;
  }
  let j = 0;
  for (let i = 0; i < body.length; i++) {
    if (touched[i]) continue;
    const ch = body[i];
    while (j < out.length && out[j] !== ch) j++;
    if (j >= out.length) {
      return `untouched input character ${JSON.stringify(ch)} (U+${ch.charCodeAt(0).toString(16)}) at offset ${i} is missing from the output`;
    }
    j++;
  }
  return undefined;
}
