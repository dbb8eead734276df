import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector } from '@servable/linalg';
import { FeatureDimensionError, ModelDataError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import {
  VarianceThresholdSelectorModelDataCodec,
  VarianceThresholdSelectorModelServable,
} from '../src/variance-threshold-selector/index.js';
import { fuzzModelDataFrom } from './support/decoder-fuzz.js';
import { expectRecordRoundTrip, modelDataRecordBytes } from './support/encodings.js';
import { caseModelData, itEachCase, loadVectorFile } from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

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
  itEachCase(file, (c) => {
    const data = caseModelData(file, c);
    return servable(data.numOfFeatures as number, data.indices as number[]);
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
  it('reproduces the encodings.json record byte for byte', () => {
    const decoded = expectRecordRoundTrip(VarianceThresholdSelectorModelDataCodec, RECORD);
    expect(decoded.numOfFeatures).toBe(6);
    expect(Array.from(decoded.indices)).toEqual([0, 3, 5]);
  });

  it('save → load keeps params and model data', async () => {
    await expectSaveLoadRoundTrip(
      servable(6, [0, 3, 5]).setInputCol('in').setOutputCol('out'),
      (p) => VarianceThresholdSelectorModelServable.load(p),
    );
  });

  it('decoder fuzz; corrupt data keeps the old model', async () => {
    const input = DataFrame.fromColumns(
      ['input'],
      [VECTOR],
      [[new DenseVector([1, 2, 3, 4, 5, 6]), new SparseVector(6, [0, 5], [5, 6])]],
    );
    await fuzzModelDataFrom(servable(), modelDataRecordBytes(RECORD), (s) =>
      s
        .transform(input)
        .getVectors('output')
        .map((v) => v?.toString()),
    );
  });
});
