import { formatJavaFloat as linalgFormatJavaFloat } from '@servable/linalg';
import {
  formatJavaFloat,
  JavaDouble,
  JavaFloat,
  JsonSyntaxError,
  type JsonValue,
  parseJson,
  writeJson,
} from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('parseJson', () => {
  it('parses every JSON type', () => {
    expect(parseJson('{"a":[1,-2.5,true,false,null,"x\\n\\u00e9"],"b":{}}')).toEqual({
      a: [1, -2.5, true, false, null, 'x\né'],
      b: {},
    });
  });

  it('keeps integers beyond 2^53 exact as bigint, safe ones as number', () => {
    const parsed = parseJson(
      '[9007199254740991,9007199254740992,-9223372036854775808,9223372036854775807,123456789012345678901234567890]',
    );
    expect(parsed).toEqual([
      9007199254740991,
      9007199254740992n,
      -9223372036854775808n,
      9223372036854775807n,
      123456789012345678901234567890n,
    ]);
  });

  it('reads numbers with fraction or exponent as doubles', () => {
    expect(parseJson('[1.0,1.0E-6,9.223372036854776E18,1e400,-0.0,-0]')).toEqual([
      1,
      1e-6,
      9.223372036854776e18,
      Number.POSITIVE_INFINITY,
      -0,
      0,
    ]);
    expect(Object.is(parseJson('-0'), 0)).toBe(true);
  });

  it('accepts /* */ and // comments like Jackson ALLOW_COMMENTS, not inside strings', () => {
    expect(
      parseJson('/* head */{"a" /* x */ : 1, // rest of line\n"b":"/* not a comment */"}'),
    ).toEqual({
      a: 1,
      b: '/* not a comment */',
    });
    expect(parseJson('{"url":"http://x//y"}')).toEqual({ url: 'http://x//y' });
    expect(() => parseJson('{"a":1 /* open', {})).toThrow(/unterminated \/\* comment/);
    expect(() => parseJson('{"a":1} /* c */', { allowComments: false })).toThrow(
      /comments are not allowed/,
    );
  });

  it('lets the last duplicate key win and keeps __proto__ as a plain key', () => {
    expect(parseJson('{"a":1,"a":2}')).toEqual({ a: 2 });
    const obj = parseJson('{"__proto__":{"polluted":true}}') as Record<string, JsonValue>;
    expect(Object.keys(obj)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['{"a":1,}', 1, 8, "unexpected character '}', expected a string (field name)"],
    ['[1 2]', 1, 4, "unexpected character '2', expected ',' or ']'"],
    ['{"a":01}', 1, 7, "invalid number '01'"],
    ['{"a":NaN}', 1, 6, "unexpected character 'N', expected a JSON value"],
    ["{'a':1}", 1, 2, "unexpected character ''', expected a string (field name)"],
    ['{"a":1}x', 1, 8, 'unexpected text after the JSON value'],
    ['{\n  "a": tru\n}', 2, 8, "unexpected character 't', expected a JSON value"],
    ['"abc', 1, 1, 'unterminated string'],
    ['"a\tb"', 1, 3, 'unescaped control character U+0009 in a string'],
    ['"\\x"', 1, 2, "invalid escape '\\x' in a string"],
    ['', 1, 1, 'unexpected end of input, expected a JSON value'],
  ])('reports %j at line %i, column %i', (text, line, column, problem) => {
    try {
      parseJson(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JsonSyntaxError);
      const e = error as JsonSyntaxError;
      expect([e.line, e.column, e.problem]).toEqual([line, column, problem]);
      expect(e.code).toBe('JSON_SYNTAX');
      expect(e.message).toContain(`line ${line}, column ${column}`);
    }
  });
});

describe('writeJson', () => {
  it('writes compactly with Java number formatting', () => {
    expect(
      writeJson({
        int: 1,
        double: new JavaDouble(1),
        small: new JavaDouble(1e-6),
        big: new JavaDouble(9.223372036854776e18),
        float: new JavaFloat(Math.fround(0.1)),
        nan: new JavaDouble(Number.NaN),
        inf: new JavaDouble(Number.NEGATIVE_INFINITY),
        long: 9223372036854775807n,
        frac: 1.5,
        negZero: -0,
        arr: [null, true, 'é'],
      }),
    ).toBe(
      '{"int":1,"double":1.0,"small":1.0E-6,"big":9.223372036854776E18,"float":0.1,"nan":"NaN",' +
        '"inf":"-Infinity","long":9223372036854775807,"frac":1.5,"negZero":-0.0,"arr":[null,true,"é"]}',
    );
  });

  it('escapes strings as Jackson does and keeps non-ASCII raw', () => {
    expect(writeJson('a"b\\c\n\t\b\f\r\u0001\u001f/ü\u2028😀')).toBe(
      '"a\\"b\\\\c\\n\\t\\b\\f\\r\\u0001\\u001F/ü\u2028😀"',
    );
  });

  it('writes non-finite plain numbers as strings', () => {
    expect(writeJson([Number.NaN, Number.POSITIVE_INFINITY])).toBe('["NaN","Infinity"]');
  });

  it('JSON.stringify sees the number markers as numbers', () => {
    expect(JSON.stringify({ a: new JavaDouble(2), b: new JavaFloat(0.5) })).toBe('{"a":2,"b":0.5}');
  });
});

describe('formatJavaFloat', () => {
  // The algorithm and its tests live in @servable/linalg; servable-api re-exports it.
  it('is the exact formatter of @servable/linalg', () => {
    expect(formatJavaFloat).toBe(linalgFormatJavaFloat);
  });

  it('prints FLOAT params as Java does, Float.MIN_VALUE included', () => {
    expect(writeJson(new JavaFloat(Math.fround(0.1)))).toBe('0.1');
    expect(writeJson(new JavaFloat(1.401298464324817e-45))).toBe('1.4E-45');
  });
});

/** JSON values the parser can produce (no number markers, no non-finite numbers, no -0). */
const parsedJson: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (d === 0 ? 0 : d)),
    fc.maxSafeInteger(),
    fc
      .bigInt({ min: -(2n ** 80n), max: 2n ** 80n })
      .map((b) =>
        b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER)
          ? Number(b)
          : b,
      ),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('writeJson / parseJson round trip', () => {
  it('parse(write(v)) equals v for every parsed value', () => {
    fc.assert(
      fc.property(parsedJson, (value) => {
        expect(parseJson(writeJson(value))).toEqual(value);
      }),
    );
  });

  it('write(parse(text)) reproduces the text', () => {
    fc.assert(
      fc.property(parsedJson, (value) => {
        const text = writeJson(value);
        expect(writeJson(parseJson(text))).toBe(text);
      }),
    );
  });

  it('comments between tokens do not change the value', () => {
    fc.assert(
      fc.property(parsedJson, (value) => {
        const text = writeJson(value).replace(
          /([,:[{])(?=(?:[^"\\]|\\.|"(?:[^"\\]|\\.)*")*$)/g,
          '$1/* c */',
        );
        expect(parseJson(text)).toEqual(value);
      }),
    );
  });
});
