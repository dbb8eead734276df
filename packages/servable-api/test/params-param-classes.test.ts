import { DenseVector, SparseVector } from '@servable/linalg';
import {
  BooleanParam,
  CountTumblingWindows,
  DoubleArrayArrayParam,
  DoubleArrayParam,
  DoubleParam,
  EventTimeSessionWindows,
  EventTimeTumblingWindows,
  FloatArrayParam,
  FloatParam,
  GlobalWindows,
  IntArrayParam,
  IntParam,
  InvalidParamError,
  LongArrayParam,
  LongParam,
  type Param,
  ParamJsonError,
  ParamValidators,
  ProcessingTimeSessionWindows,
  ProcessingTimeTumblingWindows,
  parseJson,
  StringArrayArrayParam,
  StringArrayParam,
  StringParam,
  VectorParam,
  WindowsParam,
  writeJson,
} from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** What Java would write for the value, then what reading it back gives. */
function roundTrip<T>(param: Param<T>, value: T | null): { text: string; back: T | null } {
  const text = writeJson(param.jsonEncode(value));
  return { text, back: param.jsonDecode(parseJson(text)) };
}

function decodeError(param: Param<unknown>, json: string): ParamJsonError {
  try {
    param.jsonDecode(parseJson(json));
  } catch (error) {
    expect(error).toBeInstanceOf(ParamJsonError);
    return error as ParamJsonError;
  }
  throw new Error(`decoding ${json} did not fail`);
}

const INT = new IntParam('k', 'k', 5, ParamValidators.gt(0));
const LONG = new LongParam('seed', 's', 0n);
const FLOAT = new FloatParam('f', 'f', 0.5);
const DOUBLE = new DoubleParam('missingValue', 'm', Number.NaN);
const BOOL = new BooleanParam('binary', 'b', false);
const STRING = new StringParam('col', 'c', 'x');

describe('scalar params: JSON as Flink ML writes it', () => {
  it('IntParam: integers, 32-bit only', () => {
    expect(roundTrip(INT, 1)).toEqual({ text: '1', back: 1 });
    expect(roundTrip(INT, -2147483648)).toEqual({ text: '-2147483648', back: -2147483648 });
    expect(decodeError(INT, '1.5').message).toBe(
      'Parameter k: cannot decode JSON 1.5, expected an int (a 32-bit integer)',
    );
    expect(decodeError(INT, '2147483648').paramName).toBe('k');
    expect(decodeError(INT, '"3"').found).toBe('"3"');
    expect(INT.jsonDecode(parseJson('3.0'))).toBe(3);
  });

  it('LongParam: bigint values, exact beyond 2^53', () => {
    expect(roundTrip(LONG, 9223372036854775807n)).toEqual({
      text: '9223372036854775807',
      back: 9223372036854775807n,
    });
    expect(roundTrip(LONG, 42n)).toEqual({ text: '42', back: 42n });
    expect(LONG.jsonDecode(5)).toBe(5n);
    expect(decodeError(LONG, '9223372036854775808').expected).toBe('a long (a 64-bit integer)');
    expect(decodeError(LONG, '1.5').message).toContain('cannot decode JSON 1.5');
  });

  it('FloatParam: Float.toString digits, rounded to float', () => {
    expect(roundTrip(FLOAT, Math.fround(0.1))).toEqual({ text: '0.1', back: Math.fround(0.1) });
    expect(roundTrip(FLOAT, 2)).toEqual({ text: '2.0', back: 2 });
    expect(roundTrip(FLOAT, Number.NaN).text).toBe('"NaN"');
    expect(FLOAT.jsonDecode(0.1)).toBe(Math.fround(0.1));
    expect(FLOAT.jsonDecode('Infinity')).toBe(Number.POSITIVE_INFINITY);
  });

  it('DoubleParam: Double.toString digits, NaN/Infinity as strings', () => {
    expect(roundTrip(DOUBLE, 1)).toEqual({ text: '1.0', back: 1 });
    expect(roundTrip(DOUBLE, 1e-6)).toEqual({ text: '1.0E-6', back: 1e-6 });
    expect(roundTrip(DOUBLE, 9.223372036854776e18).text).toBe('9.223372036854776E18');
    expect(roundTrip(DOUBLE, Number.NaN)).toEqual({ text: '"NaN"', back: Number.NaN });
    expect(roundTrip(DOUBLE, Number.POSITIVE_INFINITY)).toEqual({
      text: '"Infinity"',
      back: Number.POSITIVE_INFINITY,
    });
    expect(roundTrip(DOUBLE, Number.NEGATIVE_INFINITY).text).toBe('"-Infinity"');
    expect(roundTrip(DOUBLE, -0).text).toBe('-0.0');
    // Hand-edited files: an integer, a bigint, Java decimal strings.
    expect(DOUBLE.jsonDecode(2)).toBe(2);
    expect(DOUBLE.jsonDecode(9007199254740993n)).toBe(9007199254740992);
    expect(DOUBLE.jsonDecode(' 1.5d ')).toBe(1.5);
    expect(decodeError(DOUBLE, '"abc"').expected).toBe(
      'a double (a number, or "NaN", "Infinity", "-Infinity")',
    );
    expect(decodeError(DOUBLE, 'true').found).toBe('true');
  });

  it('BooleanParam and StringParam', () => {
    expect(roundTrip(BOOL, true)).toEqual({ text: 'true', back: true });
    expect(decodeError(BOOL, '"true"').expected).toBe('a boolean (true or false)');
    expect(roundTrip(STRING, 'ü "q"')).toEqual({ text: '"ü \\"q\\""', back: 'ü "q"' });
    expect(decodeError(STRING, '3').expected).toBe('a string');
  });

  it('null encodes to JSON null and decodes to null for every param', () => {
    for (const p of [INT, LONG, FLOAT, DOUBLE, BOOL, STRING] as Param<unknown>[]) {
      expect(roundTrip(p, null)).toEqual({ text: 'null', back: null });
    }
  });
});

