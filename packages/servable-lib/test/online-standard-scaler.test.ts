import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import {
  DataOutputView,
  type DenseVector,
  encodeToBytes,
  SparseVector,
  Vectors,
} from '@servable/linalg';
import { ModelDataError, ModelNotLoadedError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { OnlineStandardScalerModelServable } from '../src/online-standard-scaler/index.js';
import {
  type StandardScalerModelData,
  StandardScalerModelDataCodec,
} from '../src/standard-scaler/standard-scaler-model-data.js';
import { fuzzModelDataFrom } from './support/decoder-fuzz.js';
import { type FixtureJson, loadVectorFile, toVector } from './support/flink-vectors.js';
import { itEachOnlineCase } from './support/model-servable-checks.js';
import { expectSaveLoadRoundTrip, expectSaveLoadWithoutModelData } from './support/round-trip.js';

const file = loadVectorFile('OnlineStandardScaler');

const record = (d: Record<string, FixtureJson>): StandardScalerModelData => ({
  mean: toVector(d.mean ?? null) as DenseVector,
  std: toVector(d.std ?? null) as DenseVector,
  version: BigInt(d.version as number),
  timestamp: BigInt(d.timestamp as number),
});
const bytesOf = (m: StandardScalerModelData): Uint8Array =>
  encodeToBytes(StandardScalerModelDataCodec, m);

describe('OnlineStandardScalerModelServable on Flink ML vectors', () => {
  const cases = {
    file,
    create: () => new OnlineStandardScalerModelServable(),
    codec: StandardScalerModelDataCodec,
    record,
  };
  itEachOnlineCase(cases, 'version');
});

describe('OnlineStandardScalerModelServable', () => {
  const df = DataFrame.fromColumns(
    ['input'],
    [DataTypes.VECTOR(BasicType.DOUBLE)],
    [[Vectors.dense(2, -4), new SparseVector(2, [1], [3])]],
  );
  const m0 = { mean: Vectors.dense(1, 1), std: Vectors.dense(2, 0), version: 0n, timestamp: 2999n };
  const m1 = {
    mean: Vectors.dense(0, 1),
    std: Vectors.dense(4, 1),
    version: 1n,
    timestamp: 2n ** 63n - 1n,
  };

  it('fails clearly before model data, then scales with the latest record and outputs its version', async () => {
    const s = new OnlineStandardScalerModelServable();
    expect(() => s.transform(df)).toThrow(ModelNotLoadedError);
    await s.setModelData(bytesOf(m0));
    let out = s.transform(df);
    expect(out.getColumnNames()).toEqual(['input', 'output', 'version']);
    expect(out.getVectors('output').map((v) => Array.from(v?.toArray() ?? []))).toEqual([
      [1, -0],
      [0, 0],
    ]);
    // A sparse input without withMean stays sparse.
    expect(out.getVectors('output')[1]?.kind).toBe('sparse');
    expect(out.getValues('version')).toEqual([0, 0]);
    const both = new DataOutputView();
    StandardScalerModelDataCodec.encode(m0, both);
    StandardScalerModelDataCodec.encode(m1, both);
    await s.setModelData(both.toBytes());
    out = s.setWithMean(true).transform(df);
    expect(out.getVectors('output').map((v) => Array.from(v?.toArray() ?? []))).toEqual([
      [0.5, -5],
      [0, 2],
    ]);
    expect(out.getValues('version')).toEqual([1, 1]);
  });

  it('omits the version column when modelVersionCol is null', async () => {
    const s = new OnlineStandardScalerModelServable().setModelVersionCol(null);
    await s.setModelData(bytesOf(m0));
    expect(s.transform(df).getColumnNames()).toEqual(['input', 'output']);
  });

  it('accepts and keeps maxAllowedModelDelayMs, which does not change serving', async () => {
    const s = new OnlineStandardScalerModelServable().setMaxAllowedModelDelayMs(5000n);
    await s.setModelData(bytesOf(m0));
    expect(s.getMaxAllowedModelDelayMs()).toBe(5000n);
    expect(s.transform(df).getValues('version')).toEqual([0, 0]);
    expect(() => s.setMaxAllowedModelDelayMs(-1n)).toThrow(
      'Parameter maxAllowedModelDelayMs is given an invalid value -1',
    );
  });

  it('rejects a record whose mean and std differ in size, keeping the old model', async () => {
    const s = new OnlineStandardScalerModelServable();
    await s.setModelData(bytesOf(m0));
    const bad = bytesOf({ ...m1, std: Vectors.dense(1) });
    await expect(s.setModelData(bad)).rejects.toThrow(ModelDataError);
    await expect(s.setModelData(bad)).rejects.toThrow('mean has 2 values but std has 1');
    expect(s.getModelVersion()).toBe(0);
  });

  it('saves metadata only without model data, and round-trips with it', async () => {
    const back = await expectSaveLoadWithoutModelData(
      new OnlineStandardScalerModelServable().setModelVersionCol(null),
      (p) => OnlineStandardScalerModelServable.load(p),
    );
    expect(back.getModelVersionCol()).toBeNull();
    const s = new OnlineStandardScalerModelServable();
    await s.setModelData(bytesOf(m1));
    await expectSaveLoadRoundTrip(s, (p) => OnlineStandardScalerModelServable.load(p));
  });

  it('survives corrupted model data (fuzz)', async () => {
    await fuzzModelDataFrom(
      new OnlineStandardScalerModelServable(),
      bytesOf(m0),
      (x) => x.transform(df).getValues('version'),
      { expected: [0, 0] },
    );
  });
});
