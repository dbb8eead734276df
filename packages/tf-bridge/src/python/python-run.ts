import type { DataFrame, DataType } from '@servable/dataframe';
import { requireColumn } from '@servable/servable-api';
import { TFConfigError, TFNodeError } from '../errors.js';
import { parseHyperParams } from '../tf-context.js';
import { outputDataType } from '../tfjs/feature-matrix.js';
import { coerceOutputValue } from './output-values.js';
import { runPythonCluster } from './python-cluster.js';
import {
  exhaustedNote,
  RestartBudget,
  type RestartPolicy,
  type RestartPolicyParams,
  restartPolicyOf,
  type TFNodeRestart,
} from './restart-policy.js';
import {
  csvFieldKind,
  decodeOutputRow,
  encodeRow,
  type OutputCoding,
  type RowCoding,
} from './row-coding.js';

/** The params a Python run reads (a TFEstimator's or a TFModel's). */
export interface PythonStageParams {
  getScript(): string | null;
  getEntryFunc(): string;
  getHyperParams(): string[];
  getEnvPath(): string | null;
  getInferenceScript(): string | null;
  getInferenceEntryFunc(): string | null;
  getInferenceHyperParams(): string[] | null;
  getSelectedCols(): string[];
  getOutputCols(): string[];
  getOutputTypes(): string[];
  getCoding(): 'csv' | 'json' | 'example';
  getOutputCoding(): 'csv' | 'json' | 'none';
  getWorkerNum(): number;
}

function inputColumns(df: DataFrame, names: readonly string[]) {
  const indexes = names.map((n) => requireColumn(df, n, 'TF python backend'));
  const types = indexes.map((i) => csvFieldKind(df.getDataType(i)));
  const columns = indexes.map((i) => df.getValues(i));
  return { types, columns };
}

function frames(
  coding: RowCoding,
  names: readonly string[],
  columns: readonly (readonly unknown[])[],
  rows: Iterable<number>,
): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const r of rows)
    out.push(
      encodeRow(
        coding,
        names,
        columns.map((c) => c[r]),
      ),
    );
  return out;
}

/**
 * Runs `run(attempt)` (a whole Python cluster) again after a node failure while the restart
 * policy allows: every node restarts (upstream's failover strategy `all`), as attempt 1, 2, …
 * (`context.get_current_attempt_index()`), after the policy's backoff. Only TFNodeErrors are
 * retried; with `maxRestarts` 0 the first one is thrown as is.
 *
 * @throws TFNodeError of the last failure when the policy is exhausted, naming the node, the
 *   exit code and the stderr tail, and saying how many restarts were made.
 */
