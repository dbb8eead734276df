import type * as tf from '@tensorflow/tfjs';

/** A node role: chief (worker 0), worker or ps. There is no evaluator role (as upstream). */
export type TFNodeType = 'chief' | 'worker' | 'ps';

/** What a run does: train (fit) or infer (transform). */
export type TFRunMode = 'train' | 'inference';

/**
 * The TF_CONFIG every node gets (TensorFlow's multi-worker format): worker 0 is the `chief`,
 * the other workers are `worker` 0.. (indexes shifted down by one), then the `ps` nodes.
 */
export interface TFConfig {
  /** Addresses by role. */
  readonly cluster: Readonly<{
    chief: readonly string[];
    worker?: readonly string[];
    ps?: readonly string[];
  }>;
  /** This node. */
  readonly task: Readonly<{ type: TFNodeType; index: number }>;
}

/**
 * Builds the TF_CONFIG of one node of a cluster with `workerNum` workers and `psNum` ps nodes.
 * @param node the node as the bridge numbers it: worker `i` (0 = chief) or ps `i`.
 */
export function buildTFConfig(
  addresses: { readonly workers: readonly string[]; readonly ps: readonly string[] },
  node: { readonly role: 'worker' | 'ps'; readonly index: number },
): TFConfig {
  const [chief, ...others] = addresses.workers;
  const cluster: { chief: string[]; worker?: string[]; ps?: string[] } = {
    chief: chief === undefined ? [] : [chief],
  };
  if (others.length > 0) cluster.worker = others;
  if (addresses.ps.length > 0) cluster.ps = [...addresses.ps];
  const task =
    node.role === 'ps'
      ? { type: 'ps' as const, index: node.index }
      : node.index === 0
        ? { type: 'chief' as const, index: 0 }
        : { type: 'worker' as const, index: node.index - 1 };
  return { cluster, task };
}

/** Parses `key=value` hyper-parameters (a leading `--` is dropped, as in the report). */
export function parseHyperParams(entries: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) {
    const eq = e.indexOf('=');
    out[e.slice(0, eq).replace(/^--/, '')] = e.slice(eq + 1);
  }
  return out;
}

/** One batch handed to a tfjs script: the selected columns and the label as tensors. */
export interface TFBatch {
  /** `[rows, featureWidth]` float32: the selected columns side by side. */
  readonly features: tf.Tensor2D;
  /** `[rows, labelWidth]` float32, when a label column is set. */
  readonly labels: tf.Tensor2D | undefined;
  /** Rows in the batch (padding included). */
  readonly size: number;
  /** The epoch (1-based). */
  readonly epoch: number;
}

/** Training progress, reported after every epoch (bounded input) or snapshot (stream). */
export interface TFProgress {
  /** The epoch just finished (1-based), or the snapshot number for a stream. */
  readonly epoch: number;
  /** The number of epochs of the run (`Infinity` for a stream). */
  readonly epochs: number;
  /** Mean training loss over the epoch (NaN when the script trains itself). */
  readonly loss: number;
  /** Rows trained on in the epoch. */
  readonly rows: number;
  /** Rows per second over the epoch. */
  readonly rowsPerSecond: number;
  /**
   * Data-parallel training (tfjs, `workerNum > 1`) only: the SHA-256 (hex) of each worker
   * replica's trainable weights at the end of the epoch, worker 0 first. Synchronous training
   * keeps them identical to each other and to the trained model's.
   */
  readonly replicaDigests?: readonly string[];
}

/**
 * What a tfjs script's entry function receives (the report's Python context, in JS). The entry
 * either returns a compiled `tf.LayersModel` for the bridge to train on the batches, or trains
 * itself by iterating {@link TFContext.batches} and returns the trained model.
 *
 * @example
 * ```js
 * export function entry(ctx) {
 *   const { tf } = ctx;
 *   const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [ctx.featureWidth] })] });
 *   model.compile({ optimizer: tf.train.sgd(Number(ctx.hyperParams.lr ?? 0.1)), loss: 'meanSquaredError' });
 *   return model;
 * }
 * ```
 */
export interface TFContext {
  /** `train` or `inference`. */
  readonly mode: TFRunMode;
  /** This node's role. */
  readonly nodeType: TFNodeType;
  /** This node's index within its role. */
  readonly index: number;
  /** The restart attempt (0 on the first run). */
  readonly attempt: number;
  /** Nodes per role. */
  readonly nodeTypeCounts: Readonly<Record<string, number>>;
  /** The cluster as TF_CONFIG. */
  readonly tfConfig: TFConfig;
  /** The hyper-parameters (`hyperParams`, parsed). */
  readonly hyperParams: Readonly<Record<string, string>>;
  /** A property: a hyper-parameter or one of `script`, `entryFunc`, `batchSize`, `epochs`. */
  getProperty(name: string): string | undefined;
  /** The TF.js module (use it instead of importing TF.js, so backends are shared). */
  readonly tf: typeof tf;
  /** The selected columns, in order. */
  readonly selectedCols: readonly string[];
  /** Values per row of `features` (0 when the input is empty). */
  readonly featureWidth: number;
  /** Values per row of `labels` (0 without a label column). */
  readonly labelWidth: number;
  /** The warm-start model (`initialModelPath` or `resumeFrom`), when one is set. */
  readonly initialModel: tf.LayersModel | undefined;
  /** The batches of one pass over this node's rows; call once per epoch. */
  batches(epoch?: number): AsyncIterable<TFBatch>;
  /** Emits one output row (inference). */
  writeRow(values: readonly unknown[]): void;
}
