import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DataOutputView, type DenseVector, encodeToBytes, Vectors } from '@servable/linalg';
import { ModelNotLoadedError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { type KMeansModelData, KMeansModelDataCodec } from '../src/kmeans/index.js';
import { OnlineKMeansModelServable } from '../src/online-kmeans/index.js';
import { fuzzModelDataFrom } from './support/decoder-fuzz.js';
import {
  type FixtureJson,
  itEachCase,
  loadVectorFile,
  toVector,
  type VectorCase,
  withCaseParams,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip, expectSaveLoadWithoutModelData } from './support/round-trip.js';

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

/** `s` with the case's params, fed the stream record by record up to its model data version. */
async function caseServable(
  s: OnlineKMeansModelServable,
  c: VectorCase,
): Promise<OnlineKMeansModelServable> {
  withCaseParams(s, file, c);
  // The version is 1-based: the number of records to feed.
  const version = c.modelDataVersion as unknown as number;
  for (const bytes of records.slice(0, version)) await s.setModelData(bytes);
  return s;
}

describe('OnlineKMeansModelServable on Flink ML vectors', () => {
  itEachCase(file, (c) => caseServable(new OnlineKMeansModelServable(), c), {
    check: (out) => {
      expect(out.getColumnNames()).toEqual(['features', 'prediction']);
      expect(out.getDataType('prediction')).toBe(DataTypes.INT);
    },
  });
});

describe("OnlineKMeansModelServable on Flink ML vectors in 'java11' numerics (bit-exact)", () => {
  // Computed on Java 11: every case must match exactly (they match in 'fast' too).
  itEachCase(file, (c) => caseServable(new OnlineKMeansModelServable().setNumerics('java11'), c), {
    compare: { tolerance: 0 },
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
    const back = await expectSaveLoadWithoutModelData(
      new OnlineKMeansModelServable().setK(3),
      (p) => OnlineKMeansModelServable.load(p),
    );
    expect(back.getK()).toBe(3);
  });

  it('round-trips save → load with model data', async () => {
    const s = new OnlineKMeansModelServable();
    await s.setModelData(records[1] as Uint8Array);
    await expectSaveLoadRoundTrip(s, (p) => OnlineKMeansModelServable.load(p));
  });

  it('survives corrupted model data (fuzz)', async () => {
    await fuzzModelDataFrom(
      new OnlineKMeansModelServable(),
      records[0] as Uint8Array,
      (x) => Array.from(x.transform(df).getDoubles('prediction')),
      { expected: [1, 0] },
    );
  });
});
