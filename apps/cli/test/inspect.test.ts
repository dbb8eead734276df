import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeModel, inspect, runCli, type StageDescription } from '@servable/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from './support/memory-io.js';
import { buildLr, buildPipeline, tempDir } from './support/models.js';

let root: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
  await buildPipeline(7n).save(join(root, 'pipeline'));
  await buildLr(3n).save(join(root, 'lr'));
  // A pipeline whose second stage lost its model data.
  await buildPipeline(2n).save(join(root, 'broken'));
  await rm(join(root, 'broken', 'stages', '1', 'data'), { recursive: true });
  // A stage of a class no plugin serves.
  await buildLr(1n).save(join(root, 'unknown'));
  await writeFile(
    join(root, 'unknown', 'metadata'),
    JSON.stringify({ className: 'com.example.MysteryModel', timestamp: 1, paramMap: {} }),
  );
});
afterAll(() => cleanup());

describe('servable inspect', () => {
  it('describes a servable pipeline: stages, classes, params and model versions', async () => {
    const d = await describeModel(join(root, 'pipeline'));
    expect(d.servable).toBe(true);
    expect(d.name).toBe('PipelineModel');
    expect(d.stages?.map((s) => s.name)).toEqual([
      'StandardScalerModel',
      'LogisticRegressionModel',
    ]);
    expect(d.stages?.map((s) => s.modelVersion)).toEqual(['0', '7']);
    expect(d.stages?.[0]?.params).toMatchObject({
      inputCol: 'features',
      outputCol: 'scaled',
      withMean: true,
    });
    expect(d.stages?.[1]?.params).toMatchObject({ featuresCol: 'scaled' });
    expect(d.stages?.[1]?.plugin).toBe('@servable/servable-lib');
  });

  it('prints a readable report and exits 0 for a servable model', async () => {
    const m = memoryIo({ cwd: root });
    expect(await inspect('pipeline', {}, m.io)).toBe(0);
    const text = m.stdout.text();
    expect(text).toMatch(/^OK {3}PipelineModel {2}/);
    expect(text).toContain('[0] StandardScalerModel  version 0');
    expect(text).toContain('[1] LogisticRegressionModel  version 7');
    expect(text).toContain('params: featuresCol="scaled"');
    expect(text).toContain(
      'class:  org.apache.flink.ml.classification.logisticregression.LogisticRegressionModel',
    );
  });

  it('reports why a stage cannot be served and exits 1', async () => {
    const m = memoryIo({ cwd: root });
    expect(await inspect('broken', {}, m.io)).toBe(1);
    const text = m.stdout.text();
    expect(text).toMatch(/^FAIL PipelineModel/);
    expect(text).toMatch(/OK {3}\[0\] StandardScalerModel/);
    expect(text).toMatch(/FAIL \[1\] LogisticRegressionModel/);
    expect(text).toMatch(/- .*data/i);
    const unknown = memoryIo({ cwd: root });
    expect(await inspect('unknown', {}, unknown.io)).toBe(1);
    expect(unknown.stdout.text()).toContain('com.example.MysteryModel');
    expect(unknown.stdout.text()).toMatch(/No servable is registered|registered/);
  });

  it('prints one JSON document with --json', async () => {
    const m = memoryIo({ cwd: root });
    expect(await runCli(['inspect', 'lr', '--json'], m.io)).toBe(0);
    const json = JSON.parse(m.stdout.text()) as StageDescription;
    expect(json).toMatchObject({
      name: 'LogisticRegressionModel',
      servable: true,
      modelVersion: '3',
      problems: [],
      params: { featuresCol: 'features', predictionCol: 'prediction' },
    });
    expect(json.stages).toBeUndefined();
    const broken = memoryIo({ cwd: root });
    expect(await runCli(['inspect', 'broken', '--json'], broken.io)).toBe(1);
    const b = JSON.parse(broken.stdout.text()) as StageDescription;
    expect(b.servable).toBe(false);
    expect(b.stages?.[1]?.servable).toBe(false);
    expect(b.stages?.[1]?.problems.length).toBeGreaterThan(0);
  });

  it('reports a directory without metadata', async () => {
    const m = memoryIo({ cwd: root });
    expect(await runCli(['inspect', 'nope'], m.io)).toBe(1);
    expect(m.stdout.text()).toMatch(/^FAIL \(no metadata\)/);
    expect(m.stdout.text()).toContain('cannot read metadata');
  });
});
