/** A global copy of `regex` (or `regex` itself when already global and not sticky). */
function globalRegex(regex: RegExp): RegExp {
  if (regex.global && !regex.sticky) return regex;
  return new RegExp(regex.source, `${regex.flags.replace(/[gy]/g, '')}g`);
}

/**
 * Calls `onMatch(start, end)` for every match, searching as Java's `Matcher.find()` does: each
 * search starts at the end of the previous match, or one UTF-16 unit further after an empty
 * match, and stops once that position is past the end of the input.
 */
function forEachMatch(
  input: string,
  regex: RegExp,
  onMatch: (start: number, end: number) => void,
): void {
  const re = globalRegex(regex);
  let from = 0;
  try {
    while (from <= input.length) {
      re.lastIndex = from;
      const m = re.exec(input);
      if (m === null) break;
      const start = m.index;
      const end = start + m[0].length;
      onMatch(start, end);
      from = end === start ? end + 1 : end;
    }
  } finally {
    re.lastIndex = 0;
  }
}

/**
 * Java's `String.split(regex)` / `Pattern.split(input)` (limit 0) with a JavaScript RegExp
 * (see `translateJavaRegex` for Java patterns):
 *
 * - the pieces between matches, in order;
 * - a zero-width match at position 0 never produces a leading empty string, but a
 *   positive-width match there does (`" a".split("\\s")` = `["", "a"]`);
 * - when no match counts, the result is `[input]` (so `""` gives `[""]`);
 * - trailing empty strings are removed (so an input made only of separators gives `[]`).
 *
 * @param regex any RegExp; its `g`/`y` flags and `lastIndex` are ignored.
 */
export function javaSplit(input: string, regex: RegExp): string[] {
  const pieces: string[] = [];
  let index = 0;
  forEachMatch(input, regex, (start, end) => {
    if (index === 0 && start === 0 && end === 0) return;
    pieces.push(input.slice(index, start));
    index = end;
  });
  if (index === 0) return [input];
  pieces.push(input.slice(index));
  let size = pieces.length;
  while (size > 0 && pieces[size - 1] === '') size--;
  pieces.length = size;
  return pieces;
}

/**
 * Every match of `regex` in `input`, in order: Java's `while (matcher.find())
 * tokens.add(matcher.group())`.
 */
export function javaFindAll(input: string, regex: RegExp): string[] {
  const out: string[] = [];
  forEachMatch(input, regex, (start, end) => {
    out.push(input.slice(start, end));
  });
  return out;
}
