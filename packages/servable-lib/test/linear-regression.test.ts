import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { type DenseVector, encodeToBytes, FmaBLAS, SparseVector, Vectors } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  FeatureDimensionError,
  ModelNotLoadedError,
} from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LinearRegressionModelDataCodec,
  LinearRegressionModelServable,
} from '../src/linear-regression/index.js';
import { denseOrSparseRows, moderateDouble } from './support/arbitraries.js';
import { fuzzModelDataFrom } from './support/decoder-fuzz.js';
import { expectEncodesRecord } from './support/encodings.js';
import { type FixtureJson, itEachCase, loadVectorFile, toVector } from './support/flink-vectors.js';
import { caseServable } from './support/model-servable-checks.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

const file = loadVectorFile('LinearRegression');
const cases = {
  file,
  create: () => new LinearRegressionModelServable(),
  model: (data: Record<string, FixtureJson>) => ({
    coefficient: toVector(data.coefficient ?? null) as DenseVector,
  }),
};

describe('LinearRegressionModelDataCodec', () => {
  it('reproduces the example record of encodings.json', async () => {
    const example = expectEncodesRecord(
      LinearRegressionModelDataCodec,
      { coefficient: Vectors.dense(1.141) },
      'LinearRegressionModelData coefficient=[1.141]',
    );
    const s = await new LinearRegressionModelServable().setModelData(example);
    expect(Array.from(s.getModel()?.coefficient.values ?? [])).toEqual([1.141]);
  });
});

describe('LinearRegressionModelServable on Flink ML vectors', () => {
  itEachCase(file, (c) => caseServable(cases, c));
});

describe("LinearRegressionModelServable on Flink ML vectors in 'java11' numerics (bit-exact)", () => {
  // Computed on Java 11 (FMA dot): bit for bit, beyond the file's 1e-12 tolerance (and in
  // 'fast' too, with one feature).
  itEachCase(file, (c) => caseServable(cases, c).setNumerics('java11'), {
    compare: { tolerance: 0 },
  });

  it('property: predicts the FmaBLAS dot of the densified row', () => {
    fc.assert(
      fc.property(
        fc.array(moderateDouble, { minLength: 9, maxLength: 9 }),
        denseOrSparseRows(9),
        (coef, features) => {
          const coefficient = Vectors.dense(...coef);
          const out = new LinearRegressionModelServable()
            .setNumerics('java11')
            .setModel({ coefficient })
            .transform(
              DataFrame.fromColumns(['features'], [DataTypes.VECTOR(BasicType.DOUBLE)], [features]),
            );
          const got = out.getDoubles('prediction');
          features.forEach((f, r) => {
            expect(Object.is(got[r], FmaBLAS.dot(f.toDense(), coefficient)), `row ${r}`).toBe(true);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('LinearRegressionModelServable', () => {
  const df = DataFrame.fromColumns(
    ['x'],
    [DataTypes.VECTOR(BasicType.DOUBLE)],
    [[Vectors.dense(1, 2), new SparseVector(2, [1], [3])]],
  );

  it('predicts the dot product for dense and sparse rows, into the named column', () => {
    const s = new LinearRegressionModelServable()
      .setModel({ coefficient: Vectors.dense(0.5, -1) })
      .setFeaturesCol('x')
      .setPredictionCol('y');
    const out = s.transform(df);
    expect(out.getColumnNames()).toEqual(['x', 'y']);
    expect(Array.from(out.getDoubles('y'))).toEqual([-1.5, -3]);
  });

  it('rejects bad input with typed errors', () => {
    const s = new LinearRegressionModelServable().setFeaturesCol('x');
    expect(() => s.transform(df)).toThrow(ModelNotLoadedError);
    s.setModel({ coefficient: Vectors.dense(1, 2, 3) });
    expect(() => s.transform(df)).toThrow(FeatureDimensionError);
    const nulls = DataFrame.fromColumns(['x'], [DataTypes.VECTOR(BasicType.DOUBLE)], [[null]]);
    expect(() => s.transform(nulls)).toThrow(ColumnTypeMismatchError);
  });

  it('round-trips save → load', async () => {
    const s = new LinearRegressionModelServable().setModel({
      coefficient: Vectors.dense(1.141, 1.829),
    });
    await expectSaveLoadRoundTrip(s, (p) => LinearRegressionModelServable.load(p));
  });

  it('survives corrupted model data (fuzz)', async () => {
    await fuzzModelDataFrom(
      new LinearRegressionModelServable().setFeaturesCol('x'),
      encodeToBytes(LinearRegressionModelDataCodec, { coefficient: Vectors.dense(0.5, -1) }),
      (x) => Array.from(x.transform(df).getDoubles('prediction')),
      { expected: [-1.5, -3] },
    );
  });
});
