import {
  BasicType,
  DataFrame,
  DataTypes,
  DuplicateColumnError,
  RecordConversionError,
  Row,
  type SchemaFieldSpec,
} from '@servable/dataframe';
import { DenseMatrix, DenseVector, SparseVector, Vectors } from '@servable/linalg';
import { describe, expect, it } from 'vitest';

function conversionError(fn: () => unknown): RecordConversionError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RecordConversionError);
    return e as RecordConversionError;
  }
  throw new Error('expected a RecordConversionError');
}

describe('DataFrame.fromRecords', () => {
  it('reads the acceptance frame from JSON records', () => {
    const df = DataFrame.fromRecords(
      [
        { features: [1, 2], label: 1 },
        { features: { size: 2, indices: [1], values: [3] }, label: 0 },
      ],
      [
        { name: 'features', type: 'VECTOR(DOUBLE)' },
        { name: 'label', type: DataTypes.DOUBLE },
      ],
    );
    expect(df.getColumnNames()).toEqual(['features', 'label']);
    expect(df.getDoubles('label')).toEqual(new Float64Array([1, 0]));
    const [dense, sparse] = df.getVectors('features');
    expect(dense?.equals(Vectors.dense(1, 2))).toBe(true);
    expect(sparse).toBeInstanceOf(SparseVector);
    expect(sparse?.equals(Vectors.sparse(2, [1], [3]))).toBe(true);
  });

  it('accepts the other vector forms, unsorted indices and non-finite strings', () => {
    const df = DataFrame.fromRecords(
      [
        { v: { n: 4, indices: [3, 0], values: ['NaN', 2] } },
        { v: { values: [1, '-Infinity'] } },
        { v: ['Infinity'] },
        { v: { size: 3, n: 3, indices: [], values: [] } },
      ],
      [{ name: 'v', type: 'VECTOR(DOUBLE)' }],
    );
    const [a, b, c, d] = df.getVectors('v');
    expect(a).toBeInstanceOf(SparseVector);
    expect(Array.from((a as SparseVector).indices)).toEqual([0, 3]);
    expect(Array.from((a as SparseVector).values)).toEqual([2, Number.NaN]);
    expect(b).toBeInstanceOf(DenseVector);
    expect(Array.from(b?.toArray() ?? [])).toEqual([1, Number.NEGATIVE_INFINITY]);
    expect(c?.get(0)).toBe(Number.POSITIVE_INFINITY);
    expect(d?.size()).toBe(3);
  });

  it('reads every scalar type, nulls, missing keys, arrays, matrices and byte strings', () => {
    const schema: SchemaFieldSpec[] = [
      { name: 'b', type: 'BOOLEAN' },
      { name: 'i8', type: 'BYTE' },
      { name: 'i16', type: 'SHORT' },
      { name: 'i32', type: 'INT' },
      { name: 'i64', type: 'LONG' },
      { name: 'f', type: 'FLOAT' },
      { name: 'd', type: 'DOUBLE' },
      { name: 's', type: 'STRING' },
      { name: 'bytes', type: 'BYTE_STRING' },
      { name: 'm', type: 'MATRIX(DOUBLE)' },
      { name: 'tokens', type: 'ARRAY(STRING)' },
    ];
    const df = DataFrame.fromRecords(
      [
        {
          b: true,
          i8: -128,
          i16: 32767,
          i32: -2147483648,
          i64: 9007199254740991,
          f: 1.5,
          d: 'NaN',
          s: 'NaN',
          bytes: 'AQID',
          m: { numRows: 2, numCols: 1, values: [1, 'Infinity'] },
          tokens: ['a', null, 'b'],
          extra: 'ignored',
        },
        { b: null, d: 2 },
      ],
      schema,
    );
    const [first, second] = df.collect();
    expect(first?.toArray().slice(0, 8)).toEqual([
      true,
      -128,
      32767,
      -2147483648,
      9007199254740991,
      1.5,
      Number.NaN,
      'NaN',
    ]);
    expect(first?.get(8)).toEqual(new Uint8Array([1, 2, 3]));
    expect(first?.getAs<DenseMatrix>(9).equals(new DenseMatrix(2, 1, [1, Infinity]))).toBe(true);
    expect(first?.get(10)).toEqual(['a', null, 'b']);
    expect(second?.toArray()).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      2,
      null,
      null,
      null,
      null,
    ]);
    expect(df.column('d')).toBeInstanceOf(Float64Array);
    expect(Array.isArray(df.column('i32'))).toBe(true);
    expect(df.hasColumn('extra')).toBe(false);
  });

  it('reads own keys only (no prototype properties) and builds an empty frame', () => {
    const df = DataFrame.fromRecords([{}], [{ name: 'constructor', type: 'STRING' }]);
    expect(df.getValues('constructor')).toEqual([null]);
    const empty = DataFrame.fromRecords([], [{ name: 'x', type: 'DOUBLE' }]);
    expect(empty.numRows()).toBe(0);
    expect(empty.getColumnNames()).toEqual(['x']);
  });

  describe('errors name the row and the column', () => {
    const cases: [string, string, unknown, string][] = [
      [
        'DOUBLE',
        'x',
        'abc',
        'Row 1, column "x": expected DOUBLE (a number or "NaN", "Infinity", "-Infinity"), found string "abc".',
      ],
      [
        'FLOAT',
        'x',
        'nan',
        'Row 1, column "x": expected FLOAT (a number or "NaN", "Infinity", "-Infinity"), found string "nan".',
      ],
      [
        'INT',
        'x',
        2147483648,
        'Row 1, column "x": expected INT (an integer in [-2147483648, 2147483647]), found number 2147483648.',
      ],
      [
        'INT',
        'x',
        1.5,
        'Row 1, column "x": expected INT (an integer in [-2147483648, 2147483647]), found number 1.5.',
      ],
      [
        'SHORT',
        'x',
        -32769,
        'Row 1, column "x": expected SHORT (an integer in [-32768, 32767]), found number -32769.',
      ],
      [
        'BYTE',
        'x',
        '1',
        'Row 1, column "x": expected BYTE (an integer in [-128, 127]), found string "1".',
      ],
      [
        'LONG',
        'x',
        9007199254740992,
        'Row 1, column "x": expected LONG (a safe integer, |v| <= 2^53-1), found number 9007199254740992.',
      ],
      [
        'BOOLEAN',
        'x',
        'true',
        'Row 1, column "x": expected BOOLEAN (true or false), found string "true".',
      ],
      ['STRING', 'x', 1, 'Row 1, column "x": expected STRING (a string), found number 1.'],
      [
        'STRING',
        'x',
        { a: 1 },
        'Row 1, column "x": expected STRING (a string), found object with keys "a".',
      ],
      [
        'BYTE_STRING',
        'x',
        'not base64!',
        'Row 1, column "x": expected BYTE_STRING (a base64 string), found string "not base64!".',
      ],
      [
        'VECTOR(DOUBLE)',
        'v',
        [1, 'x'],
        'Row 1, column "v": expected VECTOR(DOUBLE) (an array of numbers or {"size","indices","values"}), found element[1] string "x".',
      ],
      [
        'VECTOR(DOUBLE)',
        'v',
        'abc',
        'Row 1, column "v": expected VECTOR(DOUBLE) (an array of numbers or {"size","indices","values"}), found string "abc".',
      ],
      [
        'VECTOR(DOUBLE)',
        'v',
        { indices: [0], values: [1] },
        'Row 1, column "v": expected VECTOR(DOUBLE) (an array of numbers or {"size","indices","values"}), found "size" null.',
      ],
      [
        'VECTOR(DOUBLE)',
        'v',
        { size: 2, n: 3, indices: [], values: [] },
        'Row 1, column "v": expected VECTOR(DOUBLE) (an array of numbers or {"size","indices","values"}), found object with "size" 2 and "n" 3.',
      ],
      [
        'VECTOR(DOUBLE)',
        'v',
        { size: 2, indices: [0], values: [1], x: 1 },
        'Row 1, column "v": expected VECTOR(DOUBLE) (an array of numbers or {"size","indices","values"}), found object with unexpected key "x".',
      ],
      [
        'VECTOR(DOUBLE)',
        'v',
        { size: 2, indices: [0.5], values: [1] },
        'Row 1, column "v": expected VECTOR(DOUBLE) (an array of numbers or {"size","indices","values"}), found "indices"[0] number 0.5.',
      ],
      [
        'VECTOR(DOUBLE)',
        'v',
        { size: 2, indices: [0], values: 1 },
        'Row 1, column "v": expected VECTOR(DOUBLE) (an array of numbers or {"size","indices","values"}), found "values" number 1.',
      ],
      [
        'VECTOR(DOUBLE)',
        'v',
        { size: -1, indices: [], values: [] },
        'Row 1, column "v": expected VECTOR(DOUBLE) (an array of numbers or {"size","indices","values"}), found "size" number -1.',
      ],
      [
        'MATRIX(DOUBLE)',
        'm',
        { numRows: 2, numCols: 2, values: [1] },
        'Row 1, column "m": expected MATRIX(DOUBLE) ({"numRows","numCols","values"} with values column-major), found 1 values for a 2x2 matrix.',
      ],
      [
        'ARRAY(STRING)',
        't',
        ['a', 2],
        'Row 1, column "t" (element [1]): expected STRING (a string), found number 2.',
      ],
      [
        'ARRAY(STRING)',
        't',
        'a b',
        'Row 1, column "t": expected ARRAY(STRING) (an array), found string "a b".',
      ],
      [
        'ARRAY(ARRAY(INT))',
        't',
        [[1], [2, 'x']],
        'Row 1, column "t" (element [1][1]): expected INT (an integer in [-2147483648, 2147483647]), found string "x".',
      ],
      [
        'ARRAY(VECTOR(DOUBLE))',
        't',
        [[1], true],
        'Row 1, column "t" (element [1]): expected VECTOR(DOUBLE) (an array of numbers or {"size","indices","values"}), found boolean true.',
      ],
    ];
    it.each(cases)('%s rejects %j', (type, column, value, message) => {
      const e = conversionError(() =>
        DataFrame.fromRecords([{}, { [column]: value }], [{ name: column, type }]),
      );
      expect(e.message).toBe(message);
      expect(e.row).toBe(1);
      expect(e.column).toBe(column);
      expect(e.code).toBe('RECORD_CONVERSION');
    });

    it('reports invalid sparse vectors with the linalg reason', () => {
      const dup = conversionError(() =>
        DataFrame.fromRecords(
          [{ v: { size: 3, indices: [1, 1], values: [1, 2] } }],
          [{ name: 'v', type: 'VECTOR(DOUBLE)' }],
        ),
      );
      expect(dup.message).toMatch(
        /^Row 0, column "v": expected VECTOR\(DOUBLE\) .*, found invalid sparse vector: /,
      );
      const range = conversionError(() =>
        DataFrame.fromRecords(
          [{ v: { size: 2, indices: [2], values: [1] } }],
          [{ name: 'v', type: 'VECTOR(DOUBLE)' }],
        ),
      );
      expect(range.found).toMatch(/^invalid sparse vector: /);
      const lengths = conversionError(() =>
        DataFrame.fromRecords(
          [{ v: { size: 2, indices: [0, 1], values: [1] } }],
          [{ name: 'v', type: 'VECTOR(DOUBLE)' }],
        ),
      );
      expect(lengths.found).toMatch(/^invalid sparse vector: /);
    });

    it('rejects a record that is not an object', () => {
      const e = conversionError(() =>
        DataFrame.fromRecords(
          [{ x: 1 }, [] as unknown as Record<string, unknown>],
          [{ name: 'x', type: 'DOUBLE' }],
        ),
      );
      expect(e.message).toBe('Row 1: expected a JSON object (a record), found array of length 0.');
      expect(e.column).toBeUndefined();
    });

    it('reports the row of a bad value after a null in a numeric column', () => {
      const e = conversionError(() =>
        DataFrame.fromRecords(
          [{ x: 1 }, { x: null }, { x: true }],
          [{ name: 'x', type: 'DOUBLE' }],
        ),
      );
      expect(e.row).toBe(2);
      expect(e.found).toBe('boolean true');
    });
  });
});

