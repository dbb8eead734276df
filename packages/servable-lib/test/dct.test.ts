import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector } from '@servable/linalg';
import { ColumnTypeMismatchError, InvalidInputValueError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { DCTServable, DctPlan } from '../src/dct/index.js';
import { itEachCase, loadVectorFile, paramsServable } from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

const file = loadVectorFile('DCT');
const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

const fromParams = paramsServable(file, () => new DCTServable());

describe('DCTServable: Flink ML test vectors', () => {
  itEachCase(file, fromParams);
});

describe('DCTServable behaviour', () => {
  it('gives dense output for sparse input, leaves the input alone, handles mixed lengths', () => {
    const dense = new DenseVector([1, 0, -1, 0]);
    const df = DataFrame.fromColumns(
      ['input'],
      [VECTOR],
      [
        [
          dense,
          new SparseVector(4, [0, 2], [1, -1]),
          new DenseVector(Float64Array.from({ length: 300 }, (_, i) => i % 5)),
        ],
      ],
    );
    const out = new DCTServable().transform(df).getVectors('output');
    expect(out[0]?.kind).toBe('dense');
    expect(out[1]?.kind).toBe('dense');
    expect(Array.from(out[1]!.toArray())).toEqual(Array.from(out[0]!.toArray()));
    expect(dense.toString()).toBe('[1.0, 0.0, -1.0, 0.0]');
    const long = new DctPlan(300, 'direct').forward(df.getVectors('input')[2]!.toArray());
    const got = out[2]!.toArray();
    for (let i = 0; i < 300; i++) expect(Math.abs(got[i]! - long[i]!)).toBeLessThan(1e-11);
  });

  it('inverse(forward(x)) = x through the servable', () => {
    const x = new DenseVector([3, -1, 4, 1, -5, 9, 2]);
    const df = DataFrame.fromColumns(['input'], [VECTOR], [[x]]);
    const y = new DCTServable().transform(df).getVectors('output')[0]!;
    const back = new DCTServable()
      .setInverse(true)
      .transform(DataFrame.fromColumns(['input'], [VECTOR], [[y]]))
      .getVectors('output')[0]!;
    const values = back.toArray();
    for (let i = 0; i < values.length; i++) {
      expect(Math.abs(values[i]! - x.get(i))).toBeLessThan(1e-14);
    }
  });

  it('null and empty vectors fail with typed errors', () => {
    const s = new DCTServable();
    expect(() => s.transform(DataFrame.fromColumns(['input'], [VECTOR], [[null]]))).toThrow(
      ColumnTypeMismatchError,
    );
    expect(() =>
      s.transform(DataFrame.fromColumns(['input'], [VECTOR], [[new DenseVector(0)]])),
    ).toThrow(InvalidInputValueError);
  });

  it('save → load round trip', async () => {
    const loaded = await expectSaveLoadRoundTrip(fromParams(file.cases[1]!), DCTServable.load);
    expect(loaded.getInverse()).toBe(true);
  });
});
