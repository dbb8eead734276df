import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { javaFindAll, javaSplit } from '../src/java/string-split.js';

describe('javaSplit (String.split, limit 0)', () => {
  const ws = /[ \t\n\v\f\r]/;
  it('follows Java (verified on a JVM): leading "", inner "", trailing removed', () => {
    expect(javaSplit(' a  b ', ws)).toEqual(['', 'a', '', 'b']);
    expect(javaSplit('', ws)).toEqual(['']);
    expect(javaSplit(' ', ws)).toEqual([]);
    expect(javaSplit('abc', ws)).toEqual(['abc']);
    expect(javaSplit('a,b,,', /,/)).toEqual(['a', 'b']);
  });

  it('zero-width matches: no leading empty string, one char per piece', () => {
    // Java 8+: "abc".split("") = [a, b, c]
    expect(javaSplit('abc', /(?:)/)).toEqual(['a', 'b', 'c']);
    // "aXbX".split("(?=X)") = [a, Xb, X]
    expect(javaSplit('aXbX', /(?=X)/)).toEqual(['a', 'Xb', 'X']);
  });

  it('ignores the g/y flags and lastIndex of the given regex', () => {
    const re = /,/g;
    re.lastIndex = 3;
    expect(javaSplit('a,b', re)).toEqual(['a', 'b']);
    expect(re.lastIndex).toBe(0);
  });

  it('property: joining the pieces with a 1-char separator restores the text minus trailing separators', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', ','), { maxLength: 20 }), (chars) => {
        const text = chars.join('');
        const pieces = javaSplit(text, /,/);
        const trimmed = text.replace(/,+$/, '');
        if (trimmed === '' && text !== '') expect(pieces).toEqual([]);
        else expect(pieces.join(',')).toBe(trimmed);
      }),
      { numRuns: 300 },
    );
  });
});

