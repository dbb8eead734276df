import { describe, expect, it } from 'vitest';
import {
  MaxAbsScalerModelData,
  MaxAbsScalerModelDataCodec,
  MaxAbsScalerModelServable,
} from '../src/max-abs-scaler/index.js';
import { expectRecordRoundTrip } from './support/encodings.js';
import { loadVectorFile, toVector } from './support/flink-vectors.js';
import { modelServableSuite } from './support/model-servable-checks.js';

modelServableSuite('MaxAbsScalerModelServable', {
  file: loadVectorFile('MaxAbsScaler'),
  create: () => new MaxAbsScalerModelServable(),
  load: (p) => MaxAbsScalerModelServable.load(p),
  model: (d) => new MaxAbsScalerModelData(toVector(d.maxVector ?? null).toDense()),
});

describe('MaxAbsScalerModelData', () => {
  it('reproduces the encodings.json record byte for byte', () => {
    const model = expectRecordRoundTrip(
      MaxAbsScalerModelDataCodec,
      'MaxAbsScalerModelData maxVector=[200,400,0]',
    );
    expect(Array.from(model.maxVector.values)).toEqual([200, 400, 0]);
    expect(Array.from(model.scale)).toEqual([1 / 200, 1 / 400, 1]);
  });
});
