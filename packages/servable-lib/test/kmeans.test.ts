import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { type DenseVector, encodeToBytes, FmaBLAS, Vectors } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  FeatureDimensionError,
  ModelDataError,
  ModelNotLoadedError,
} from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DistanceMeasureError,
  findClosest,
  type KMeansModelData,
  KMeansModelDataCodec,
  KMeansModelServable,
  TooManyCentroidsError,
  withNorm,
} from '../src/kmeans/index.js';
import { fuzzModelDataFrom } from './support/decoder-fuzz.js';
import { expectEncodesRecord } from './support/encodings.js';
import { type FixtureJson, itEachCase, loadVectorFile, toVector } from './support/flink-vectors.js';
import { caseServable } from './support/model-servable-checks.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

const file = loadVectorFile('KMeans');

/** KMeansModelData from a fixture's `{centroids, weights}`. */
function fixtureKMeansModel(data: Record<string, FixtureJson>): KMeansModelData {
  return {
    centroids: (data.centroids as FixtureJson[]).map((c) => toVector(c) as DenseVector),
    weights: toVector(data.weights ?? null) as DenseVector,
  };
}

const model = fixtureKMeansModel(file.modelData as Record<string, FixtureJson>);
const cases = { file, create: () => new KMeansModelServable(), model: fixtureKMeansModel };
const df = (rows: (DenseVector | null)[]): DataFrame =>
  DataFrame.fromColumns(['features'], [DataTypes.VECTOR(BasicType.DOUBLE)], [rows]);

describe('KMeansModelDataCodec', () => {
  it('reproduces the example record of encodings.json', async () => {
    const example = expectEncodesRecord(
      KMeansModelDataCodec,
      model,
      'KMeansModelData centroids=[[0.1,0.1],[9.2,0.2]] weights=[3,3]',
    );
    const s = await new KMeansModelServable().setModelData(example);
    expect(s.getModel()?.centroids.map((c) => Array.from(c.values))).toEqual([
      [0.1, 0.1],
      [9.2, 0.2],
    ]);
  });

  it('rejects centroids of different dimensions', () => {
    const bad = {
      centroids: [Vectors.dense(1), Vectors.dense(1, 2)],
      weights: Vectors.dense(1, 1),
    };
    expect(() => new KMeansModelServable().setModel(bad)).toThrow(ModelDataError);
    expect(() => new KMeansModelServable().setModel(bad)).toThrow(
      'centroid 1 has dimension 2 but centroid 0 has dimension 1',
    );
  });
});

describe('KMeansModelServable on Flink ML vectors', () => {
  itEachCase(file, (c) => caseServable(cases, c), {
    check: (out) => expect(out.getDataType('prediction')).toBe(DataTypes.INT),
  });
});

