import type { DataFrame, Row } from '@servable/dataframe';
import {
  type Estimator,
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
import { runPythonTraining } from './python/python-run.js';
import type { TFNodeRestart } from './python/restart-policy.js';
import type { ModelSnapshotSink } from './stream/model-snapshot-sink.js';
import { parseHyperParams, type TFProgress } from './tf-context.js';
import { TFModel } from './tf-model.js';
import {
  HasBackend,
  HasBatchSize,
  HasCheckpointDir,
  HasCheckpointEvery,
  HasCoding,
  HasEntryFunc,
  HasEnvPath,
  HasEpochs,
  HasHyperParams,
  HasInferenceEntryFunc,
  HasInferenceHyperParams,
  HasInferenceScript,
  HasInitialModelPath,
  HasLabelCol,
  HasMaxRestarts,
  HasOutputCoding,
  HasOutputCols,
  HasOutputTypes,
  HasPsNum,
  HasRemainder,
  HasRestartBackoffMs,
  HasRestartWindowMs,
  HasResumeFrom,
  HasScript,
  HasSelectedCols,
  HasShuffle,
  HasTfjsBackend,
  HasWorkerNum,
} from './tf-param-mixins.js';
import { featureMatrix } from './tfjs/feature-matrix.js';
import { bundleFromModel, loadBundleModel } from './tfjs/load-model.js';
import { useTfjsBackend } from './tfjs/tfjs-backend.js';
import { latestCheckpoint, readModelBundle } from './training/checkpoints.js';
import { runDataParallelTraining } from './training/data-parallel-trainer.js';
import { loadEntry } from './training/load-entry.js';
import { columnIndexes, writeRowValues } from './training/row-features.js';
import {
  runTfjsTraining,
  type TfjsEntry,
  type TfjsRunSettings,
  type TrainingData,
  trainingContext,
} from './training/tfjs-trainer.js';

/** Options of {@link TFEstimator.fitStream} (online training, the report's problem 8). */
export interface FitStreamOptions {
  /** The column names of the stream's rows, in value order. */
  readonly columnNames: readonly string[];
  /** Publish a snapshot after every N rows trained (default: only at the end). */
  readonly snapshotEveryRows?: number;
  /** Publish a snapshot when this many ms passed since the last one (checked per batch). */
  readonly snapshotEveryMs?: number;
  /** Where snapshots go (a `ModelDataPublisher`, {@link directorySnapshotSink}, …). */
  readonly sink?: ModelSnapshotSink;
}

/** The class name a TFEstimator saves under (it cannot be served; fit it first). */
export const TF_ESTIMATOR_CLASS_NAME = 'dev.servable.tfbridge.TFEstimator';

let lastVersion = 0;
/** Model versions: ms since epoch, strictly increasing within the process. */
function nextVersion(): bigint {
  lastVersion = Math.max(lastVersion + 1, Date.now());
  return BigInt(lastVersion);
}

/**
 * Trains a TensorFlow model as a pipeline stage (the report's `TFEstimator`): `fit` runs the
 * user's script on the selected columns and returns a {@link TFModel}.
 *
 * Params come in the report's groups: cluster (`workerNum`, `psNum`), script (`script`,
 * `entryFunc`, `hyperParams`, `envPath`, with optional `inference*` overrides — by default
 * training and inference share one config), columns (`selectedCols`, `labelCol`, `outputCols`,
 * `outputTypes`) and training (`backend`, `epochs`, `batchSize`, `remainder`, checkpoints, warm
 * start).
 *
 * - `backend: 'tfjs'` (default): the script is a JS module; its entry returns a compiled
 *   `tf.LayersModel` the bridge trains, or trains itself from `context.batches()`.
 * - `backend: 'python'`: the script is a `.py` file whose `entry(context)` runs in `workerNum`
 *   (+ `psNum`) child processes; the returned model runs that script for inference.
 *
 * @example
 * ```ts
 * const est = new TFEstimator().setScript('train-mlp.mjs').setSelectedCols(['features'])
 *   .setLabelCol('label').setEpochs(5).setHyperParams(['lr=0.05']);
 * const model = await est.fit(train);
 * const scored = await model.transform(test);
 * ```
 */
export class TFEstimator
  extends ParamsHolder.with(
    HasWorkerNum,
    HasPsNum,
    HasScript,
    HasEntryFunc,
    HasHyperParams,
    HasEnvPath,
    HasInferenceScript,
    HasInferenceEntryFunc,
    HasInferenceHyperParams,
    HasSelectedCols,
    HasLabelCol,
    HasOutputCols,
    HasOutputTypes,
    HasBackend,
    HasTfjsBackend,
    HasEpochs,
    HasBatchSize,
    HasRemainder,
    HasCoding,
    HasOutputCoding,
    HasCheckpointDir,
    HasCheckpointEvery,
    HasInitialModelPath,
    HasResumeFrom,
    HasShuffle,
    HasMaxRestarts,
    HasRestartBackoffMs,
    HasRestartWindowMs,
  )
  implements Estimator<TFModel>
{
  /** See {@link Stage.className}. */
  readonly className: string = TF_ESTIMATOR_CLASS_NAME;
  private progress: ((p: TFProgress) => void) | undefined;
  private restart: ((event: TFNodeRestart) => void) | undefined;

  /** Calls `listener` with the progress (epoch, loss, rows/s) after every epoch or snapshot. */
  onProgress(listener: (p: TFProgress) => void): this {
    this.progress = listener;
    return this;
  }

  /**
   * Python backend with `maxRestarts > 0`: calls `listener` before each restart of the
   * training cluster (which node failed and why, the attempt and the backoff).
   */
  onRestart(listener: (event: TFNodeRestart) => void): this {
    this.restart = listener;
    return this;
  }

  /** Trains on a bounded DataFrame (see the class documentation). */
  async fit(...inputs: DataFrame[]): Promise<TFModel> {
    const [df] = inputs;
    if (df === undefined) throw new TypeError('TFEstimator.fit needs an input DataFrame.');
    if (this.getBackend() === 'python') {
      await runPythonTraining(this, df, this.restart);
      return this.copyParams(new TFModel());
    }
    await useTfjsBackend(this.getTfjsBackend());
    const label = this.getLabelCol();
    const features = featureMatrix(df, this.getSelectedCols(), 'TFEstimator');
    const labels = label === null ? undefined : featureMatrix(df, [label], 'TFEstimator');
    const data: TrainingData = {
      features: features.data,
      labels: labels?.data,
      rows: features.rows,
      featureWidth: features.width,
      labelWidth: labels?.width ?? 0,
    };
    const { initial, startEpoch } = await this.initialModel();
    try {
      const settings = this.settings(initial, startEpoch);
      const model =
        settings.workerNum > 1
          ? await runDataParallelTraining(data, settings)
          : await runTfjsTraining(data, settings);
      const bundle = await bundleFromModel(model, nextVersion());
      model.dispose();
      return this.copyParams(new TFModel(bundle));
    } finally {
      initial?.dispose();
    }
  }

  /**
   * Online training on an unbounded stream of rows (values in `options.columnNames` order):
   * trains batch by batch as rows arrive and publishes a snapshot (bundle bytes, increasing
   * versions) to `options.sink` every `snapshotEveryRows` rows / `snapshotEveryMs` ms, and once
   * more when the stream ends. The entry must return a compiled model. Resolves with the final
   * model when the stream ends.
   */
  async fitStream(
    rows: AsyncIterable<Row | readonly unknown[]>,
    options: FitStreamOptions,
  ): Promise<TFModel> {
    if (this.getBackend() !== 'tfjs')
      throw new TFConfigError('backend', 'online training runs on the tfjs backend.');
    await useTfjsBackend(this.getTfjsBackend());
    const selected = this.getSelectedCols();
    const label = this.getLabelCol();
    if (label === null)
      throw new TFConfigError('labelCol', 'online training needs a label column.');
    const fIdx = columnIndexes(options.columnNames, selected);
    const lIdx = columnIndexes(options.columnNames, [label]);
    const batchSize = this.getBatchSize();
    const iterator = rows[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (first.done) throw new TFConfigError('rows', 'the stream ended before its first row.');
    const probe: number[] = [];
    const probeL: number[] = [];
    const featureWidth = writeRowValues(first.value, fIdx, selected, 0, probe, 0);
    const labelWidth = writeRowValues(first.value, lIdx, [label], 0, probeL, 0);
    const { initial, startEpoch } = await this.initialModel();
    const settings = this.settings(initial, startEpoch);
    const entry = await loadEntry<TfjsEntry>(settings.script, settings.entryFunc);
    const empty: TrainingData = {
      features: new Float32Array(0),
      labels: new Float32Array(0),
      rows: 0,
      featureWidth,
      labelWidth,
    };
    const model = await entry(
      trainingContext(empty, settings, { role: 'worker', index: 0 }, () => {
        throw new TFConfigError(
          'script',
          'online training feeds the batches itself; the entry must return a compiled model.',
        );
      }),
    );
    if (!(model instanceof tf.LayersModel))
      throw new TFConfigError(
        'script',
        'the entry must return a compiled tf.LayersModel for online training.',
      );
    if (initial !== undefined) model.setWeights(initial.getWeights());
    initial?.dispose();

    const fBuf = new Float32Array(batchSize * featureWidth);
    const lBuf = new Float32Array(batchSize * labelWidth);
    let filled = 0;
    let rowNumber = 0;
    let sinceSnapshot = 0;
    let lastSnapshot = performance.now();
    let lossSum = 0;
    let batches = 0;
    let snapshots = 0;
    const snapshot = async (): Promise<TFModelBundle> => {
      const bundle = await bundleFromModel(model, nextVersion());
      await options.sink?.publish(encodeTFModelBundle(bundle));
      snapshots++;
      const seconds = (performance.now() - lastSnapshot) / 1000;
      this.progress?.({
        epoch: snapshots,
        epochs: Number.POSITIVE_INFINITY,
        loss: batches === 0 ? Number.NaN : lossSum / batches,
        rows: sinceSnapshot,
        rowsPerSecond: sinceSnapshot / Math.max(seconds, 1e-9),
      });
      sinceSnapshot = 0;
      lossSum = 0;
      batches = 0;
      lastSnapshot = performance.now();
      return bundle;
    };
    const trainBatch = async (size: number) => {
      const x = tf.tensor2d(fBuf.subarray(0, size * featureWidth), [size, featureWidth]);
      const y = tf.tensor2d(lBuf.subarray(0, size * labelWidth), [size, labelWidth]);
      try {
        const loss = await model.trainOnBatch(x, y);
        lossSum += Array.isArray(loss) ? (loss[0] as number) : loss;
        batches++;
      } finally {
        x.dispose();
        y.dispose();
      }
      sinceSnapshot += size;
      const everyRows = options.snapshotEveryRows;
      const everyMs = options.snapshotEveryMs;
      if (
        (everyRows !== undefined && sinceSnapshot >= everyRows) ||
        (everyMs !== undefined && performance.now() - lastSnapshot >= everyMs)
      ) {
        await snapshot();
      }
    };
    const add = async (row: Row | readonly unknown[]) => {
      writeRowValues(row, fIdx, selected, rowNumber, fBuf, filled * featureWidth);
      writeRowValues(row, lIdx, [label], rowNumber, lBuf, filled * labelWidth);
      rowNumber++;
      filled++;
      if (filled === batchSize) {
        await trainBatch(batchSize);
        filled = 0;
      }
    };
    await add(first.value);
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      await add(next.value);
    const remainder = this.getRemainder();
    if (filled > 0 && remainder !== 'drop') {
      if (remainder === 'pad') {
        for (let k = filled; k < batchSize; k++) {
          fBuf.copyWithin(
            k * featureWidth,
            ((k - filled) % filled) * featureWidth,
            (((k - filled) % filled) + 1) * featureWidth,
          );
          lBuf.copyWithin(
            k * labelWidth,
            ((k - filled) % filled) * labelWidth,
            (((k - filled) % filled) + 1) * labelWidth,
          );
        }
        filled = batchSize;
      }
      await trainBatch(filled);
    }
    const bundle = await snapshot();
    model.dispose();
    return this.copyParams(new TFModel(bundle));
  }

  /** Saves the estimator's params (`metadata` only; an estimator is not servable). */
  async save(path: string, options: SaveOptions = {}): Promise<void> {
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

  private settings(initial: tf.LayersModel | undefined, startEpoch: number): TfjsRunSettings {
    return {
      script: this.getScript(),
      entryFunc: this.getEntryFunc(),
      hyperParams: parseHyperParams(this.getHyperParams()),
      selectedCols: this.getSelectedCols(),
      batchSize: this.getBatchSize(),
      epochs: this.getEpochs(),
      remainder: this.getRemainder(),
      shuffle: this.getShuffle(),
      workerNum: this.getWorkerNum(),
      psNum: this.getPsNum(),
      checkpointDir: this.getCheckpointDir(),
      checkpointEvery: this.getCheckpointEvery(),
      startEpoch,
      initialModel: initial,
      onProgress: this.progress,
    };
  }

  /** The warm-start model: the latest checkpoint of `resumeFrom`, else `initialModelPath`. */
  private async initialModel(): Promise<{
    initial: tf.LayersModel | undefined;
    startEpoch: number;
  }> {
    const resume = this.getResumeFrom();
    if (resume !== null) {
      const latest = await latestCheckpoint(resume);
      if (latest === undefined)
        throw new TFConfigError('resumeFrom', `no checkpoint (epoch-<n>.tfjb) in ${resume}.`);
      return {
        initial: await this.loadLayers(latest.path, 'resumeFrom'),
        startEpoch: latest.epoch,
      };
    }
    const path = this.getInitialModelPath();
    if (path === null) return { initial: undefined, startEpoch: 0 };
    return { initial: await this.loadLayers(path, 'initialModelPath'), startEpoch: 0 };
  }

  private async loadLayers(path: string, param: string): Promise<tf.LayersModel> {
    const model = await loadBundleModel(await readModelBundle(path, param), path);
    if (!(model instanceof tf.LayersModel)) {
      model.dispose();
      throw new TFConfigError(
        param,
        `${path} holds a graph model; only layers models can be trained further.`,
      );
    }
    return model;
  }

  private copyParams(model: TFModel): TFModel {
    return model
      .setSelectedCols(this.getSelectedCols())
      .setOutputCols(this.getOutputCols())
      .setOutputTypes(this.getOutputTypes())
      .setBackend(this.getBackend())
      .setScript(this.getScript())
      .setEntryFunc(this.getEntryFunc())
      .setHyperParams(this.getHyperParams())
      .setEnvPath(this.getEnvPath())
      .setInferenceScript(this.getInferenceScript())
      .setInferenceEntryFunc(this.getInferenceEntryFunc())
      .setInferenceHyperParams(this.getInferenceHyperParams())
      .setCoding(this.getCoding())
      .setOutputCoding(this.getOutputCoding())
      .setWorkerNum(this.getWorkerNum())
      .setBatchSize(this.getBatchSize())
      .setRemainder(this.getRemainder())
      .setMaxRestarts(this.getMaxRestarts())
      .setRestartBackoffMs(this.getRestartBackoffMs())
      .setRestartWindowMs(this.getRestartWindowMs());
  }
}
