import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { type DenseVector, Vectors } from '@servable/linalg';
import { FileModelUpdater, publishModelDataDirectory } from '@servable/model-updaters';
import { ModelDataError, PipelineModelServable, ServableRegistry } from '@servable/servable-api';
import { StandardScalerModelServable, servableLib } from '@servable/servable-lib';
import {
  bundleFromModel,
  encodeTFModelBundle,
  fileSystemIO,
  readModelBundle,
  TFModelServable,
  tfBridgePlugin,
} from '@servable/tf-bridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linearModel } from './support.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tf-servable-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const df = () =>
  DataFrame.fromColumns(
    ['f'],
    [DataTypes.VECTOR(BasicType.DOUBLE)],
    [[Vectors.dense(1, 2), Vectors.dense(3, 4)]],
  );

async function servable(w: [number, number], b: number, version = 1): Promise<TFModelServable> {
  return new TFModelServable()
    .setSelectedCols(['f'])
    .setOutputCols(['y'])
    .setTFModel(linearModel(w, b), version);
}

async function bytes(w: [number, number], b: number, version: number): Promise<Uint8Array> {
  return encodeTFModelBundle(await bundleFromModel(linearModel(w, b), version));
}

describe('TFModelServable', () => {
  it('feeds the selected columns to the model and appends typed outputs', async () => {
    const s = await servable([1, 2], 0.5);
    const out = s.transform(df());
    expect(Array.from(out.getDoubles('y'))).toEqual([5.5, 11.5]);
    const split = DataFrame.fromColumns(
      ['a', 'b'],
      [DataTypes.DOUBLE, DataTypes.DOUBLE],
      [Float64Array.of(1, 3), Float64Array.of(2, 4)],
    );
    s.setSelectedCols(['a', 'b']).setOutputCols(['v']).setOutputTypes(['FLOAT_32_ARRAY']);
    const v = s.transform(split).getVectors('v');
    expect((v[1] as DenseVector).values).toEqual(Float64Array.of(11.5));
    s.setOutputTypes(['INT_64']);
    expect(s.transform(split).getValues('v')).toEqual([6, 12]);
    expect(s.getModelVersion()).toBe(1);
  });

  it('keeps serving the old model when new model data is corrupt', async () => {
    const s = await servable([1, 2], 0.5);
    const bad = (await bytes([0, 0], 0, 2)).slice();
    bad[bad.length - 1] = (bad[bad.length - 1] as number) ^ 0xff;
    const error = await s.setModelData(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDataError);
    expect((error as ModelDataError).offset).toBe(bad.length - 4);
    expect(Array.from(s.transform(df()).getDoubles('y'))).toEqual([5.5, 11.5]);
  });

  it('saves as a stage that loads through the registry inside a pipeline with a StandardScaler', async () => {
    const path = join(work, 'pipeline');
    const scaler = new StandardScalerModelServable()
      .setInputCol('raw')
      .setOutputCol('f')
      .setWithMean(true)
      .setModel({
        mean: Vectors.dense(1, 1),
        std: Vectors.dense(2, 2),
        version: 0n,
        timestamp: 0n,
      });
    const pipeline = new PipelineModelServable([scaler, await servable([1, 2], 0.5)]);
    await pipeline.save(path);
    expect(await readdir(join(path, 'stages', '1', 'data'))).toHaveLength(1);
    const registry = new ServableRegistry().register(servableLib).register(tfBridgePlugin);
    const loaded = (await registry.load(path)) as PipelineModelServable;
    const input = DataFrame.fromColumns(
      ['raw'],
      [DataTypes.VECTOR(BasicType.DOUBLE)],
      [[Vectors.dense(3, 5), Vectors.dense(7, 9)]],
    );
    // scaled: (1, 2) and (3, 4)
    expect(Array.from(loaded.transform(input).getDoubles('y'))).toEqual([5.5, 11.5]);
    expect((await registry.check(path)).servable).toBe(true);
  });

  it('is hot-swapped by a FileModelUpdater following the stage', async () => {
    const path = join(work, 'hot');
    await (await servable([1, 2], 0.5, 1)).save(path);
    const registry = new ServableRegistry().register(tfBridgePlugin);
    const live = (await registry.load(path)) as TFModelServable;
    const updater = new FileModelUpdater(live, { path, loadOnStart: false });
    const updated = new Promise((resolve) => updater.once('updated', resolve));
    await updater.start();
    try {
      await publishModelDataDirectory(join(path, 'data'), await bytes([10, 0], 0, 2), {
        fsync: false,
      });
      await updated;
      expect(live.getModelVersion()).toBe(2);
      expect(Array.from(live.transform(df()).getDoubles('y'))).toEqual([10, 30]);
    } finally {
      await updater.stop();
    }
  });

  it('reads and writes TF.js model.json directories with its own file-system IO', async () => {
    const dir = join(work, 'tfjs-model');
    await linearModel([2, 0], 1).save(fileSystemIO(dir));
    const bundle = await readModelBundle(join(dir, 'model.json'));
    const s = new TFModelServable().setSelectedCols(['f']).setOutputCols(['y']).setModel(bundle);
    await s.ready();
    expect(Array.from(s.transform(df()).getDoubles('y'))).toEqual([3, 7]);
  });
});