export async function runWithClusterRestarts<T>(
  policy: RestartPolicy,
  onRestart: ((event: TFNodeRestart) => void) | undefined,
  run: (attempt: number) => Promise<T>,
): Promise<T> {
  const budget = new RestartBudget(policy);
  for (let attempt = 0; ; attempt++) {
    try {
      return await run(attempt);
    } catch (error) {
      if (!(error instanceof TFNodeError)) throw error;
      const delay = budget.next();
      if (delay === undefined) {
        if (policy.maxRestarts === 0) throw error;
        throw new TFNodeError(
          error.node,
          `${error.message.replace(`Node ${error.node} `, '').replace(/\.$/, '')} (attempt ${attempt}); the cluster was ${exhaustedNote(policy)}.`,
          error.exitCode,
          error.stderr,
          { cause: error },
        );
      }
      onRestart?.({ node: error.node, attempt: attempt + 1, delayMs: delay, error });
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Trains with the user's Python script: `workerNum` workers (rows dealt round-robin: worker `w`
 * gets rows `w, w + workerNum, …`) and `psNum` ps nodes. With a restart policy
 * (`maxRestarts > 0`), a failed node restarts the whole cluster from the first row (see
 * {@link runWithClusterRestarts}); `checkpointDir`, when set, is handed to the script as the
 * property `checkpointDir` so that it can resume from its own latest checkpoint.
 */
export async function runPythonTraining(
  p: PythonStageParams &
    RestartPolicyParams & {
      getLabelCol(): string | null;
      getPsNum(): number;
      getEpochs(): number;
      getBatchSize(): number;
      getCheckpointDir(): string | null;
    },
  df: DataFrame,
  onRestart?: (event: TFNodeRestart) => void,
): Promise<void> {
  const script = p.getScript();
  if (script === null)
    throw new TFConfigError(
      'script',
      'the python backend needs a script (setScript(path/to/train.py)).',
    );
  const label = p.getLabelCol();
  const names = label === null ? p.getSelectedCols() : [...p.getSelectedCols(), label];
  const { types, columns } = inputColumns(df, names);
  const workers = p.getWorkerNum();
  const outputCoding = p.getOutputCoding();
  const checkpointDir = p.getCheckpointDir();
  await runWithClusterRestarts(restartPolicyOf(p), onRestart, (attempt) =>
    runPythonCluster(
      {
        envPath: p.getEnvPath(),
        script,
        entryFunc: p.getEntryFunc(),
        mode: 'train',
        hyperParams: parseHyperParams(p.getHyperParams()),
        properties: {
          epochs: String(p.getEpochs()),
          batchSize: String(p.getBatchSize()),
          ...(checkpointDir === null ? {} : { checkpointDir }),
        },
        coding: p.getCoding(),
        outputCoding,
        columns: names,
        columnTypes: types,
        outputCols: p.getOutputCols(),
        workerNum: workers,
        psNum: p.getPsNum(),
        attempt,
      },
      (w) => ({
        input: frames(p.getCoding(), names, columns, strided(df.numRows(), w, workers)),
        onFrame: () => {
          // Rows a training script writes are not used.
        },
      }),
    ),
  );
}

function* strided(n: number, start: number, step: number): Generator<number> {
  for (let r = start; r < n; r += step) yield r;
}

function* range(from: number, to: number): Generator<number> {
  for (let r = from; r < to; r++) yield r;
}

/** What both Python inference paths (batch and stream) take from a stage's params, checked. */
export interface PythonInferenceConfig {
  /** The inference script (`inferenceScript`, else `script`). */
  readonly script: string;
  /** How output rows are coded (never `none`). */
  readonly outputCoding: Exclude<OutputCoding, 'none'>;
  /** The output columns. */
  readonly outputCols: readonly string[];
  /** Their types, one per output column (`outputTypes`). */
  readonly outputTypes: readonly string[];
}

/**
 * The script, output coding and output columns of Python inference.
 * @throws TFConfigError when there is no script, `outputCoding` is `none`, or the numbers of
 *   output types and output columns differ.
 */
export function pythonInferenceConfig(p: PythonStageParams): PythonInferenceConfig {
  const script = p.getInferenceScript() ?? p.getScript();
  if (script === null) throw new TFConfigError('script', 'the python backend needs a script.');
  const outputCoding = p.getOutputCoding();
  if (outputCoding === 'none')
    throw new TFConfigError(
      'outputCoding',
      "inference needs output rows; set outputCoding to 'json' or 'csv'.",
    );
  const outputCols = p.getOutputCols();
  const outputTypes = p.getOutputTypes();
  if (outputTypes.length !== outputCols.length) {
    throw new TFConfigError(
      'outputTypes',
      `${outputTypes.length} types for ${outputCols.length} output columns.`,
    );
  }
  return { script, outputCoding, outputCols, outputTypes };
}

/**
 * Inference with the user's Python script (the inference overrides, else the training
 * config): worker `w` gets a contiguous slice of the rows and must write exactly one output row
 * per input row, in order; the outputs are appended to the input as the typed `outputCols`.
 *
 * @throws TFConfigError when `outputCoding` is `none`; TFNodeError when a worker writes a
 *   different number of rows than it read.
 */
export async function runPythonInference(
  p: PythonStageParams & RestartPolicyParams,
  df: DataFrame,
  onRestart?: (event: TFNodeRestart) => void,
): Promise<DataFrame> {
  const config = pythonInferenceConfig(p);
  const { script, outputCoding, outputCols } = config;
  const outputTypes = config.outputTypes.map(outputDataType);
  const names = p.getSelectedCols();
  const { types, columns } = inputColumns(df, names);
  const n = df.numRows();
  const workers = Math.max(1, Math.min(p.getWorkerNum(), n));
  const chunk = Math.ceil(n / workers);
  let outputs: unknown[][][] = [];
  await runWithClusterRestarts(restartPolicyOf(p), onRestart, (attempt) => {
    // A restarted run starts over: outputs of a failed attempt are dropped.
    outputs = Array.from({ length: workers }, () => []);
    return runPythonCluster(
      {
        envPath: p.getEnvPath(),
        script,
        entryFunc: p.getInferenceEntryFunc() ?? p.getEntryFunc(),
        mode: 'inference',
        hyperParams: parseHyperParams(p.getInferenceHyperParams() ?? p.getHyperParams()),
        properties: {},
        coding: p.getCoding(),
        outputCoding,
        columns: names,
        columnTypes: types,
        outputCols,
        workerNum: workers,
        psNum: 0,
        attempt,
      },
      (w) => ({
        input: frames(
          p.getCoding(),
          names,
          columns,
          range(w * chunk, Math.min(n, (w + 1) * chunk)),
        ),
        onFrame: (frame) => {
          const rows = outputs[w] as unknown[][];
          rows.push(decodeOutputRow(outputCoding, frame, outputCols, `worker:${w}`, rows.length));
        },
      }),
    );
  });
  outputs.forEach((rows, w) => {
    const expected = Math.max(0, Math.min(n, (w + 1) * chunk) - w * chunk);
    if (rows.length !== expected) {
      throw new TFNodeError(
        `worker:${w}`,
        `read ${expected} rows but wrote ${rows.length} output rows; inference must write one row per input row.`,
      );
    }
  });
  const all = outputs.flat();
  let out = df;
  outputCols.forEach((name, c) => {
    const type = outputTypes[c] as DataType;
    out = out.addColumn(
      name,
      type,
      all.map((row, r) => coerceOutputValue(row[c], type, name, r)),
    );
  });
  return out;
}

/** Output coding re-exported for the estimator. */
export type { OutputCoding, RowCoding };
