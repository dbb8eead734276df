import type { DataFrame } from '@servable/dataframe';
import {
  type ModelDataInput,
  ModelNotLoadedError,
  ModelServable,
  type PreparedModelData,
} from '@servable/servable-api';
import * as tf from '@tensorflow/tfjs';
import type { TFModelBundle } from './bundle/tf-model-bundle.js';
import { TF_MODEL_BUNDLE_FORMAT } from './bundle/tf-model-bundle-format.js';
import { TFBridgeError } from './errors.js';
import { TF_MODEL_CLASS_NAME } from './tf-model-class-name.js';
import { HasOutputCols, HasOutputTypes, HasSelectedCols } from './tf-param-mixins.js';
import {
  featureMatrix,
  type OutputBlock,
  outputColumns,
  outputDataType,
} from './tfjs/feature-matrix.js';
import { bundleFromModel, loadBundleModel, type TFJSModel } from './tfjs/load-model.js';
import { useTfjsBackend } from './tfjs/tfjs-backend.js';

/** `transform` ran after a synchronous `setModel(bundle)` before the model was built. */
export class TFModelNotReadyError extends TFBridgeError {
  constructor() {
    super(
      'TF_MODEL_NOT_READY',
      'TFModelServable: the TF.js model set with setModel() is still being built; await servable.ready() first (setModelData and loading from disk wait by themselves).',
    );
  }
}

/**
 * Serves a TF.js model (a `tf.LayersModel` or `tf.GraphModel`) as a Flink ML-style model
 * servable: the `selectedCols` (numeric scalars and vectors) become the input tensor (side by
 * side; or one tensor per column when the model has one input per column), and the model's
 * outputs are appended as the typed `outputCols` (`outputTypes`).
 *
 * The model data is one {@link TFModelBundle} (see {@link encodeTFModelBundle}): the saved
 * stage's `data/` file, a Kafka record and `setModelData` bytes are the same bytes, so the
 * model updaters hot-swap it like any Flink ML model. Decoding and building the TF.js model both
 * happen before the swap; the replaced model's tensors are disposed after it.
 *
 * @example
 * ```ts
 * const servable = new TFModelServable().setSelectedCols(['features']).setOutputCols(['score']);
 * await servable.setModelData(bundleBytes);
 * servable.transform(df); // df + score
 * ```
 */
