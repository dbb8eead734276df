import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  FeatureDimensionError,
  ModelDataError,
} from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  selectByIndices,
  UnivariateFeatureSelectorModelDataCodec,
  UnivariateFeatureSelectorModelServable,
} from '../src/univariate-feature-selector/index.js';
import { fuzzModelDataFrom } from './support/decoder-fuzz.js';
import { expectRecordRoundTrip, modelDataRecordBytes } from './support/encodings.js';
import {
  caseModelData,
  expectCaseError,
  itEachCase,
  loadVectorFile,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

const file = loadVectorFile('UnivariateFeatureSelector');
const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

function servable(indices?: number[]) {
  const s = new UnivariateFeatureSelectorModelServable();
  return indices ? s.setModel({ indices: Int32Array.from(indices) }) : s;
}

describe('UnivariateFeatureSelectorModelServable: Flink ML test vectors', () => {
  itEachCase(file, (c) => servable(caseModelData(file, c).indices as number[]), {
    error: (transform, c) => {
      expectCaseError(transform, c);
      expect(transform).toThrow(FeatureDimensionError);
    },
  });
});

describe('selectByIndices', () => {
  it('keeps explicit zeros of sparse input and matches a repeated index once (as Java)', () => {
    const sparse = new SparseVector(5, [1, 3], [0, 7]);
    const picked = selectByIndices(sparse, Int32Array.of(1, 3, 3)) as SparseVector;
    expect(picked.size()).toBe(3);
    expect(Array.from(picked.indices)).toEqual([0, 1]);
    expect(Array.from(picked.values)).toEqual([0, 7]);
    expect(
      Array.from(selectByIndices(new DenseVector([1, 2, 3, 4]), Int32Array.of(1, 3, 3)).toArray()),
    ).toEqual([2, 4, 4]);
  });

  it('gives the same values for dense and sparse forms of a vector', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ noNaN: true })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (values, picks) => {
          const n = values.length;
          const sorted = Int32Array.from(new Set(picks.map((p) => p % n))).sort();
          const dense = new DenseVector(values);
          const fromDense = selectByIndices(dense, sorted);
          const fromSparse = selectByIndices(dense.toSparse(), sorted);
          expect(fromDense.kind).toBe('dense');
          expect(fromSparse.kind).toBe('sparse');
          expect(Array.from(fromSparse.toArray())).toEqual(
            Array.from(fromDense.toArray()).map((v) => (v === 0 ? 0 : v)),
          );
        },
      ),
    );
  });
});

describe('UnivariateFeatureSelectorModelServable behaviour', () => {
  it('empty selection gives empty dense vectors, even for null input', () => {
    const df = DataFrame.fromColumns(
      ['features'],
      [VECTOR],
      [[null, new SparseVector(3, [1], [2])]],
    );
    const out = servable([]).transform(df).getVectors('output');
    expect(out.map((v) => v?.toString())).toEqual(['[]', '[]']);
  });

  it('null vectors fail with a typed error naming the row', () => {
    const df = DataFrame.fromColumns(['features'], [VECTOR], [[new DenseVector([1]), null]]);
    expect(() => servable([0]).transform(df)).toThrow(ColumnTypeMismatchError);
    expect(() => servable([0]).transform(df)).toThrow('Column features, row 1');
  });

  it('rejects negative indices in model data', () => {
    expect(() => servable([1, -2])).toThrow(ModelDataError);
    expect(() => servable([1, -2])).toThrow('indices[1] is -2');
  });
});

describe('UnivariateFeatureSelectorModel persistence and model data', () => {
  it('reproduces the encodings.json record byte for byte', () => {
    const decoded = expectRecordRoundTrip(
      UnivariateFeatureSelectorModelDataCodec,
      'UnivariateFeatureSelectorModelData indices=[0,2,1]',
    );
    expect(Array.from(decoded.indices)).toEqual([0, 2, 1]);
  });

  it('save → load keeps params and model data', async () => {
    await expectSaveLoadRoundTrip(servable([0, 2, 1]).setFeaturesCol('f').setOutputCol('o'), (p) =>
      UnivariateFeatureSelectorModelServable.load(p),
    );
  });

  it('decoder fuzz; corrupt data keeps the old model', async () => {
    const input = DataFrame.fromColumns(
      ['features'],
      [VECTOR],
      [[new DenseVector([1, 2, 3, 4]), new SparseVector(4, [0, 2], [5, 6])]],
    );
    await fuzzModelDataFrom(
      servable(),
      modelDataRecordBytes('UnivariateFeatureSelectorModelData indices=[0,2,1]'),
      (s) =>
        s
          .transform(input)
          .getVectors('output')
          .map((v) => v?.toString()),
    );
  });
});
