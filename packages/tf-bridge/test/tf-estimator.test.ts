import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Vectors } from '@servable/linalg';
import {
  Pipeline,
  type PipelineModelServable,
  ServableModel,
  ServableRegistry,
} from '@servable/servable-api';
import { StandardScalerModelServable, servableLib } from '@servable/servable-lib';
import {
  batchIndices,
  TFConfigError,
  TFEstimator,
  TFModel,
  TFNodeError,
  type TFProgress,
  tfBridgePlugin,
} from '@servable/tf-bridge';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linearData, SCRIPTS } from './support.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tf-estimator-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const estimator = (entry = 'entry') =>
  new TFEstimator()
    .setScript(join(SCRIPTS, 'mlp.mjs'))
    .setEntryFunc(entry)
    .setSelectedCols(['features'])
    .setLabelCol('label')
    .setOutputCols(['prediction'])
    .setBatchSize(8)
    .setHyperParams(['lr=0.05']);

describe('batchIndices (problem 4: a batch size that does not divide the data)', () => {
  it('keeps, drops or pads the last batch', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 16 }), (n, bs) => {
        const keep = [...batchIndices(n, bs, 'keep')];
        expect(keep.flatMap((b) => Array.from(b))).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(keep.slice(0, -1).every((b) => b.length === bs)).toBe(true);
        const drop = [...batchIndices(n, bs, 'drop')];
        expect(drop.reduce((s, b) => s + b.length, 0)).toBe(Math.floor(n / bs) * bs);
        const pad = [...batchIndices(n, bs, 'pad')];
        expect(pad.length).toBe(Math.ceil(n / bs));
        expect(pad.every((b) => b.length === bs)).toBe(true);
        expect(pad.flatMap((b) => Array.from(b)).slice(0, n)).toEqual(
          Array.from({ length: n }, (_, i) => i),
        );
      }),
    );
  });

  it('trains on 10, 8 or 16 rows per epoch for keep, drop, pad with 10 rows and batch 8', async () => {
    for (const [remainder, rows] of [
      ['keep', 10],
      ['drop', 8],
      ['pad', 16],
    ] as const) {
      const seen: TFProgress[] = [];
      await estimator()
        .setRemainder(remainder)
        .onProgress((p) => seen.push(p))
        .fit(linearData(10));
      expect(seen.map((p) => p.rows)).toEqual([rows]);
    }
  });
});

describe('TFEstimator (tfjs backend)', () => {
  it('trains a returned model, reports progress, and the model predicts', async () => {
    const progress: TFProgress[] = [];
    const model = await estimator()
      .setEpochs(30)
      .onProgress((p) => progress.push(p))
      .fit(linearData(40));
    expect(progress.map((p) => p.epoch)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(progress.every((p) => p.rows === 40 && p.rowsPerSecond > 0)).toBe(true);
    expect((progress.at(-1) as TFProgress).loss).toBeLessThan((progress[0] as TFProgress).loss);
    const out = await model.transform(linearData(10));
    const predictions = Array.from(out.getDoubles('prediction'));
    const labels = Array.from(out.getDoubles('label'));
    const mse =
      predictions.reduce((s, p, i) => s + (p - (labels[i] as number)) ** 2, 0) / predictions.length;
    expect(mse).toBeLessThan((progress[0] as TFProgress).loss);
    expect(model.supportServable()).toBe(true);
  });

  it('runs a script that trains itself from context.batches()', async () => {
    const model = await estimator('selfTrain').setBatchSize(4).fit(linearData(10));
    expect((globalThis as { __selfTrainBatches?: number[] }).__selfTrainBatches).toEqual([
      4, 4, 2, 4, 4, 2,
    ]);
    expect(model).toBeInstanceOf(TFModel);
  });

  it('names a missing entry function and a missing label column', async () => {
    await expect(estimator('nope').fit(linearData(4))).rejects.toThrow(/exports no function nope/);
    await expect(estimator('notAFunction').fit(linearData(4))).rejects.toBeInstanceOf(
      TFConfigError,
    );
    await expect(estimator('oneOutput').setLabelCol(null).fit(linearData(4))).rejects.toThrow(
      /labelCol: .*needs a label column/,
    );
    const failing = await estimator()
      .setLabelCol(null)
      .fit(linearData(4))
      .catch((e: unknown) => e);
    expect(failing).toBeInstanceOf(TFNodeError);
    expect((failing as TFNodeError).message).toMatch(
      /^Node chief:0 failed in .*mlp.mjs#entry: Expected units/,
    );
  });

  it('problem 7: checkpoints every N epochs, resumes after the latest, warm-starts from a saved model', async () => {
    const dir = join(work, 'ckpt');
    await estimator().setEpochs(4).setCheckpointDir(dir).setCheckpointEvery(2).fit(linearData(16));
    expect((await readdir(dir)).sort()).toEqual(['epoch-000002.tfjb', 'epoch-000004.tfjb']);
    const resumed: number[] = [];
    await estimator()
      .setEpochs(6)
      .setResumeFrom(dir)
      .onProgress((p) => resumed.push(p.epoch))
      .fit(linearData(16));
    expect(resumed).toEqual([5, 6]);

    // Warm start with a zero learning rate: the model is exactly the saved one.
    const first = await estimator('linear').setEpochs(5).fit(linearData(16));
    const saved = join(work, 'warm');
    await first.save(saved);
    const warm = await estimator('linear')
      .setHyperParams(['lr=0'])
      .setInitialModelPath(saved)
      .fit(linearData(16));
    const a = (await first.transform(linearData(5))).getDoubles('prediction');
    const b = (await warm.transform(linearData(5))).getDoubles('prediction');
    expect(Array.from(b)).toEqual(Array.from(a));
    await expect(estimator().setInitialModelPath(saved).fit(linearData(4))).rejects.toThrow(
      /weights .* but the script's model has/,
    );
  });

  it('problem 1: a pipeline with a scaler and two TFEstimators fits and transforms in one process; saved, it serves', async () => {
    const scaler = new StandardScalerModelServable()
      .setInputCol('features')
      .setOutputCol('scaled')
      .setModel({
        mean: Vectors.dense(0, 0),
        std: Vectors.dense(1, 1),
        version: 0n,
        timestamp: 0n,
      });
    const first = estimator().setSelectedCols(['scaled']).setOutputCols(['p1']).setEpochs(3);
    const second = estimator('linear')
      .setSelectedCols(['p1', 'scaled'])
      .setOutputCols(['p2'])
      .setEpochs(3);
    const model = await new Pipeline([new ServableModel(scaler), first, second]).fit(
      linearData(32),
    );
    const out = await model.transform(linearData(6));
    expect(out.getColumnNames()).toEqual(['features', 'label', 'scaled', 'p1', 'p2']);
    const path = join(work, 'pipeline');
    await model.save(path);
    const registry = new ServableRegistry().register(servableLib).register(tfBridgePlugin);
    const servable = (await registry.load(path)) as PipelineModelServable;
    expect(Array.from(servable.transform(linearData(6)).getDoubles('p2'))).toEqual(
      Array.from(out.getDoubles('p2')),
    );
  });
});
