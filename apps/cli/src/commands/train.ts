import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { DataFrame, Schema } from '@servable/dataframe';
import {
  type AnyServable,
  type Model,
  Pipeline,
  ServableModel,
  type ServableRegistry,
} from '@servable/servable-api';
import {
  type OutputCoding,
  type Remainder,
  type RowCoding,
  TFEstimator,
  type TFProgress,
  type TfjsBackendChoice,
} from '@servable/tf-bridge';
import { type CliIo, writeText } from '../cli-io.js';
import { CliError, CliUsageError, errorMessage, TrainingError } from '../errors.js';
import { readRecordFrame } from '../record-frame.js';
import { createRegistry } from '../registry.js';
import { createTrainProgress, formatLoss, type TrainProgressMode } from '../train-progress.js';

/**
 * Options of {@link train}. Each TFEstimator param has the option of the same name (see
 * `@servable/tf-bridge`); unset options keep the param's default. Relative paths are resolved
 * against `io.cwd`.
 */
export interface TrainOptions {
  /** `script`: the training script (a JS module for `tfjs`, a `.py` file for `python`). */
  readonly script: string;
  /** A JSON-lines file of training rows, or `-` for stdin. */
  readonly input: string;
  /** Where the fitted stage (or PipelineModel, with {@link pipelinePrefix}) is saved. */
  readonly output: string;
  /** `selectedCols`: the input columns fed to the model, in order. */
  readonly selectedCols: readonly string[];
  /** `labelCol`: the label column (unset: the script reads labels itself). */
  readonly labelCol?: string;
  /** `outputCols` (default `["prediction"]`). */
  readonly outputCols?: readonly string[];
  /** `outputTypes` (default `["DOUBLE"]`), one per output column. */
  readonly outputTypes?: readonly string[];
  /** `entryFunc` (default `entry`). */
  readonly entryFunc?: string;
  /** `hyperParams`: `key=value` strings handed to the script. */
  readonly hyperParams?: readonly string[];
  /** `envPath`: the Python executable or virtualenv directory (python backend). */
  readonly envPath?: string;
  /** `inferenceScript` (unset: the training script). */
  readonly inferenceScript?: string;
  /** `inferenceEntryFunc` (unset: `entryFunc`). */
  readonly inferenceEntryFunc?: string;
  /** `inferenceHyperParams` (unset: `hyperParams`). */
  readonly inferenceHyperParams?: readonly string[];
  /** `workerNum` (default 1; tfjs: > 1 trains data-parallel replicas). */
  readonly workerNum?: number;
  /** `psNum` (default 0). */
  readonly psNum?: number;
  /** `backend` (default `tfjs`). */
  readonly backend?: 'tfjs' | 'python';
  /** `tfjsBackend` (default `auto`). */
  readonly tfjsBackend?: TfjsBackendChoice;
  /** `epochs` (default 1). */
  readonly epochs?: number;
  /** `batchSize` (default 32). */
  readonly batchSize?: number;
  /** `remainder` (default `keep`). */
  readonly remainder?: Remainder;
  /** `shuffle` (default false). */
  readonly shuffle?: boolean;
  /** `coding` (python backend; default `json`). */
  readonly coding?: RowCoding;
  /** `outputCoding` (python backend; default `json`). */
  readonly outputCoding?: OutputCoding;
  /** `checkpointDir`. */
  readonly checkpointDir?: string;
  /** `checkpointEvery` (default 0: never). */
  readonly checkpointEvery?: number;
  /** `initialModelPath`: warm start from a saved TF model stage, bundle file or model.json. */
  readonly initialModelPath?: string;
  /** `resumeFrom`: a checkpoint directory; training continues after its latest epoch. */
  readonly resumeFrom?: string;
  /**
   * Saved stages or PipelineModels applied to the rows before training (e.g. a fitted
   * StandardScaler). The output is then a PipelineModel of these stages and the trained model.
   */
  readonly pipelinePrefix?: readonly string[];
  /** The input columns and their types; default: inferred from the rows. */
  readonly schema?: Schema;
  /**
   * Show progress on stderr (default true): a live bar when stderr is a terminal, else one line
   * per epoch. `false` shows none.
   */
  readonly progress?: boolean;
  /** The registry `pipelinePrefix` stages are loaded with; default {@link createRegistry}. */
  readonly registry?: ServableRegistry;
}

