import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector } from '@servable/linalg';
import {
  applyParamMapJson,
  FeatureDimensionError,
  InvalidParamError,
} from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { ElementwiseProductServable } from '../src/elementwise-product/index.js';
import {
  caseParams,
  expectCaseOutput,
  type FixtureJson,
  itEachCase,
  loadVectorFile,
  toVector,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

const file = loadVectorFile('ElementwiseProduct');
const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

function fromParams(c = file.cases[0]!) {
  const { scalingVec, ...rest } = caseParams(file, c);
  const s = new ElementwiseProductServable();
  applyParamMapJson(s, rest as Parameters<typeof applyParamMapJson>[1]);
  // The vector file writes vectors in its own {"dense": ...} notation, not Flink ML's JSON.
  return s.setScalingVec(toVector(scalingVec as FixtureJson));
}

describe('ElementwiseProductServable: Flink ML test vectors', () => {
  itEachCase(file, fromParams, {
    check: (out, c) => {
      if (c.expectedExact === true) expectCaseOutput(out, c, { tolerance: 0 });
    },
  });
});

describe('ElementwiseProductServable behaviour', () => {
  const run = (scaling: DenseVector | SparseVector, v: DenseVector | SparseVector) =>
    new ElementwiseProductServable()
      .setScalingVec(scaling)
      .transform(DataFrame.fromColumns(['input'], [VECTOR], [[v]]))
      .getVectors('output')[0]!
      .toString();

  it('follows hDot for every kind combination', () => {
    expect(run(new DenseVector([2, 3, 4]), new SparseVector(3, [1], [5]))).toBe('(3, [1], [15.0])');
    expect(run(new SparseVector(3, [1], [2]), new DenseVector([1, 1, 1]))).toBe('[0.0, 2.0, 0.0]');
    expect(run(new SparseVector(3, [1], [2]), new SparseVector(3, [0, 1], [7, 5]))).toBe(
      '(3, [0, 1], [0.0, 10.0])',
    );
  });

  it('does not modify the input vector', () => {
    const v = new DenseVector([1, 2]);
    run(new DenseVector([3, 3]), v);
    expect(v.toString()).toBe('[1.0, 2.0]');
  });

  it('size mismatch fails with Java message; scalingVec is required', () => {
    expect(() => run(new DenseVector([1, 2]), new DenseVector([1, 2, 3]))).toThrow(
      FeatureDimensionError,
    );
    expect(() => run(new DenseVector([1, 2]), new DenseVector([1, 2, 3]))).toThrow(
      'The scaling vector size is 2, which is not equal input vector size(3).',
    );
    const noScaling = new ElementwiseProductServable();
    expect(() => noScaling.transform(DataFrame.fromColumns(['input'], [VECTOR], [[null]]))).toThrow(
      InvalidParamError,
    );
  });

  it('save → load round trip (scalingVec as Flink ML JSON)', async () => {
    const loaded = await expectSaveLoadRoundTrip(
      fromParams(file.cases[1]!),
      ElementwiseProductServable.load,
    );
    expect(loaded.getScalingVec().toString()).toBe('(5, [0, 1], [1.1, 1.1])');
  });
});