export class TFModelServable extends ModelServable.withParams(
  HasSelectedCols,
  HasOutputCols,
  HasOutputTypes,
)<TFModelBundle> {
  /** The class name saved in the stage metadata ({@link TF_MODEL_CLASS_NAME}). */
  static readonly CLASS_NAME = TF_MODEL_CLASS_NAME;
  /** See {@link TransformerServable.className}. */
  readonly className: string = TFModelServable.CLASS_NAME;
  /** See {@link ModelServable.modelDataFormat}. */
  readonly modelDataFormat = TF_MODEL_BUNDLE_FORMAT;

  private readonly built = new WeakMap<TFModelBundle, TFJSModel>();
  private building: Promise<unknown> = Promise.resolve();

  /** See {@link ModelServable.prepareModelData}; also builds the TF.js model. */
  override async prepareModelData(
    ...inputs: ModelDataInput[]
  ): Promise<PreparedModelData<TFModelBundle>> {
    const prepared = await super.prepareModelData(...inputs);
    await this.build(prepared.model, 'setModelData input');
    return prepared;
  }

  /** See {@link ModelServable.prepareModelDataFiles}; also builds the TF.js model. */
  override async prepareModelDataFiles(
    directory: string,
  ): Promise<PreparedModelData<TFModelBundle>> {
    const prepared = await super.prepareModelDataFiles(directory);
    await this.build(prepared.model, directory);
    return prepared;
  }

  /** See {@link ModelServable.commitModelData}; disposes the replaced (or the unused) model. */
  override commitModelData(prepared: PreparedModelData<TFModelBundle>): boolean {
    const previous = this.getModel();
    const committed = super.commitModelData(prepared);
    const dropped = committed ? previous : prepared.model;
    if (dropped !== undefined && dropped !== this.getModel()) {
      this.built.get(dropped)?.dispose();
      this.built.delete(dropped);
    }
    return committed;
  }

  /**
   * Sets the model from a bundle value; the TF.js model is built in the background. Await
   * {@link TFModelServable.ready} before `transform`.
   */
  override setModel(model: TFModelBundle): this {
    super.setModel(model);
    this.building = this.build(model, 'setModel');
    return this;
  }

  /** Resolves once the model given to {@link TFModelServable.setModel} is built. */
  async ready(): Promise<this> {
    await this.building;
    return this;
  }

  /**
   * Serves a TF.js model held in memory: captures it as a bundle (with `version`) and swaps it
   * in like `setModelData`. The servable keeps its own copy.
   */
  async setTFModel(model: TFJSModel, version: bigint | number = 0n): Promise<this> {
    const bytes = this.modelDataFormat.encode(await bundleFromModel(model, version));
    return this.setModelData(bytes);
  }

  /** The TF.js model serving now. @throws ModelNotLoadedError / TFModelNotReadyError. */
  getTFModel(): TFJSModel {
    const bundle = this.requireModel();
    const model = this.built.get(bundle);
    if (model === undefined) throw new TFModelNotReadyError();
    return model;
  }

  /** Appends the model's outputs for every row as `outputCols`. */
  transform(input: DataFrame): DataFrame {
    if (!this.hasModelData()) throw new ModelNotLoadedError('TFModelServable');
    const model = this.getTFModel();
    const outputCols = this.getOutputCols();
    const types = this.getOutputTypes().map(outputDataType);
    const blocks = predictBlocks(model, input, this.getSelectedCols());
    const columns = outputColumns(blocks, input.numRows(), outputCols, types);
    let out = input;
    outputCols.forEach((name, i) => {
      out = out.addColumn(
        name,
        types[i] as NonNullable<(typeof types)[number]>,
        columns[i] as unknown[],
      );
    });
    return out;
  }

  private async build(bundle: TFModelBundle, source: string): Promise<void> {
    if (this.built.has(bundle)) return;
    // Serve on the backend the process already uses, else wasm (cpu when wasm cannot start).
    await useTfjsBackend('auto');
    this.built.set(bundle, await loadBundleModel(bundle, source));
  }
}

/** Runs `model` on the selected columns of `df` and reads the outputs back. */
export function predictBlocks(
  model: TFJSModel,
  df: DataFrame,
  selectedCols: readonly string[],
): OutputBlock[] {
  const rows = df.numRows();
  const perColumn = model.inputs.length > 1;
  const matrices = perColumn
    ? selectedCols.map((c) => featureMatrix(df, [c], 'TFModelServable'))
    : [featureMatrix(df, selectedCols, 'TFModelServable')];
  if (perColumn && matrices.length !== model.inputs.length) {
    throw new TFBridgeError(
      'TF_DATA',
      `The model has ${model.inputs.length} inputs but ${selectedCols.length} selected columns [${selectedCols.join(', ')}]; select one column per input.`,
    );
  }
  if (rows === 0) {
    return model.outputs.map((o) => ({
      values: new Float32Array(0),
      width: Math.max(1, Number(o.shape?.[o.shape.length - 1] ?? 1)),
    }));
  }
  const outputs = tf.tidy(() => {
    const xs = matrices.map((m) => tf.tensor2d(m.data, [rows, m.width]));
    const input = xs.length === 1 ? (xs[0] as tf.Tensor) : xs;
    // A layers model runs the whole input in one pass with execute(): predict() would slice it
    // into batches of 32 rows and add per-call checks (most of a 1-row call's cost).
    const y =
      model instanceof tf.LayersModel
        ? model.execute(input, outputNames(model))
        : model.predict(input);
    const list = y instanceof tf.Tensor ? [y] : Array.isArray(y) ? y : Object.values(y);
    return list.map((t) => (t.rank === 2 ? t : t.reshape([rows, -1])));
  });
  try {
    return outputs.map((t) => ({
      values: t.dataSync() as Float32Array,
      width: t.shape[1] as number,
    }));
  } finally {
    for (const t of outputs) t.dispose();
  }
}

const OUTPUT_NAMES = new WeakMap<tf.LayersModel, string[]>();

/** The names of a layers model's outputs, as `execute` takes them. */
function outputNames(model: tf.LayersModel): string[] {
  let names = OUTPUT_NAMES.get(model);
  if (names === undefined) {
    names = model.outputs.map((o) => o.name);
    OUTPUT_NAMES.set(model, names);
  }
  return names;
}
