import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import { FeatureDimensionError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import {
  type MinMaxScalerModelData,
  MinMaxScalerModelDataCodec,
  MinMaxScalerModelServable,
} from '../src/min-max-scaler/index.js';
import { expectRecordRoundTrip } from './support/encodings.js';
import { type FixtureJson, loadVectorFile, toVector } from './support/flink-vectors.js';
import { modelServableSuite } from './support/model-servable-checks.js';

const model = (d: Record<string, FixtureJson>): MinMaxScalerModelData => ({
  minVector: toVector(d.minVector ?? null).toDense(),
  maxVector: toVector(d.maxVector ?? null).toDense(),
});

modelServableSuite('MinMaxScalerModelServable', {
  file: loadVectorFile('MinMaxScaler'),
  create: () => new MinMaxScalerModelServable(),
  load: (p) => MinMaxScalerModelServable.load(p),
  model,
});

describe('MinMaxScalerModelServable', () => {
  const features = DataTypes.VECTOR(BasicType.DOUBLE);
  const df = (...rows: number[][]) =>
    DataFrame.fromColumns(['input'], [features], [rows.map((r) => new DenseVector(r))]);

  it('maps a constant feature to the middle of [min, max] (testMaxValueEqualsMinValueButPredictValueNotEquals)', () => {
    const s = new MinMaxScalerModelServable().setMin(0).setMax(10);
    s.setModel({ minVector: new DenseVector([0, 5]), maxVector: new DenseVector([0, 5]) });
    const out = s.transform(df([3, 7])).getVectors('output')[0] as DenseVector;
    expect(Array.from(out.values)).toEqual([5, 5]);
  });

  it('uses only the first dim features of a longer input, rejects a shorter one', () => {
    const s = new MinMaxScalerModelServable();
    s.setModel({ minVector: new DenseVector([0]), maxVector: new DenseVector([2]) });
    expect(
      Array.from((s.transform(df([1, 99])).getVectors('output')[0] as DenseVector).values),
    ).toEqual([0.5]);
    const s2 = new MinMaxScalerModelServable();
    s2.setModel({ minVector: new DenseVector([0, 0]), maxVector: new DenseVector([2, 2]) });
    expect(() => s2.transform(df([1]))).toThrow(FeatureDimensionError);
  });

  it('reproduces the encodings.json record byte for byte', () => {
    const m = expectRecordRoundTrip(
      MinMaxScalerModelDataCodec,
      'MinMaxScalerModelData min=[0] max=[1]',
    );
    expect(Array.from(m.minVector.values)).toEqual([0]);
    expect(Array.from(m.maxVector.values)).toEqual([1]);
  });

  it('rejects min and max vectors of different dimensions', () => {
    const s = new MinMaxScalerModelServable();
    expect(() =>
      s.setModel({ minVector: new DenseVector([0]), maxVector: new DenseVector([1, 2]) }),
    ).toThrow(/dimension/);
  });
});
