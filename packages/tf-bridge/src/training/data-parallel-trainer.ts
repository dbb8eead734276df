import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { TFConfigError, TFNodeError } from '../errors.js';
import type { TFConfig, TFProgress } from '../tf-context.js';
import { wasmDirectory } from '../tfjs/tfjs-backend.js';
import { loadEntry } from './load-entry.js';
import {
  type BatchStep,
  checkTrainable,
  copyWeights,
  fitEpochs,
  runProperties,
  type TfjsEntry,
  type TfjsRunSettings,
  type TrainingData,
  trainingContext,
} from './tfjs-trainer.js';

/** The worker_thread script of a replica (plain ESM, shipped in the package's `worker/`). */
export const REPLICA_WORKER = fileURLToPath(
  new URL('../../worker/replica-worker.mjs', import.meta.url),
);

type ReplicaMessage =
  | { type: 'ready'; shapes: number[][]; sizes: number[] }
  | { type: 'grads'; loss: number; size: number; grads: Float32Array }
  | { type: 'digest'; digest: string }
  | { type: 'error'; message: string; stack?: string };

/** One worker_thread holding a replica of the model; answers one request at a time. */
class Replica {
  private readonly waiting: {
    resolve: (m: ReplicaMessage) => void;
    reject: (e: Error) => void;
  }[] = [];
  private failure: Error | undefined;
  private stopping = false;

  constructor(
    /** The node name, `chief:0` or `worker:<i>` (TF_CONFIG numbering). */
    readonly node: string,
    private readonly worker: Worker,
  ) {
    worker.on('message', (m: ReplicaMessage) => {
      if (m.type === 'error') this.fail(new TFNodeError(node, `failed: ${m.message}`));
      else this.waiting.shift()?.resolve(m);
    });
    worker.on('error', (e) =>
      this.fail(new TFNodeError(node, `failed: ${e.message}`, undefined, undefined, { cause: e })),
    );
    worker.on('exit', (code) => {
      if (!this.stopping) this.fail(new TFNodeError(node, `exited with code ${code}.`, code));
    });
  }

  /** Waits for the replica's next message of `type`. */
  next<T extends ReplicaMessage['type']>(type: T): Promise<Extract<ReplicaMessage, { type: T }>> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({
        resolve: (m) =>
          m.type === type
            ? resolve(m as Extract<ReplicaMessage, { type: T }>)
            : reject(new TFNodeError(this.node, `answered ${m.type} where ${type} was expected.`)),
        reject,
      });
    });
  }

  /** Sends a request (transferring `transfer`) and waits for its answer of `type`. */
  request<T extends ReplicaMessage['type']>(
    message: { type: 'step'; indices: Int32Array } | { type: 'digest' },
    type: T,
    transfer: ArrayBuffer[] = [],
  ): Promise<Extract<ReplicaMessage, { type: T }>> {
    const answer = this.next(type);
    this.worker.postMessage(message, transfer);
    return answer;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const w of this.waiting.splice(0)) w.reject(error);
  }
}

/** A float32 copy of `values` in shared memory. */
function shared(values: Float32Array): Float32Array {
  const out = new Float32Array(new SharedArrayBuffer(Math.max(4, values.byteLength)));
  out.set(values);
  return out;
}

/** The node name of bridge worker `i` (worker 0 is the chief, as in TF_CONFIG). */
function nodeName(i: number): string {
  return i === 0 ? 'chief:0' : `worker:${i - 1}`;
}

/**
 * Data-parallel training on the tfjs backend with `workerNum` = N > 1 (the step 6): N
 * worker_threads each build a replica of the model from the same script and entry; every global
 * batch (the same batches as N = 1: `batchSize`, `remainder`, `shuffle`) is split into N
 * contiguous shards, each replica computes the gradients of its shard's mean loss, and the
 * coordinator in this thread (the ps role) averages them weighted by shard size — exactly the
 * gradient of the whole batch's mean loss — applies them with the master model's optimizer and
 * publishes the new weights in shared memory, which every replica loads before its next step.
 * Replicas therefore hold the master's weights bit for bit; progress, checkpoints and warm start
 * behave as with N = 1.
 *
 * The entry runs N + 1 times (once per replica and once for the master model); it must build
 * the same architecture every time and return a compiled model (scripts that train themselves
 * from `context.batches()` need N = 1). Only trainable weights are synchronised: state a layer
 * updates in its forward pass (BatchNormalization's moving statistics) stays the master's.
 */
