import * as tf from '@tensorflow/tfjs';
import { TFConfigError, TFNodeError } from '../errors.js';
import type { TFBatch, TFContext, TFProgress } from '../tf-context.js';
import { buildTFConfig } from '../tf-context.js';
import { batchIndices, gatherRows, permutation, type Remainder } from './batches.js';
import { writeCheckpoint } from './checkpoints.js';
import { loadEntry } from './load-entry.js';

/** Training rows as matrices (the selected columns, and the label). */
export interface TrainingData {
  /** Row-major features. */
  readonly features: Float32Array;
  /** Row-major labels, when a label column is set. */
  readonly labels: Float32Array | undefined;
  /** Number of rows. */
  readonly rows: number;
  /** Values per feature row. */
  readonly featureWidth: number;
  /** Values per label row (0 without labels). */
  readonly labelWidth: number;
}

/** Settings of one tfjs training run. */
export interface TfjsRunSettings {
  readonly script: string | null;
  readonly entryFunc: string;
  readonly hyperParams: Readonly<Record<string, string>>;
  readonly selectedCols: readonly string[];
  readonly batchSize: number;
  readonly epochs: number;
  readonly remainder: Remainder;
  readonly shuffle: boolean;
  readonly workerNum: number;
  readonly psNum: number;
  readonly checkpointDir: string | null;
  readonly checkpointEvery: number;
  /** Epochs already done (resume); training runs epochs `startEpoch + 1 ..= epochs`. */
  readonly startEpoch: number;
  readonly initialModel: tf.LayersModel | undefined;
  readonly onProgress: ((p: TFProgress) => void) | undefined;
}

/** An entry function of a tfjs script. */
export type TfjsEntry = (context: TFContext) => unknown;

/** The properties a training context offers: the hyper-parameters and the run's settings. */
export function runProperties(s: TfjsRunSettings): Record<string, string> {
  return {
    ...s.hyperParams,
    script: String(s.script),
    entryFunc: s.entryFunc,
    batchSize: String(s.batchSize),
    epochs: String(s.epochs),
  };
}

/** Makes a tfjs context for a training node over `data`. */
export function trainingContext(
  data: TrainingData,
  s: TfjsRunSettings,
  node: { role: 'worker' | 'ps'; index: number },
  onBatches: () => void,
): TFContext {
  const addresses = {
    workers: Array.from({ length: s.workerNum }, (_, i) => `worker-${i}`),
    ps: Array.from({ length: s.psNum }, (_, i) => `ps-${i}`),
  };
  const tfConfig = buildTFConfig(addresses, node);
  const properties = runProperties(s);
  return {
    mode: 'train',
    nodeType: tfConfig.task.type,
    index: tfConfig.task.index,
    attempt: 0,
    nodeTypeCounts: { worker: s.workerNum, ps: s.psNum },
    tfConfig,
    hyperParams: s.hyperParams,
    getProperty: (name) => properties[name],
    tf,
    selectedCols: s.selectedCols,
    featureWidth: data.featureWidth,
    labelWidth: data.labelWidth,
    initialModel: s.initialModel,
    batches: (epoch = 1) => {
      onBatches();
      return toAsync(epochBatches(data, s, epoch));
    },
    writeRow: () => {
      throw new TFConfigError('writeRow', 'a training run has no output rows.');
    },
  };
}

async function* toAsync<T>(it: Iterable<T>): AsyncGenerator<T> {
  yield* it;
}

/** The batches of one epoch as tensors (each disposed when the next is taken). */
export function* epochBatches(
  data: TrainingData,
  s: Pick<TfjsRunSettings, 'batchSize' | 'remainder' | 'shuffle'>,
  epoch: number,
): Generator<TFBatch> {
  const order = s.shuffle ? permutation(data.rows, epoch) : undefined;
  for (const idx of batchIndices(data.rows, s.batchSize, s.remainder, order)) {
    const features = tf.tensor2d(gatherRows(data.features, data.featureWidth, idx), [
      idx.length,
      data.featureWidth,
    ]);
    const labels =
      data.labels === undefined
        ? undefined
        : tf.tensor2d(gatherRows(data.labels, data.labelWidth, idx), [idx.length, data.labelWidth]);
    try {
      yield { features, labels, size: idx.length, epoch };
    } finally {
      features.dispose();
      labels?.dispose();
    }
  }
}

/**
 * Runs a tfjs script's entry on one node and trains what it returns: a compiled model is
 * trained by the bridge for the epochs (batch by batch, with progress and checkpoints); a
 * script that iterated `context.batches()` itself returns its trained model as is.
 */
