import { ServableError } from '@servable/servable-api';

/**
 * A `java.util.regex` pattern uses a construct this translator does not support (possessive
 * quantifiers, atomic groups, class intersections, embedded flags after the start, …), or is
 * malformed. The message names the construct, its position and the pattern.
 */
export class UnsupportedJavaRegexError extends ServableError {
  constructor(
    /** The Java pattern. */
    readonly pattern: string,
    /** Index of the offending construct in the pattern. */
    readonly index: number,
    /** What is not supported, e.g. `possessive quantifier "*+"`. */
    readonly construct: string,
  ) {
    super(
      'UNSUPPORTED_JAVA_REGEX',
      `Java regex ${JSON.stringify(pattern)}: ${construct} at index ${index} is not supported.`,
    );
  }
}

/** A Java pattern translated to a JavaScript RegExp source and flags. */
export interface TranslatedRegex {
  /** The JavaScript pattern source. */
  readonly source: string;
  /** The JavaScript flags (`i`, `m`, `s`, `u` as needed; never `g`). */
  readonly flags: string;
}

/** ASCII sets as [lo, hi] code ranges. */
type Ranges = readonly (readonly [number, number])[];

const r = (lo: string, hi = lo): readonly [number, number] => [lo.charCodeAt(0), hi.charCodeAt(0)];

/** POSIX classes of `\p{…}` (US-ASCII only in Java without UNICODE_CHARACTER_CLASS). */
const POSIX: Record<string, Ranges> = {
  Lower: [r('a', 'z')],
  Upper: [r('A', 'Z')],
  ASCII: [[0, 0x7f]],
  Alpha: [r('a', 'z'), r('A', 'Z')],
  Digit: [r('0', '9')],
  Alnum: [r('0', '9'), r('A', 'Z'), r('a', 'z')],
  Punct: [r('!', '/'), r(':', '@'), r('[', '`'), r('{', '~')],
  Graph: [r('!', '~')],
  Print: [r(' ', '~')],
  Blank: [r(' '), r('\t')],
  Cntrl: [
    [0, 0x1f],
    [0x7f, 0x7f],
  ],
  XDigit: [r('0', '9'), r('a', 'f'), r('A', 'F')],
  Space: [r(' '), r('\t'), r('\n'), [0x0b, 0x0b], r('\f'), r('\r')],
};

/** Java's predefined classes (ASCII unless noted). */
const PREDEFINED: Record<string, Ranges> = {
  d: POSIX.Digit!,
  w: [r('a', 'z'), r('A', 'Z'), r('_'), r('0', '9')],
  s: POSIX.Space!,
  // \h: horizontal whitespace, \v: vertical whitespace (Java 8+).
  h: [
    [0x20, 0x20],
    [0x09, 0x09],
    [0xa0, 0xa0],
    [0x1680, 0x1680],
    [0x180e, 0x180e],
    [0x2000, 0x200a],
    [0x202f, 0x202f],
    [0x205f, 0x205f],
    [0x3000, 0x3000],
  ],
  v: [
    [0x0a, 0x0d],
    [0x85, 0x85],
    [0x2028, 0x2029],
  ],
};

/** Unicode general categories and scripts passed to JavaScript's `\p{…}` (needs the `u` flag). */
const UNICODE_PROPERTY =
  /^(?:Is|general_category=|gc=)?(L[ultmo]?|M[nce]?|N[dlo]?|P[cdseifo]?|S[mcko]?|Z[slp]?|C[cfson]?|Letter|Alphabetic|Digit|Punctuation|White_Space|Uppercase|Lowercase)$/;

function hex4(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

function rangesInClass(ranges: Ranges): string {
  return ranges.map(([lo, hi]) => (lo === hi ? hex4(lo) : `${hex4(lo)}-${hex4(hi)}`)).join('');
}

function complement(ranges: Ranges): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= 0xffff) out.push([next, 0xffff]);
  return out;
}

const LINE_TERMINATORS = '\\n\\r\\u0085\\u2028\\u2029';
const END_OF_INPUT = '(?![\\s\\S])';

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
}