describe("KMeansModelServable on Flink ML vectors in 'java11' numerics (bit-exact)", () => {
  // Computed on Java 11 (FMA norms and dots): every case must match exactly; they match in
  // 'fast' too (2-dimensional points, far from any tie).
  itEachCase(file, (c) => caseServable(cases, c).setNumerics('java11'), {
    compare: { tolerance: 0 },
  });

  it('property: predicts findClosest with FmaBLAS norms and dots, row by row', () => {
    const coord = fc.double({ min: -10, max: 10, noNaN: true });
    const vec = fc.array(coord, { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.constantFrom('euclidean', 'manhattan', 'cosine') as fc.Arbitrary<
          'euclidean' | 'manhattan' | 'cosine'
        >,
        fc.array(vec, { minLength: 2, maxLength: 5 }),
        fc.array(vec, { minLength: 1, maxLength: 8 }),
        (measure, centroidValues, rowValues) => {
          const centroids = centroidValues.map((c) => Vectors.dense(...c.map((x) => x + 11)));
          const rows = rowValues.map((r) => Vectors.dense(...r.map((x) => x + 11)));
          const s = new KMeansModelServable()
            .setNumerics('java11')
            .setK(centroids.length)
            .setDistanceMeasure(measure)
            .setModel({ centroids, weights: Vectors.dense(...centroids.map(() => 1)) });
          const out = s.transform(df(rows));
          const prepared = centroids.map((c) => withNorm(c, FmaBLAS));
          expect(Array.from(out.getDoubles('prediction'))).toEqual(
            rows.map((r) => findClosest(measure, prepared, withNorm(r, FmaBLAS), FmaBLAS)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('findClosest', () => {
  const centroids = [Vectors.dense(0, 1, 2), Vectors.dense(1, 2, 3), Vectors.dense(2, 3, 4)].map(
    (c) => withNorm(c, FmaBLAS),
  );
  it('matches Flink ML’s DistanceMeasureTest', () => {
    const a = withNorm(Vectors.sparse(3, [1, 2], [1, 2]).toDense(), FmaBLAS);
    const b = withNorm(Vectors.dense(1, 2, 3), FmaBLAS);
    for (const m of ['euclidean', 'manhattan', 'cosine'] as const) {
      expect(findClosest(m, centroids, a, FmaBLAS), m).toBe(0);
      expect(findClosest(m, centroids, b, FmaBLAS), m).toBe(1);
    }
  });

  it('gives 0 (euclidean) or -1 (manhattan) when every distance is NaN, and keeps the first of equals', () => {
    const nan = withNorm(Vectors.dense(Number.NaN, 0, 0), FmaBLAS);
    expect(findClosest('euclidean', centroids, nan, FmaBLAS)).toBe(0);
    expect(findClosest('manhattan', centroids, nan, FmaBLAS)).toBe(-1);
    // Java's checkArgument(norm > 0) is false for a NaN norm too.
    expect(() => findClosest('cosine', centroids, nan, FmaBLAS)).toThrow(DistanceMeasureError);
    const twins = [Vectors.dense(1, 0), Vectors.dense(-1, 0), Vectors.dense(1, 0)].map((c) =>
      withNorm(c, FmaBLAS),
    );
    const origin = withNorm(Vectors.dense(0, 0), FmaBLAS);
    expect(findClosest('euclidean', twins, origin, FmaBLAS)).toBe(0);
    expect(findClosest('manhattan', twins, origin, FmaBLAS)).toBe(0);
    expect(() => findClosest('cosine', twins, origin, FmaBLAS)).toThrow(
      'Consine distance is not defined for zero-length vectors.',
    );
  });
});

describe('KMeansModelServable', () => {
  it('uses the distance measure param', () => {
    const s = new KMeansModelServable()
      .setModel({
        centroids: [Vectors.dense(1, 0), Vectors.dense(10, 10)],
        weights: Vectors.dense(1, 1),
      })
      .setDistanceMeasure('cosine');
    // By angle (5, 5) is nearest to (10, 10); (3, 0) to (1, 0).
    expect(
      Array.from(
        s.transform(df([Vectors.dense(5, 5), Vectors.dense(3, 0)])).getDoubles('prediction'),
      ),
    ).toEqual([1, 0]);
    expect(() => s.transform(df([Vectors.dense(0, 0)]))).toThrow(DistanceMeasureError);
  });

  it('fails when the model has more centroids than k, as Java does', () => {
    const three = {
      centroids: [Vectors.dense(0), Vectors.dense(1), Vectors.dense(2)],
      weights: Vectors.dense(1, 1, 1),
    };
    const s = new KMeansModelServable().setModel(three);
    expect(() => s.transform(df([Vectors.dense(0)]))).toThrow(TooManyCentroidsError);
    expect(() => s.transform(df([Vectors.dense(0)]))).toThrow(
      'the model has 3 centroids but k is 2',
    );
    expect(
      Array.from(
        s
          .setK(3)
          .transform(df([Vectors.dense(1.9)]))
          .getDoubles('prediction'),
      ),
    ).toEqual([2]);
  });

  it('rejects bad input with typed errors', () => {
    const s = new KMeansModelServable();
    expect(() => s.transform(df([Vectors.dense(0, 0)]))).toThrow(ModelNotLoadedError);
    s.setModel(model);
    expect(() => s.transform(df([Vectors.dense(0, 0, 0)]))).toThrow(FeatureDimensionError);
    expect(() => s.transform(df([null]))).toThrow(ColumnTypeMismatchError);
    expect(() => s.setK(1)).toThrow('Parameter k is given an invalid value 1');
  });

  it('round-trips save → load', async () => {
    const s = new KMeansModelServable().setModel(model).setDistanceMeasure('manhattan');
    const loaded = await expectSaveLoadRoundTrip(s, (p) => KMeansModelServable.load(p));
    expect(loaded.getDistanceMeasure()).toBe('manhattan');
  });

  it('survives corrupted model data (fuzz)', async () => {
    const probe = df([Vectors.dense(0, 0), Vectors.dense(9, 0)]);
    await fuzzModelDataFrom(
      new KMeansModelServable(),
      encodeToBytes(KMeansModelDataCodec, model),
      (x) => Array.from(x.transform(probe).getDoubles('prediction')),
      { expected: [0, 1] },
    );
  });
});