describe('array params', () => {
  it('Int/Long/Float/Double/String arrays', () => {
    expect(roundTrip(new IntArrayParam('indices', 'i', null), [1, 0, 3]).text).toBe('[1,0,3]');
    expect(roundTrip(new LongArrayParam('l', 'l', null), [1n, 2n ** 62n]).back).toEqual([
      1n,
      2n ** 62n,
    ]);
    expect(roundTrip(new FloatArrayParam('f', 'f', null), [0.5, Math.fround(0.1)]).text).toBe(
      '[0.5,0.1]',
    );
    const thresholds = new DoubleArrayParam('thresholds', 't', null);
    expect(roundTrip(thresholds, [1, 1.5, 2.5]).text).toBe('[1.0,1.5,2.5]');
    expect(roundTrip(thresholds, [Number.NaN, Number.NEGATIVE_INFINITY])).toEqual({
      text: '["NaN","-Infinity"]',
      back: [Number.NaN, Number.NEGATIVE_INFINITY],
    });
    expect(roundTrip(new StringArrayParam('cols', 'c', null), ['a', 'b']).text).toBe('["a","b"]');
  });

  it('splitsArray with -Infinity/Infinity round-trips (Bucketizer)', () => {
    const splits = new DoubleArrayArrayParam('splitsArray', 's', null);
    const text = '[["-Infinity",10.0,"Infinity"],[-0.5,0.0,0.5]]';
    const value = splits.jsonDecode(parseJson(text));
    expect(value).toEqual([
      [Number.NEGATIVE_INFINITY, 10, Number.POSITIVE_INFINITY],
      [-0.5, 0, 0.5],
    ]);
    expect(writeJson(splits.jsonEncode(value))).toBe(text);
  });

  it('String[][]', () => {
    const p = new StringArrayArrayParam('s', 's', null);
    expect(roundTrip(p, [['a'], [], ['b', 'c']])).toEqual({
      text: '[["a"],[],["b","c"]]',
      back: [['a'], [], ['b', 'c']],
    });
  });

  it('null elements: refused by default, naming the element; allowed on request', () => {
    const strict = new DoubleArrayArrayParam('splitsArray', 's', null);
    const e = decodeError(strict, '[[1.0,2.0],[3.0,null]]');
    expect(e.message).toBe(
      'Parameter splitsArray: cannot decode JSON [[1,2],[3,null]], expected a double ' +
        '(a number, or "NaN", "Infinity", "-Infinity") at element [1][1] (found null)',
    );
    expect(decodeError(strict, '[1.0]').expected).toBe(
      'a JSON array of double at element [0] (found 1)',
    );
    const stopWords = new StringArrayParam<string | null>('stopWords', 's', [], undefined, {
      nullElements: true,
    });
    expect(roundTrip(stopWords, ['a', null])).toEqual({ text: '["a",null]', back: ['a', null] });
    expect(stopWords.checkValue(['a', null])).toEqual(['a', null]);
    expect(() => strict.checkValue([[1, null]])).toThrow(InvalidParamError);
  });

  it('formats values as Java prints arrays', () => {
    expect(new DoubleArrayArrayParam('s', 's', null).formatValue([[1, 2], [3]])).toBe(
      '{{1.0,2.0},{3.0}}',
    );
    expect(new IntArrayParam('i', 'i', null).formatValue([1, 2])).toBe('{1,2}');
  });
});

