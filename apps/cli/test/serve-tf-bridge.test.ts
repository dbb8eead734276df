import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '@servable/cli';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { Vectors } from '@servable/linalg';
import {
  Pipeline,
  type PipelineModelServable,
  ServableModel,
  ServableRegistry,
} from '@servable/servable-api';
import { StandardScalerModelServable, servableLib } from '@servable/servable-lib';
import { decodeTFModelBundle, TFEstimator, tfBridgePlugin } from '@servable/tf-bridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo, waitForLog } from './support/memory-io.js';
import { tempDir } from './support/models.js';
import { sleep } from './support/wait.js';

// A tfjs training script: a linear model the bridge trains (seeded, so runs are reproducible).
const SCRIPT = `
export function entry(ctx) {
  const { tf } = ctx;
  const model = tf.sequential({
    layers: [tf.layers.dense({ units: 1, inputShape: [ctx.featureWidth],
      kernelInitializer: tf.initializers.glorotUniform({ seed: 7 }) })],
  });
  model.compile({ optimizer: tf.train.sgd(Number(ctx.hyperParams.lr)), loss: 'meanSquaredError' });
  return model;
}
`;

let root: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('servable-cli-tf-'));
  await writeFile(join(root, 'linear.mjs'), SCRIPT);
});
afterAll(() => cleanup());

/** Rows with features [x, 10 - x] and label `slope * x + 1`. */
function data(n: number, slope: number): DataFrame {
  const features = [];
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = i % 10;
    features.push(Vectors.dense(x, 10 - x));
    labels[i] = slope * x + 1;
  }
  return DataFrame.fromColumns(
    ['features', 'label'],
    [DataTypes.VECTOR(BasicType.DOUBLE), DataTypes.DOUBLE],
    [features, labels],
  );
}

const scaler = () =>
  new StandardScalerModelServable()
    .setInputCol('features')
    .setOutputCol('scaled')
    .setWithMean(true)
    .setModel({
      mean: Vectors.dense(4.5, 5.5),
      std: Vectors.dense(3, 3),
      version: 0n,
      timestamp: 0n,
    });

const estimator = () =>
  new TFEstimator()
    .setScript(join(root, 'linear.mjs'))
    .setSelectedCols(['scaled'])
    .setLabelCol('label')
    .setOutputCols(['prediction'])
    .setHyperParams(['lr=0.1'])
    .setBatchSize(10)
    .setEpochs(20);

interface PredictBody {
  model_version: string;
  predictions: { prediction: number }[];
}

async function predict(url: string, features: number[]): Promise<PredictBody> {
  const response = await fetch(`${url}/v1/models/tf:predict`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ instances: [{ features }] }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as PredictBody;
}

/** What the pipeline saved at `dir` answers for `features`, loaded independently of the server. */
async function expected(dir: string, features: number[]): Promise<number> {
  const registry = new ServableRegistry().register(servableLib).register(tfBridgePlugin);
  const servable = (await registry.load(dir)) as PipelineModelServable;
  const df = DataFrame.fromColumns(
    ['features'],
    [DataTypes.VECTOR(BasicType.DOUBLE)],
    [[Vectors.dense(...features)]],
  );
  return servable.transform(df).getDoubles('prediction')[0] as number;
}

describe('servable serve with a TFEstimator-trained model', () => {
  it('serves [StandardScaler, TFModel] and hot-updates the TF stage from a published bundle', async () => {
    // Train in the test and save the PipelineModel with the project's writers.
    const trained = await new Pipeline([new ServableModel(scaler()), estimator()]).fit(data(40, 2));
    const dir = join(root, 'pipeline');
    await trained.save(dir);

    const m = memoryIo({ cwd: root });
    const done = runCli(['serve', '-m', 'tf=pipeline', '--watch', '--port', '0'], m.io);
    const url = (await waitForLog(m.stdout, 'servable serve listening')).url as string;

    const row = [7, 3];
    const first = await predict(url, row);
    const [scalerVersion, tfVersion] = first.model_version.split('.');
    expect(scalerVersion).toBe('0');
    expect(BigInt(tfVersion as string)).toBeGreaterThan(0n);
    const before = first.predictions[0]?.prediction as number;
    expect(before).toBe(await expected(dir, row));
    // y ≈ 2·7 + 1 after training: the TF stage sees the scaler's output.
    expect(before).toBeGreaterThan(10);
    expect(before).toBeLessThan(20);

    // Retrain on a different target (slope -2) and publish the TF bundle atomically into the
    // watched stage's data dir (`servable publish --dir` validates it with the registry first).
    const retrained = await estimator().fit(scaler().transform(data(40, -2)));
    const bytes = retrained.getModelData();
    const newVersion = decodeTFModelBundle(bytes, 'retrained').bundle.version;
    expect(newVersion).toBeGreaterThan(BigInt(tfVersion as string));
    await writeFile(join(root, 'tf-v2.tfjb'), bytes);
    const pub = memoryIo({ cwd: root });
    const args = ['publish', '--dir', 'pipeline', '--stage', '1', '-f', 'tf-v2.tfjb'];
    expect(await runCli(args, pub.io)).toBe(0);
    expect(pub.stdout.text()).toContain(`model version ${newVersion}`);

    const deadline = Date.now() + 10_000;
    let body = await predict(url, row);
    while (body.model_version === first.model_version && Date.now() < deadline) {
      await sleep(25);
      body = await predict(url, row);
    }
    expect(body.model_version).toBe(`0.${newVersion}`);
    const after = body.predictions[0]?.prediction as number;
    expect(after).toBe(await expected(dir, row));
    // y ≈ -2·7 + 1 now.
    expect(after).toBeLessThan(-8);
    expect(after).toBeGreaterThan(-18);

    m.stop();
    expect(await done).toBe(0);
  }, 60_000);
});
