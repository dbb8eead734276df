import { readFileSync } from 'node:fs';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseMatrix, DenseVector, encodeToBytes, FmaBLAS, Vectors } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  FeatureDimensionError,
  ModelDataError,
  ModelNotLoadedError,
} from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type KnnModelData,
  KnnModelDataCodec,
  KnnModelServable,
  knnPredict,
} from '../src/knn/index.js';
import { fuzzModelDataFrom } from './support/decoder-fuzz.js';
import { expectEncodesRecord } from './support/encodings.js';
import { type FixtureJson, itEachCase, loadVectorFile, toVector } from './support/flink-vectors.js';
import { caseServable } from './support/model-servable-checks.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

const file = loadVectorFile('Knn');

function fixtureModel(data: Record<string, FixtureJson>): KnnModelData {
  const packed = data.packedFeatures as {
    numRows: number;
    numCols: number;
    valuesColumnMajor: number[];
  };
  return {
    packedFeatures: new DenseMatrix(packed.numRows, packed.numCols, packed.valuesColumnMajor),
    featureNormSquares: toVector(data.featureNormSquares ?? null) as DenseVector,
    labels: toVector(data.labels ?? null) as DenseVector,
  };
}

const cases = { file, create: () => new KnnModelServable(), model: fixtureModel };

/** Builds model data the way Knn.fit packs it: one column per point, squared FMA norms. */
function packModel(points: number[][], labels: number[], dim: number): KnnModelData {
  const values = points.flat();
  return {
    packedFeatures: new DenseMatrix(dim, points.length, values),
    featureNormSquares: new DenseVector(points.map((p) => FmaBLAS.norm2(new DenseVector(p)) ** 2)),
    labels: new DenseVector(labels),
  };
}

describe('KnnModelDataCodec', () => {
  it('reproduces the example record of encodings.json', async () => {
    const model = {
      packedFeatures: new DenseMatrix(2, 1, [1, 2]),
      featureNormSquares: Vectors.dense(5),
      labels: Vectors.dense(1),
    };
    const example = expectEncodesRecord(
      KnnModelDataCodec,
      model,
      'KnnModelData packed 2x1 [1,2] normSq [5] labels [1]',
    );
    const s = await new KnnModelServable().setModelData(example);
    expect(s.getModel()?.packedFeatures.equals(model.packedFeatures)).toBe(true);
  });

  it('rejects parts that disagree in size', () => {
    const bad = { ...packModel([[1], [2]], [1, 2], 1), labels: Vectors.dense(1) };
    expect(() => new KnnModelServable().setModel(bad)).toThrow(ModelDataError);
    expect(() => new KnnModelServable().setModel(bad)).toThrow(
      'labels has 1 entries but packedFeatures has 2 points',
    );
  });
});

describe('KnnModelServable on Flink ML vectors', () => {
  itEachCase(file, (c) => caseServable(cases, c));
});

