import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Schema } from '@servable/dataframe';
import type { ServableRegistry } from '@servable/servable-api';
import { type CliIo, writeText } from '../cli-io.js';
import { CliUsageError, errorMessage, InputLineError } from '../errors.js';
import { parseRecordLine, readLines } from '../json-lines.js';
import { createProgress } from '../progress.js';
import { type InputRecord, RecordTransformer } from '../record-transformer.js';
import { createRegistry } from '../registry.js';

/** What to do with an input line that cannot be predicted. */
export type OnError = 'skip' | 'fail';

/** Options of {@link predict}. */
export interface PredictOptions {
  /** The saved stage or PipelineModel directory. */
  readonly model: string;
  /** A JSON-lines file, or `-` for stdin. */
  readonly input: string;
  /** Where to write JSON lines: a file, or `-` (default) for stdout. */
  readonly output?: string;
  /** Rows per DataFrame (default 1000). */
  readonly batchSize?: number;
  /** `fail` (default): stop at the first bad line, naming it; `skip`: report it and go on. */
  readonly onError?: OnError;
  /** The input columns (default: derived from the model, else inferred from the first batch). */
  readonly schema?: Schema;
  /** Keep only these keys in each output line. */
  readonly select?: readonly string[];
  /** Draw a progress bar on stderr; default: when stderr is a terminal. */
  readonly progress?: boolean;
  /** The registry to load with; default Flink ML's algorithms (`servableLib`). */
  readonly registry?: ServableRegistry;
}

/** Counts of a finished {@link predict} run. */
export interface PredictSummary {
  /** Rows predicted and written. */
  readonly rows: number;
  /** Lines skipped (`--on-error skip`). */
  readonly skipped: number;
}

interface Pending {
  readonly line: number;
  readonly record: InputRecord;
}

/**
 * `servable predict`: batch inference from JSON lines. Streams the input (never holds more than
 * one batch), turns each batch of rows into a DataFrame, transforms it and writes one JSON line
 * per row, in input order. Blank lines are ignored. Returns the exit code (0, or 1 when a line
 * fails with `--on-error fail`, after writing every row before it).
 */
export async function predict(options: PredictOptions, io: CliIo): Promise<number> {
  const batchSize = options.batchSize ?? 1000;
  const onError = options.onError ?? 'fail';
  const registry = options.registry ?? createRegistry();
  const servable = await registry.load(resolve(io.cwd, options.model));
  const transformer = new RecordTransformer(servable, {
    ...(options.schema === undefined ? {} : { schema: options.schema }),
    ...(options.select === undefined ? {} : { select: options.select }),
  });

  const fromStdin = options.input === '-';
  const inputPath = fromStdin ? undefined : resolve(io.cwd, options.input);
  const source = inputPath ?? 'stdin';
  const totalBytes = inputPath === undefined ? undefined : await inputSize(inputPath);
  const input: Readable =
    inputPath === undefined ? io.stdin : createReadStream(inputPath, { highWaterMark: 1 << 16 });
  const toStdout = options.output === undefined || options.output === '-';
  const output: Writable = toStdout
    ? io.stdout
    : createWriteStream(resolve(io.cwd, options.output as string));
  const progress = createProgress(
    io.stderr,
    totalBytes,
    options.progress ?? io.stderr.isTTY === true,
  );

  let rows = 0;
  let skipped = 0;
  let bytes = 0;
  let batch: Pending[] = [];
  let failure: InputLineError | undefined;

  const reject = async (error: InputLineError): Promise<boolean> => {
    if (onError === 'fail') {
      failure = error;
      return false;
    }
    skipped++;
    await writeText(io.stderr, `skipped ${error.message}\n`);
    return true;
  };

  const flush = async (): Promise<boolean> => {
    const pending = batch;
    batch = [];
    if (pending.length === 0) return true;
    let results: ReturnType<RecordTransformer['transform']>;
    try {
      results = transformer.transform(pending.map((p) => p.record));
    } catch (error) {
      // Only schema inference fails for the whole batch.
      const first = pending[0] as Pending;
      failure = new InputLineError(
        source,
        first.line,
        `cannot infer the input columns from lines ${first.line}-${first.line + pending.length - 1} (${errorMessage(error)}); give them with --schema`,
        { cause: error },
      );
      return false;
    }
    let text = '';
    for (let i = 0; i < results.length; i++) {
      const result = results[i] as (typeof results)[number];
      if (result.ok) {
        text += `${JSON.stringify(result.record)}\n`;
        rows++;
        continue;
      }
      const line = (pending[i] as Pending).line;
      await writeText(output, text);
      text = '';
      const error = new InputLineError(source, line, result.reason, {
        cause: result.error,
        column: result.column,
      });
      if (!(await reject(error))) return false;
    }
    await writeText(output, text);
    progress.update(rows, bytes);
    return true;
  };

  try {
    for await (const { line, text, bytesRead } of readLines(input)) {
      bytes = bytesRead;
      if (text.trim() === '') continue;
      const parsed = parseRecordLine(text);
      if (typeof parsed === 'string') {
        // Rows before a bad line are written first, so output stays in input order.
        if (!(await flush())) break;
        if (!(await reject(new InputLineError(source, line, parsed)))) break;
        continue;
      }
      batch.push({ line, record: parsed });
      if (batch.length >= batchSize && !(await flush())) break;
    }
    if (failure === undefined) await flush();
  } finally {
    progress.stop();
    if (!fromStdin) input.destroy();
    if (!toStdout) {
      output.end();
      await finished(output);
    }
  }
  const summary: PredictSummary = { rows, skipped };
  if (failure !== undefined) {
    await writeText(io.stderr, `error: ${failure.message}\n`);
    return 1;
  }
  if (io.stderr.isTTY === true || summary.skipped > 0) {
    await writeText(
      io.stderr,
      `predicted ${summary.rows} rows${summary.skipped > 0 ? `, skipped ${summary.skipped} lines` : ''}\n`,
    );
  }
  return 0;
}

async function inputSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CliUsageError('--input', `${path} is not a file.`);
    return info.size;
  } catch (error) {
    if (error instanceof CliUsageError) throw error;
    throw new CliUsageError('--input', `cannot read ${path} (${errorMessage(error)}).`);
  }
}
