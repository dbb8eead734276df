import type { io } from '@tensorflow/tfjs';

/** Which TF.js loader a bundle is for: `layers` (`tf.LayersModel`) or `graph` (`tf.GraphModel`). */
export type TFModelKind = 'layers' | 'graph';

/**
 * The JSON part of a bundle: TF.js model artifacts without the weight bytes (the content of a
 * TF.js `model.json`, with the weight specs inline instead of a weights manifest).
 */
export interface TFModelJson {
  /** The model topology (Keras JSON for layers models, a GraphDef as JSON for graph models). */
  readonly modelTopology: object;
  /** One spec per weight, in the order the weights appear in the weight bytes. */
  readonly weightSpecs: readonly io.WeightsManifestEntry[];
  /** `layers-model` or `graph-model`, as TF.js writes it. */
  readonly format?: string;
  /** Who generated the model. */
  readonly generatedBy?: string;
  /** Which converter converted it. */
  readonly convertedBy?: string | null;
  /** The training config (optimizer, loss) of a layers model. */
  readonly trainingConfig?: object;
  /** The signature of a graph model. */
  readonly signature?: object;
  /** Free-form metadata. */
  readonly userDefinedMetadata?: Record<string, object>;
  /** Initializer graph of a graph model. */
  readonly modelInitializer?: object;
}

/**
 * A TF.js model as one value: what a TF model stage's `data/` file, a Kafka model record and a
 * `setModelData` input hold (encoded with {@link encodeTFModelBundle}).
 */
export interface TFModelBundle {
  /** Which loader reads it. */
  readonly kind: TFModelKind;
  /**
   * The model version (a snapshot counter: online training numbers its snapshots 1, 2, …), used
   * by the model updaters to skip stale models. 0 when unversioned.
   */
  readonly version: bigint;
  /** Topology, weight specs and metadata. */
  readonly modelJson: TFModelJson;
  /** The weight bytes, concatenated in `weightSpecs` order. */
  readonly weightData: Uint8Array;
}
