import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { type DenseVector, encodeToBytes, FmaBLAS, SparseVector, Vectors } from '@servable/linalg';
import {
  applyParamMapJson,
  ColumnTypeMismatchError,
  FeatureDimensionError,
  MissingColumnError,
  ModelNotLoadedError,
} from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinearSVCModelDataCodec, LinearSVCModelServable } from '../src/linear-svc/index.js';
import { fuzzModelData } from './support/decoder-fuzz.js';
import {
  caseInput,
  caseLabel,
  caseModelData,
  caseParams,
  expectCaseOutput,
  loadVectorFile,
  toVector,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

const file = loadVectorFile('LinearSVC');
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function servableFor(
  params: Record<string, unknown>,
  coefficient: DenseVector,
): LinearSVCModelServable {
  const s = new LinearSVCModelServable();
  applyParamMapJson(s, params as never);
  return s.setModel({ coefficient });
}

describe('LinearSVCModelDataCodec', () => {
  it('encodes the example record of encodings.json byte for byte and decodes it back', () => {
    const bytes = encodeToBytes(LinearSVCModelDataCodec, {
      coefficient: Vectors.dense(0.47, -0.273),
    });
    expect(hex(bytes)).toBe('000000023fde147ae147ae14bfd178d4fdf3b646');
    const s = new LinearSVCModelServable();
    return s.setModelData(bytes).then(() => {
      expect(Array.from(s.getModel()?.coefficient.values ?? [])).toEqual([0.47, -0.273]);
    });
  });
});

describe('LinearSVCModelServable on Flink ML vectors', () => {
  file.cases.forEach((c, i) => {
    it(caseLabel(c, i), () => {
      const coefficient = toVector(caseModelData(file, c).coefficient ?? null) as DenseVector;
      const out = servableFor(caseParams(file, c), coefficient).transform(caseInput(c));
      expectCaseOutput(out, c);
    });
  });
});

describe("LinearSVCModelServable on Flink ML vectors in 'java11' numerics (bit-exact)", () => {
  // Computed on Java 11 (FMA dot): the prediction and raw prediction match bit for bit, beyond
  // the file's 1e-12 tolerance (and in 'fast' too, at these 2 features).
  file.cases.forEach((c, i) => {
    it(caseLabel(c, i), () => {
      const coefficient = toVector(caseModelData(file, c).coefficient ?? null) as DenseVector;
      const s = servableFor(caseParams(file, c), coefficient).setNumerics('java11');
      expectCaseOutput(s.transform(caseInput(c)), c, { tolerance: 0 });
    });
  });

  it('property: the raw prediction is [dot, -dot] with the FmaBLAS dot, dense and sparse rows', () => {
    const value = fc.double({ min: -1e3, max: 1e3, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 7, maxLength: 7 }),
        fc.array(fc.tuple(fc.array(value, { minLength: 7, maxLength: 7 }), fc.boolean()), {
          minLength: 1,
          maxLength: 8,
        }),
        (coef, rows) => {
          const coefficient = Vectors.dense(...coef);
          const features = rows.map(([r, sparse]) =>
            sparse ? Vectors.dense(...r).toSparse() : Vectors.dense(...r),
          );
          const out = servableFor({}, coefficient)
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
    const valid = encodeToBytes(LinearSVCModelDataCodec, model);
    const s = new LinearSVCModelServable();
    await s.setModelData(valid);
    expect(Array.from(s.transform(df).getDoubles('prediction'))).toEqual([1, 0, 1]);
    await fuzzModelData(s, (x) => Array.from(x.transform(df).getDoubles('prediction')));
  });
});
