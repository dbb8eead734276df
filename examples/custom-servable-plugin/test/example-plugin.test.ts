import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { Vectors } from '@servable/linalg';
import {
  PipelineModelServable,
  ServableRegistry,
  UnknownServableClassError,
} from '@servable/servable-api';
import { describeServableConformance } from '@servable/servable-api/testing';
import { LogisticRegressionModelServable, servableLib } from '@servable/servable-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELEMENT_INDEX, examplePlugin, ThresholdModelServable } from '../src/index.js';

const LR_DIR = fileURLToPath(new URL('./fixtures/lr-default', import.meta.url));
const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'servable-example-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const features = () =>
  DataFrame.fromColumns(
    ['features'],
    [VECTOR],
    [
      [
        Vectors.dense(1.8, 0, -0.9, 1.3, 0.8), // probability 0.8699
        Vectors.dense(-1, 0.5, -0.25, 10, -0.125), // 0.1128
        Vectors.sparse(5, [0, 2, 4], [0.7, -0.3, 0.05]), // 0.4813
        Vectors.sparse(5, [1, 3], [0, 42]), // 0.5
      ],
    ],
  );

describe('example plugin', () => {
  it('loads a pipeline mixing a Flink ML stage and the custom stage through one registry', async () => {
    const lr = await LogisticRegressionModelServable.load(LR_DIR);
    const threshold = new ThresholdModelServable()
      .setInputCol('rawPrediction')
      .setOutputCol('confident')
      .set(ELEMENT_INDEX, 1);
    threshold.setModel({ threshold: 0.5 });
    const dir = join(work, 'pipeline');
    await new PipelineModelServable([lr, threshold]).save(dir);
    const stageMetadata = JSON.parse(await readFile(join(dir, 'stages', '1', 'metadata'), 'utf8'));
    expect(stageMetadata.className).toBe('com.example.servable.ThresholdModel');

    const registry = new ServableRegistry().register(servableLib).register(examplePlugin);
    const servable = await registry.load(dir);
    const out = servable.transform(features());
    expect(Array.from(out.getDoubles('prediction'))).toEqual([1, 0, 0, 1]);
    expect(Array.from(out.getDoubles('confident'))).toEqual([1, 0, 0, 1]);

    // Update only the custom stage's model, addressed by its class name.
    await (servable as PipelineModelServable).setStageModelData(
      'ThresholdModel',
      new Uint8Array(Buffer.from('3fe8000000000000', 'hex')), // 0.75
    );
    expect(Array.from(servable.transform(features()).getDoubles('confident'))).toEqual([
      1, 0, 0, 0,
    ]);
  });

  it('without the plugin, the registry names the unknown class and the plugins it has', async () => {
    const dir = join(work, 'alone');
    await new ThresholdModelServable().setModel({ threshold: 1 }).save(dir);
    const registry = new ServableRegistry().register(servableLib);
    const error = await registry.load(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownServableClassError);
    expect((error as Error).message).toContain('com.example.servable.ThresholdModel');
    expect((error as Error).message).toContain('@servable/servable-lib');
  });
});

describeServableConformance({
  name: 'ThresholdModelServable',
  registry: new ServableRegistry().register(examplePlugin),
  load: async () => new ThresholdModelServable().setInputCol('score').setModel({ threshold: 0.25 }),
  input: () => DataFrame.fromColumns(['score'], [DataTypes.DOUBLE], [Float64Array.of(0, 0.25, 1)]),
  expected: { output: [0, 1, 1] },
});
