// A data-parallel training replica (one worker_thread per worker of a tfjs TFEstimator run with
// workerNum > 1). Started by src/training/data-parallel-trainer.ts; plain ESM JavaScript so it
// runs as is under Node, vitest, tsx and from the built package.
//
// Protocol (coordinator = the ps role, in the main thread):
//   workerData: { backend, wasmDir, script, entryFunc, context, features, labels, weights }
//     features / labels / weights are SharedArrayBuffers: the training rows (row-major float32)
//     and the master's trainable weights (flat, in model.trainableWeights order).
//   → { type: 'ready', shapes }                  after the entry built and compiled the model
//   ← { type: 'step', indices: Int32Array }      this worker's shard of a global batch
//   → { type: 'grads', loss, size, grads }       shard mean loss and flat gradients (transferred)
//   ← { type: 'digest' }                         → { type: 'digest', digest } sha-256 of the
//     replica's weights once it loaded the master's latest ones
//   → { type: 'error', message, stack }          an exception (the coordinator fails the run)
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';

// TF.js prints a "use tfjs-node" banner on first use in Node.js unless PROD is set.
tf.env().set('PROD', true);

const port = parentPort;
if (port === null) throw new Error('replica-worker.mjs must run in a worker_thread.');
const data = workerData;

function fail(error) {
  port.postMessage({
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
}

async function useBackend(name) {
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(data.wasmDir);
  }
  if (!(await tf.setBackend(name))) throw new Error(`TF.js backend ${name} failed to start.`);
  await tf.ready();
}

async function buildModel() {
  const mod = await import(pathToFileURL(data.script).href);
  const entry = mod[data.entryFunc];
  if (typeof entry !== 'function') {
    throw new Error(`${data.script} exports no function ${data.entryFunc}.`);
  }
  const c = data.context;
  const context = {
    ...c,
    getProperty: (name) => c.properties[name],
    tf,
    initialModel: undefined,
    batches: () => {
      throw new Error(
        'data-parallel training (workerNum > 1) feeds the batches itself; the entry must return a compiled model.',
      );
    },
    writeRow: () => {
      throw new Error('a training run has no output rows.');
    },
  };
  const model = await entry(context);
  if (!(model instanceof tf.LayersModel) || model.optimizer == null) {
    throw new Error('the entry must return a compiled tf.LayersModel for data-parallel training.');
  }
  return model;
}

/** Gathers the rows `indices` of the shared row-major matrix. */
function gather(matrix, width, indices) {
  const out = new Float32Array(indices.length * width);
  for (let k = 0; k < indices.length; k++) {
    const from = indices[k] * width;
    out.set(matrix.subarray(from, from + width), k * width);
  }
  return out;
}

async function main() {
  await useBackend(data.backend);
  const model = await buildModel();
  // A tf.Sequential compiles (and keeps its loss functions in) the LayersModel it wraps.
  const compiled = model.lossFunctions === undefined && model.model ? model.model : model;
  const variables = model.trainableWeights.map((w) => w.read());
  const sizes = variables.map((v) => v.size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const features = new Float32Array(data.features);
  const labels = new Float32Array(data.labels);
  const weights = new Float32Array(data.weights);
  const { featureWidth, labelWidth } = data.context;

  /** Loads the master's weights (a private copy: tensors must not alias shared memory). */
  const syncWeights = () => {
    let offset = 0;
    tf.tidy(() => {
      for (const v of variables) {
        v.assign(tf.tensor(weights.slice(offset, offset + v.size), v.shape));
        offset += v.size;
      }
    });
  };

  const step = (indices) => {
    syncWeights();
    const n = indices.length;
    const grads = new Float32Array(total);
    const loss = tf.tidy(() => {
      const x = tf.tensor2d(gather(features, featureWidth, indices), [n, featureWidth]);
      const y = tf.tensor2d(gather(labels, labelWidth, indices), [n, labelWidth]);
      // The loss trainOnBatch minimises: the compiled loss, averaged, plus regularizer losses.
      const result = tf.variableGrads(() => {
        const out = compiled.apply(x, { training: true });
        const outputs = Array.isArray(out) ? out : [out];
        let sum;
        compiled.lossFunctions.forEach((fn, i) => {
          const l = fn(y, outputs[i]);
          sum = sum === undefined ? l : tf.add(sum, l);
        });
        let value = tf.mean(sum);
        for (const r of compiled.calculateLosses()) value = tf.add(value, r);
        return value;
      }, variables);
      let offset = 0;
      for (const v of variables) {
        const g = result.grads[v.name];
        if (g !== undefined) grads.set(g.dataSync(), offset);
        offset += v.size;
      }
      return result.value.dataSync()[0];
    });
    port.postMessage({ type: 'grads', loss, size: n, grads }, [grads.buffer]);
  };

  const digest = () => {
    syncWeights();
    const hash = createHash('sha256');
    for (const v of variables) {
      const values = v.dataSync();
      hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    }
    port.postMessage({ type: 'digest', digest: hash.digest('hex') });
  };

  port.on('message', (message) => {
    try {
      if (message.type === 'step') step(message.indices);
      else if (message.type === 'digest') digest();
    } catch (error) {
      fail(error);
    }
  });
  port.postMessage({ type: 'ready', shapes: variables.map((v) => v.shape), sizes });
}

main().catch(fail);
