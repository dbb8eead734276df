import type { Readable } from 'node:stream';
import { DataFrame, inferSchema, type Schema } from '@servable/dataframe';
import { errorMessage, InputLineError } from './errors.js';
import { parseRecordLine, readLines } from './json-lines.js';
import type { InputRecord } from './record-transformer.js';
import { describeRowError } from './row-error.js';

/** Options of {@link readRecordFrame}. */
export interface RecordFrameOptions {
  /** The input's name in messages (a file path or `stdin`). */
  readonly source: string;
  /** The columns and their types; default: inferred from every record. */
  readonly schema?: Schema;
}

/** A bounded JSON-lines input as one DataFrame. */
export interface RecordFrame {
  /** Every row, in input order. */
  readonly frame: DataFrame;
  /** The schema the rows were read with (given or inferred). */
  readonly schema: Schema;
}

/**
 * Reads a whole JSON-lines input (one JSON object per line, keyed by column name; blank lines
 * ignored) into one DataFrame, for commands that need all rows at once (`servable train`).
 *
 * @throws InputLineError naming the source and line of a line that is not a JSON object or whose
 * values do not fit the schema (and the column, when one is at fault), or of the input's end
 * when it holds no rows.
 */
export async function readRecordFrame(
  input: Readable,
  options: RecordFrameOptions,
): Promise<RecordFrame> {
  const records: InputRecord[] = [];
  const lines: number[] = [];
  let last = 0;
  for await (const { line, text } of readLines(input)) {
    last = line;
    if (text.trim() === '') continue;
    const parsed = parseRecordLine(text);
    if (typeof parsed === 'string') throw new InputLineError(options.source, line, parsed);
    records.push(parsed);
    lines.push(line);
  }
  if (records.length === 0) {
    throw new InputLineError(options.source, last + 1, 'no rows: the input holds no JSON objects');
  }
  const lineOf = (error: unknown): number | undefined => {
    const row = (error as { row?: unknown } | null)?.row;
    return typeof row === 'number' ? lines[row] : undefined;
  };
  let schema: Schema;
  try {
    schema = options.schema ?? inferSchema(records);
  } catch (error) {
    const line = lineOf(error);
    if (line === undefined) throw error;
    throw new InputLineError(
      options.source,
      line,
      `cannot infer the input columns (${errorMessage(error)}); give them with --schema`,
      { cause: error },
    );
  }
  try {
    return { frame: DataFrame.fromRecords(records, schema), schema };
  } catch (error) {
    const row = (error as { row?: unknown } | null)?.row;
    const line = lineOf(error);
    if (typeof row !== 'number' || line === undefined) throw error;
    // Re-run the failing record alone: its error then says `row 0`, which is dropped, and the
    // line is named instead.
    const alone = rowError(records[row] as InputRecord, schema) ?? (error as Error);
    const { reason, column } = describeRowError(alone);
    throw new InputLineError(options.source, line, reason, { cause: error, column });
  }
}

function rowError(record: InputRecord, schema: Schema): Error | undefined {
  try {
    DataFrame.fromRecords([record], schema);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
