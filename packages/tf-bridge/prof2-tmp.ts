import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import { TFModelServable, tf, useTfjsBackend } from '@servable/tf-bridge';
const D = 100;
const backend = (process.argv[2] ?? 'wasm') as 'cpu' | 'wasm';
await useTfjsBackend(backend);
const frame = (n: number) => { const vs = []; for (let r = 0; r < n; r++) { const v = new Float64Array(D); for (let i = 0; i < D; i++) v[i] = Math.sin(r * 31 + i); vs.push(new DenseVector(v)); } return DataFrame.fromColumns(['features'], [DataTypes.VECTOR(BasicType.DOUBLE)], [vs]); };
const model = tf.sequential({ layers: [tf.layers.dense({ units: 64, inputShape: [D], activation: 'relu' }), tf.layers.dense({ units: 1 })] });
const servable = await new TFModelServable().setSelectedCols(['features']).setOutputCols(['y']).setTFModel(model, 1);
const m = servable.getTFModel() as tf.LayersModel;
for (const rows of [1, 256]) {
  const df = frame(rows);
  const x = tf.tensor2d(new Float32Array(rows * D).map((_, i) => Math.sin(i)), [rows, D]);
  const a = (m.predict(x) as tf.Tensor).dataSync(); const b = (m.execute(x, m.outputs[0]!.name) as tf.Tensor).dataSync();
  let maxDiff = 0; for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i]! - b[i]!));
  const n = rows === 1 ? 20000 : 400;
  for (let i = 0; i < n / 4; i++) servable.transform(df);
  const best = [];
  for (let rep = 0; rep < 5; rep++) { const t0 = performance.now(); for (let i = 0; i < n; i++) servable.transform(df); best.push((performance.now() - t0) * 1000 / n); }
  const us = Math.min(...best);
  console.log(backend, rows, 'rows/call: us/call', us.toFixed(1), 'rows/s', Math.round(rows * 1e6 / us), 'predict vs execute max diff', maxDiff);
}
