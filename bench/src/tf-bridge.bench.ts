/**
 * TF bridge benchmark: inference rows/s of a 2-layer MLP (d = 100 → 64 → 1) through
 * TFModelServable on the TF.js cpu and wasm backends (batches of 1 and 256 rows), and training
 * rows/s of TFEstimator (tfjs backend) with 1 and 2 data-parallel workers (worker_threads,
 * synchronous gradient averaging), global batches of 64 and 256 rows. Training rates are the
 * best epoch after the first (worker start-up excluded).
 *
 * TF.js backends are process-wide, so each backend is measured in its own group.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import { TFEstimator, TFModelServable, tf, useTfjsBackend } from '@servable/tf-bridge';
import { runInterleaved } from './harness.js';

const D = 100;

function frame(rows: number): DataFrame {
  const vectors: DenseVector[] = [];
  const labels = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const v = new Float64Array(D);
    for (let i = 0; i < D; i++) v[i] = Math.sin(r * 31 + i);
    vectors.push(new DenseVector(v));
    labels[r] = v[0]! + v[1]!;
  }
  return DataFrame.fromColumns(
    ['features', 'label'],
    [DataTypes.VECTOR(BasicType.DOUBLE), DataTypes.DOUBLE],
    [vectors, labels],
  );
}

function mlp(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.dense({ units: 64, inputShape: [D], activation: 'relu' }),
      tf.layers.dense({ units: 1 }),
    ],
  });
}

const SCRIPT = `export function entry(ctx) {
  const { tf } = ctx;
  const m = tf.sequential({ layers: [tf.layers.dense({ units: 64, inputShape: [ctx.featureWidth], activation: 'relu' }), tf.layers.dense({ units: 1 })] });
  m.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return m;
}
`;

/** Runs the benchmark and prints rows/s per backend. */
export async function runTfBridgeBench(): Promise<void> {
  console.log('tf-bridge: 2-layer MLP (d = 100), rows/s');
  const one = frame(1);
  const batch = frame(256);
  for (const backend of ['cpu', 'wasm'] as const) {
    await useTfjsBackend(backend);
    const servable = await new TFModelServable()
      .setSelectedCols(['features'])
      .setOutputCols(['y'])
      .setTFModel(mlp(), 1);
    const results = runInterleaved(
      [
        { name: `${backend} inference, 1 row/call`, fn: () => servable.transform(one).numRows() },
        {
          name: `${backend} inference, 256 rows/call`,
          fn: () => servable.transform(batch).numRows(),
        },
      ],
      { samples: 7 },
    );
    for (const [i, r] of results.entries()) {
      const rows = i === 0 ? 1 : 256;
      console.log(
        `  ${r.name.padEnd(34)} ${Math.round((rows * 1e9) / r.nsPerOp)
          .toLocaleString('en-US')
          .padStart(12)} rows/s`,
      );
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'tf-bench-'));
  try {
    await writeFile(join(dir, 'mlp.mjs'), SCRIPT);
    const train = frame(4096);
    for (const backend of ['cpu', 'wasm'] as const) {
      for (const batchSize of [64, 256]) {
        for (const workers of [1, 2]) {
          const rates: number[] = [];
          await new TFEstimator()
            .setScript(join(dir, 'mlp.mjs'))
            .setSelectedCols(['features'])
            .setLabelCol('label')
            .setBatchSize(batchSize)
            .setEpochs(3)
            .setWorkerNum(workers)
            .setTfjsBackend(backend)
            .onProgress((p) => rates.push(p.rowsPerSecond))
            .fit(train);
          const best = Math.max(...rates.slice(1));
          const name = `${backend} training, workers ${workers}, batch ${batchSize}`;
          console.log(
            `  ${name.padEnd(40)} ${Math.round(best).toLocaleString('en-US').padStart(12)} rows/s`,
          );
        }
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