describe('VectorParam', () => {
  const p = new VectorParam('scalingVec', 'v', null);

  it('dense as {"values":[..]}, sparse as {"n","indices","values"}', () => {
    const dense = roundTrip(p, new DenseVector([1.1, 1.1]));
    expect(dense.text).toBe('{"values":[1.1,1.1]}');
    expect(dense.back).toEqual(new DenseVector([1.1, 1.1]));
    const sparse = roundTrip(p, new SparseVector(4, [1, 3], [0.5, 2]));
    expect(sparse.text).toBe('{"n":4,"indices":[1,3],"values":[0.5,2.0]}');
    expect(sparse.back).toBeInstanceOf(SparseVector);
    expect((sparse.back as SparseVector).equals(new SparseVector(4, [1, 3], [0.5, 2]))).toBe(true);
  });

  it('sorts unsorted sparse indices like the Java constructor', () => {
    const v = p.jsonDecode(parseJson('{"n":4,"indices":[3,1],"values":[7.0,5.0]}'));
    expect(v?.toString()).toBe('(4, [1, 3], [5.0, 7.0])');
  });

  it('refuses other shapes with "Vector parameter is invalid."', () => {
    for (const bad of ['{}', '{"values":[1],"n":1}', '[1.0]', '{"size":[1]}', '"v"']) {
      expect(decodeError(p, bad).message).toContain('Vector parameter is invalid.');
    }
    expect(decodeError(p, '{"n":2,"indices":[5],"values":[1.0]}').message).toContain(
      'invalid sparse vector',
    );
  });
});

describe('WindowsParam', () => {
  const p = new WindowsParam('windows', 'w', GlobalWindows.INSTANCE);
  const prefix = 'org.apache.flink.ml.common.window.';

  it.each([
    [GlobalWindows.INSTANCE, `{"class":"${prefix}GlobalWindows"}`],
    [new CountTumblingWindows(100), `{"class":"${prefix}CountTumblingWindows","size":100}`],
    [
      new ProcessingTimeTumblingWindows(5000),
      `{"class":"${prefix}ProcessingTimeTumblingWindows","size":5000}`,
    ],
    [
      new EventTimeTumblingWindows(3000),
      `{"class":"${prefix}EventTimeTumblingWindows","size":3000}`,
    ],
    [
      new ProcessingTimeSessionWindows(60),
      `{"class":"${prefix}ProcessingTimeSessionWindows","gap":60}`,
    ],
    [new EventTimeSessionWindows(10), `{"class":"${prefix}EventTimeSessionWindows","gap":10}`],
  ])('%s ↔ %s', (windows, json) => {
    expect(roundTrip(p, windows)).toEqual({ text: json, back: windows });
  });

  it('reads size/gap as any number and refuses unknown classes', () => {
    expect(
      p.jsonDecode(parseJson(`{"size":3000.0,"class":"${prefix}EventTimeTumblingWindows"}`)),
    ).toEqual(new EventTimeTumblingWindows(3000));
    expect(decodeError(p, '{"class":"x.Y"}').message).toContain('found class x.Y');
    expect(decodeError(p, `{"class":"${prefix}CountTumblingWindows"}`).message).toContain(
      'a number "size" at element .size (found nothing)',
    );
  });
});

