import type { DataFrame, Row } from '@servable/dataframe';
import type { Model } from '@servable/servable-api';
import {
  type JsonObject,
  ParamsHolder,
  paramMapToJson,
  type SaveOptions,
  writeStageMetadata,
} from '@servable/servable-api';
import * as tf from '@tensorflow/tfjs';
import { encodeTFModelBundle } from './bundle/bundle-codec.js';
import type { TFModelBundle } from './bundle/tf-model-bundle.js';
import { TFConfigError } from './errors.js';
import { runPythonInference } from './python/python-run.js';
import { runPythonInferenceStream, type TransformStreamOptions } from './python/python-stream.js';
import type { TFNodeRestart } from './python/restart-policy.js';
import { TFModelServable } from './tf-model-servable.js';
import {
  HasBackend,
  HasBatchSize,
  HasCoding,
  HasEntryFunc,
  HasEnvPath,
  HasHyperParams,
  HasInferenceEntryFunc,
  HasInferenceHyperParams,
  HasInferenceScript,
  HasMaxRestarts,
  HasOutputCoding,
  HasOutputCols,
  HasOutputTypes,
  HasRemainder,
  HasRestartBackoffMs,
  HasRestartWindowMs,
  HasScript,
  HasSelectedCols,
  HasWorkerNum,
} from './tf-param-mixins.js';
import { outputColumns, outputDataType } from './tfjs/feature-matrix.js';
import { columnIndexes, writeRowValues } from './training/row-features.js';

/** The class name a script-backed (python) TFModel saves under; it has no servable. */
export const TF_SCRIPT_MODEL_CLASS_NAME = 'dev.servable.tfbridge.TFScriptModel';

/**
 * A trained TF model (the report's `TFModel`): `transform` runs inference and appends the typed
 * `outputCols` to the input rows.
 *
 * - Trained by the `tfjs` backend it holds a TF.js model bundle: it transforms through a
 *   {@link TFModelServable}, supports a servable form, and saves as a TF model stage that
 *   `ServableRegistry` loads (with `tfBridgePlugin`).
 * - Trained by the `python` backend it holds the inference script config (the inference
 *   overrides, else the training script): `transform` runs the script's entry in `inference`
 *   mode, `transformStream` in long-lived processes fed row by row; the restart policy
 *   (`maxRestarts`, `restartBackoffMs`, `restartWindowMs`) governs failed processes. It has no
 *   servable form.
 */
