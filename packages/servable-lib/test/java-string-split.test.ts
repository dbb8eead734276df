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
