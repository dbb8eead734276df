/** Whether a UTF-16 unit is Java's `\s` (ASCII only): space, \t, \n, \u000B, \f or \r. */
function isJavaWhitespace(c: number): boolean {
  return c === 32 || (c <= 13 && c >= 9);
}

/**
 * Java's `text.split("\\s")` (`runs = false`) or `text.split("\\s+")` (`runs = true`), by a
 * scan of the UTF-16 units instead of a regex: the same pieces as `javaSplit(text, /\s/)` /
 * `javaSplit(text, /\s+/)` with Java's `\s` (see `javaSplit`), without a match object per
 * separator. Rules (`Pattern.split`, limit 0):
 *
 * - with `runs`, a run of whitespace is one separator (the greedy `\s+` match);
 * - a separator at position 0 gives a leading `""`;
 * - no separator at all gives `[text]` (so `""` → `[""]`);
 * - trailing empty strings are removed (so whitespace only → `[]`).
 */
export function splitJavaWhitespace(text: string, runs: boolean): string[] {
  const n = text.length;
  const pieces: string[] = [];
  let index = 0; // start of the current piece
  let found = false;
  for (let i = 0; i < n; i++) {
    if (!isJavaWhitespace(text.charCodeAt(i))) continue;
    pieces.push(text.slice(index, i));
    found = true;
    if (runs) while (i + 1 < n && isJavaWhitespace(text.charCodeAt(i + 1))) i++;
    index = i + 1;
  }
  if (!found) return [text];
  pieces.push(text.slice(index));
  let size = pieces.length;
  while (size > 0 && pieces[size - 1] === '') size--;
  pieces.length = size;
  return pieces;
}
