import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, decodeFromBytes, encodeToBytes, SparseVector } from '@servable/linalg';
import { FeatureDimensionError, ModelDataError, paramMapToJson } from '@servable/servable-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  VarianceThresholdSelectorModelDataCodec,
  VarianceThresholdSelectorModelServable,
} from '../src/variance-threshold-selector/index.js';
import { fuzzModelData } from './support/decoder-fuzz.js';
import { bytesToHex, modelDataRecordBytes } from './support/encodings.js';
import {
  caseInput,
  caseLabel,
  caseModelData,
  expectCaseOutput,
  loadVectorFile,
} from './support/flink-vectors.js';

const file = loadVectorFile('VarianceThresholdSelector');
const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);
const RECORD = 'VarianceThresholdSelectorModelData numOfFeatures=6 indices=[0,3,5]';

function servable(numOfFeatures?: number, indices?: number[]) {
  const s = new VarianceThresholdSelectorModelServable();
  return numOfFeatures === undefined
    ? s
    : s.setModel({ numOfFeatures, indices: Int32Array.from(indices ?? []) });
}

describe('VarianceThresholdSelectorModelServable: Flink ML test vectors', () => {
  file.cases.forEach((c, i) => {
    it(caseLabel(c, i), () => {
      const data = caseModelData(file, c);
      const s = servable(data.numOfFeatures as number, data.indices as number[]);
      expectCaseOutput(s.transform(caseInput(c)), c);
    });
  });
});

describe('VarianceThresholdSelectorModelServable behaviour', () => {
  it('checks the dimension before anything else, with Java message', () => {
    const df = DataFrame.fromColumns(['input'], [VECTOR], [[new DenseVector([1, 2])]]);
    for (const s of [servable(3, [0, 2]), servable(3, [])]) {
      expect(() => s.transform(df)).toThrow(FeatureDimensionError);
      expect(() => s.transform(df)).toThrow(
        'input has 2 features, but VarianceThresholdSelector is expecting 3 features as input. (column input, row 0)',
      );
    }
  });

  it('sorts unsorted model indices', () => {
    const df = DataFrame.fromColumns(['input'], [VECTOR], [[new SparseVector(4, [1, 3], [5, 7])]]);
    expect(servable(4, [3, 1]).transform(df).getVectors('output')[0]?.toString()).toBe(
      '(2, [0, 1], [5.0, 7.0])',
    );
  });

  it('rejects indices outside [0, numOfFeatures)', () => {
    expect(() => servable(3, [3])).toThrow(ModelDataError);
    expect(() => servable(3, [3])).toThrow('indices[0] is 3; it must be in [0, 3)');
    expect(() => servable(-1, [])).toThrow('numOfFeatures is -1');
  });
});

describe('VarianceThresholdSelectorModel persistence and model data', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vts-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reproduces the encodings.json record byte for byte', () => {
    const bytes = modelDataRecordBytes(RECORD);
    const decoded = decodeFromBytes(VarianceThresholdSelectorModelDataCodec, bytes);
    expect(decoded.numOfFeatures).toBe(6);
    expect(Array.from(decoded.indices)).toEqual([0, 3, 5]);
    expect(bytesToHex(encodeToBytes(VarianceThresholdSelectorModelDataCodec, decoded))).toBe(
      bytesToHex(bytes),
    );
  });

  it('save → load keeps params and model data', async () => {
    const s = servable(6, [0, 3, 5]).setInputCol('in').setOutputCol('out');
    await s.save(join(dir, 'stage'));
    const loaded = await VarianceThresholdSelectorModelServable.load(join(dir, 'stage'));
    expect(paramMapToJson(loaded)).toEqual(paramMapToJson(s));
    expect(loaded.getModelData()).toEqual(s.getModelData());
  });

  it('decoder fuzz; corrupt data keeps the old model', async () => {
    const input = DataFrame.fromColumns(
      ['input'],
      [VECTOR],
      [[new DenseVector([1, 2, 3, 4, 5, 6]), new SparseVector(6, [0, 5], [5, 6])]],
    );
    const fuzzed = servable();
    await fuzzed.setModelData(modelDataRecordBytes(RECORD));
    await fuzzModelData(fuzzed, (s) =>
      s
        .transform(input)
        .getVectors('output')
        .map((v) => v?.toString()),
    );
  });
});
