import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Vectors } from '@servable/linalg';
import { ServableRegistry } from '@servable/servable-api';
import { StandardScalerModelServable, servableLib } from '@servable/servable-lib';
import { createModuleLog, runModuleScript } from '@servable/test-support';
import {
  tfBridgePlugin as mainEntryPlugin,
  TF_MODEL_CLASS_NAME,
  TFModelServable,
} from '@servable/tf-bridge';
import { tfBridgePlugin } from '@servable/tf-bridge/plugin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linearModel } from './support.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

let work: string;
let scalerDir: string;
let tfDir: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tf-plugin-entry-'));
  scalerDir = join(work, 'scaler');
  tfDir = join(work, 'tf');
  await new StandardScalerModelServable()
    .setInputCol('f')
    .setOutputCol('scaled')
    .setModel({ mean: Vectors.dense(0, 0), std: Vectors.dense(1, 1), version: 3n, timestamp: 0n })
    .save(scalerDir);
  const tf = await new TFModelServable()
    .setSelectedCols(['f'])
    .setOutputCols(['y'])
    .setTFModel(linearModel([1, 2], 0.5), 5);
  await tf.save(tfDir);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

// Run in a child process: registers the light plugin entry, loads and checks every stage of
// STAGES and runs each TF stage on f = [1, 2]. Prints what it saw as JSON.
const CHILD = `
const { ServableRegistry } = await import('@servable/servable-api');
const { servableLib } = await import('@servable/servable-lib');
const { tfBridgePlugin, TF_MODEL_CLASS_NAME } = await import('@servable/tf-bridge/plugin');
const registry = new ServableRegistry().register(servableLib).register(tfBridgePlugin);
const stages = [];
for (const dir of JSON.parse(process.env.STAGES)) {
  const servable = await registry.load(dir);
  const check = await registry.check(dir);
  const stage = { className: servable.className, servable: check.servable, plugin: check.plugin };
  if (servable.className === TF_MODEL_CLASS_NAME) {
    const { BasicType, DataFrame, DataTypes } = await import('@servable/dataframe');
    const { Vectors } = await import('@servable/linalg');
    const df = DataFrame.fromColumns(['f'], [DataTypes.VECTOR(BasicType.DOUBLE)], [[Vectors.dense(1, 2)]]);
    stage.y = Array.from(servable.transform(df).getDoubles('y'));
  }
  stages.push(stage);
}
console.log(JSON.stringify({ registered: registry.has(TF_MODEL_CLASS_NAME), stages }));
`;

interface ChildReport {
  registered: boolean;
  stages: { className: string; servable: boolean; plugin: string; y?: number[] }[];
}

/** Runs CHILD on `stages` (sources through tsx) and returns its report and resolved modules. */
async function runChild(stages: string[]): Promise<{ report: ChildReport; modules: string[] }> {
  const log = await createModuleLog(work);
  const { code, stdout, stderr } = await runModuleScript(CHILD, log, {
    cwd: PACKAGE_DIR,
    env: { STAGES: JSON.stringify(stages) },
  });
  expect(code, `child failed: ${stderr}`).toBe(0);
  return { report: JSON.parse(stdout) as ChildReport, modules: await log.modules() };
}

const isTensorFlow = (url: string) => url.includes('/@tensorflow/');

describe('@servable/tf-bridge/plugin', () => {
  it('registers TFModelServable without loading TF.js; Flink ML stages never load it', async () => {
    const { report, modules } = await runChild([scalerDir]);
    expect(report.registered).toBe(true);
    expect(report.stages).toEqual([
      {
        className: 'org.apache.flink.ml.feature.standardscaler.StandardScalerModel',
        servable: true,
        plugin: '@servable/servable-lib',
      },
    ]);
    // The recorder saw the imports (so an empty TF list means something).
    expect(modules.some((u) => u.endsWith('/tf-bridge/src/plugin/index.ts'))).toBe(true);
    expect(modules.some((u) => u.includes('/servable-lib/src/'))).toBe(true);
    expect(modules.filter(isTensorFlow)).toEqual([]);
    expect(modules.filter((u) => u.endsWith('/tf-bridge/src/tf-model-servable.ts'))).toEqual([]);
  });

  it('imports TF.js when the registry first loads a TF stage, and serves it', async () => {
    const { report, modules } = await runChild([scalerDir, tfDir]);
    expect(report.stages[1]).toEqual({
      className: TF_MODEL_CLASS_NAME,
      servable: true,
      plugin: '@servable/tf-bridge',
      y: [5.5],
    });
    expect(modules.filter(isTensorFlow)).not.toEqual([]);
    expect(modules.some((u) => u.includes('/@tensorflow/tfjs/'))).toBe(true);
  });

  it('is the plugin the main entry exports, under TFModelServable.CLASS_NAME', async () => {
    expect(tfBridgePlugin).toBe(mainEntryPlugin);
    expect(TFModelServable.CLASS_NAME).toBe(TF_MODEL_CLASS_NAME);
    expect(Object.keys(tfBridgePlugin.servables)).toEqual([TF_MODEL_CLASS_NAME]);
    const registry = new ServableRegistry().register(servableLib).register(tfBridgePlugin);
    expect(await registry.check(tfDir)).toMatchObject({ servable: true, problems: [] });
    const loaded = await registry.load(tfDir);
    expect(loaded).toBeInstanceOf(TFModelServable);
    expect((loaded as TFModelServable).getModelVersion()).toBe(5);
  });
});
