import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DataOutputView, type DenseVector, encodeToBytes, Vectors } from '@servable/linalg';
import { applyParamMapJson, ModelNotLoadedError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import {
  type LogisticRegressionModelData,
  LogisticRegressionModelDataCodec,
} from '../src/logistic-regression/logistic-regression-model-data.js';
import { OnlineLogisticRegressionModelServable } from '../src/online-logistic-regression/index.js';
import { ModelVersionRangeError } from '../src/online-model-data/index.js';
import { fuzzModelData } from './support/decoder-fuzz.js';
import {
  caseInput,
  caseLabel,
  caseParams,
  expectCaseOutput,
  type FixtureJson,
  loadVectorFile,
  toVector,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

const file = loadVectorFile('OnlineLogisticRegression');

const record = (data: Record<string, FixtureJson>): LogisticRegressionModelData => ({
  coefficient: toVector(data.coefficient ?? null) as DenseVector,
  modelVersion: BigInt(data.modelVersion as number),
});
const bytesOf = (m: LogisticRegressionModelData): Uint8Array =>
  encodeToBytes(LogisticRegressionModelDataCodec, m);

describe('OnlineLogisticRegressionModelServable on Flink ML vectors', () => {
  file.cases.forEach((c, i) => {
    it(caseLabel(c, i), async () => {
      const s = new OnlineLogisticRegressionModelServable();
      applyParamMapJson(s, caseParams(file, c) as never);
      await s.setModelData(bytesOf(record(c.modelDataVersion as Record<string, FixtureJson>)));
      const out = s.transform(caseInput(c));
      expect(out.getDataType('modelVersion')).toBe(DataTypes.LONG);
      expectCaseOutput(out, c);
    });
  });
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
    const dir = await mkdtemp(join(tmpdir(), 'online-lr-'));
    try {
      await new OnlineLogisticRegressionModelServable()
        .setModelVersionCol('mv')
        .save(join(dir, 's'));
      expect(existsSync(join(dir, 's', 'data'))).toBe(false);
      const back = await OnlineLogisticRegressionModelServable.load(join(dir, 's'));
      expect(back.getModelVersionCol()).toBe('mv');
      expect(back.hasModelData()).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const s = new OnlineLogisticRegressionModelServable();
    await s.setModelData(bytesOf(v1));
    await expectSaveLoadRoundTrip(s, (p) => OnlineLogisticRegressionModelServable.load(p));
  });

  it('survives corrupted model data (fuzz)', async () => {
    const s = new OnlineLogisticRegressionModelServable();
    await s.setModelData(bytesOf(v1));
    expect(s.transform(df).getDoubles('prediction')[0]).toBe(1);
    await fuzzModelData(s, (x) => x.transform(df).getDoubles('prediction')[0]);
  });
});
