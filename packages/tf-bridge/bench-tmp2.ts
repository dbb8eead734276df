import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import { TFEstimator } from '@servable/tf-bridge';
const D = 100;
const rows = 8192;
const vectors: DenseVector[] = []; const labels = new Float64Array(rows);
for (let r = 0; r < rows; r++) { const v = new Float64Array(D); for (let i = 0; i < D; i++) v[i] = Math.sin(r * 31 + i); vectors.push(new DenseVector(v)); labels[r] = v[0]! + v[1]!; }
const df = DataFrame.fromColumns(['features', 'label'], [DataTypes.VECTOR(BasicType.DOUBLE), DataTypes.DOUBLE], [vectors, labels]);
const dir = await mkdtemp(join(tmpdir(), 'tfb-'));
const units = Number(process.argv[2] ?? 64);
await writeFile(join(dir, 'mlp.mjs'), `export function entry(ctx) { const { tf } = ctx; const m = tf.sequential({ layers: [tf.layers.dense({ units: ${units}, inputShape: [ctx.featureWidth], activation: 'relu' }), tf.layers.dense({ units: 1 })] }); m.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' }); return m; }`);
for (const backend of (process.argv[4] ?? 'wasm,cpu').split(',') as ('cpu'|'wasm')[]) for (const bs of [Number(process.argv[3] ?? 256)]) for (const w of [1, 2, 1, 2]) {
  const rates: number[] = [];
  await new TFEstimator().setScript(join(dir, 'mlp.mjs')).setSelectedCols(['features']).setLabelCol('label').setBatchSize(bs).setEpochs(3).setWorkerNum(w).setTfjsBackend(backend).onProgress((p) => rates.push(p.rowsPerSecond)).fit(df);
  console.log(backend, 'units', units, 'batch', bs, 'workers', w, Math.round(Math.max(...rates.slice(1))));
}
