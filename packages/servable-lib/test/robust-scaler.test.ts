import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import { FeatureDimensionError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import {
  RobustScalerModelData,
  RobustScalerModelDataCodec,
  RobustScalerModelServable,
} from '../src/robust-scaler/index.js';
import { expectRecordRoundTrip } from './support/encodings.js';
import { loadVectorFile, toVector } from './support/flink-vectors.js';
import { modelServableSuite } from './support/model-servable-checks.js';

// The testZeroRange case expects [0.0, -0.0]: the runner compares with Object.is at tolerance 0,
// so the signed zero of -3 · 0 is asserted.
modelServableSuite('RobustScalerModelServable', {
  file: loadVectorFile('RobustScaler'),
  create: () => new RobustScalerModelServable(),
  load: (p) => RobustScalerModelServable.load(p),
  model: (d) =>
    new RobustScalerModelData(
      toVector(d.medians ?? null).toDense(),
      toVector(d.ranges ?? null).toDense(),
    ),
});

describe('RobustScalerModelServable', () => {
  const features = DataTypes.VECTOR(BasicType.DOUBLE);

  it('keeps signed zeros: x · 0 for a zero range', () => {
    const s = new RobustScalerModelServable().setModel(
      RobustScalerModelData.of([1, 1, 1], [0, 0, -0]),
    );
    const df = DataFrame.fromColumns(['input'], [features], [[new DenseVector([3, -3, -0])]]);
    const out = (s.transform(df).getVectors('output')[0] as DenseVector).values;
    expect(Object.is(out[0], 0)).toBe(true);
    expect(Object.is(out[1], -0)).toBe(true);
    expect(Object.is(out[2], -0)).toBe(true);
  });

  it('rejects a vector of the wrong size, naming both dimensions', () => {
    const s = new RobustScalerModelServable().setModel(RobustScalerModelData.of([1, 1], [1, 1]));
    const df = DataFrame.fromColumns(['input'], [features], [[new DenseVector([3])]]);
    expect(() => s.transform(df)).toThrow(FeatureDimensionError);
    expect(() => s.transform(df)).toThrow(/dimension 1 but the model expects dimension 2/);
  });

  it('reproduces the encodings.json record byte for byte', () => {
    const m = expectRecordRoundTrip(
      RobustScalerModelDataCodec,
      'RobustScalerModelData medians=[4] ranges=[4]',
    );
    expect(Array.from(m.medians.values)).toEqual([4]);
    expect(Array.from(m.scale)).toEqual([0.25]);
  });
});