export async function runTfjsTraining(
  data: TrainingData,
  s: TfjsRunSettings,
): Promise<tf.LayersModel> {
  const entry = await loadEntry<TfjsEntry>(s.script, s.entryFunc);
  let selfTrained = false;
  const context = trainingContext(data, s, { role: 'worker', index: 0 }, () => {
    selfTrained = true;
  });
  let result: unknown;
  try {
    result = await entry(context);
  } catch (error) {
    throw new TFNodeError(
      'chief:0',
      `failed in ${s.script}#${s.entryFunc}: ${(error as Error).message}`,
      undefined,
      undefined,
      { cause: error },
    );
  }
  if (!(result instanceof tf.LayersModel)) {
    throw new TFConfigError(
      'script',
      `${s.script}#${s.entryFunc} returned ${describe(result)}; it must return a tf.LayersModel (compiled, to be trained; or trained itself).`,
    );
  }
  if (selfTrained) return result;
  if (s.initialModel !== undefined) copyWeights(s.initialModel, result);
  await fitEpochs(result, data, s);
  return result;
}

/**
 * Trains on one batch (the row positions `indices` of the training data) and returns the batch's
 * mean loss.
 */
export type BatchStep = (indices: Int32Array) => Promise<number>;

/** A {@link BatchStep} training `model` in this thread with `trainOnBatch`. */
export function localStep(model: tf.LayersModel, data: TrainingData): BatchStep {
  return async (idx) => {
    const features = tf.tensor2d(gatherRows(data.features, data.featureWidth, idx), [
      idx.length,
      data.featureWidth,
    ]);
    const labels = tf.tensor2d(gatherRows(data.labels as Float32Array, data.labelWidth, idx), [
      idx.length,
      data.labelWidth,
    ]);
    try {
      const loss = await model.trainOnBatch(features, labels);
      return Array.isArray(loss) ? (loss[0] as number) : loss;
    } finally {
      features.dispose();
      labels.dispose();
    }
  };
}

/** Checks that the bridge can train `model` (a label column, a compiled model). */
export function checkTrainable(model: tf.LayersModel, data: TrainingData): void {
  if (data.labels === undefined) {
    throw new TFConfigError(
      'labelCol',
      'the script returned a model for the bridge to train, which needs a label column.',
    );
  }
  if (model.optimizer === undefined || model.optimizer === null) {
    throw new TFConfigError(
      'script',
      'the returned model is not compiled; call model.compile({ optimizer, loss }) in the entry function.',
    );
  }
}

/**
 * Trains `model` for epochs `startEpoch + 1 ..= epochs`: batches as `batchSize`, `remainder`
 * and `shuffle` say, each trained by `step` (default {@link localStep}); progress after every
 * epoch (with what `afterEpoch` adds), checkpoints of `model` every `checkpointEvery` epochs.
 */
export async function fitEpochs(
  model: tf.LayersModel,
  data: TrainingData,
  s: TfjsRunSettings,
  step: BatchStep = localStep(model, data),
  afterEpoch?: () => Promise<Partial<TFProgress>>,
): Promise<void> {
  checkTrainable(model, data);
  for (let epoch = s.startEpoch + 1; epoch <= s.epochs; epoch++) {
    const started = performance.now();
    let lossSum = 0;
    let batches = 0;
    let rows = 0;
    const order = s.shuffle ? permutation(data.rows, epoch) : undefined;
    for (const idx of batchIndices(data.rows, s.batchSize, s.remainder, order)) {
      lossSum += await step(idx);
      batches++;
      rows += idx.length;
    }
    const seconds = (performance.now() - started) / 1000;
    const extra = (await afterEpoch?.()) ?? {};
    s.onProgress?.({
      epoch,
      epochs: s.epochs,
      loss: batches === 0 ? Number.NaN : lossSum / batches,
      rows,
      rowsPerSecond: rows / Math.max(seconds, 1e-9),
      ...extra,
    });
    if (s.checkpointDir !== null && s.checkpointEvery > 0 && epoch % s.checkpointEvery === 0) {
      await writeCheckpoint(s.checkpointDir, epoch, model);
    }
  }
}

/** Copies weights between models of the same architecture. */
export function copyWeights(from: tf.LayersModel, to: tf.LayersModel): void {
  const src = from.getWeights();
  const dst = to.getWeights();
  if (
    src.length !== dst.length ||
    src.some((w, i) => !tf.util.arraysEqual(w.shape, (dst[i] as tf.Tensor).shape))
  ) {
    throw new TFConfigError(
      'initialModelPath',
      `the warm-start model has weights [${src.map((w) => `[${w.shape}]`).join(', ')}] but the script's model has [${dst.map((w) => `[${w.shape}]`).join(', ')}].`,
    );
  }
  to.setWeights(src);
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  return typeof value === 'object'
    ? ((value as object).constructor?.name ?? 'object')
    : typeof value;
}