describe('DataFrame.toRecords', () => {
  it('writes vectors, non-finite doubles, byte strings, matrices and nulls', () => {
    const df = new DataFrame(
      ['features', 'label', 'n', 'bytes', 'm', 'tokens', 'opt'],
      [
        DataTypes.VECTOR(BasicType.DOUBLE),
        DataTypes.DOUBLE,
        DataTypes.INT,
        DataTypes.BYTE_STRING,
        DataTypes.MATRIX(BasicType.DOUBLE),
        DataTypes.ARRAY(DataTypes.STRING),
        DataTypes.DOUBLE,
      ],
      [
        new Row([
          Vectors.dense(1, Number.NaN),
          Number.POSITIVE_INFINITY,
          3,
          new Uint8Array([1, 2, 3]),
          new DenseMatrix(1, 2, [5, 6]),
          ['a'],
          null,
        ]),
        new Row([
          Vectors.sparse(4, [2], [Number.NEGATIVE_INFINITY]),
          -1.5,
          -4,
          new Uint8Array(0),
          null,
          [],
          0.5,
        ]),
      ],
    );
    const records = df.toRecords();
    expect(records).toEqual([
      {
        features: [1, 'NaN'],
        label: 'Infinity',
        n: 3,
        bytes: 'AQID',
        m: { numRows: 1, numCols: 2, values: [5, 6] },
        tokens: ['a'],
        opt: null,
      },
      {
        features: { size: 4, indices: [2], values: ['-Infinity'] },
        label: -1.5,
        n: -4,
        bytes: '',
        m: null,
        tokens: [],
        opt: 0.5,
      },
    ]);
    expect(Object.keys(records[0] ?? {})).toEqual(df.getColumnNames());
  });

  it('writes a column named __proto__ as an own key', () => {
    const df = DataFrame.fromColumns(['__proto__'], [DataTypes.STRING], [['x']]);
    const [record] = df.toRecords();
    expect(Object.keys(record ?? {})).toEqual(['__proto__']);
    expect(JSON.stringify(df.toRecords())).toBe('[{"__proto__":"x"}]');
    const back = DataFrame.fromRecords(JSON.parse(JSON.stringify(df.toRecords())), df.getSchema());
    expect(back.getValues('__proto__')).toEqual(['x']);
  });

  it('refuses duplicate column names', () => {
    const df = new DataFrame(['a', 'a'], [DataTypes.DOUBLE, DataTypes.DOUBLE], [new Row([1, 2])]);
    expect(() => df.toRecords()).toThrow(DuplicateColumnError);
  });

  it('keeps -0 in records; JSON.stringify is what writes it as 0', () => {
    const df = DataFrame.fromColumns(['x'], [DataTypes.DOUBLE], [new Float64Array([-0])]);
    const [record] = df.toRecords();
    expect(Object.is(record?.x, -0)).toBe(true);
    expect(JSON.stringify(record)).toBe('{"x":0}');
    expect(Object.is(JSON.parse('-0.0'), -0)).toBe(true);
  });
});