/**
 * Translates a `java.util.regex` pattern into an equivalent JavaScript RegExp source and flags,
 * for the constructs Java tokenizer patterns use:
 *
 * - `\w`, `\d`, `\s` (and `\W`, `\D`, `\S`) are ASCII in Java: translated to explicit ASCII sets
 *   (JavaScript's `\s` would also match Unicode spaces); `\h`, `\v` (Java's vertical whitespace,
 *   not JavaScript's `\v`), `\R`;
 * - POSIX classes `\p{Punct}`, `\p{Alpha}`, `\p{Alnum}`, `\p{Lower}`, `\p{Upper}`, `\p{Digit}`,
 *   `\p{Space}`, `\p{Blank}`, `\p{Graph}`, `\p{Print}`, `\p{Cntrl}`, `\p{XDigit}`, `\p{ASCII}`
 *   (and `\P{…}`), inside and outside character classes; Unicode categories such as `\p{L}`,
 *   `\p{IsAlphabetic}`, `\p{Lu}` (compiled with the `u` flag);
 * - `\Q…\E` quoting, `\t \n \r \f \a \e \0oct \xhh \x{h…} \uhhhh \cX`, escaped punctuation;
 * - `.` (Java excludes `\n \r \u0085 \u2028 \u2029` unless DOTALL), `$` (Java also matches
 *   before a final line terminator), `\A`, `\z`, `\Z`, `\b`, `\B`;
 * - groups `(?:…)`, lookarounds, named groups, back references; greedy and lazy quantifiers;
 * - embedded flags at the very start: `(?i)`, `(?m)`, `(?s)`, `(?u)` (and combinations such as
 *   `(?iu)`). Java's `(?i)` without `u` folds ASCII only, JavaScript's `i` folds Unicode: they
 *   differ for non-ASCII letters.
 *
 * Known approximation: `\b`/`\B` use JavaScript's ASCII word characters, while Java's `\b`
 * treats every Unicode letter or digit as a word character.
 *
 * @throws UnsupportedJavaRegexError for possessive quantifiers (`*+`, `++`, `?+`, `{n}+`), atomic
 *   groups `(?>…)`, class unions/intersections (`[a[b]]`, `&&`), embedded flags elsewhere than
 *   at the start or other than `i m s u`, `\G`, `\X`, `\N{…}`, unknown `\p{…}` names, and
 *   unterminated groups or classes.
 */
