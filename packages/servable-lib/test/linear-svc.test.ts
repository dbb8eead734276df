import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { type DenseVector, encodeToBytes, FmaBLAS, SparseVector, Vectors } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  FeatureDimensionError,
  MissingColumnError,
  ModelNotLoadedError,
} from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinearSVCModelDataCodec, LinearSVCModelServable } from '../src/linear-svc/index.js';
import { denseOrSparseRows, moderateDouble } from './support/arbitraries.js';
import { fuzzModelDataFrom } from './support/decoder-fuzz.js';
import { expectEncodesRecord } from './support/encodings.js';
import { type FixtureJson, itEachCase, loadVectorFile, toVector } from './support/flink-vectors.js';
import { caseServable } from './support/model-servable-checks.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

const file = loadVectorFile('LinearSVC');
const cases = {
  file,
  create: () => new LinearSVCModelServable(),
  model: (data: Record<string, FixtureJson>) => ({
    coefficient: toVector(data.coefficient ?? null) as DenseVector,
  }),
};

describe('LinearSVCModelDataCodec', () => {
  it('encodes the example record of encodings.json byte for byte and decodes it back', () => {
    const bytes = expectEncodesRecord(
      LinearSVCModelDataCodec,
      { coefficient: Vectors.dense(0.47, -0.273) },
      'LinearSVCModelData coefficient=[0.47,-0.273]',
    );
    const s = new LinearSVCModelServable();
    return s.setModelData(bytes).then(() => {
      expect(Array.from(s.getModel()?.coefficient.values ?? [])).toEqual([0.47, -0.273]);
    });
  });
});

describe('LinearSVCModelServable on Flink ML vectors', () => {
  itEachCase(file, (c) => caseServable(cases, c));
});

describe("LinearSVCModelServable on Flink ML vectors in 'java11' numerics (bit-exact)", () => {
  // Computed on Java 11 (FMA dot): the prediction and raw prediction match bit for bit, beyond
  // the file's 1e-12 tolerance (and in 'fast' too, at these 2 features).
  itEachCase(file, (c) => caseServable(cases, c).setNumerics('java11'), {
    compare: { tolerance: 0 },
  });

  it('property: the raw prediction is [dot, -dot] with the FmaBLAS dot, dense and sparse rows', () => {
    fc.assert(
      fc.property(
        fc.array(moderateDouble, { minLength: 7, maxLength: 7 }),
        denseOrSparseRows(7),
        (coef, features) => {
          const coefficient = Vectors.dense(...coef);
          const out = new LinearSVCModelServable()
            .setModel({ coefficient })
            .setNumerics('java11')
            .transform(
              DataFrame.fromColumns(['features'], [DataTypes.VECTOR(BasicType.DOUBLE)], [features]),
            );
          const raw = out.getVectors('rawPrediction');
          features.forEach((f, r) => {
            const dot = FmaBLAS.dot(f.toDense(), coefficient);
            expect(Object.is(raw[r]!.get(0), dot), `row ${r}`).toBe(true);
            expect(Object.is(raw[r]!.get(1), -dot), `row ${r}`).toBe(true);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('LinearSVCModelServable', () => {
  const model = { coefficient: Vectors.dense(1, -2, 0.5) };
  const df = DataFrame.fromColumns(
    ['features'],
    [DataTypes.VECTOR(BasicType.DOUBLE)],
    [[Vectors.dense(3, 1, 0), new SparseVector(3, [1], [1]), Vectors.dense(0, 0, 0)]],
  );

  it('applies the threshold with >= and writes [dot, -dot]', () => {
    const out = new LinearSVCModelServable().setModel(model).setThreshold(1).transform(df);
    expect(Array.from(out.getDoubles('prediction'))).toEqual([1, 0, 0]);
    expect(out.getVectors('rawPrediction').map((v) => Array.from(v?.toArray() ?? []))).toEqual([
      [1, -1],
      [-2, 2],
      [0, -0],
    ]);
    const atThreshold = new LinearSVCModelServable().setModel(model).setThreshold(0).transform(df);
    expect(atThreshold.getDoubles('prediction')[2]).toBe(1);
  });

  it('names the problem for bad input', () => {
    const s = new LinearSVCModelServable();
    expect(() => s.transform(df)).toThrow(ModelNotLoadedError);
    s.setModel(model);
    expect(() => s.setFeaturesCol('f').transform(df)).toThrow(MissingColumnError);
    s.setFeaturesCol('features');
    const wrongDim = DataFrame.fromColumns(
      ['features'],
      [DataTypes.VECTOR(BasicType.DOUBLE)],
      [[Vectors.dense(1, 2)]],
    );
    expect(() => s.transform(wrongDim)).toThrow(FeatureDimensionError);
    expect(() => s.transform(wrongDim)).toThrow(
      'row 0: the vector has dimension 2 but the model expects dimension 3',
    );
    const nulls = DataFrame.fromColumns(
      ['features'],
      [DataTypes.VECTOR(BasicType.DOUBLE)],
      [[null]],
    );
    expect(() => s.transform(nulls)).toThrow(ColumnTypeMismatchError);
    const doubles = DataFrame.fromColumns(['features'], [DataTypes.DOUBLE], [[1]]);
    expect(() => s.transform(doubles)).toThrow(ColumnTypeMismatchError);
  });

  it('saves and loads (metadata + data) without changing params or bytes', async () => {
    const s = new LinearSVCModelServable().setModel(model).setThreshold(0.25).setPredictionCol('p');
    const loaded = await expectSaveLoadRoundTrip(s, (p) => LinearSVCModelServable.load(p));
    expect(loaded.getThreshold()).toBe(0.25);
    expect(Array.from(loaded.transform(df).getDoubles('p'))).toEqual(
      Array.from(s.transform(df).getDoubles('p')),
    );
  });

  it('survives corrupted model data (fuzz)', async () => {
    await fuzzModelDataFrom(
      new LinearSVCModelServable(),
      encodeToBytes(LinearSVCModelDataCodec, model),
      (x) => Array.from(x.transform(df).getDoubles('prediction')),
      { expected: [1, 0, 1] },
    );
  });
});