describe('checkValue (what set() applies)', () => {
  it('type errors, null and validator failures have Java-like messages', () => {
    expect(() => INT.checkValue('3')).toThrow(
      'Parameter k is given a value of the wrong type: expected int, found string "3"',
    );
    expect(() => INT.checkValue(1.5)).toThrow(/expected int, found number 1.5/);
    expect(() => INT.checkValue(0)).toThrow('Parameter k is given an invalid value 0 (rule: > 0)');
    expect(() => INT.checkValue(null)).toThrow("Parameter k's value should not be null");
    expect(() => LONG.checkValue(5)).toThrow(/expected long, found number 5/);
    const d = new DoubleParam('p', 'p', 2, ParamValidators.gtEq(1));
    expect(() => d.checkValue(0)).toThrow('Parameter p is given an invalid value 0.0 (rule: >= 1)');
    const arr = new DoubleArrayParam('thresholds', 't', null, ParamValidators.nonEmptyArray());
    try {
      arr.checkValue([]);
      expect.unreachable();
    } catch (error) {
      const e = error as InvalidParamError;
      expect([e.code, e.paramName, e.rule, e.reason, e.message]).toEqual([
        'INVALID_PARAM',
        'thresholds',
        'non-empty array',
        'invalid',
        'Parameter thresholds is given an invalid value {} (rule: non-empty array)',
      ]);
    }
  });

  it('FloatParam rounds to float precision', () => {
    expect(FLOAT.checkValue(0.1)).toBe(Math.fround(0.1));
  });
});

describe('property: jsonDecode(parse(write(jsonEncode(v)))) equals v', () => {
  const double = fc.double();
  const float = fc.float();
  const int = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
  const long = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
  const str = fc.string({ unit: 'grapheme' });
  const cases: [string, Param<unknown>, fc.Arbitrary<unknown>][] = [
    ['int', new IntParam('a', '', 0), int],
    ['long', new LongParam('a', '', 0n), long],
    ['float', new FloatParam('a', '', 0), float],
    ['double', new DoubleParam('a', '', 0), double],
    ['boolean', new BooleanParam('a', '', false), fc.boolean()],
    ['string', new StringParam('a', '', ''), str],
    ['int[]', new IntArrayParam('a', '', null), fc.array(int)],
    ['long[]', new LongArrayParam('a', '', null), fc.array(long)],
    ['float[]', new FloatArrayParam('a', '', null), fc.array(float)],
    [
      'double[] with nulls',
      new DoubleArrayParam<number | null>('a', '', null, undefined, { nullElements: true }),
      fc.array(fc.option(double)),
    ],
    ['String[]', new StringArrayParam('a', '', null), fc.array(str)],
    ['double[][]', new DoubleArrayArrayParam('a', '', null), fc.array(fc.array(double))],
    ['String[][]', new StringArrayArrayParam('a', '', null), fc.array(fc.array(str))],
    [
      'dense vector',
      new VectorParam('a', '', null),
      fc.array(double).map((v) => new DenseVector(v)),
    ],
    [
      'sparse vector',
      new VectorParam('a', '', null),
      fc
        .uniqueArray(fc.integer({ min: 0, max: 99 }))
        .chain((idx) =>
          fc
            .array(double, { minLength: idx.length, maxLength: idx.length })
            .map((vals) => SparseVector.fromUnsorted(100, idx, vals)),
        ),
    ],
  ];

  it.each(cases)('%s', (_name, param, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (value) => {
        const text = writeJson(param.jsonEncode(value));
        const back = param.jsonDecode(parseJson(text));
        if (back instanceof DenseVector || back instanceof SparseVector) {
          expect(back.equals(value)).toBe(true);
        } else {
          expect(back).toEqual(value);
        }
        // Encoding again gives the same bytes.
        expect(writeJson(param.jsonEncode(back))).toBe(text);
      }),
    );
  });
});