describe('javaFindAll (Matcher.find loop)', () => {
  it('returns every match, advancing past empty matches', () => {
    expect(javaFindAll('Te,st. punct', /\w+|[!-/:-@[-`{-~]/)).toEqual([
      'Te',
      ',',
      'st',
      '.',
      'punct',
    ]);
    expect(javaFindAll('ab', /x*/)).toEqual(['', '', '']);
  });
});

/** A global RegExp that throws once searched more than `limit` times (so a loop fails fast). */
class BoundedRegExp extends RegExp {
  calls = 0;
  constructor(
    source: string,
    flags: string,
    readonly limit: number,
  ) {
    super(source, flags);
  }
  override exec(text: string): RegExpExecArray | null {
    if (++this.calls > this.limit) {
      throw new Error(`/${this.source}/${this.flags} searched more than ${this.limit} times`);
    }
    return super.exec(text);
  }
}

/** At most two searches per position the loop can start at, plus the last (failing) one. */
const bounded = (source: string, text: string): BoundedRegExp =>
  new BoundedRegExp(source, 'gu', 2 * (text.length + 1) + 1);

describe('u flag and surrogate pairs (an empty match right before a pair)', () => {
  // Java's answers (JDK 17: Pattern.split and a Matcher.find loop) for patterns that mean the
  // same in Java and in JavaScript with the `u` flag. Java starts the search after an empty
  // match one UTF-16 unit further, between the halves of a pair, so it can split a pair.
  const javaAnswers: readonly (readonly [string, string, string[], string[]])[] = [
    ['\\p{L}*', 'a\uD83D\uDE00b', ['', '', '\uD83D', '\uDE00'], ['a', '', '', 'b', '']],
    ['\\p{L}*', '\uD83D\uDE00', ['\uD83D', '\uDE00'], ['', '', '']],
    ['\\p{L}*', '\uD83D\uDE00ab', ['\uD83D', '\uDE00'], ['', '', 'ab', '']],
    [
      '\\p{L}*',
      'a\uD83D\uDE00\uD83D\uDE01b c',
      ['', '', '\uD83D', '\uDE00', '\uD83D', '\uDE01', '', ' '],
      ['a', '', '', '', '', 'b', '', 'c', ''],
    ],
    ['\\p{L}*', '\uD83D\uD83D\uDE00', ['\uD83D', '\uD83D', '\uDE00'], ['', '', '', '']],
    [
      '\\p{L}*',
      'x\uD835\uDC00y\uD83D\uDE00',
      ['', '', '\uD83D', '\uDE00'],
      ['x\uD835\uDC00y', '', '', ''],
    ],
    ['(?=\\p{So})', 'a\uD83D\uDE00b', ['a', '\uD83D\uDE00b'], ['']],
    ['(?=\\p{So})', '\uD83D\uDE00', ['\uD83D\uDE00'], ['']],
    ['(?=\\p{So})', '\uD83D\uDE00ab', ['\uD83D\uDE00ab'], ['']],
    [
      '(?=\\p{So})',
      'a\uD83D\uDE00\uD83D\uDE01b c',
      ['a', '\uD83D\uDE00', '\uD83D\uDE01b c'],
      ['', ''],
    ],
    ['(?=\\p{So})', '\uD83D\uD83D\uDE00', ['\uD83D', '\uD83D\uDE00'], ['']],
    ['(?=\\p{So})', 'x\uD835\uDC00y\uD83D\uDE00', ['x\uD835\uDC00y', '\uD83D\uDE00'], ['']],
    ['[^\\p{So}b]*', 'a\uD83D\uDE00b', ['', '', '\uD83D', '', 'b'], ['a', '', '\uDE00', '', '']],
    ['[^\\p{So}b]*', '\uD83D\uDE00', ['\uD83D'], ['', '\uDE00', '']],
    ['[^\\p{So}b]*', '\uD83D\uDE00ab', ['\uD83D', '', 'b'], ['', '\uDE00a', '', '']],
    [
      '[^\\p{So}b]*',
      'a\uD83D\uDE00\uD83D\uDE01b c',
      ['', '', '\uD83D', '', '\uD83D', '', 'b'],
      ['a', '', '\uDE00', '', '\uDE01', '', ' c', ''],
    ],
    ['[^\\p{So}b]*', '\uD83D\uD83D\uDE00', ['', '', '\uD83D'], ['\uD83D', '', '\uDE00', '']],
    [
      '[^\\p{So}b]*',
      'x\uD835\uDC00y\uD83D\uDE00',
      ['', '', '\uD83D'],
      ['x\uD835\uDC00y', '', '\uDE00', ''],
    ],
    ['\\p{So}*', 'a\uD83D\uDE00b', ['a', '', 'b'], ['', '\uD83D\uDE00', '', '']],
    ['\\p{So}*', '\uD83D\uDE00', [], ['\uD83D\uDE00', '']],
    ['\\p{So}*', '\uD83D\uDE00ab', ['', '', 'a', 'b'], ['\uD83D\uDE00', '', '', '']],
    [
      '\\p{So}*',
      'a\uD83D\uDE00\uD83D\uDE01b c',
      ['a', '', 'b', ' ', 'c'],
      ['', '\uD83D\uDE00\uD83D\uDE01', '', '', '', ''],
    ],
    ['\\p{So}*', '\uD83D\uD83D\uDE00', ['\uD83D'], ['', '\uD83D\uDE00', '']],
    [
      '\\p{So}*',
      'x\uD835\uDC00y\uD83D\uDE00',
      ['x', '\uD835', '\uDC00', 'y'],
      ['', '', '', '', '\uD83D\uDE00', ''],
    ],
    ['x*', 'a\uD83D\uDE00b', ['a', '\uD83D', '\uDE00', 'b'], ['', '', '', '', '']],
    ['x*', '\uD83D\uDE00', ['\uD83D', '\uDE00'], ['', '', '']],
    ['x*', '\uD83D\uDE00ab', ['\uD83D', '\uDE00', 'a', 'b'], ['', '', '', '', '']],
    [
      'x*',
      'a\uD83D\uDE00\uD83D\uDE01b c',
      ['a', '\uD83D', '\uDE00', '\uD83D', '\uDE01', 'b', ' ', 'c'],
      ['', '', '', '', '', '', '', '', ''],
    ],
    ['x*', '\uD83D\uD83D\uDE00', ['\uD83D', '\uD83D', '\uDE00'], ['', '', '', '']],
    [
      'x*',
      'x\uD835\uDC00y\uD83D\uDE00',
      ['', '', '\uD835', '\uDC00', 'y', '\uD83D', '\uDE00'],
      ['x', '', '', '', '', '', ''],
    ],
    ['^|(?=\\p{So})', 'a\uD83D\uDE00b', ['a', '\uD83D\uDE00b'], ['', '']],
    ['^|(?=\\p{So})', '\uD83D\uDE00', ['\uD83D\uDE00'], ['']],
    ['^|(?=\\p{So})', '\uD83D\uDE00ab', ['\uD83D\uDE00ab'], ['']],
    [
      '^|(?=\\p{So})',
      'a\uD83D\uDE00\uD83D\uDE01b c',
      ['a', '\uD83D\uDE00', '\uD83D\uDE01b c'],
      ['', '', ''],
    ],
    ['^|(?=\\p{So})', '\uD83D\uD83D\uDE00', ['\uD83D', '\uD83D\uDE00'], ['', '']],
    ['^|(?=\\p{So})', 'x\uD835\uDC00y\uD83D\uDE00', ['x\uD835\uDC00y', '\uD83D\uDE00'], ['', '']],
    ['\\b|(?=\\p{So})', 'a\uD83D\uDE00b', ['a', '\uD83D\uDE00', 'b'], ['', '', '', '']],
    ['\\b|(?=\\p{So})', '\uD83D\uDE00', ['\uD83D\uDE00'], ['']],
    ['\\b|(?=\\p{So})', '\uD83D\uDE00ab', ['\uD83D\uDE00', 'ab'], ['', '', '']],
    [
      '\\b|(?=\\p{So})',
      'a\uD83D\uDE00\uD83D\uDE01b c',
      ['a', '\uD83D\uDE00', '\uD83D\uDE01', 'b', ' ', 'c'],
      ['', '', '', '', '', '', ''],
    ],
    ['\\b|(?=\\p{So})', '\uD83D\uD83D\uDE00', ['\uD83D', '\uD83D\uDE00'], ['']],
    ['$|(?=\\p{So})', 'a\uD83D\uDE00b', ['a', '\uD83D\uDE00b'], ['', '']],
    ['$|(?=\\p{So})', '\uD83D\uDE00', ['\uD83D\uDE00'], ['', '']],
    ['$|(?=\\p{So})', '\uD83D\uDE00ab', ['\uD83D\uDE00ab'], ['', '']],
    [
      '$|(?=\\p{So})',
      'a\uD83D\uDE00\uD83D\uDE01b c',
      ['a', '\uD83D\uDE00', '\uD83D\uDE01b c'],
      ['', '', ''],
    ],
    ['$|(?=\\p{So})', '\uD83D\uD83D\uDE00', ['\uD83D', '\uD83D\uDE00'], ['', '']],
    ['$|(?=\\p{So})', 'x\uD835\uDC00y\uD83D\uDE00', ['x\uD835\uDC00y', '\uD83D\uDE00'], ['', '']],
    ['[\\p{L}\\p{N}]*', 'a\uD83D\uDE00b', ['', '', '\uD83D', '\uDE00'], ['a', '', '', 'b', '']],
    ['[\\p{L}\\p{N}]*', '\uD83D\uDE00', ['\uD83D', '\uDE00'], ['', '', '']],
    ['[\\p{L}\\p{N}]*', '\uD83D\uDE00ab', ['\uD83D', '\uDE00'], ['', '', 'ab', '']],
    [
      '[\\p{L}\\p{N}]*',
      'a\uD83D\uDE00\uD83D\uDE01b c',
      ['', '', '\uD83D', '\uDE00', '\uD83D', '\uDE01', '', ' '],
      ['a', '', '', '', '', 'b', '', 'c', ''],
    ],
    ['[\\p{L}\\p{N}]*', '\uD83D\uD83D\uDE00', ['\uD83D', '\uD83D', '\uDE00'], ['', '', '', '']],
    [
      '[\\p{L}\\p{N}]*',
      'x\uD835\uDC00y\uD83D\uDE00',
      ['', '', '\uD83D', '\uDE00'],
      ['x\uD835\uDC00y', '', '', ''],
    ],
  ];

  it('does not loop forever (regression: ran out of memory on "a😀b" with /\\p{L}*/u)', {
    timeout: 20_000,
  }, () => {
    expect(javaSplit('a\u{1F600}b', /\p{L}*/u)).toEqual(['', '', '\uD83D', '\uDE00']);
    expect(javaFindAll('a\u{1F600}b', /\p{L}*/u)).toEqual(['a', '', '', 'b', '']);
    expect(javaFindAll('\u{1F600}', bounded('\\p{L}*', '\u{1F600}'))).toEqual(['', '', '']);
  });

  it.each(javaAnswers)('%s on %j: split and find as in Java', (pattern, text, split, found) => {
    expect(javaSplit(text, bounded(pattern, text))).toEqual(split);
    expect(javaFindAll(text, bounded(pattern, text))).toEqual(found);
  });

  it('leaves the given regex reusable (lastIndex 0) after the search between halves', () => {
    const re = /\p{L}*/gu;
    expect(javaFindAll('\u{1F600}', re)).toEqual(['', '', '']);
    expect(re.lastIndex).toBe(0);
  });

  /** Whether the code point `cp` (a lone surrogate when it is one) matches `cls`. */
  const isIn = (cls: RegExp, cp: number): boolean => cls.test(String.fromCodePoint(cp));

  /**
   * Java's `while (m.find())` for `C*` (`star`) or `(?=C)`, written without a regex search:
   * each search tries its start position as is (between the halves of a pair too, where
   * `codePointAt` gives the lone low surrogate, as Java's `Character.codePointAt` does), then
   * steps by code point; `C*` takes code points while they are in C.
   */
  function javaSpans(text: string, cls: RegExp, star: boolean): [number, number][] {
    const matchAt = (i: number): number => {
      if (!star) return i < text.length && isIn(cls, text.codePointAt(i)!) ? i : -1;
      let j = i;
      while (j < text.length) {
        const cp = text.codePointAt(j)!;
        if (!isIn(cls, cp)) break;
        j += cp > 0xffff ? 2 : 1;
      }
      return j;
    };
    const spans: [number, number][] = [];
    let from = 0;
    while (from <= text.length) {
      let i = from;
      let end = matchAt(i);
      while (end < 0 && i < text.length) {
        i += text.codePointAt(i)! > 0xffff ? 2 : 1;
        end = matchAt(i);
      }
      if (end < 0) break;
      spans.push([i, end]);
      from = end === i ? end + 1 : end;
    }
    return spans;
  }

  /** Java's `Pattern.split` (limit 0) over the matches `spans`. */
  function javaSplitOf(text: string, spans: readonly [number, number][]): string[] {
    const pieces: string[] = [];
    let index = 0;
    for (const [start, end] of spans) {
      if (index === 0 && start === 0 && end === 0) continue;
      pieces.push(text.slice(index, start));
      index = end;
    }
    if (index === 0) return [text];
    pieces.push(text.slice(index));
    while (pieces.length > 0 && pieces[pieces.length - 1] === '') pieces.pop();
    return pieces;
  }

  const surrogateText = fc
    .array(
      fc.constantFrom(
        'a',
        'b',
        'B',
        'x',
        ' ',
        'é',
        '\u{1F600}', // 😀 (So)
        '\u{1F601}', // 😁 (So)
        '\u{1D400}', // 𝐀 (Lu, a letter outside the BMP)
        '\uD83D', // a high surrogate, lone unless a low one follows
        '\uDE00', // a low surrogate, lone unless a high one precedes
      ),
      { maxLength: 16 },
    )
    .map((parts) => parts.join(''));

  const cases = [
    { pattern: '\\p{L}*', cls: /^\p{L}$/u, star: true },
    { pattern: '[\\p{L}\\p{N}]*', cls: /^[\p{L}\p{N}]$/u, star: true },
    { pattern: '[^\\p{So}b]*', cls: /^[^\p{So}b]$/u, star: true },
    { pattern: '\\p{So}*', cls: /^\p{So}$/u, star: true },
    { pattern: 'x*', cls: /^x$/u, star: true },
    { pattern: '(?=\\p{So})', cls: /^\p{So}$/u, star: false },
  ] as const;

  it.each(cases)(
    'property: $pattern with the u flag on random text with surrogate pairs ends, and matches the Java model',
    { timeout: 20_000 },
    ({ pattern, cls, star }) => {
      fc.assert(
        fc.property(surrogateText, (text) => {
          const spans = javaSpans(text, cls, star);
          expect(javaFindAll(text, bounded(pattern, text))).toEqual(
            spans.map(([s, e]) => text.slice(s, e)),
          );
          expect(javaSplit(text, bounded(pattern, text))).toEqual(javaSplitOf(text, spans));
        }),
        { numRuns: 300 },
      );
    },
  );
});