export class TFModel
  extends ParamsHolder.with(
    HasSelectedCols,
    HasOutputCols,
    HasOutputTypes,
    HasBackend,
    HasScript,
    HasEntryFunc,
    HasHyperParams,
    HasEnvPath,
    HasInferenceScript,
    HasInferenceEntryFunc,
    HasInferenceHyperParams,
    HasCoding,
    HasOutputCoding,
    HasWorkerNum,
    HasBatchSize,
    HasRemainder,
    HasMaxRestarts,
    HasRestartBackoffMs,
    HasRestartWindowMs,
  )
  implements Model
{
  private servable: TFModelServable | undefined;
  private restart: ((event: TFNodeRestart) => void) | undefined;

  constructor(
    /** The trained TF.js model, or undefined for a script-backed model. */
    readonly bundle?: TFModelBundle,
  ) {
    super();
  }

  /** `dev.servable.tfbridge.TFModel` for a TF.js model, else `dev.servable.tfbridge.TFScriptModel`. */
  get className(): string {
    return this.bundle === undefined ? TF_SCRIPT_MODEL_CLASS_NAME : TFModelServable.CLASS_NAME;
  }

  /** True when the model holds a TF.js model. */
  supportServable(): boolean {
    return this.bundle !== undefined;
  }

  /**
   * The servable serving this model (built once; `selectedCols`, `outputCols`, `outputTypes` as
   * set now).
   * @throws TFConfigError for a script-backed model.
   */
  toServable(): TFModelServable {
    if (this.bundle === undefined) {
      throw new TFConfigError(
        'backend',
        'a python-trained TFModel runs its inference script and has no servable form.',
      );
    }
    if (this.servable === undefined) {
      this.servable = new TFModelServable()
        .setSelectedCols(this.getSelectedCols())
        .setOutputCols(this.getOutputCols())
        .setOutputTypes(this.getOutputTypes());
      this.servable.setModel(this.bundle);
    }
    return this.servable;
  }

  /** The model's bundle bytes (what a data file, a Kafka record or `setModelData` take). */
  getModelData(): Uint8Array {
    if (this.bundle === undefined)
      throw new TFConfigError('backend', 'a python-trained TFModel has no model data.');
    return encodeTFModelBundle(this.bundle);
  }

  /**
   * Python backend with `maxRestarts > 0`: calls `listener` before each restart of a failed
   * Python node (`transform`: the whole run; `transformStream`: the failed worker).
   */
  onRestart(listener: (event: TFNodeRestart) => void): this {
    this.restart = listener;
    return this;
  }

  /**
   * Runs inference on every row and appends `outputCols`. Python backend: the rows are split
   * into `workerNum` contiguous slices, one process each; with `maxRestarts > 0` a failed run
   * starts over (every node restarted, outputs of the failed attempt dropped).
   */
  async transform(input: DataFrame): Promise<DataFrame> {
    if (this.bundle !== undefined) {
      const servable = await this.toServable().ready();
      return servable.transform(input);
    }
    return runPythonInference(this, input, this.restart);
  }

  /**
   * Streaming inference: for each input row (values in `columnNames` order) yields the row with
   * the outputs appended, **before** the next input row is read (the report's problem 5).
   *
   * A python-backed model runs its inference entry in `workerNum` long-lived processes (each
   * holding `options.inFlightPerWorker` rows, default 1): one output row per input row, yielded in input order as
   * soon as the script writes it; a node that dies is restarted under the restart policy
   * (`maxRestarts`, `restartBackoffMs`, `restartWindowMs`) and the row it had goes to
   * `options.onFailedRow`. The tfjs backend ignores `options`.
   */
  async *transformStream(
    rows: AsyncIterable<Row | readonly unknown[]>,
    columnNames: readonly string[],
    options: TransformStreamOptions = {},
  ): AsyncGenerator<unknown[]> {
    if (this.bundle === undefined) {
      yield* runPythonInferenceStream(this, rows, columnNames, options, this.restart);
      return;
    }
    const servable = await this.toServable().ready();
    const selected = this.getSelectedCols();
    const indexes = columnIndexes(columnNames, selected);
    const outputCols = this.getOutputCols();
    const types = this.getOutputTypes().map(outputDataType);
    let n = 0;
    for await (const row of rows) {
      const values: number[] = [];
      writeRowValues(row, indexes, selected, n, values, 0);
      const model = servable.getTFModel();
      const outputs = tf.tidy(() => {
        const y = model.predict(tf.tensor2d(values, [1, values.length]));
        const list = y instanceof tf.Tensor ? [y] : Array.isArray(y) ? y : Object.values(y);
        return list.map((t) => t.reshape([1, -1]));
      });
      const blocks = outputs.map((t) => ({
        values: t.dataSync() as Float32Array,
        width: t.shape[1] as number,
      }));
      for (const t of outputs) t.dispose();
      const columns = outputColumns(blocks, 1, outputCols, types);
      const base = Array.isArray(row) ? [...row] : [...(row as Row).toArray()];
      yield [...base, ...columns.map((c) => c[0])];
      n++;
    }
  }

  /**
   * Saves the model: a TF.js-backed model as a TF model stage (`metadata` + `data/` bundle) that
   * `ServableRegistry` loads as a {@link TFModelServable}; a script-backed model as metadata
   * only, with its script params.
   */
  async save(path: string, options: SaveOptions = {}): Promise<void> {
    if (this.bundle !== undefined) {
      await this.toServable().ready();
      await this.toServable().save(path, options);
      return;
    }
    await writeStageMetadata(
      path,
      {
        className: this.className,
        timestamp: options.timestamp ?? Date.now(),
        paramMap: paramMapToJson(this) as JsonObject,
      },
      { overwrite: options.overwrite ?? false },
    );
  }
}
