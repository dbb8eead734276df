import {
  BooleanParam,
  IntParam,
  ParamValidators,
  StringArrayParam,
  StringParam,
} from '@servable/servable-api';

// ---- cluster group (the report's HasClusterConfig) ----

/** `workerNum` = 1: training workers (worker 0 is the chief). */
export const WORKER_NUM = new IntParam(
  'workerNum',
  'Number of workers (worker 0 is the chief).',
  1,
  ParamValidators.gtEq(1),
);
/** `psNum` = 0: parameter-server nodes (tfjs: gradients are averaged by one in-process ps). */
export const PS_NUM = new IntParam(
  'psNum',
  'Number of parameter servers.',
  0,
  ParamValidators.gtEq(0),
);
// ---- script group (HasTrainPythonConfig / HasInferencePythonConfig, shared) ----

/** `script` = null: path of the script (a JS module for `tfjs`, a `.py` file for `python`). */
export const SCRIPT = new StringParam<string | null>(
  'script',
  'Path of the script module.',
  null,
  ParamValidators.alwaysTrue(),
);
/** `entryFunc` = "entry": the function of the script the bridge calls. */
export const ENTRY_FUNC = new StringParam('entryFunc', 'Entry function of the script.', 'entry');
/** `hyperParams` = []: `key=value` strings handed to the script. */
export const HYPER_PARAMS = new StringArrayParam(
  'hyperParams',
  'Hyper-parameters as key=value strings.',
  [],
  ParamValidators.custom<string[]>(
    'every element key=value',
    (v) => v?.every((e) => /^[^=]+=/.test(e)) === true,
  ),
);
/** `envPath` = null: the Python executable or virtualenv directory (python backend). */
export const ENV_PATH = new StringParam<string | null>(
  'envPath',
  'Python executable or virtualenv directory.',
  null,
  ParamValidators.alwaysTrue(),
);
/** `inferenceScript` = null: overrides {@link SCRIPT} for inference (null: same script). */
export const INFERENCE_SCRIPT = new StringParam<string | null>(
  'inferenceScript',
  'Inference script; null = the training script.',
  null,
  ParamValidators.alwaysTrue(),
);
/** `inferenceEntryFunc` = null: overrides {@link ENTRY_FUNC} for inference. */
export const INFERENCE_ENTRY_FUNC = new StringParam<string | null>(
  'inferenceEntryFunc',
  'Inference entry; null = entryFunc.',
  null,
  ParamValidators.alwaysTrue(),
);
/** `inferenceHyperParams` = null: overrides {@link HYPER_PARAMS} for inference. */
export const INFERENCE_HYPER_PARAMS = new StringArrayParam<string>(
  'inferenceHyperParams',
  'Inference hyper-parameters; null = hyperParams.',
  null,
  ParamValidators.alwaysTrue(),
);

// ---- columns (HasSelectedCols / HasOutputCols / HasOutputTypes) ----

/** `selectedCols` = null (required): the input columns fed to the model, in order. */
export const SELECTED_COLS = new StringArrayParam(
  'selectedCols',
  'Input columns fed to the model.',
  null,
  ParamValidators.nonEmptyArray(),
);
/** `labelCol` = null: the label column for training (null: the script reads labels itself). */
export const TF_LABEL_COL = new StringParam<string | null>(
  'labelCol',
  'Label column for training.',
  null,
  ParamValidators.alwaysTrue(),
);
/** `outputCols` = ["prediction"]: the columns appended by inference. */
export const TF_OUTPUT_COLS = new StringArrayParam(
  'outputCols',
  'Columns appended by inference.',
  ['prediction'],
  ParamValidators.nonEmptyArray(),
);
/**
 * `outputTypes` = ["DOUBLE"]: one type per output column: `DOUBLE`, `FLOAT`, `INT`, `LONG`,
 * `BOOLEAN`, `STRING`, `VECTOR(DOUBLE)`, or the report's names (`FLOAT_64`, `FLOAT_32`, `INT_32`,
 * `INT_64`, `BOOL`, `FLOAT_32_ARRAY`, `FLOAT_64_ARRAY`).
 */
export const OUTPUT_TYPES = new StringArrayParam(
  'outputTypes',
  'Types of the output columns.',
  ['DOUBLE'],
  ParamValidators.nonEmptyArray(),
);

// ---- training ----

