import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DataOutputView, type DenseVector, encodeToBytes, Vectors } from '@servable/linalg';
import { ModelNotLoadedError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import {
  type LogisticRegressionModelData,
  LogisticRegressionModelDataCodec,
} from '../src/logistic-regression/logistic-regression-model-data.js';
import { OnlineLogisticRegressionModelServable } from '../src/online-logistic-regression/index.js';
import { ModelVersionRangeError } from '../src/online-model-data/index.js';
import { fuzzModelDataFrom } from './support/decoder-fuzz.js';
import { type FixtureJson, loadVectorFile, toVector } from './support/flink-vectors.js';
import { itEachOnlineCase } from './support/model-servable-checks.js';
import { expectSaveLoadRoundTrip, expectSaveLoadWithoutModelData } from './support/round-trip.js';

const file = loadVectorFile('OnlineLogisticRegression');

const record = (data: Record<string, FixtureJson>): LogisticRegressionModelData => ({
  coefficient: toVector(data.coefficient ?? null) as DenseVector,
  modelVersion: BigInt(data.modelVersion as number),
});
const bytesOf = (m: LogisticRegressionModelData): Uint8Array =>
  encodeToBytes(LogisticRegressionModelDataCodec, m);

describe('OnlineLogisticRegressionModelServable on Flink ML vectors', () => {
  const cases = {
    file,
    create: () => new OnlineLogisticRegressionModelServable(),
    codec: LogisticRegressionModelDataCodec,
    record,
  };
  itEachOnlineCase(cases, 'modelVersion');
});

describe('OnlineLogisticRegressionModelServable', () => {
  const df = DataFrame.fromColumns(
    ['features'],
    [DataTypes.VECTOR(BasicType.DOUBLE)],
    [[Vectors.dense(1, 2)]],
  );
  const v1 = { coefficient: Vectors.dense(1, 0), modelVersion: 1n };
  const v2 = { coefficient: Vectors.dense(-1, 0), modelVersion: 2n };

  it('fails clearly before model data, then serves the latest record with its version', async () => {
    const s = new OnlineLogisticRegressionModelServable();
    expect(s.getModelVersionCol()).toBe('modelVersion');
    expect(() => s.transform(df)).toThrow(ModelNotLoadedError);
    await s.setModelData(bytesOf(v1));
    let out = s.transform(df);
    expect(out.getColumnNames()).toEqual([
      'features',
      'prediction',
      'rawPrediction',
      'modelVersion',
    ]);
    expect(out.getDoubles('prediction')[0]).toBe(1);
    expect(out.getValues('modelVersion')).toEqual([1]);
    await s.setModelData(bytesOf(v2));
    out = s.setModelVersionCol('v').transform(df);
    expect(out.getDoubles('prediction')[0]).toBe(0);
    expect(out.getValues('v')).toEqual([2]);
    expect(s.getModelVersion()).toBe(2);
    // Several records in one call: the last one is the model.
    const both = new DataOutputView();
    LogisticRegressionModelDataCodec.encode(v2, both);
    LogisticRegressionModelDataCodec.encode(v1, both);
    await s.setModelData(both.toBytes());
    expect(s.getModelVersion()).toBe(1);
  });

  it('rejects a null version column and versions that do not fit a LONG column', async () => {
    const s = new OnlineLogisticRegressionModelServable();
    expect(() => s.setModelVersionCol(null as never)).toThrow(
      "Parameter modelVersionCol's value should not be null",
    );
    await s.setModelData(bytesOf({ coefficient: Vectors.dense(1, 0), modelVersion: 2n ** 60n }));
    expect(() => s.transform(df)).toThrow(ModelVersionRangeError);
  });

  it('saves metadata only without model data, and round-trips with it', async () => {
    const back = await expectSaveLoadWithoutModelData(
      new OnlineLogisticRegressionModelServable().setModelVersionCol('mv'),
      (p) => OnlineLogisticRegressionModelServable.load(p),
    );
    expect(back.getModelVersionCol()).toBe('mv');
    const s = new OnlineLogisticRegressionModelServable();
    await s.setModelData(bytesOf(v1));
    await expectSaveLoadRoundTrip(s, (p) => OnlineLogisticRegressionModelServable.load(p));
  });

  it('survives corrupted model data (fuzz)', async () => {
    await fuzzModelDataFrom(
      new OnlineLogisticRegressionModelServable(),
      bytesOf(v1),
      (x) => x.transform(df).getDoubles('prediction')[0],
      { expected: 1 },
    );
  });
});