export function translateJavaRegex(pattern: string): TranslatedRegex {
  const flags: Flags = { i: false, m: false, s: false };
  let unicode = false;
  let out = '';
  let pos = 0;
  const fail = (construct: string, at = pos): never => {
    throw new UnsupportedJavaRegexError(pattern, at, construct);
  };

  // Leading embedded flags: (?imsu) possibly repeated.
  for (;;) {
    const m = /^\(\?([a-zA-Z]+)\)/.exec(pattern.slice(pos));
    if (m === null) break;
    for (const f of m[1]!) {
      if (f === 'i' || f === 'm' || f === 's') flags[f] = true;
      else if (f !== 'u') fail(`embedded flag "(?${f})"`);
    }
    pos += m[0].length;
  }

  let depth = 0;
  let lastAtomEnd = -1;

  /** `\p{Name}` / `\P{Name}` at `pos` (the backslash); returns ranges or a JS escape. */
  const property = (negated: boolean, inClass: boolean): string => {
    const start = pos;
    let name: string;
    if (pattern[pos + 2] === '{') {
      const close = pattern.indexOf('}', pos + 3);
      if (close < 0) fail('unterminated \\p{', start);
      name = pattern.slice(pos + 3, close);
      pos = close + 1;
    } else {
      name = pattern[pos + 2] ?? '';
      pos += 3;
    }
    const posixName = name.startsWith('Is') && POSIX[name.slice(2)] ? name.slice(2) : name;
    const posix = POSIX[posixName];
    if (posix !== undefined) {
      if (inClass) return rangesInClass(negated ? complement(posix) : posix);
      return `[${negated ? '^' : ''}${rangesInClass(posix)}]`;
    }
    const uni = UNICODE_PROPERTY.exec(name);
    if (uni === null) return fail(`property class "\\${negated ? 'P' : 'p'}{${name}}"`, start);
    unicode = true;
    let js = uni[1]!;
    if (js === 'Letter') js = 'L';
    if (js === 'Digit') js = 'Nd';
    if (js === 'Punctuation') js = 'P';
    if (js === 'Uppercase' || js === 'Lowercase') js = js === 'Uppercase' ? 'Lu' : 'Ll';
    return `\\${negated ? 'P' : 'p'}{${js}}`;
  };

  /** An escape at `pos` (the backslash); returns the JS source and advances. */
  const escapeAt = (inClass: boolean): string => {
    const c = pattern[pos + 1];
    if (c === undefined) return fail('trailing backslash');
    const simple: Record<string, string> = {
      t: '\\t',
      n: '\\n',
      r: '\\r',
      f: '\\f',
      a: '\\u0007',
      e: '\\u001b',
    };
    if (simple[c] !== undefined) {
      pos += 2;
      return simple[c]!;
    }
    const lower = c.toLowerCase();
    if ('dwshv'.includes(lower) && PREDEFINED[lower] !== undefined) {
      pos += 2;
      const ranges = PREDEFINED[lower]!;
      const negated = c !== lower;
      if (inClass) return rangesInClass(negated ? complement(ranges) : ranges);
      return `[${negated ? '^' : ''}${rangesInClass(ranges)}]`;
    }
    if (c === 'p' || c === 'P') return property(c === 'P', inClass);
    if (c === 'x') {
      if (pattern[pos + 2] === '{') {
        const close = pattern.indexOf('}', pos + 3);
        const code = Number.parseInt(pattern.slice(pos + 3, close), 16);
        if (close < 0 || !Number.isFinite(code) || code > 0x10ffff) return fail('bad \\x{…}');
        pos = close + 1;
        if (code <= 0xffff) return hex4(code);
        unicode = true;
        return `\\u{${code.toString(16)}}`;
      }
      const hex = pattern.slice(pos + 2, pos + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return fail('bad \\x escape');
      pos += 4;
      return hex4(Number.parseInt(hex, 16));
    }
    if (c === 'u') {
      const hex = pattern.slice(pos + 2, pos + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return fail('bad \\u escape');
      pos += 6;
      return hex4(Number.parseInt(hex, 16));
    }
    if (c === '0') {
      const m = /^[0-7]{1,3}/.exec(pattern.slice(pos + 2));
      if (m === null) return fail('bad octal escape \\0');
      let digits = m[0];
      if (digits.length === 3 && Number.parseInt(digits, 8) > 0o377) digits = digits.slice(0, 2);
      pos += 2 + digits.length;
      return hex4(Number.parseInt(digits, 8));
    }
    if (c === 'c') {
      const ctl = pattern[pos + 2];
      if (ctl === undefined) return fail('bad \\c escape');
      pos += 3;
      return hex4(ctl.charCodeAt(0) ^ 64);
    }
    if (!inClass) {
      if (c === 'b' || c === 'B') {
        pos += 2;
        return `\\${c}`;
      }
      if (c === 'A') {
        pos += 2;
        return '(?<![\\s\\S])';
      }
      if (c === 'z') {
        pos += 2;
        return END_OF_INPUT;
      }
      if (c === 'Z') {
        pos += 2;
        return `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?${END_OF_INPUT})`;
      }
      if (c === 'R') {
        pos += 2;
        return `(?:\\r\\n|[\\n\\u000b\\f\\r${LINE_TERMINATORS.slice(4)}])`;
      }
      if (/[1-9]/.test(c)) {
        const m = /^[1-9][0-9]*/.exec(pattern.slice(pos + 1))!;
        pos += 1 + m[0].length;
        return `\\${m[0]}`;
      }
      if (c === 'k' && pattern[pos + 2] === '<') {
        const close = pattern.indexOf('>', pos + 3);
        if (close < 0) return fail('unterminated \\k<');
        const ref = pattern.slice(pos, close + 1);
        pos = close + 1;
        return ref;
      }
    }
    if (/[a-zA-Z0-9]/.test(c))
      return fail(`escape "\\${c}"${inClass ? ' in a character class' : ''}`);
    pos += 2;
    const code = c.charCodeAt(0);
    return hex4(code);
  };

  /** `\Q…\E` at `pos`: the quoted text as escaped literals. */
  const quoted = (): string => {
    const end = pattern.indexOf('\\E', pos + 2);
    const text = pattern.slice(pos + 2, end < 0 ? pattern.length : end);
    pos = end < 0 ? pattern.length : end + 2;
    let js = '';
    for (let k = 0; k < text.length; k++) js += hex4(text.charCodeAt(k));
    return text.length > 1 ? `(?:${js})` : js;
  };

  /** A character class `[…]` at `pos`. */
  const charClass = (): string => {
    const start = pos;
    pos++;
    let js = '[';
    if (pattern[pos] === '^') {
      js += '^';
      pos++;
    }
    let first = true;
    for (;;) {
      const c = pattern[pos];
      if (c === undefined) return fail('unterminated character class', start);
      if (c === ']' && !first) {
        pos++;
        return `${js}]`;
      }
      first = false;
      if (c === '[') return fail('nested character class (union)');
      if (c === '&' && pattern[pos + 1] === '&') return fail('character class intersection "&&"');
      if (c === '\\') {
        if (pattern[pos + 1] === 'Q') {
          const end = pattern.indexOf('\\E', pos + 2);
          const text = pattern.slice(pos + 2, end < 0 ? pattern.length : end);
          pos = end < 0 ? pattern.length : end + 2;
          for (let k = 0; k < text.length; k++) js += hex4(text.charCodeAt(k));
          continue;
        }
        js += escapeAt(true);
        continue;
      }
      if (c === ']') {
        js += '\\]';
        pos++;
        continue;
      }
      js += c === '-' ? '-' : hex4(c.charCodeAt(0));
      pos++;
    }
  };

  while (pos < pattern.length) {
    const c = pattern[pos]!;
    const atomStart = out.length;
    switch (c) {
      case '\\':
        if (pattern[pos + 1] === 'Q') out += quoted();
        else if (pattern[pos + 1] === 'G' || pattern[pos + 1] === 'X' || pattern[pos + 1] === 'N')
          fail(`escape "\\${pattern[pos + 1]}"`);
        else out += escapeAt(false);
        break;
      case '[':
        out += charClass();
        break;
      case '.':
        out += flags.s ? '[\\s\\S]' : `[^${LINE_TERMINATORS}]`;
        pos++;
        break;
      case '$':
        out += flags.m
          ? `(?=[${LINE_TERMINATORS}]|${END_OF_INPUT})`
          : `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?${END_OF_INPUT})`;
        pos++;
        break;
      case '(': {
        const rest = pattern.slice(pos);
        if (rest.startsWith('(?>')) fail('atomic group "(?>"');
        const flagGroup = /^\(\?[a-zA-Z-]*[:)]/.exec(rest);
        if (flagGroup !== null && !rest.startsWith('(?:')) {
          fail(`embedded flags "${flagGroup[0]}" (only leading (?imsu) is supported)`);
        }
        const head = /^\((?:\?:|\?=|\?!|\?<=|\?<!|\?<[a-zA-Z][a-zA-Z0-9]*>)?/.exec(rest)!;
        if (rest.startsWith('(?') && head[0] === '(') fail('group construct "(?"');
        out += head[0];
        pos += head[0].length;
        depth++;
        break;
      }
      case ')':
        if (depth === 0) fail('unmatched ")"');
        depth--;
        out += ')';
        pos++;
        break;
      case '*':
      case '+':
      case '?':
      case '{': {
        let q: string;
        if (c === '{') {
          const m = /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(pos));
          if (m === null) {
            fail('"{" that does not start a quantifier {n}, {n,} or {n,m}');
          }
          q = m![0];
        } else {
          q = c;
        }
        if (lastAtomEnd !== out.length) fail(`dangling quantifier "${q}"`);
        pos += q.length;
        if (pattern[pos] === '+') fail(`possessive quantifier "${q}+"`);
        if (pattern[pos] === '?') {
          q += '?';
          pos++;
        }
        out += q;
        continue;
      }
      default:
        out +=
          c === '|' || c === '^' || /[a-zA-Z0-9 _,;:'"!%&=<>@#~`-]/.test(c)
            ? c
            : hex4(c.charCodeAt(0));
        pos++;
    }
    // Track where the last quantifiable atom ended (not after '(', '|', '^' or a quantifier).
    const emitted = out.slice(atomStart);
    lastAtomEnd = c === '(' || c === '|' || c === '^' || emitted === '' ? -1 : out.length;
  }
  if (depth > 0) fail('unterminated group', pattern.length);
  const jsFlags = `${flags.i ? 'i' : ''}${flags.m ? 'm' : ''}${flags.s ? 's' : ''}${unicode ? 'u' : ''}`;
  return { source: out, flags: jsFlags };
}

/**
 * Compiles a `java.util.regex` pattern into a JavaScript RegExp (see {@link translateJavaRegex}).
 *
 * @throws UnsupportedJavaRegexError for constructs without a faithful translation, or when the
 *   translated pattern is not a valid JavaScript regex.
 */
export function compileJavaRegex(pattern: string): RegExp {
  const { source, flags } = translateJavaRegex(pattern);
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new UnsupportedJavaRegexError(pattern, 0, `invalid pattern (${(e as Error).message})`);
  }
}
