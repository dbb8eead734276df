import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, decodeFromBytes, encodeToBytes, SparseVector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  FeatureDimensionError,
  ModelDataError,
  paramMapToJson,
} from '@servable/servable-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  selectByIndices,
  UnivariateFeatureSelectorModelDataCodec,
  UnivariateFeatureSelectorModelServable,
} from '../src/univariate-feature-selector/index.js';
import { fuzzModelData } from './support/decoder-fuzz.js';
import { bytesToHex, modelDataRecordBytes } from './support/encodings.js';
import {
  caseInput,
  caseLabel,
  caseModelData,
  expectCaseError,
  expectCaseOutput,
  loadVectorFile,
} from './support/flink-vectors.js';

const file = loadVectorFile('UnivariateFeatureSelector');
const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

function servable(indices?: number[]) {
  const s = new UnivariateFeatureSelectorModelServable();
  return indices ? s.setModel({ indices: Int32Array.from(indices) }) : s;
}

describe('UnivariateFeatureSelectorModelServable: Flink ML test vectors', () => {
  file.cases.forEach((c, i) => {
    it(caseLabel(c, i), () => {
      const s = servable(caseModelData(file, c).indices as number[]);
      if (c.expectedError) {
        expectCaseError(() => s.transform(caseInput(c)), c);
        expect(() => s.transform(caseInput(c))).toThrow(FeatureDimensionError);
      } else {
        expectCaseOutput(s.transform(caseInput(c)), c);
      }
    });
  });
});

describe('selectByIndices', () => {
  it('keeps explicit zeros of sparse input and matches a repeated index once (as Java)', () => {
    const sparse = new SparseVector(5, [1, 3], [0, 7]);
    const picked = selectByIndices(sparse, Int32Array.of(1, 3, 3)) as SparseVector;
    expect(picked.size()).toBe(3);
    expect(Array.from(picked.indices)).toEqual([0, 1]);
    expect(Array.from(picked.values)).toEqual([0, 7]);
    expect(
      Array.from(selectByIndices(new DenseVector([1, 2, 3, 4]), Int32Array.of(1, 3, 3)).toArray()),
    ).toEqual([2, 4, 4]);
  });

  it('gives the same values for dense and sparse forms of a vector', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ noNaN: true })), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (values, picks) => {
          const n = values.length;
          const sorted = Int32Array.from(new Set(picks.map((p) => p % n))).sort();
          const dense = new DenseVector(values);
          const fromDense = selectByIndices(dense, sorted);
          const fromSparse = selectByIndices(dense.toSparse(), sorted);
          expect(fromDense.kind).toBe('dense');
          expect(fromSparse.kind).toBe('sparse');
          expect(Array.from(fromSparse.toArray())).toEqual(
            Array.from(fromDense.toArray()).map((v) => (v === 0 ? 0 : v)),
          );
        },
      ),
    );
  });
});

describe('UnivariateFeatureSelectorModelServable behaviour', () => {
  it('empty selection gives empty dense vectors, even for null input', () => {
    const df = DataFrame.fromColumns(
      ['features'],
      [VECTOR],
      [[null, new SparseVector(3, [1], [2])]],
    );
    const out = servable([]).transform(df).getVectors('output');
    expect(out.map((v) => v?.toString())).toEqual(['[]', '[]']);
  });

  it('null vectors fail with a typed error naming the row', () => {
    const df = DataFrame.fromColumns(['features'], [VECTOR], [[new DenseVector([1]), null]]);
    expect(() => servable([0]).transform(df)).toThrow(ColumnTypeMismatchError);
    expect(() => servable([0]).transform(df)).toThrow('Column features, row 1');
  });

  it('rejects negative indices in model data', () => {
    expect(() => servable([1, -2])).toThrow(ModelDataError);
    expect(() => servable([1, -2])).toThrow('indices[1] is -2');
  });
});

describe('UnivariateFeatureSelectorModel persistence and model data', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ufs-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reproduces the encodings.json record byte for byte', () => {
    const bytes = modelDataRecordBytes('UnivariateFeatureSelectorModelData indices=[0,2,1]');
    const decoded = decodeFromBytes(UnivariateFeatureSelectorModelDataCodec, bytes);
    expect(Array.from(decoded.indices)).toEqual([0, 2, 1]);
    expect(bytesToHex(encodeToBytes(UnivariateFeatureSelectorModelDataCodec, decoded))).toBe(
      bytesToHex(bytes),
    );
  });

  it('save → load keeps params and model data', async () => {
    const s = servable([0, 2, 1]).setFeaturesCol('f').setOutputCol('o');
    await s.save(join(dir, 'stage'));
    const loaded = await UnivariateFeatureSelectorModelServable.load(join(dir, 'stage'));
    expect(paramMapToJson(loaded)).toEqual(paramMapToJson(s));
    expect(loaded.getModelData()).toEqual(s.getModelData());
  });

  it('decoder fuzz; corrupt data keeps the old model', async () => {
    const input = DataFrame.fromColumns(
      ['features'],
      [VECTOR],
      [[new DenseVector([1, 2, 3, 4]), new SparseVector(4, [0, 2], [5, 6])]],
    );
    const fuzzed = servable();
    await fuzzed.setModelData(
      modelDataRecordBytes('UnivariateFeatureSelectorModelData indices=[0,2,1]'),
    );
    await fuzzModelData(fuzzed, (s) =>
      s
        .transform(input)
        .getVectors('output')
        .map((v) => v?.toString()),
    );
  });
});