describe("KnnModelServable on Flink ML vectors in 'java11' numerics (bit-exact)", () => {
  // The vectors were computed on Java 11 (FMA BLAS): every case must match bit for bit. (They
  // match in 'fast' too: 2-dimensional features leave no room for a fused rounding to differ.)
  itEachCase(file, (c) => caseServable(cases, c).setNumerics('java11'), {
    compare: { tolerance: 0 },
  });

  it('property: predicts knnPredict with FmaBLAS, row by row', () => {
    const coord = fc.integer({ min: -3, max: 3 }).map((x) => x / 2 + 0.1);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(
          fc.tuple(fc.array(coord, { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 2 })),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        fc.array(fc.array(coord, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        (k, dim, points, rows) => {
          const model = packModel(
            points.map(([p]) => p.slice(0, dim)),
            points.map(([, label]) => label),
            dim,
          );
          const features = rows.map((r) => new DenseVector(r.slice(0, dim)));
          const df = DataFrame.fromColumns(
            ['features'],
            [DataTypes.VECTOR(BasicType.DOUBLE)],
            [features],
          );
          const out = new KnnModelServable()
            .setNumerics('java11')
            .setK(k)
            .setModel(model)
            .transform(df);
          const scratch = new DenseVector(points.length);
          expect(Array.from(out.getDoubles('prediction'))).toEqual(
            features.map((f) => knnPredict(model, f, k, scratch, FmaBLAS)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('knnPredict tie-breaking', () => {
  // 150 predictions made by a JDK 17 with its own PriorityQueue and HashMap (and Java 11 BLAS's
  // fused summation order), on tiny integer grids where equal distances and equal votes abound.
  const cases = JSON.parse(
    readFileSync(new URL('./fixtures/java/jdk17-knn-ties.json', import.meta.url), 'utf8'),
  ) as {
    k: number;
    dim: number;
    points: number[][];
    labels: number[];
    features: number[];
    prediction: number;
  }[];

  it.each(cases.map((c, i) => [i, c] as const))('agrees with the JVM (case %i)', (_i, c) => {
    const model = packModel(c.points, c.labels, c.dim);
    const got = knnPredict(
      model,
      new DenseVector(c.features),
      c.k,
      new DenseVector(c.labels.length),
      FmaBLAS,
    );
    expect(got).toBe(c.prediction);
  });
});

describe('KnnModelServable', () => {
  const model = packModel(
    [
      [0, 0],
      [1, 0],
      [5, 5],
      [6, 5],
      [0, 1],
    ],
    [1, 1, 2, 2, 3],
    2,
  );
  const df = DataFrame.fromColumns(
    ['features'],
    [DataTypes.VECTOR(BasicType.DOUBLE)],
    [[Vectors.dense(0.2, 0.1), Vectors.dense(5.5, 5), Vectors.sparse(2, [1], [1])]],
  );

  it('votes among the k nearest points', () => {
    const s = new KnnModelServable().setModel(model).setK(3);
    expect(Array.from(s.transform(df).getDoubles('prediction'))).toEqual([1, 2, 1]);
    // k = 1: the single nearest point decides.
    expect(Array.from(s.setK(1).transform(df).getDoubles('prediction'))).toEqual([1, 2, 3]);
  });

  it('predicts -1 without training points', () => {
    const empty = {
      packedFeatures: new DenseMatrix(2, 0),
      featureNormSquares: new DenseVector(0),
      labels: new DenseVector(0),
    };
    const s = new KnnModelServable().setModel(empty);
    expect(Array.from(s.transform(df).getDoubles('prediction'))).toEqual([-1, -1, -1]);
  });

  it('rejects bad input with typed errors and validates k', () => {
    const s = new KnnModelServable();
    expect(() => s.transform(df)).toThrow(ModelNotLoadedError);
    s.setModel(packModel([[1, 2, 3]], [1], 3));
    expect(() => s.transform(df)).toThrow(FeatureDimensionError);
    const nulls = DataFrame.fromColumns(
      ['features'],
      [DataTypes.VECTOR(BasicType.DOUBLE)],
      [[null]],
    );
    expect(() => s.transform(nulls)).toThrow(ColumnTypeMismatchError);
    expect(() => s.setK(0)).toThrow('Parameter k is given an invalid value 0');
  });

  it('round-trips save → load', async () => {
    const s = new KnnModelServable().setModel(model).setK(2);
    const loaded = await expectSaveLoadRoundTrip(s, (p) => KnnModelServable.load(p));
    expect(loaded.getK()).toBe(2);
  });

  it('survives corrupted model data (fuzz)', async () => {
    await fuzzModelDataFrom(
      new KnnModelServable().setK(3),
      encodeToBytes(KnnModelDataCodec, model),
      (x) => Array.from(x.transform(df).getDoubles('prediction')),
      { expected: [1, 2, 1] },
    );
  });
});
