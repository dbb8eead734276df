import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, type Vector, Vectors } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  FeatureDimensionError,
  forEachVector,
  MissingColumnError,
  mapVectorColumn,
} from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);
const frame = (rows: readonly (Vector | null)[]) =>
  DataFrame.fromColumns(['v'], [VECTOR], [rows as (Vector | null)[]]);
const dense = (...xs: number[]) => Vectors.dense(...xs);

class JavaStyleError extends FeatureDimensionError {}

describe('mapVectorColumn', () => {
  it('collects fn(vector, row) for every row', () => {
    const out = mapVectorColumn(
      frame([dense(1, 2), dense(3, 4)]),
      { column: 'v', stage: 'S' },
      (v, r) => v.get(0) * 10 + r,
    );
    expect(out).toEqual([10, 31]);
  });

  it('names the stage and the columns when the column is missing', () => {
    expect(() => mapVectorColumn(frame([]), { column: 'x', stage: 'IDFModel' }, (v) => v)).toThrow(
      new MissingColumnError('x', ['v'], 'IDFModel'),
    );
  });

  it('rejects a column that is not a vector column', () => {
    const df = DataFrame.fromColumns(['v'], [DataTypes.DOUBLE], [Float64Array.of(1)]);
    expect(() => mapVectorColumn(df, { column: 'v', stage: 'S' }, (v) => v)).toThrow(
      'Column v: expected VECTOR(DOUBLE), found DOUBLE.',
    );
  });

  it('rejects a null row, naming column and row, without calling fn', () => {
    let calls = 0;
    const run = () =>
      mapVectorColumn(frame([dense(1), null]), { column: 'v', stage: 'S' }, () => calls++);
    expect(run).toThrow(ColumnTypeMismatchError);
    expect(run).toThrow('Column v, row 1: expected VECTOR(DOUBLE), found null.');
    expect(calls).toBe(2); // row 0 of each run, never the null row
  });

  it("keeps null rows as null with nulls: 'keep'", () => {
    const out = mapVectorColumn(
      frame([null, dense(2)]),
      { column: 'v', stage: 'S', nulls: 'keep' },
      (v) => v.get(0),
    );
    expect(out).toEqual([null, 2]);
  });

  it('applies each dimension rule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom('exact', 'atLeast', 'atMost', 'none' as const),
        (dimension, size, dimensionRule) => {
          const df = frame([new DenseVector(size)]);
          const ok =
            dimensionRule === 'none' ||
            (dimensionRule === 'exact' && size === dimension) ||
            (dimensionRule === 'atLeast' && size >= dimension) ||
            (dimensionRule === 'atMost' && size <= dimension);
          const run = () =>
            mapVectorColumn(df, { column: 'v', stage: 'S', dimension, dimensionRule }, (v) =>
              v.size(),
            );
          if (ok) expect(run()).toEqual([size]);
          else
            expect(run).toThrow(
              `Column v, row 0: the vector has dimension ${size} but the model expects dimension ${dimension}.`,
            );
        },
      ),
    );
  });

  it("checks the exact dimension by default and skips the check when there's none", () => {
    const df = frame([dense(1, 2, 3)]);
    expect(() => mapVectorColumn(df, { column: 'v', stage: 'S', dimension: 2 }, (v) => v)).toThrow(
      FeatureDimensionError,
    );
    expect(mapVectorColumn(df, { column: 'v', stage: 'S' }, (v) => v.size())).toEqual([3]);
  });

  it('throws the custom dimension error when given', () => {
    const df = frame([dense(1), dense(1, 2)]);
    const run = () =>
      mapVectorColumn(
        df,
        {
          column: 'v',
          stage: 'S',
          dimension: 1,
          dimensionError: (row, found) => new JavaStyleError('v', row, 1, found),
        },
        (v) => v,
      );
    expect(run).toThrow(JavaStyleError);
    expect(run).toThrow('Column v, row 1: the vector has dimension 2');
  });
});

describe('forEachVector', () => {
  it('calls fn for every row and returns the row count', () => {
    const seen: number[] = [];
    const n = forEachVector(frame([dense(5), dense(6)]), { column: 'v', stage: 'S' }, (v, r) => {
      seen.push(v.get(0), r);
    });
    expect(n).toBe(2);
    expect(seen).toEqual([5, 0, 6, 1]);
  });

  it('rejects null rows and wrong dimensions like mapVectorColumn', () => {
    expect(() => forEachVector(frame([null]), { column: 'v', stage: 'S' }, () => {})).toThrow(
      'Column v, row 0: expected VECTOR(DOUBLE), found null.',
    );
    expect(() =>
      forEachVector(
        frame([dense(1, 2, 3)]),
        { column: 'v', stage: 'S', dimension: 2, dimensionRule: 'atMost' },
        () => {},
      ),
    ).toThrow(new FeatureDimensionError('v', 0, 2, 3));
  });
});