/** Absolute `path`, resolved against `cwd`. */
function absolute(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/**
 * `servable train`: reads training rows from JSON lines, fits a `TFEstimator` configured from
 * `options` (after the `pipelinePrefix` stages, when given), reports progress per epoch on
 * stderr and saves the fitted stage (a `TFModel` stage directory, servable by every command) to
 * `options.output`. Returns the exit code (0).
 *
 * @throws CliUsageError when the output directory exists and is not empty, the input file
 * cannot be read, or an option value is rejected by the estimator.
 * @throws InputLineError naming the line of a bad input row.
 * @throws TrainingError naming the script when training fails.
 */
export async function train(options: TrainOptions, io: CliIo): Promise<number> {
  const output = absolute(io.cwd, options.output);
  await requireFreeOutput(output);
  const script = absolute(io.cwd, options.script);
  const estimator = configureEstimator(options, script, io.cwd);
  const prefix = await loadPrefix(options, io);

  const fromStdin = options.input === '-';
  const inputPath = fromStdin ? undefined : absolute(io.cwd, options.input);
  if (inputPath !== undefined) await requireFile(inputPath);
  const input: Readable =
    inputPath === undefined ? io.stdin : createReadStream(inputPath, { highWaterMark: 1 << 16 });
  let frame: DataFrame;
  try {
    ({ frame } = await readRecordFrame(input, {
      source: inputPath ?? 'stdin',
      ...(options.schema === undefined ? {} : { schema: options.schema }),
    }));
  } finally {
    if (!fromStdin) input.destroy();
  }

  const mode: TrainProgressMode =
    options.progress === false ? 'none' : io.stderr.isTTY === true ? 'bar' : 'lines';
  const progress = createTrainProgress(io.stderr, estimator.getEpochs(), mode);
  const epochs: TFProgress[] = [];
  estimator.onProgress((p) => {
    epochs.push(p);
    progress.epoch(p);
  });
  let model: Model;
  try {
    model =
      prefix.length === 0
        ? await estimator.fit(frame)
        : await new Pipeline([...prefix.map((s) => new ServableModel(s)), estimator]).fit(frame);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new TrainingError(script, errorMessage(error), { cause: error });
  } finally {
    progress.stop();
  }
  await model.save(output);

  const last = epochs.at(-1);
  const trained =
    last === undefined
      ? ''
      : `, ${epochs.length} epoch${epochs.length === 1 ? '' : 's'}, final loss ${formatLoss(last.loss)}`;
  await writeText(io.stderr, `trained on ${frame.numRows()} rows${trained}; saved to ${output}\n`);
  return 0;
}

/** The estimator of `options` (paths made absolute: the saved model refers to its script). */
function configureEstimator(options: TrainOptions, script: string, cwd: string): TFEstimator {
  const o = options;
  const path = (p: string): string => absolute(cwd, p);
  const est = new TFEstimator().setScript(script);
  /** Applies a set option; a value the param rejects is a usage error naming the flag. */
  const when = <T>(value: T | undefined, flag: string, apply: (v: T) => unknown): void => {
    if (value === undefined) return;
    try {
      apply(value);
    } catch (error) {
      if (error instanceof CliUsageError) throw error;
      throw new CliUsageError(flag, errorMessage(error));
    }
  };
  when(o.selectedCols, '--selected-cols', (v) => est.setSelectedCols([...v]));
  when(o.labelCol, '--label-col', (v) => est.setLabelCol(v));
  when(o.outputCols, '--output-cols', (v) => est.setOutputCols([...v]));
  when(o.outputTypes, '--output-types', (v) => est.setOutputTypes([...v]));
  when(o.entryFunc, '--entry-func', (v) => est.setEntryFunc(v));
  when(o.hyperParams, '--hyper-params', (v) => est.setHyperParams(checkPairs(v, '--hyper-params')));
  // A bare name (python3) is looked up on the PATH; anything with a separator is a path.
  when(o.envPath, '--env-path', (v) => est.setEnvPath(/[\\/]/.test(v) ? path(v) : v));
  when(o.inferenceScript, '--inference-script', (v) => est.setInferenceScript(path(v)));
  when(o.inferenceEntryFunc, '--inference-entry-func', (v) => est.setInferenceEntryFunc(v));
  when(o.inferenceHyperParams, '--inference-hyper-params', (v) =>
    est.setInferenceHyperParams(checkPairs(v, '--inference-hyper-params')),
  );
  when(o.workerNum, '--worker-num', (v) => est.setWorkerNum(v));
  when(o.psNum, '--ps-num', (v) => est.setPsNum(v));
  when(o.backend, '--backend', (v) => est.setBackend(v));
  when(o.tfjsBackend, '--tfjs-backend', (v) => est.setTfjsBackend(v));
  when(o.epochs, '--epochs', (v) => est.setEpochs(v));
  when(o.batchSize, '--batch-size', (v) => est.setBatchSize(v));
  when(o.remainder, '--remainder', (v) => est.setRemainder(v));
  when(o.shuffle, '--shuffle', (v) => est.setShuffle(v));
  when(o.coding, '--coding', (v) => est.setCoding(v));
  when(o.outputCoding, '--output-coding', (v) => est.setOutputCoding(v));
  when(o.checkpointDir, '--checkpoint-dir', (v) => est.setCheckpointDir(path(v)));
  when(o.checkpointEvery, '--checkpoint-every', (v) => est.setCheckpointEvery(v));
  when(o.initialModelPath, '--initial-model-path', (v) => est.setInitialModelPath(path(v)));
  when(o.resumeFrom, '--resume-from', (v) => est.setResumeFrom(path(v)));
  if (est.getCheckpointEvery() > 0 && est.getCheckpointDir() === null) {
    throw new CliUsageError('--checkpoint-every', 'needs --checkpoint-dir (where checkpoints go).');
  }
  return est;
}

/** `key=value` strings, checked. @throws CliUsageError naming the flag and the bad entry. */
function checkPairs(pairs: readonly string[], flag: string): string[] {
  const list = [...pairs];
  for (const pair of list) {
    if (!/^[^=]+=/.test(pair)) {
      throw new CliUsageError(
        flag,
        `expected key=value (e.g. lr=0.01), found ${JSON.stringify(pair)}.`,
      );
    }
  }
  return list;
}

/** Loads the `pipelinePrefix` stages. */
async function loadPrefix(options: TrainOptions, io: CliIo): Promise<AnyServable[]> {
  const dirs = options.pipelinePrefix ?? [];
  if (dirs.length === 0) return [];
  const registry = options.registry ?? createRegistry();
  const servables: AnyServable[] = [];
  for (const dir of dirs) servables.push(await registry.load(absolute(io.cwd, dir)));
  return servables;
}

/** @throws CliUsageError when `output` exists and is a file or a non-empty directory. */
async function requireFreeOutput(output: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(output)).isDirectory();
  } catch {
    return; // does not exist: save creates it
  }
  if (!isDirectory) throw new CliUsageError('--output', `${output} exists and is a file.`);
  if ((await readdir(output)).length > 0) {
    throw new CliUsageError(
      '--output',
      `${output} exists and is not empty; choose a new directory (a saved model is never overwritten).`,
    );
  }
}

/** @throws CliUsageError when `path` is not a readable file. */
async function requireFile(path: string): Promise<void> {
  let isFile: boolean;
  try {
    isFile = (await stat(path)).isFile();
  } catch (error) {
    throw new CliUsageError('--input', `cannot read ${path} (${errorMessage(error)}).`);
  }
  if (!isFile) throw new CliUsageError('--input', `${path} is not a file.`);
}
