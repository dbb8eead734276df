import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataFrame } from '@servable/dataframe';
import {
  InvalidNumericsError,
  isNumericsAware,
  type NumericsAware,
  ServableRegistry,
} from '@servable/servable-api';
import {
  KMeansModelServable,
  KnnModelServable,
  LinearRegressionModelServable,
  LinearSVCModelServable,
  type LogisticRegressionModelData,
  LogisticRegressionModelServable,
  NormalizerServable,
  OnlineKMeansModelServable,
  OnlineLogisticRegressionModelServable,
  OnlineStandardScalerModelServable,
  StandardScalerModelServable,
  servableLib,
} from '@servable/servable-lib';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { bitsToDouble, inputFrame, LR_DIR, readExpected } from './support/lr-default.js';

const expected = await readExpected();
const input = inputFrame(expected);

/** rawPrediction of every row as doubles, and how many differ in any bit from expected.json. */
function compare(out: DataFrame): { maxRelative: number; differingBits: number } {
  const raw = out.getVectors('rawPrediction');
  const predictions = out.getDoubles('prediction');
  let maxRelative = 0;
  let differingBits = 0;
  expected.outputs.forEach((want, r) => {
    expect(predictions[r]).toBe(bitsToDouble(want.prediction.bits));
    const got = raw[r]!.toArray();
    want.rawPrediction.bits.forEach((hex, i) => {
      const w = bitsToDouble(hex);
      const g = got[i]!;
      if (!Object.is(g, w)) differingBits++;
      if (w !== 0) maxRelative = Math.max(maxRelative, Math.abs(g - w) / Math.abs(w));
      else expect(g).toBe(0);
    });
  });
  return { maxRelative, differingBits };
}

describe('LogisticRegression numerics on lr-default (answers of Flink ML on Java 11+)', () => {
  it("'java11' reproduces every bit", async () => {
    const servable = await new ServableRegistry({ numerics: 'java11' })
      .register(servableLib)
      .load(LR_DIR);
    expect(compare(servable.transform(input))).toEqual({ maxRelative: 0, differingBits: 0 });
  });

  it("'fast' (the default) is within 1e-15 relative, and is not bit-identical here", async () => {
    const servable = await new ServableRegistry().register(servableLib).load(LR_DIR);
    expect((servable as LogisticRegressionModelServable).getNumerics()).toBe('fast');
    const { maxRelative, differingBits } = compare(servable.transform(input));
    expect(maxRelative).toBeLessThanOrEqual(1e-15);
    // The fixture has a dot product whose fused and unfused values differ in the last bit: this
    // is what makes the 'java11' test above meaningful.
    expect(differingBits).toBeGreaterThan(0);
  });

  it('switches per transform with setNumerics', async () => {
    const lr = await LogisticRegressionModelServable.load(LR_DIR);
    expect(compare(lr.transform(input)).differingBits).toBeGreaterThan(0);
    expect(compare(lr.setNumerics('java11').transform(input)).differingBits).toBe(0);
    expect(compare(lr.setNumerics('fast').transform(input)).differingBits).toBeGreaterThan(0);
  });
});

describe('numerics is not a Flink ML param', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'servable-numerics-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('never reaches the saved metadata, and a reload has the loader’s numerics', async () => {
    const lr = (await LogisticRegressionModelServable.load(LR_DIR)).setNumerics('java11');
    const dir = join(work, 'lr');
    await lr.save(dir);
    const text = await readFile(join(dir, 'metadata'), 'utf8');
    expect(text).not.toMatch(/numerics|java11/i);
    const metadata = JSON.parse(text) as { paramMap: Record<string, unknown> };
    const original = JSON.parse(await readFile(join(LR_DIR, 'metadata'), 'utf8')) as {
      paramMap: Record<string, unknown>;
    };
    expect(Object.keys(metadata.paramMap).sort()).toEqual(Object.keys(original.paramMap).sort());
    const reloaded = await new ServableRegistry().register(servableLib).load(dir);
    expect((reloaded as LogisticRegressionModelServable).getNumerics()).toBe('fast');

    const normalizer = new NormalizerServable().setNumerics('java11');
    await normalizer.save(join(work, 'normalizer'));
    const saved = await readFile(join(work, 'normalizer', 'metadata'), 'utf8');
    expect(saved).not.toMatch(/numerics|java11/i);
  });
});

describe('NumericsAware servables', () => {
  const servables: [string, () => unknown][] = [
    ['LogisticRegressionModel', () => new LogisticRegressionModelServable()],
    ['OnlineLogisticRegressionModel', () => new OnlineLogisticRegressionModelServable()],
    ['LinearSVCModel', () => new LinearSVCModelServable()],
    ['LinearRegressionModel', () => new LinearRegressionModelServable()],
    ['KnnModel', () => new KnnModelServable()],
    ['KMeansModel', () => new KMeansModelServable()],
    ['OnlineKMeansModel', () => new OnlineKMeansModelServable()],
    ['StandardScalerModel', () => new StandardScalerModelServable()],
    ['OnlineStandardScalerModel', () => new OnlineStandardScalerModelServable()],
    ['Normalizer', () => new NormalizerServable()],
  ];
  for (const [name, create] of servables) {
    // The contract itself (validation, messages) is withNumerics', tested in servable-api.
    it(`${name} is NumericsAware: defaults to 'fast', switches, rejects unknown values`, () => {
      const aware = create() as NumericsAware;
      expect(isNumericsAware(aware)).toBe(true);
      expect(aware.getNumerics()).toBe('fast');
      expect(aware.setNumerics('java11').getNumerics()).toBe('java11');
      expect(() => aware.setNumerics('fma' as never)).toThrow(InvalidNumericsError);
    });
  }

  it('setNumerics chains with the concrete class (type-level)', () => {
    const lr = new LogisticRegressionModelServable().setNumerics('java11').setFeaturesCol('f');
    expect([lr.getNumerics(), lr.getFeaturesCol()]).toEqual(['java11', 'f']);
    const chained = {
      lr,
      onlineLr: new OnlineLogisticRegressionModelServable()
        .setNumerics('java11')
        .setFeaturesCol('f'),
      svc: new LinearSVCModelServable().setNumerics('java11').setThreshold(0.5),
      linear: new LinearRegressionModelServable().setNumerics('java11').setPredictionCol('p'),
      knn: new KnnModelServable().setNumerics('java11').setK(3),
      kmeans: new KMeansModelServable().setNumerics('java11').setK(3),
      onlineKmeans: new OnlineKMeansModelServable().setNumerics('java11').setK(3),
      scaler: new StandardScalerModelServable().setNumerics('java11').setWithMean(true),
      onlineScaler: new OnlineStandardScalerModelServable().setNumerics('java11').setWithMean(true),
      normalizer: new NormalizerServable().setNumerics('java11').setP(1),
      model: lr.getModel(),
    };
    expectTypeOf(chained).toEqualTypeOf<{
      lr: LogisticRegressionModelServable;
      onlineLr: OnlineLogisticRegressionModelServable;
      svc: LinearSVCModelServable;
      linear: LinearRegressionModelServable;
      knn: KnnModelServable;
      kmeans: KMeansModelServable;
      onlineKmeans: OnlineKMeansModelServable;
      scaler: StandardScalerModelServable;
      onlineScaler: OnlineStandardScalerModelServable;
      normalizer: NormalizerServable;
      model: LogisticRegressionModelData | undefined;
    }>();
  });

  it('a registry rejects an unknown numerics', () => {
    expect(() => new ServableRegistry({ numerics: 'java8' as never })).toThrow(
      InvalidNumericsError,
    );
  });
});