/** `backend` = "tfjs": where the script runs: `tfjs` (embedded) or `python` (child processes). */
export const BACKEND = new StringParam(
  'backend',
  'tfjs or python.',
  'tfjs',
  ParamValidators.inArray('tfjs', 'python'),
);
/**
 * `tfjsBackend` = "auto": the TF.js backend: `auto` (wasm, falling back to cpu with a process
 * warning when wasm does not initialise), `cpu` or `wasm` (an error when it does not start).
 */
export const TFJS_BACKEND = new StringParam(
  'tfjsBackend',
  'auto (wasm, falling back to cpu with a warning), cpu or wasm.',
  'auto',
  ParamValidators.inArray('auto', 'cpu', 'wasm'),
);
/** `epochs` = 1: passes over a bounded input. */
export const EPOCHS = new IntParam('epochs', 'Passes over the input.', 1, ParamValidators.gtEq(1));
/** `batchSize` = 32. */
export const BATCH_SIZE = new IntParam('batchSize', 'Rows per batch.', 32, ParamValidators.gtEq(1));
/**
 * `remainder` = "keep": what to do with a last batch smaller than `batchSize`: `keep` it as is,
 * `drop` it, or `pad` it to `batchSize` (training: with rows from the start of the epoch;
 * inference: with zeros, whose outputs are discarded).
 */
export const REMAINDER = new StringParam(
  'remainder',
  'keep, drop or pad the last partial batch.',
  'keep',
  ParamValidators.inArray('keep', 'drop', 'pad'),
);
/** `coding` = "json": how rows cross the pipe to Python: `csv`, `json` or `example` (tf.Example). */
export const CODING = new StringParam(
  'coding',
  'Row coding to the script: csv, json or example.',
  'json',
  ParamValidators.inArray('csv', 'json', 'example'),
);
/** `outputCoding` = "json": how the script's rows come back: `csv`, `json` or `none`. */
export const OUTPUT_CODING = new StringParam(
  'outputCoding',
  'Row coding from the script: csv, json or none.',
  'json',
  ParamValidators.inArray('csv', 'json', 'none'),
);
/** `checkpointDir` = null: where checkpoints are written (`epoch-<n>.tfjb`). */
export const CHECKPOINT_DIR = new StringParam<string | null>(
  'checkpointDir',
  'Checkpoint directory.',
  null,
  ParamValidators.alwaysTrue(),
);
/** `checkpointEvery` = 0: write a checkpoint every N epochs (0: never). */
export const CHECKPOINT_EVERY = new IntParam(
  'checkpointEvery',
  'Checkpoint every N epochs.',
  0,
  ParamValidators.gtEq(0),
);
/**
 * `initialModelPath` = null: warm start from a saved model: a TF model stage directory, a bundle
 * file (`.tfjb`, a data file), or a TF.js `model.json`.
 */
export const INITIAL_MODEL_PATH = new StringParam<string | null>(
  'initialModelPath',
  'Warm start model.',
  null,
  ParamValidators.alwaysTrue(),
);
/** `resumeFrom` = null: a checkpoint directory; training continues after its latest epoch. */
export const RESUME_FROM = new StringParam<string | null>(
  'resumeFrom',
  'Checkpoint directory to resume from.',
  null,
  ParamValidators.alwaysTrue(),
);
/** `shuffle` = false: shuffle the rows of a bounded input each epoch (seeded). */
export const SHUFFLE = new BooleanParam('shuffle', 'Shuffle rows each epoch.', false);

// ---- restart policy (python backend; upstream's failover, see the README) ----

/**
 * `maxRestarts` = 0: how many times a failed Python node is restarted within
 * {@link RESTART_WINDOW_MS} before the run fails (0: fail fast on the first failure). Streaming
 * inference restarts the failed worker alone and continues; training and batch inference
 * restart the whole cluster (`context.get_current_attempt_index()` tells the script).
 */
export const MAX_RESTARTS = new IntParam(
  'maxRestarts',
  'Restarts of a failed Python node within restartWindowMs (0: fail fast).',
  0,
  ParamValidators.gtEq(0),
);
/**
 * `restartBackoffMs` = 200: the wait before the first restart within the window; each further
 * restart within the window waits twice as long as the one before (at most 30 s).
 */
export const RESTART_BACKOFF_MS = new IntParam(
  'restartBackoffMs',
  'Wait before the first restart (doubles per restart within the window, at most 30 s).',
  200,
  ParamValidators.gtEq(0),
);
/**
 * `restartWindowMs` = 60000: the sliding window `maxRestarts` counts in (0: the whole run).
 */
export const RESTART_WINDOW_MS = new IntParam(
  'restartWindowMs',
  'Sliding window maxRestarts counts in (0: the whole run).',
  60_000,
  ParamValidators.gtEq(0),
);
