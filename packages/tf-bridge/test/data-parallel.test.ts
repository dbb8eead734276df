import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  TFConfigError,
  TFEstimator,
  type TFProgress,
  type tf,
  useTfjsBackend,
  weightsDigest,
} from '@servable/tf-bridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linearData, SCRIPTS } from './support.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tf-data-parallel-'));
  // Both runs of a comparison must use the same kernels.
  await useTfjsBackend('cpu');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const estimator = (entry: string, workers: number) =>
  new TFEstimator()
    .setScript(join(SCRIPTS, 'mlp.mjs'))
    .setEntryFunc(entry)
    .setSelectedCols(['features'])
    .setLabelCol('label')
    .setOutputCols(['prediction'])
    .setTfjsBackend('cpu')
    .setHyperParams(['lr=0.05'])
    .setWorkerNum(workers);

async function run(est: TFEstimator, rows: number) {
  const progress: TFProgress[] = [];
  const model = await est.onProgress((p) => progress.push(p)).fit(linearData(rows));
  const predictions = Array.from((await model.transform(linearData(10))).getDoubles('prediction'));
  const served = model.toServable();
  await served.ready();
  return {
    model,
    progress,
    predictions,
    digest: weightsDigest(served.getTFModel() as tf.LayersModel),
  };
}

function expectClose(actual: readonly number[], expected: readonly number[], tolerance: number) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i] as number;
    expect(Math.abs(a - e)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(e)));
  });
}

describe('data-parallel training (tfjs, workerNum > 1, synchronous gradient averaging)', () => {
  it('follows the loss trajectory of workerNum 1 (adam MLP, shuffled, a remainder batch of odd size)', async () => {
    // 21 rows, batch 8: batches of 8, 8 and 5 rows, so the shards are 4+4, 4+4 and 2+3.
    const configure = (workers: number) =>
      estimator('entry', workers).setBatchSize(8).setEpochs(6).setShuffle(true);
    const one = await run(configure(1), 21);
    const two = await run(configure(2), 21);
    expect(two.progress.map((p) => p.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(two.progress.map((p) => p.rows)).toEqual(one.progress.map((p) => p.rows));
    expectClose(
      two.progress.map((p) => p.loss),
      one.progress.map((p) => p.loss),
      1e-4,
    );
    expectClose(two.predictions, one.predictions, 1e-4);
    expect((two.progress.at(-1) as TFProgress).loss).toBeLessThan(
      (two.progress[0] as TFProgress).loss,
    );
  });

  it('matches workerNum 1 for sgd up to float rounding, with padding and idle workers, and keeps the replicas bit-identical', async () => {
    // 7 rows pad to 4 batches of 2; on 3 workers the shards are 0, 1 and 1 rows.
    const configure = (w: number) =>
      estimator('linear', w).setBatchSize(2).setEpochs(3).setRemainder('pad');
    const one = await run(configure(1), 7);
    const three = await run(configure(3), 7);
    expect(three.progress.map((p) => p.rows)).toEqual([8, 8, 8]);
    expectClose(
      three.progress.map((p) => p.loss),
      one.progress.map((p) => p.loss),
      1e-5,
    );
    expectClose(three.predictions, one.predictions, 1e-5);
    for (const p of three.progress) {
      expect(p.replicaDigests).toHaveLength(3);
      expect(new Set(p.replicaDigests).size).toBe(1);
    }
    expect((three.progress.at(-1) as TFProgress).replicaDigests?.[0]).toBe(three.digest);
    expect(one.progress[0]?.replicaDigests).toBeUndefined();
  });

  it('checkpoints, resumes and warm-starts as with one worker', async () => {
    const dir = join(work, 'ckpt');
    await estimator('linear', 2)
      .setEpochs(2)
      .setCheckpointDir(dir)
      .setCheckpointEvery(1)
      .fit(linearData(12));
    expect((await readdir(dir)).sort()).toEqual(['epoch-000001.tfjb', 'epoch-000002.tfjb']);
    const resumed: number[] = [];
    await estimator('linear', 2)
      .setEpochs(3)
      .setResumeFrom(dir)
      .onProgress((p) => resumed.push(p.epoch))
      .fit(linearData(12));
    expect(resumed).toEqual([3]);

    const first = await estimator('linear', 1).setEpochs(3).fit(linearData(12));
    const saved = join(work, 'warm');
    await first.save(saved);
    const warm = await estimator('linear', 2)
      .setHyperParams(['lr=0'])
      .setInitialModelPath(saved)
      .fit(linearData(12));
    const a = (await first.transform(linearData(5))).getDoubles('prediction');
    const b = (await warm.transform(linearData(5))).getDoubles('prediction');
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('refuses scripts that train themselves and names a failing replica', async () => {
    await expect(estimator('selfTrain', 2).fit(linearData(8))).rejects.toThrow(TFConfigError);
    await expect(estimator('selfTrain', 2).fit(linearData(8))).rejects.toThrow(
      /workerNum: data-parallel training .* feeds the batches itself/,
    );
    const failing = await estimator('replicaFails', 2)
      .fit(linearData(8))
      .catch((e: unknown) => e);
    expect((failing as Error).message).toMatch(/^Node worker:0 failed: replica 1 refuses/);
  });
});
