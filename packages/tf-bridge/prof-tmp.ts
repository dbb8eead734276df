import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import { TFModelServable, tf, useTfjsBackend } from '@servable/tf-bridge';
const D = 100;
const backend = (process.argv[2] ?? 'wasm') as 'cpu' | 'wasm';
await useTfjsBackend(backend);
const v = new Float64Array(D); for (let i = 0; i < D; i++) v[i] = Math.sin(i);
const one = DataFrame.fromColumns(['features'], [DataTypes.VECTOR(BasicType.DOUBLE)], [[new DenseVector(v)]]);
const model = tf.sequential({ layers: [tf.layers.dense({ units: 64, inputShape: [D], activation: 'relu' }), tf.layers.dense({ units: 1 })] });
const servable = await new TFModelServable().setSelectedCols(['features']).setOutputCols(['y']).setTFModel(model, 1);
for (let i = 0; i < 2000; i++) servable.transform(one);
const n = Number(process.argv[3] ?? 20000);
const t0 = performance.now();
for (let i = 0; i < n; i++) servable.transform(one);
const us = ((performance.now() - t0) * 1000) / n;
console.log(backend, 'us/call', us.toFixed(1), 'rows/s', Math.round(1e6 / us), 'tensors', tf.memory().numTensors);
// components
const x = tf.tensor2d(new Float32Array(D), [1, D]);
const m = servable.getTFModel() as tf.LayersModel;
let t = performance.now();
for (let i = 0; i < n; i++) { const y = m.predict(x) as tf.Tensor; y.dataSync(); y.dispose(); }
console.log('predict+dataSync us', (((performance.now() - t) * 1000) / n).toFixed(1));
t = performance.now();
for (let i = 0; i < n; i++) { const y = m.execute(x, m.outputs[0]!.name) as tf.Tensor; y.dataSync(); y.dispose(); }
console.log('execute us', (((performance.now() - t) * 1000) / n).toFixed(1));
t = performance.now();
const [k1, b1, k2, b2] = m.getWeights();
for (let i = 0; i < n; i++) { const y = tf.tidy(() => tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, k1!), b1!)), k2!), b2!)); y.dataSync(); y.dispose(); }
console.log('raw ops us', (((performance.now() - t) * 1000) / n).toFixed(1));
t = performance.now();
for (let i = 0; i < n; i++) { const a = tf.tensor2d(new Float32Array(D), [1, D]); a.dispose(); }
console.log('tensor create/dispose us', (((performance.now() - t) * 1000) / n).toFixed(1));
