import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import { FeatureDimensionError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import {
  discretize,
  type KBinsDiscretizerModelData,
  KBinsDiscretizerModelDataCodec,
  KBinsDiscretizerModelServable,
} from '../src/k-bins-discretizer/index.js';
import { expectRecordRoundTrip } from './support/encodings.js';
import { type FixtureJson, loadVectorFile, toDouble } from './support/flink-vectors.js';
import { modelServableSuite } from './support/model-servable-checks.js';

modelServableSuite('KBinsDiscretizerModelServable', {
  file: loadVectorFile('KBinsDiscretizer'),
  create: () => new KBinsDiscretizerModelServable(),
  load: (p) => KBinsDiscretizerModelServable.load(p),
  model: (d): KBinsDiscretizerModelData => ({
    binEdges: (d.binEdges as FixtureJson[][]).map((edges) =>
      Float64Array.from(edges.map(toDouble)),
    ),
  }),
});

describe('KBinsDiscretizer', () => {
  const edges = [Float64Array.of(0, 1, 2, 3)];

  it('puts NaN in the last bin, values below the first edge in bin 0, -0.0 before 0.0', () => {
    expect(Array.from(discretize(edges, new DenseVector([Number.NaN])).values)).toEqual([2]);
    expect(Array.from(discretize(edges, new DenseVector([-5])).values)).toEqual([0]);
    expect(Array.from(discretize(edges, new DenseVector([-0])).values)).toEqual([0]);
    expect(Array.from(discretize(edges, new DenseVector([3])).values)).toEqual([2]);
    expect(Array.from(discretize(edges, new DenseVector([2])).values)).toEqual([2]);
  });

  it('discretizes a shorter input feature by feature and rejects a longer one', () => {
    const s = new KBinsDiscretizerModelServable().setModel({ binEdges: [...edges, ...edges] });
    const features = DataTypes.VECTOR(BasicType.DOUBLE);
    const short = DataFrame.fromColumns(['input'], [features], [[new DenseVector([1.5])]]);
    expect(Array.from((s.transform(short).getVectors('output')[0] as DenseVector).values)).toEqual([
      1,
    ]);
    const long = DataFrame.fromColumns(['input'], [features], [[new DenseVector([1, 1, 1])]]);
    expect(() => s.transform(long)).toThrow(FeatureDimensionError);
  });

  it('reproduces the encodings.json record byte for byte', () => {
    const m = expectRecordRoundTrip(
      KBinsDiscretizerModelDataCodec,
      'KBinsDiscretizerModelData binEdges=[[1,5],[-inf,inf]]',
    );
    expect(m.binEdges.map((e) => Array.from(e))).toEqual([
      [1, 5],
      [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
    ]);
  });
});
