import type { DataFrame, DataType } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import { requireColumn } from '@servable/servable-api';
import { TFConfigError, TFDataError, TFNodeError } from '../errors.js';
import { parseHyperParams } from '../tf-context.js';
import { outputDataType } from '../tfjs/feature-matrix.js';
import { runPythonCluster } from './python-cluster.js';
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
 * Trains with the user's Python script: `workerNum` workers (rows dealt round-robin: worker `w`
 * gets rows `w, w + workerNum, …`) and `psNum` ps nodes. Output rows, if the script writes any,
 * are passed to `onRow`.
 */
export async function runPythonTraining(
  p: PythonStageParams & {
    getLabelCol(): string | null;
    getPsNum(): number;
    getEpochs(): number;
    getBatchSize(): number;
  },
  df: DataFrame,
  onRow?: (values: unknown[], worker: number) => void,
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
  await runPythonCluster(
    {
      envPath: p.getEnvPath(),
      script,
      entryFunc: p.getEntryFunc(),
      mode: 'train',
      hyperParams: parseHyperParams(p.getHyperParams()),
      properties: { epochs: String(p.getEpochs()), batchSize: String(p.getBatchSize()) },
      coding: p.getCoding(),
      outputCoding,
      columns: names,
      columnTypes: types,
      outputCols: p.getOutputCols(),
      workerNum: workers,
      psNum: p.getPsNum(),
      attempt: 0,
    },
    (w) => ({
      input: frames(p.getCoding(), names, columns, strided(df.numRows(), w, workers)),
      onFrame: (frame) => {
        if (outputCoding === 'none') return;
        onRow?.(decodeOutputRow(outputCoding, frame, p.getOutputCols(), `worker:${w}`, 0), w);
      },
    }),
  );
}

function* strided(n: number, start: number, step: number): Generator<number> {
  for (let r = start; r < n; r += step) yield r;
}

function* range(from: number, to: number): Generator<number> {
  for (let r = from; r < to; r++) yield r;
}

/**
 * Inference with the user's Python script (the inference overrides, else the training
 * config): worker `w` gets a contiguous slice of the rows and must write exactly one output row
 * per input row, in order; the outputs are appended to the input as the typed `outputCols`.
 *
 * @throws TFConfigError when `outputCoding` is `none`; TFNodeError when a worker writes a
 *   different number of rows than it read.
 */
export async function runPythonInference(p: PythonStageParams, df: DataFrame): Promise<DataFrame> {
  const script = p.getInferenceScript() ?? p.getScript();
  if (script === null) throw new TFConfigError('script', 'the python backend needs a script.');
  const outputCoding = p.getOutputCoding();
  if (outputCoding === 'none')
    throw new TFConfigError(
      'outputCoding',
      "inference needs output rows; set outputCoding to 'json' or 'csv'.",
    );
  const names = p.getSelectedCols();
  const { types, columns } = inputColumns(df, names);
  const outputCols = p.getOutputCols();
  const outputTypes = p.getOutputTypes().map(outputDataType);
  if (outputTypes.length !== outputCols.length) {
    throw new TFConfigError(
      'outputTypes',
      `${outputTypes.length} types for ${outputCols.length} output columns.`,
    );
  }
  const n = df.numRows();
  const workers = Math.max(1, Math.min(p.getWorkerNum(), n));
  const chunk = Math.ceil(n / workers);
  const outputs: unknown[][][] = Array.from({ length: workers }, () => []);
  await runPythonCluster(
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
      attempt: 0,
    },
    (w) => ({
      input: frames(p.getCoding(), names, columns, range(w * chunk, Math.min(n, (w + 1) * chunk))),
      onFrame: (frame) => {
        const rows = outputs[w] as unknown[][];
        rows.push(decodeOutputRow(outputCoding, frame, outputCols, `worker:${w}`, rows.length));
      },
    }),
  );
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
      all.map((row, r) => coerce(row[c], type, name, r)),
    );
  });
  return out;
}

function coerce(value: unknown, type: DataType, column: string, row: number): unknown {
  if (value === null || value === undefined) return null;
  const fail = () =>
    new TFDataError(
      `Output column ${column}, row ${row}: expected ${type.toString()}, found ${JSON.stringify(value)}.`,
    );
  if (type.kind === 'vector') {
    const list = typeof value === 'string' ? value.split(' ').map(Number) : value;
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'number' && !Number.isNaN(x)))
      throw fail();
    return new DenseVector(Float64Array.from(list as number[]));
  }
  if (type.kind !== 'scalar') throw fail();
  switch (type.basicType) {
    case 'STRING':
      return String(value);
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'True' || value === 1 || value === '1') return true;
      if (value === 'false' || value === 'False' || value === 0 || value === '0') return false;
      throw fail();
    default: {
      const x = typeof value === 'number' ? value : Number(value);
      if (typeof value !== 'number' && (typeof value !== 'string' || Number.isNaN(x))) throw fail();
      return type.basicType === 'DOUBLE' || type.basicType === 'FLOAT' ? x : Math.round(x);
    }
  }
}

/** Output coding re-exported for the estimator. */
export type { OutputCoding, RowCoding };
