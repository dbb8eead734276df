/**
 * The server side of `http.bench.ts`, run in its own process: `bare` is a bare fastify route
 * answering a constant JSON; `servable` is the inference server with a StandardScaler +
 * LogisticRegression pipeline (dimension {@link DIM}). Sends `{ port }` to the parent when
 * listening, and `{ cpuMicros }` (its CPU time so far) whenever the parent sends `'cpu'`.
 */

import { createInferenceServer } from '@servable/inference-server';
import { DenseVector } from '@servable/linalg';
import { PipelineModelServable } from '@servable/servable-api';
import {
  LogisticRegressionModelServable,
  StandardScalerModelServable,
} from '@servable/servable-lib';
import Fastify from 'fastify';
import { seededRandom } from './harness.js';

/** The feature dimension of the benchmark model. */
export const DIM = 10;

async function bare(): Promise<number> {
  const app = Fastify({ logger: false });
  const body = { model_name: 'bare', model_version: '1', outputs: [] };
  app.post('/bare', async () => body);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as { port: number }).port;
}

async function servable(): Promise<number> {
  const random = seededRandom(289);
  const values = (f: () => number) => new DenseVector(Float64Array.from({ length: DIM }, f));
  const scaler = new StandardScalerModelServable()
    .setInputCol('features')
    .setOutputCol('scaled')
    .setWithMean(true)
    .setModel({
      mean: values(random),
      std: values(() => 0.5 + random()),
      version: 1n,
      timestamp: 0n,
    });
  const lr = new LogisticRegressionModelServable()
    .setFeaturesCol('scaled')
    .setModel({ coefficient: values(() => random() - 0.5), modelVersion: 1n });
  const server = await createInferenceServer({
    models: [
      {
        name: 'lr',
        servable: new PipelineModelServable([scaler, lr]),
        signature: { outputs: ['prediction', 'rawPrediction'] },
      },
    ],
  });
  const address = await server.listen({ port: 0 });
  return Number(new URL(address).port);
}

const mode = process.argv[2];
const port = mode === 'bare' ? await bare() : await servable();
// The parent asks for this process's CPU time around each measurement (server CPU per request
// is a steadier figure than throughput on a shared machine).
process.on('message', (m) => {
  if (m === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  }
});
process.send?.({ port });
