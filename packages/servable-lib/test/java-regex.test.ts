import { describe, expect, it } from 'vitest';
import {
  compileJavaRegex,
  translateJavaRegex,
  UnsupportedJavaRegexError,
} from '../src/java/java-regex.js';

const matches = (pattern: string, text: string) => compileJavaRegex(pattern).test(text);
const all = (pattern: string, text: string) =>
  Array.from(
    text.matchAll(
      new RegExp(compileJavaRegex(pattern).source, `${compileJavaRegex(pattern).flags}g`),
    ),
    (m) => m[0],
  );

describe('translateJavaRegex', () => {
  it('\\p{Punct} is ASCII punctuation, inside and outside classes; \\P{…} negates', () => {
    const punct = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    for (const ch of punct) expect(matches('^\\p{Punct}$', ch), ch).toBe(true);
    expect(matches('^\\p{Punct}$', '¡')).toBe(false);
    expect(matches('^\\p{Punct}$', 'a')).toBe(false);
    expect(matches('^[\\p{Punct}\\s]+$', '.,  !')).toBe(true);
    expect(matches('^\\P{Punct}$', 'a')).toBe(true);
    expect(matches('^[\\P{Punct}]$', '.')).toBe(false);
    expect(matches('^\\p{Alpha}+$', 'abcXYZ')).toBe(true);
    expect(matches('^\\p{Alpha}$', 'é')).toBe(false);
    expect(matches('^\\p{IsAlpha}$', 'b')).toBe(true);
  });

  it('\\w, \\d, \\s are ASCII like Java; \\s does not match NBSP; \\S inside a class', () => {
    expect(matches('^\\w$', 'é')).toBe(false);
    expect(matches('^\\s$', '\u00a0')).toBe(false);
    expect(matches('^\\s$', '\u000b')).toBe(true);
    expect(matches('^[\\S]$', '\u00a0')).toBe(true);
    expect(matches('^[\\W]$', 'a')).toBe(false);
    expect(matches('^\\v$', '\u2028')).toBe(true);
  });

  it('Unicode categories use the u flag', () => {
    const t = translateJavaRegex('\\p{L}+');
    expect(t.flags).toContain('u');
    expect(all('\\p{L}+', 'héllo wörld 42')).toEqual(['héllo', 'wörld']);
    expect(all('\\p{IsAlphabetic}+', 'ab1')).toEqual(['ab']);
  });

  it('leading embedded flags (?i) (?s) (?m) become JS flags', () => {
    expect(translateJavaRegex('(?i)abc').flags).toBe('i');
    expect(matches('(?i)^abc$', 'ABC')).toBe(true);
    expect(translateJavaRegex('(?is)a.c').flags).toBe('is');
    expect(matches('(?s)^a.c$', 'a\nc')).toBe(true);
    expect(matches('^a.c$', 'a\u0085c')).toBe(false);
  });

  it('$ also matches before a final line terminator (Java), \\z only at the very end', () => {
    expect(matches('abc$', 'abc\n')).toBe(true);
    expect(matches('abc\\z', 'abc\n')).toBe(false);
    expect(matches('\\Aabc', 'xabc')).toBe(false);
  });

  it('\\Q…\\E quotes; escaped punctuation; octal, \\x{…}; lazy quantifiers; groups', () => {
    expect(matches('^\\Q.*\\E$', '.*')).toBe(true);
    expect(matches('^\\Q.*\\E$', 'ab')).toBe(false);
    expect(matches('^\\.\\-\\,$', '.-,')).toBe(true);
    expect(matches('^\\0101\\x{42}\\u0043$', 'ABC')).toBe(true);
    expect(all('a+?', 'aaa')).toEqual(['a', 'a', 'a']);
    expect(all('(?:ab){2}', 'ababab')).toEqual(['abab']);
    expect(matches('^(?<w>a)\\k<w>$', 'aa')).toBe(true);
    expect(matches('^(a)\\1$', 'aa')).toBe(true);
  });

  it('unsupported Java-only syntax raises a typed error naming the construct', () => {
    const cases: [string, string][] = [
      ['a*+', 'possessive quantifier "*+"'],
      ['a{2}+', 'possessive quantifier "{2}+"'],
      ['(?>ab)', 'atomic group'],
      ['[a-z&&[^aeiou]]', 'character class intersection'],
      ['[a[b]]', 'nested character class'],
      ['a(?i)b', 'embedded flags'],
      ['(?d)a', 'embedded flag "(?d)"'],
      ['\\Gab', 'escape "\\G"'],
      ['\\p{Foo}', 'property class'],
      ['(ab', 'unterminated group'],
      ['*a', 'dangling quantifier'],
    ];
    for (const [pattern, construct] of cases) {
      expect(() => translateJavaRegex(pattern), pattern).toThrow(UnsupportedJavaRegexError);
      expect(() => translateJavaRegex(pattern), pattern).toThrow(construct);
    }
    try {
      translateJavaRegex('ab*+');
    } catch (e) {
      expect(e).toBeInstanceOf(UnsupportedJavaRegexError);
      expect((e as UnsupportedJavaRegexError).index).toBe(3);
      expect((e as UnsupportedJavaRegexError).code).toBe('UNSUPPORTED_JAVA_REGEX');
    }
  });
});