export async function runDataParallelTraining(
  data: TrainingData,
  s: TfjsRunSettings,
): Promise<tf.LayersModel> {
  const n = s.workerNum;
  const settings: TfjsRunSettings = { ...s, psNum: Math.max(1, s.psNum) };
  const entry = await loadEntry<TfjsEntry>(s.script, s.entryFunc);
  const refuseBatches = () => {
    throw new TFConfigError(
      'workerNum',
      'data-parallel training (workerNum > 1) feeds the batches itself; the entry must return a compiled model (or use workerNum 1).',
    );
  };
  let master: unknown;
  try {
    master = await entry(trainingContext(data, settings, { role: 'ps', index: 0 }, refuseBatches));
  } catch (error) {
    if (error instanceof TFConfigError) throw error;
    throw new TFNodeError(
      'ps:0',
      `failed in ${s.script}#${s.entryFunc}: ${(error as Error).message}`,
      undefined,
      undefined,
      { cause: error },
    );
  }
  if (!(master instanceof tf.LayersModel)) {
    throw new TFConfigError(
      'script',
      `${s.script}#${s.entryFunc} must return a compiled tf.LayersModel for data-parallel training (workerNum ${n}).`,
    );
  }
  const model = master;
  try {
    checkTrainable(model, data);
    if (s.initialModel !== undefined) copyWeights(s.initialModel, model);
    await train(model, data, settings);
    return model;
  } catch (error) {
    model.dispose();
    throw error;
  }
}

async function train(model: tf.LayersModel, data: TrainingData, s: TfjsRunSettings): Promise<void> {
  // A LayerVariable's read() is its engine tf.Variable (typed Tensor); optimizers name it.
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const total = variables.reduce((a, v) => a + v.size, 0);
  const weights = shared(new Float32Array(total));
  const publish = (): void => {
    let offset = 0;
    for (const v of variables) {
      weights.set(v.dataSync() as Float32Array, offset);
      offset += v.size;
    }
  };
  publish();

  const features = shared(data.features);
  const labels = shared(data.labels as Float32Array);
  const replicas: Replica[] = [];
  try {
    for (let i = 0; i < s.workerNum; i++) {
      const context = trainingContext(data, s, { role: 'worker', index: i }, () => {});
      const worker = new Worker(REPLICA_WORKER, {
        workerData: {
          backend: tf.getBackend(),
          wasmDir: wasmDirectory(),
          script: resolve(s.script as string),
          entryFunc: s.entryFunc,
          context: {
            mode: context.mode,
            nodeType: context.nodeType,
            index: context.index,
            attempt: context.attempt,
            nodeTypeCounts: context.nodeTypeCounts,
            tfConfig: context.tfConfig satisfies TFConfig,
            hyperParams: context.hyperParams,
            properties: runProperties(s),
            selectedCols: context.selectedCols,
            featureWidth: data.featureWidth,
            labelWidth: data.labelWidth,
          },
          features: features.buffer,
          labels: labels.buffer,
          weights: weights.buffer,
        },
      });
      replicas.push(new Replica(nodeName(i), worker));
    }
    const ready = await Promise.all(replicas.map((r) => r.next('ready')));
    const expected = variables.map((v) => `[${v.shape}]`).join(', ');
    ready.forEach((r, i) => {
      const found = r.shapes.map((shape) => `[${shape}]`).join(', ');
      if (found !== expected) {
        throw new TFConfigError(
          'script',
          `the replica of ${nodeName(i)} has trainable weights ${found} but the master model has ${expected}; the entry must build the same architecture every time.`,
        );
      }
    });

    const step: BatchStep = async (idx) => {
      const b = idx.length;
      const shards: Promise<Extract<ReplicaMessage, { type: 'grads' }>>[] = [];
      replicas.forEach((replica, k) => {
        const from = Math.floor((k * b) / replicas.length);
        const to = Math.floor(((k + 1) * b) / replicas.length);
        if (to === from) return;
        const indices = idx.slice(from, to);
        shards.push(replica.request({ type: 'step', indices }, 'grads', [indices.buffer]));
      });
      const answers = await Promise.all(shards);
      // Σ (n_k / b) · ∇ mean-loss_k = ∇ mean loss of the whole batch.
      const sum = new Float64Array(total);
      let loss = 0;
      for (const a of answers) {
        const w = a.size / b;
        loss += w * a.loss;
        const g = a.grads;
        for (let j = 0; j < total; j++) sum[j] = (sum[j] as number) + w * (g[j] as number);
      }
      const averaged = Float32Array.from(sum);
      tf.tidy(() => {
        let offset = 0;
        const named = variables.map((v) => {
          const tensor = tf.tensor(averaged.subarray(offset, offset + v.size), v.shape);
          offset += v.size;
          return { name: v.name, tensor };
        });
        model.optimizer.applyGradients(named);
      });
      publish();
      return loss;
    };
    const digests = async (): Promise<Partial<TFProgress>> => ({
      replicaDigests: (
        await Promise.all(replicas.map((r) => r.request({ type: 'digest' }, 'digest')))
      ).map((d) => d.digest),
    });
    await fitEpochs(model, data, s, step, digests);
  } finally {
    await Promise.all(replicas.map((r) => r.stop()));
  }
}

/** The SHA-256 (hex) of a model's trainable weights, as {@link TFProgress.replicaDigests}. */
export function weightsDigest(model: tf.LayersModel): string {
  const hash = createHash('sha256');
  for (const w of model.trainableWeights) {
    const values = w.read().dataSync() as Float32Array;
    hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }
  return hash.digest('hex');
}
