import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DataOutputView, type DenseVector, encodeToBytes, Vectors } from '@servable/linalg';
import { applyParamMapJson, ModelNotLoadedError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { type KMeansModelData, KMeansModelDataCodec } from '../src/kmeans/index.js';
import { OnlineKMeansModelServable } from '../src/online-kmeans/index.js';
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

const file = loadVectorFile('OnlineKMeans');
const stream = (
  (file.modelData as Record<string, FixtureJson>).stream as Record<string, FixtureJson>[]
).map(
  (d): KMeansModelData => ({
    centroids: (d.centroids as FixtureJson[]).map((c) => toVector(c) as DenseVector),
    weights: toVector(d.weights ?? null) as DenseVector,
  }),
);
const records = stream.map((m) => encodeToBytes(KMeansModelDataCodec, m));

describe('OnlineKMeansModelServable on Flink ML vectors', () => {
  file.cases.forEach((c, i) => {
    it(caseLabel(c, i), async () => {
      const s = new OnlineKMeansModelServable();
      applyParamMapJson(s, caseParams(file, c) as never);
      // Feed the stream record by record up to the case's model data version (1-based).
      const version = c.modelDataVersion as unknown as number;
      for (const bytes of records.slice(0, version)) await s.setModelData(bytes);
      const out = s.transform(caseInput(c));
      expect(out.getColumnNames()).toEqual(['features', 'prediction']);
      expect(out.getDataType('prediction')).toBe(DataTypes.INT);
      expectCaseOutput(out, c);
    });
  });
});

describe("OnlineKMeansModelServable on Flink ML vectors in 'java11' numerics (bit-exact)", () => {
  // Computed on Java 11: every case must match exactly (they match in 'fast' too).
  file.cases.forEach((c, i) => {
    it(caseLabel(c, i), async () => {
      const s = new OnlineKMeansModelServable().setNumerics('java11');
      applyParamMapJson(s, caseParams(file, c) as never);
      const version = c.modelDataVersion as unknown as number;
      for (const bytes of records.slice(0, version)) await s.setModelData(bytes);
      expectCaseOutput(s.transform(caseInput(c)), c, { tolerance: 0 });
    });
  });
});

describe('OnlineKMeansModelServable', () => {
  const df = DataFrame.fromColumns(
    ['features'],
    [DataTypes.VECTOR(BasicType.DOUBLE)],
    [[Vectors.dense(-10, 10), Vectors.dense(10, 10)]],
  );

  it('fails clearly before the first model and lets the latest record win', async () => {
    const s = new OnlineKMeansModelServable();
    expect(() => s.transform(df)).toThrow(ModelNotLoadedError);
    expect(() => s.transform(df)).toThrow('OnlineKMeansModel has no model data yet');
    // Both records in one call, back to back: the second is the model.
    const out = new DataOutputView();
    for (const m of stream) KMeansModelDataCodec.encode(m, out);
    await s.setModelData(out.toBytes());
    expect(Array.from(s.transform(df).getDoubles('prediction'))).toEqual([0, 0]);
    await s.setModelData(records[0] as Uint8Array);
    expect(Array.from(s.transform(df).getDoubles('prediction'))).toEqual([1, 0]);
    expect(s.getModelVersion()).toBeUndefined();
  });

  it('saves metadata only before model data and loads it back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'online-kmeans-'));
    try {
      await new OnlineKMeansModelServable().setK(3).save(join(dir, 'stage'));
      expect(existsSync(join(dir, 'stage', 'data'))).toBe(false);
      const back = await OnlineKMeansModelServable.load(join(dir, 'stage'));
      expect(back.getK()).toBe(3);
      expect(back.hasModelData()).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('round-trips save → load with model data', async () => {
    const s = new OnlineKMeansModelServable();
    await s.setModelData(records[1] as Uint8Array);
    await expectSaveLoadRoundTrip(s, (p) => OnlineKMeansModelServable.load(p));
  });

  it('survives corrupted model data (fuzz)', async () => {
    const s = new OnlineKMeansModelServable();
    await s.setModelData(records[0] as Uint8Array);
    expect(Array.from(s.transform(df).getDoubles('prediction'))).toEqual([1, 0]);
    await fuzzModelData(s, (x) => Array.from(x.transform(df).getDoubles('prediction')));
  });
});
