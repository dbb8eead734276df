import {
  BasicType,
  ColumnNotFoundError,
  ColumnTypeError,
  DataFrame,
  DataTypes,
  DuplicateColumnError,
  describeValue,
  Row,
  ShapeError,
  valueProblem,
} from '@servable/dataframe';
import { DenseVector, SparseVector, Vectors } from '@servable/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

function sample(): DataFrame {
  return new DataFrame(
    ['features', 'label'],
    [DataTypes.VECTOR(BasicType.DOUBLE), DataTypes.DOUBLE],
    [new Row([Vectors.dense(1, 2), 1.0]), new Row([Vectors.sparse(2, [1], [3]), 0.0])],
  );
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw');
}

describe('DataFrame', () => {
  it('runs the foundation acceptance snippet', () => {
    const df = new DataFrame(
      ['features', 'label'],
      [DataTypes.VECTOR(BasicType.DOUBLE), DataTypes.DOUBLE],
      [new Row([Vectors.dense(1, 2), 1.0]), new Row([Vectors.sparse(2, [1], [3]), 0.0])],
    );
    expect(df.getIndex('label')).toBe(1);
    expect(df.collect()[1]?.get(0)).toBeInstanceOf(SparseVector);
    expect(df.addColumn('score', DataTypes.DOUBLE, [0.5, 0.25]).getColumnNames()).toEqual([
      'features',
      'label',
      'score',
    ]);
    expect(df.getColumnNames()).toEqual(['features', 'label']);
    expect(df.getDoubles('label')).toEqual(new Float64Array([1, 0]));
    expect(() => df.getIndex('nope')).toThrow(ColumnNotFoundError);
    expect(() => df.getIndex('nope')).toThrow(/features, label/);
    expect(() => new DataFrame(['x'], [DataTypes.DOUBLE], [new Row(['a'])])).toThrow(
      ColumnTypeError,
    );
  });

  describe('construction', () => {
    it('rejects a different number of types and names (Java message)', () => {
      expect(() => new DataFrame(['a', 'b'], [DataTypes.DOUBLE], [])).toThrow(
        new ShapeError(
          'The number of data types 1 is different from the number of column names 2.',
        ),
      );
    });

    it('rejects a row of the wrong size, naming the row', () => {
      const e = thrown(
        () =>
          new DataFrame(
            ['a', 'b'],
            [DataTypes.DOUBLE, DataTypes.DOUBLE],
            [new Row([1, 2]), new Row([1, 2]), new Row([3])],
          ),
      );
      expect(e).toBeInstanceOf(ShapeError);
      expect((e as ShapeError).code).toBe('SHAPE');
      expect((e as Error).message).toBe(
        'The row size 1 is different from the number of column names 2 (row 2).',
      );
    });

    it('names column, row, expected and found in a type error', () => {
      const e = thrown(
        () =>
          new DataFrame(
            ['x', 'v'],
            [DataTypes.DOUBLE, DataTypes.VECTOR(BasicType.DOUBLE)],
            [new Row([1, Vectors.dense(1)]), new Row([2, [1, 2]])],
          ),
      ) as ColumnTypeError;
      expect(e).toBeInstanceOf(ColumnTypeError);
      expect(e.column).toBe('v');
      expect(e.row).toBe(1);
      expect(e.expected).toBe('VECTOR(DOUBLE)');
      expect(e.found).toBe('array');
      expect(e.message).toBe('Column v, row 1: expected VECTOR(DOUBLE) (Vector), found array.');
    });

    it('treats undefined as null', () => {
      const df = new DataFrame(['s'], [DataTypes.STRING], [new Row([undefined]), new Row(['a'])]);
      expect(df.getValues('s')).toEqual([null, 'a']);
    });

    it('builds an empty frame', () => {
      const df = new DataFrame(['a'], [DataTypes.DOUBLE], []);
      expect(df.numRows()).toBe(0);
      expect(df.getDoubles('a')).toEqual(new Float64Array(0));
      expect(df.collect()).toEqual([]);
    });
  });

  describe('value checks per basic type', () => {
    const accept: [string, unknown][] = [
      ['BOOLEAN', true],
      ['BYTE', -128],
      ['BYTE', 127],
      ['SHORT', -32768],
      ['SHORT', 32767],
      ['INT', -2147483648],
      ['INT', 2147483647],
      ['LONG', Number.MAX_SAFE_INTEGER],
      ['LONG', Number.MIN_SAFE_INTEGER],
      ['FLOAT', 1.5],
      ['DOUBLE', Number.NaN],
      ['DOUBLE', Number.POSITIVE_INFINITY],
      ['STRING', ''],
      ['BYTE_STRING', new Uint8Array([1, 2])],
    ];
    const reject: [string, unknown, string][] = [
      ['BOOLEAN', 1, 'number'],
      ['BOOLEAN', 'true', 'string'],
      ['BYTE', 128, 'number'],
      ['BYTE', -129, 'number'],
      ['SHORT', 32768, 'number'],
      ['SHORT', -32769, 'number'],
      ['INT', 2147483648, 'number'],
      ['INT', -2147483649, 'number'],
      ['INT', 1.5, 'number'],
      ['INT', Number.NaN, 'number'],
      ['LONG', 2 ** 53, 'number'],
      ['LONG', -(2 ** 53), 'number'],
      ['LONG', 0.5, 'number'],
      ['FLOAT', '1', 'string'],
      ['DOUBLE', true, 'boolean'],
      ['DOUBLE', 1n, 'bigint'],
      ['STRING', 1, 'number'],
      ['BYTE_STRING', 'AQI=', 'string'],
      ['BYTE_STRING', [1, 2], 'array'],
    ];

    it.each(accept)('%s accepts %s', (t, v) => {
      const type = DataTypes[t as BasicType];
      const df = new DataFrame(['c'], [type], [new Row([v])]);
      expect(df.collect()[0]?.get(0)).toEqual(v);
    });

    it.each(reject)('%s rejects %s', (t, v, found) => {
      const type = DataTypes[t as BasicType];
      const e = thrown(() => new DataFrame(['c'], [type], [new Row([null]), new Row([v])]));
      expect(e).toBeInstanceOf(ColumnTypeError);
      expect((e as ColumnTypeError).row).toBe(1);
      expect((e as ColumnTypeError).expected).toBe(t);
      expect((e as ColumnTypeError).found).toBe(found);
      expect((e as Error).message).toMatch(new RegExp(`^Column c, row 1: expected ${t} `));
    });

    it('checks MATRIX and ARRAY values', () => {
      expect(
        () => new DataFrame(['m'], [DataTypes.MATRIX(BasicType.DOUBLE)], [new Row([[1]])]),
      ).toThrow('Column m, row 0: expected MATRIX(DOUBLE) (Matrix), found array.');
      expect(
        () => new DataFrame(['t'], [DataTypes.ARRAY(DataTypes.STRING)], [new Row([['a', 2]])]),
      ).toThrow('Column t, row 0: expected ARRAY(STRING) (array of string), found array.');
      expect(
        () => new DataFrame(['t'], [DataTypes.ARRAY(DataTypes.STRING)], [new Row(['a'])]),
      ).toThrow('Column t, row 0: expected ARRAY(STRING) (array), found string.');
      const ok = new DataFrame(
        ['t'],
        [DataTypes.ARRAY(DataTypes.VECTOR(BasicType.DOUBLE))],
        [new Row([[Vectors.dense(1), null]])],
      );
      expect(ok.getValues('t')[0]).toEqual([Vectors.dense(1), null]);
    });
  });

  describe('STRING and ARRAY(STRING) columns (fast path, same rules and errors)', () => {
    const STRINGS = DataTypes.ARRAY(DataTypes.STRING);
    const thrownBy = (fn: () => unknown): ColumnTypeError => {
      const e = thrown(fn);
      expect(e).toBeInstanceOf(ColumnTypeError);
      return e as ColumnTypeError;
    };

    it('names column, row, expected and found for a bad STRING value, on every way in', () => {
      const base = DataFrame.fromColumns(['x'], [DataTypes.DOUBLE], [[1, 2, 3]]);
      const bad = ['a', null, Vectors.dense(1)];
      const message = 'Column s, row 2: expected STRING (string), found DenseVector.';
      for (const e of [
        thrownBy(() => base.addColumn('s', DataTypes.STRING, bad)),
        thrownBy(() => base.withColumn('s', DataTypes.STRING, bad)),
        thrownBy(() => base.addColumns(['s'], [DataTypes.STRING], [bad])),
        thrownBy(() => DataFrame.fromColumns(['s'], [DataTypes.STRING], [bad])),
        thrownBy(
          () =>
            new DataFrame(
              ['s'],
              [DataTypes.STRING],
              bad.map((v) => new Row([v])),
            ),
        ),
      ]) {
        expect(e.message).toBe(message);
        expect([e.column, e.row, e.expected, e.found]).toEqual(['s', 2, 'STRING', 'DenseVector']);
      }
      for (const [value, found] of [
        [true, 'boolean'],
        [['a'], 'array'],
        [{}, 'Object'],
        [new Uint8Array(1), 'Uint8Array'],
      ] as const) {
        const e = thrownBy(() => base.addColumn('s', DataTypes.STRING, ['a', value, 'b']));
        expect(e.message).toBe(`Column s, row 1: expected STRING (string), found ${found}.`);
      }
    });

    it('keeps nulls of a STRING column and stores undefined as null', () => {
      const df = DataFrame.fromColumns(['s'], [DataTypes.STRING], [['a', null, undefined, '']]);
      expect(df.getValues('s')).toEqual(['a', null, null, '']);
    });

    it('names column, row, expected and found for a bad ARRAY(STRING) value', () => {
      const base = DataFrame.fromColumns(['x'], [DataTypes.DOUBLE], [[1, 2]]);
      const cases: [unknown, string, string][] = [
        [['a', 1], 'array of string', 'array'],
        [['a', undefined], 'array of string', 'array'],
        [[Vectors.dense(1)], 'array of string', 'array'],
        [[['a']], 'array of string', 'array'],
        ['a b', 'array', 'string'],
        [new Set(['a']), 'array', 'Set'],
        [0, 'array', 'number'],
      ];
      for (const [value, problem, found] of cases) {
        for (const e of [
          thrownBy(() => base.addColumn('t', STRINGS, [['ok'], value])),
          thrownBy(() => base.addColumns(['t'], [STRINGS], [[['ok'], value]])),
          thrownBy(() => DataFrame.fromColumns(['t'], [STRINGS], [[['ok'], value]])),
        ]) {
          expect(e.message).toBe(
            `Column t, row 1: expected ARRAY(STRING) (${problem}), found ${found}.`,
          );
          expect([e.column, e.row, e.expected, e.found]).toEqual(['t', 1, 'ARRAY(STRING)', found]);
        }
      }
      // A hole in an array reads as undefined: not a string, not null.
      const holey = ['a'];
      holey[2] = 'c';
      expect(() => base.addColumn('t', STRINGS, [holey, []])).toThrow(
        'Column t, row 0: expected ARRAY(STRING) (array of string), found array.',
      );
    });

    it('accepts null elements and null rows in an ARRAY(STRING) column', () => {
      const df = DataFrame.fromColumns(['t'], [STRINGS], [[['a', null], null, undefined, []]]);
      expect(df.getValues('t')).toEqual([['a', null], null, null, []]);
    });

    it('property: the stored values or the error are those of valueProblem, for STRING and ARRAY(STRING)', () => {
      const scalar = fc.oneof(
        fc.string({ maxLength: 3 }),
        fc.constantFrom(null, undefined, 0, true, Vectors.dense(1)),
      );
      const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
      fc.assert(
        fc.property(fc.array(value, { maxLength: 8 }), fc.boolean(), (values, arrays) => {
          const type = arrays ? STRINGS : DataTypes.STRING;
          const bad = values.findIndex((v) => valueProblem(type, v ?? null) !== undefined);
          if (bad < 0) {
            const df = DataFrame.fromColumns(['c'], [type], [values]);
            expect(df.getValues('c')).toEqual(values.map((v) => v ?? null));
            return;
          }
          const v = values[bad];
          const e = thrownBy(() => DataFrame.fromColumns(['c'], [type], [values]));
          expect(e.message).toBe(
            `Column c, row ${bad}: expected ${type.toString()} (${valueProblem(type, v)}), found ${describeValue(v)}.`,
          );
          expect([e.column, e.row, e.expected, e.found]).toEqual([
            'c',
            bad,
            type.toString(),
            describeValue(v),
          ]);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('numeric storage and nulls', () => {
    it('stores a numeric column without nulls as a Float64Array', () => {
      const df = new DataFrame(['i'], [DataTypes.INT], [new Row([1]), new Row([2])]);
      expect(df.column('i')).toBeInstanceOf(Float64Array);
      expect(df.getDoubles('i')).toBe(df.column('i'));
    });

    it('falls back to array storage for a nullable numeric column', () => {
      const df = new DataFrame(
        ['x'],
        [DataTypes.DOUBLE],
        [new Row([1]), new Row([null]), new Row([3])],
      );
      expect(Array.isArray(df.column('x'))).toBe(true);
      expect(df.getValues('x')).toEqual([1, null, 3]);
      const e = thrown(() => df.getDoubles('x')) as ColumnTypeError;
      expect(e).toBeInstanceOf(ColumnTypeError);
      expect(e.row).toBe(1);
      expect(e.message).toBe('Column x, row 1: expected a number, found null.');
    });

    it('still type-checks the values after a null', () => {
      expect(
        () => new DataFrame(['x'], [DataTypes.DOUBLE], [new Row([null]), new Row(['a'])]),
      ).toThrow('Column x, row 1: expected DOUBLE (number), found string.');
    });

    it('refuses getDoubles on a non-numeric column and getVectors on a non-vector column', () => {
      const df = sample();
      expect(() => df.getDoubles('features')).toThrow(
        'Column features has type VECTOR(DOUBLE), expected a numeric column.',
      );
      expect(() => df.getVectors('label')).toThrow(
        'Column label has type DOUBLE, expected a vector column.',
      );
      expect(df.getVectors('features')[0]).toBeInstanceOf(DenseVector);
    });

    it('boxes a Float64Array column once for getValues', () => {
      const df = sample();
      const values = df.getValues('label');
      expect(values).toEqual([1, 0]);
      expect(df.getValues(1)).toBe(values);
    });
  });

  describe('column lookup', () => {
    it('lists the available columns when a name is missing', () => {
      const df = sample();
      const e = thrown(() => df.getDataType('nope')) as ColumnNotFoundError;
      expect(e).toBeInstanceOf(ColumnNotFoundError);
      expect(e.code).toBe('COLUMN_NOT_FOUND');
      expect(e.available).toEqual(['features', 'label']);
      expect(e.message).toBe(
        'Failed to find the column with the name nope. Available columns: [features, label].',
      );
      expect(() => df.column('nope')).toThrow(ColumnNotFoundError);
      expect(() => df.select(['label', 'nope'])).toThrow(ColumnNotFoundError);
    });

    it('returns types by name and position; rejects a bad position', () => {
      const df = sample();
      expect(df.getDataType('label').equals(DataTypes.DOUBLE)).toBe(true);
      expect(df.getDataType(0).toString()).toBe('VECTOR(DOUBLE)');
      expect(() => df.getDataType(2)).toThrow(
        'Column position 2 is out of range; the DataFrame has 2 columns.',
      );
      expect(df.hasColumn('label')).toBe(true);
      expect(df.hasColumn('x')).toBe(false);
    });

    it('finds the first of duplicated names, as Java does', () => {
      const df = new DataFrame(
        ['a', 'a'],
        [DataTypes.DOUBLE, DataTypes.STRING],
        [new Row([1, 'x'])],
      );
      expect(df.getIndex('a')).toBe(0);
    });
  });

  describe('addColumn / withColumn', () => {
    it('rejects a value count different from the row count', () => {
      expect(() => sample().addColumn('s', DataTypes.DOUBLE, [1])).toThrow(
        new ShapeError('The number of values 1 is different from the number of rows 2 (column s).'),
      );
    });

    it('rejects a duplicate column', () => {
      const e = thrown(() => sample().addColumn('label', DataTypes.DOUBLE, [1, 2]));
      expect(e).toBeInstanceOf(DuplicateColumnError);
      expect((e as Error).message).toBe('The DataFrame already has a column named label.');
    });

    it('type-checks the new values', () => {
      expect(() => sample().addColumn('s', DataTypes.STRING, ['a', 1])).toThrow(
        'Column s, row 1: expected STRING (string), found number.',
      );
    });

    it('leaves the original unchanged and shares the unchanged columns', () => {
      const df = sample();
      df.collect();
      const more = df.addColumn('score', DataTypes.DOUBLE, new Float64Array([0.5, 0.25]));
      expect(df.getColumnNames()).toEqual(['features', 'label']);
      expect(df.collect()[0]?.size()).toBe(2);
      expect(more.collect()[0]?.size()).toBe(3);
      expect(more.column('label')).toBe(df.column('label'));
      expect(more.column('features')).toBe(df.column('features'));
    });

    it('addColumns appends several columns in one frame, with the same checks', () => {
      const df = sample();
      const scores = new Float64Array([0.5, 0.25]);
      const more = df.addColumns(
        ['score', 'tag'],
        [DataTypes.DOUBLE, DataTypes.STRING],
        [scores, ['a', 'b']],
      );
      expect(more.getColumnNames()).toEqual(['features', 'label', 'score', 'tag']);
      expect(more.getDoubles('score')).toBe(scores);
      expect(more.getValues('tag')).toEqual(['a', 'b']);
      expect(more.column('label')).toBe(df.column('label'));
      expect(df.getColumnNames()).toEqual(['features', 'label']);
      expect(() => df.addColumns(['label'], [DataTypes.DOUBLE], [[1, 2]])).toThrow(
        DuplicateColumnError,
      );
      expect(() =>
        df.addColumns(
          ['x', 'x'],
          [DataTypes.DOUBLE, DataTypes.DOUBLE],
          [
            [1, 2],
            [3, 4],
          ],
        ),
      ).toThrow('The DataFrame already has a column named x.');
      expect(() => df.addColumns(['s'], [DataTypes.DOUBLE], [[1]])).toThrow(
        new ShapeError('The number of values 1 is different from the number of rows 2 (column s).'),
      );
      expect(() => df.addColumns(['s'], [DataTypes.STRING], [['a', 1]])).toThrow(
        'Column s, row 1: expected STRING (string), found number.',
      );
      expect(() => df.addColumns(['s', 't'], [DataTypes.STRING], [['a', 'b']])).toThrow(ShapeError);
    });

    it('withColumn replaces a column in place of the old one', () => {
      const df = sample();
      const replaced = df.withColumn('label', DataTypes.STRING, ['a', 'b']);
      expect(replaced.getColumnNames()).toEqual(['features', 'label']);
      expect(replaced.getDataType('label').equals(DataTypes.STRING)).toBe(true);
      expect(replaced.getValues('label')).toEqual(['a', 'b']);
      expect(df.getValues('label')).toEqual([1, 0]);
    });
  });

  describe('fromColumns', () => {
    it("keeps its own names and types: later changes to the caller's arrays do not show", () => {
      for (const width of [1, 2]) {
        const names = ['a', 'b'].slice(0, width);
        const types = [DataTypes.DOUBLE, DataTypes.STRING].slice(0, width);
        const df = DataFrame.fromColumns(names, types, [[1], ['x']].slice(0, width));
        names[0] = 'changed';
        types[0] = DataTypes.STRING;
        expect(df.getColumnNames()[0]).toBe('a');
        expect(df.getDataType(0)).toBe(DataTypes.DOUBLE);
      }
    });

    it('checks every vector of a vector column, naming the row', () => {
      const v = Vectors.dense(1, 2);
      const df = DataFrame.fromColumns(['v'], [VECTOR], [[v, null, undefined]]);
      expect(df.getVectors('v')).toEqual([v, null, null]);
      expect(() => DataFrame.fromColumns(['v'], [VECTOR], [[v, [1, 2]]])).toThrow(
        'Column v, row 1: expected VECTOR(DOUBLE) (Vector), found array.',
      );
    });

    it('uses a Float64Array without copying', () => {
      const xs = new Float64Array([1, 2, 3]);
      const df = DataFrame.fromColumns(
        ['x', 's'],
        [DataTypes.DOUBLE, DataTypes.STRING],
        [xs, ['a', 'b', 'c']],
      );
      expect(df.column('x')).toBe(xs);
      expect(df.getDoubles('x')).toBe(xs);
      expect(df.numRows()).toBe(3);
    });

    it('checks integer values held in a Float64Array', () => {
      expect(() =>
        DataFrame.fromColumns(['i'], [DataTypes.INT], [new Float64Array([1, 2.5])]),
      ).toThrow('Column i, row 1: expected INT (32-bit integer (INT)), found number.');
    });

    it('refuses a Float64Array for a non-numeric column', () => {
      expect(() =>
        DataFrame.fromColumns(['s'], [DataTypes.STRING], [new Float64Array([1])]),
      ).toThrow('Column s: a Float64Array can only hold a numeric column, not STRING.');
    });

    it('checks column counts and lengths', () => {
      expect(() =>
        DataFrame.fromColumns(['a', 'b'], [DataTypes.DOUBLE, DataTypes.DOUBLE], [[1]]),
      ).toThrow('The number of columns 1 is different from the number of column names 2.');
      expect(() =>
        DataFrame.fromColumns(['a', 'b'], [DataTypes.DOUBLE, DataTypes.DOUBLE], [[1, 2], [1]]),
      ).toThrow('Column b has 1 values but the DataFrame has 2 rows.');
    });

    it('takes the row count of a frame without columns', () => {
      expect(DataFrame.fromColumns([], [], [], 4).numRows()).toBe(4);
    });
  });

  describe('select / drop / filterRows', () => {
    it('selects columns by name or position, in the given order', () => {
      const df = sample().addColumn('s', DataTypes.STRING, ['a', 'b']);
      const sel = df.select(['s', 0]);
      expect(sel.getColumnNames()).toEqual(['s', 'features']);
      expect(sel.column('features')).toBe(df.column('features'));
      expect(df.getColumnNames()).toEqual(['features', 'label', 's']);
    });

    it('drops columns', () => {
      const df = sample().addColumn('s', DataTypes.STRING, ['a', 'b']);
      expect(df.drop(['label']).getColumnNames()).toEqual(['features', 's']);
      expect(df.drop([0, 's']).getColumnNames()).toEqual(['label']);
      expect(() => df.drop(['x'])).toThrow(ColumnNotFoundError);
    });

    it('filters rows, keeping column storage kinds', () => {
      const df = sample().addColumn('s', DataTypes.STRING, ['a', 'b']);
      const kept = df.filterRows([false, true]);
      expect(kept.numRows()).toBe(1);
      expect(kept.column('label')).toBeInstanceOf(Float64Array);
      expect(kept.getDoubles('label')).toEqual(new Float64Array([0]));
      expect(kept.getValues('s')).toEqual(['b']);
      expect(kept.collect()[0]?.get(0)).toBeInstanceOf(SparseVector);
      expect(df.numRows()).toBe(2);
      expect(df.filterRows([1, 1])).toBe(df);
      expect(df.filterRows(new Uint8Array([0, 0])).numRows()).toBe(0);
      expect(() => df.filterRows([true])).toThrow('filterRows needs 2 flags, got 1.');
    });

    it('property: keeps exactly the flagged rows of every column kind, in order', () => {
      const cell = fc.record({
        x: fc.double(),
        n: fc.option(fc.integer({ min: -5, max: 5 })),
        s: fc.option(fc.string({ maxLength: 3 })),
        t: fc.array(fc.string({ maxLength: 2 }), { maxLength: 3 }),
      });
      const flag = fc.oneof(fc.boolean(), fc.constantFrom(0, 1, 2));
      fc.assert(
        fc.property(fc.array(fc.tuple(cell, flag), { maxLength: 12 }), (rows) => {
          const df = DataFrame.fromColumns(
            ['x', 'n', 's', 't'],
            [DataTypes.DOUBLE, DataTypes.INT, DataTypes.STRING, DataTypes.ARRAY(DataTypes.STRING)],
            [
              rows.map(([c]) => c.x),
              rows.map(([c]) => c.n),
              rows.map(([c]) => c.s),
              rows.map(([c]) => c.t),
            ],
          );
          const flags = rows.map(([, f]) => f);
          const kept = rows.filter(([, f]) => f);
          for (const keep of [flags, Uint8Array.from(flags, Number)]) {
            const out = df.filterRows(keep);
            expect(out.numRows()).toBe(kept.length);
            expect(out.column('x')).toBeInstanceOf(Float64Array);
            expect(Array.from(out.getDoubles('x'))).toEqual(kept.map(([c]) => c.x));
            expect(out.getValues('n')).toEqual(kept.map(([c]) => c.n));
            expect(out.getValues('s')).toEqual(kept.map(([c]) => c.s));
            expect(out.getValues('t')).toEqual(kept.map(([c]) => c.t));
            expect(out.collect().map((r) => r.get(2))).toEqual(kept.map(([c]) => c.s));
          }
        }),
        { numRuns: 200 },
      );
    });

    it('getDoubles of a nullable numeric column whose nulls were filtered out', () => {
      const df = DataFrame.fromColumns(['n'], [DataTypes.INT], [[1, null, 3]]);
      const kept = df.filterRows([true, false, true]);
      expect(Array.isArray(kept.column('n'))).toBe(true);
      expect(kept.getDoubles('n')).toEqual(new Float64Array([1, 3]));
      const e = thrown(() => df.filterRows([false, true, true]).getDoubles('n')) as ColumnTypeError;
      expect(e).toBeInstanceOf(ColumnTypeError);
      expect(e.message).toBe('Column n, row 0: expected a number, found null.');
      expect([e.column, e.row, e.expected, e.found]).toEqual(['n', 0, 'INT', 'null']);
    });
  });

  describe('collect', () => {
    it('builds rows from the columns and caches them', () => {
      const df = sample();
      const rows = df.collect();
      expect(rows).toHaveLength(2);
      expect(rows[0]?.get(1)).toBe(1);
      expect(rows[1]?.getAs<SparseVector>(0).get(1)).toBe(3);
      expect(df.collect()).toBe(rows);
    });

    it('does not let a changed row change the columns', () => {
      const df = sample();
      df.collect()[0]?.add('extra');
      expect(df.getColumnNames()).toHaveLength(2);
      expect(df.select(['label']).collect()[0]?.size()).toBe(1);
    });
  });

  it('has a debugging summary and a schema', () => {
    const df = sample();
    expect(df.toString()).toBe('DataFrame(2 rows; features VECTOR(DOUBLE), label DOUBLE)');
    expect(df.getSchema().toString()).toBe('features VECTOR(DOUBLE), label DOUBLE');
    expect(df.getDataTypes().map(String)).toEqual(['VECTOR(DOUBLE)', 'DOUBLE']);
  });
});
