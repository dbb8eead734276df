import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector } from '@servable/linalg';
import { FeatureDimensionError, InvalidParamError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { sliceVector, VectorSlicerServable } from '../src/vector-slicer/index.js';
import { itEachCase, loadVectorFile, paramsServable } from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/transformer-round-trip.js';

const file = loadVectorFile('VectorSlicer');

const fromParams = paramsServable(file, () => new VectorSlicerServable());

describe('VectorSlicerServable: Flink ML test vectors', () => {
  itEachCase(file, fromParams);

  const invalid = file.invalidParams as { indices: number[]; error: string }[];
  invalid.forEach(({ indices, error }) => {
    it(`rejects indices ${JSON.stringify(indices)}`, () => {
      expect(() => new VectorSlicerServable().setIndices(indices)).toThrow(InvalidParamError);
      expect(() => new VectorSlicerServable().setIndices(indices)).toThrow(error);
    });
  });
});

describe('VectorSlicerServable behaviour', () => {
  it('sparse slices keep NaN and drop zeros', () => {
    const v = new SparseVector(4, [0, 2, 3], [Number.NaN, 0, 5]);
    expect(sliceVector(v, [3, 2, 0, 1]).toString()).toBe('(4, [0, 2], [5.0, NaN])');
  });

  it('an index beyond the vector fails with Java message (Index value 9 is greater …)', () => {
    const df = DataFrame.fromColumns(
      ['input'],
      [DataTypes.VECTOR(BasicType.DOUBLE)],
      [[new DenseVector([1, 2, 3])]],
    );
    const s = new VectorSlicerServable().setIndices([0, 9]);
    expect(() => s.transform(df)).toThrow(FeatureDimensionError);
    expect(() => s.transform(df)).toThrow(
      'Index value 9 is greater than vector size:3 (column input, row 0)',
    );
  });

  it('save → load round trip', async () => {
    const loaded = await expectSaveLoadRoundTrip(
      fromParams(file.cases[1]!),
      VectorSlicerServable.load,
    );
    expect(loaded.getIndices()).toEqual([0, 2, 1]);
  });
});
