/** A global copy of `regex` (or `regex` itself when already global and not sticky). */
function globalRegex(regex: RegExp): RegExp {
  if (regex.global && !regex.sticky) return regex;
  return new RegExp(regex.source, `${regex.flags.replace(/[gy]/g, '')}g`);
}

/**
 * Calls `onMatch(start, end)` for every match, searching as Java's `Matcher.find()` does: each
 * search starts at the end of the previous match, or one UTF-16 unit further after an empty
 * match, and stops once that position is past the end of the input.
 *
 * One UTF-16 unit further can be between the two halves of a surrogate pair (after an empty
 * match right before the pair). Java tries that position first, seeing a lone low surrogate
 * there, then goes on after the pair; so Java can split a pair into two lone surrogates
 * (`"a😀b".split("\\p{L}*")` is `["", "", "\uD83D", "\uDE00"]`, verified on JDK 17). A RegExp
 * with the `u` (or `v`) flag cannot start there: the engine backs up to the start of the pair
 * (and would find the same empty match again, forever). So when a match starts before `from`,
 * that position is tried by {@link matchBetweenHalves}, and the search goes on after the pair.
 */
function forEachMatch(
  input: string,
  regex: RegExp,
  onMatch: (start: number, end: number) => void,
): void {
  const re = globalRegex(regex);
  let between: RegExp | undefined;
  let from = 0;
  try {
    while (from <= input.length) {
      re.lastIndex = from;
      let m = re.exec(input);
      if (m === null) break;
      let start = m.index;
      let end = start + m[0].length;
      if (start < from) {
        // `from` is between the halves of a surrogate pair and the engine backed up before it.
        between ??= new RegExp(re.source, `${re.flags.replace('g', '')}y`);
        const betweenEnd = matchBetweenHalves(input, between, from);
        if (betweenEnd >= 0) {
          start = from;
          end = betweenEnd;
        } else {
          re.lastIndex = from + 1;
          m = re.exec(input);
          if (m === null) break;
          start = m.index;
          end = start + m[0].length;
        }
      }
      onMatch(start, end);
      from = end === start ? end + 1 : end;
    }
  } finally {
    re.lastIndex = 0;
  }
}

/**
 * The end of the match of `sticky` at `at`, between the halves of the surrogate pair at
 * `at - 1`, or −1 when it does not match there. As in Java, the match starts at a lone low
 * surrogate and `^` does not match there.
 *
 * The match runs on a copy of `input` whose high surrogate at `at - 1` is replaced by U+E000 (a
 * private-use character, which does not pair with the low surrogate), so the indices are the
 * input's. Only a lookbehind can see the stand-in; next to supplementary characters Java's
 * lookbehinds differ from JavaScript's anyway (Java's `(?<=\p{L})` does not match after "𝐀":
 * it reads the pair's halves). The copy costs O(input length); it is made only after an empty
 * match right before a surrogate pair.
 */
function matchBetweenHalves(input: string, sticky: RegExp, at: number): number {
  const text = `${input.slice(0, at - 1)}\uE000${input.slice(at)}`;
  sticky.lastIndex = at;
  const m = sticky.exec(text);
  sticky.lastIndex = 0;
  return m === null ? -1 : at + m[0].length;
}

/**
 * Java's `String.split(regex)` / `Pattern.split(input)` (limit 0) with a JavaScript RegExp
 * (see `translateJavaRegex` for Java patterns):
 *
 * - the pieces between matches, in order;
 * - a zero-width match at position 0 never produces a leading empty string, but a
 *   positive-width match there does (`" a".split("\\s")` = `["", "a"]`);
 * - when no match counts, the result is `[input]` (so `""` gives `[""]`);
 * - trailing empty strings are removed (so an input made only of separators gives `[]`);
 * - after an empty match right before a surrogate pair, the next search starts between its
 *   halves, as in Java, also with the `u` flag: `javaSplit("a😀b", /(?:\p{L}*)/u)` is
 *   `["", "", "\uD83D", "\uDE00"]` like Java's `"a😀b".split("\\p{L}*")`.
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
 * tokens.add(matcher.group())`. After an empty match the next search starts one UTF-16 unit
 * further, between the halves of a surrogate pair if there is one (also with the `u` flag), as
 * in Java: `javaFindAll("😀", /(?:\p{L}*)/u)` is `["", "", ""]`.
 *
 * @param regex any RegExp; its `g`/`y` flags and `lastIndex` are ignored.
 */
export function javaFindAll(input: string, regex: RegExp): string[] {
  const out: string[] = [];
  forEachMatch(input, regex, (start, end) => {
    out.push(input.slice(start, end));
  });
  return out;
}
