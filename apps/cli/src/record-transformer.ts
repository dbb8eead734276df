import { DataFrame, inferSchema, type JsonRecord, type Schema } from '@servable/dataframe';
import { type AnyServable, deriveInputSchema } from '@servable/servable-api';
import { describeRowError } from './row-error.js';

/** Input rows: JSON objects keyed by column name. */
export type InputRecord = Readonly<Record<string, unknown>>;

/** The result of one row: its output record, or why it failed. */
export type RowResult =
  | { readonly ok: true; readonly record: JsonRecord }
  | {
      readonly ok: false;
      /**
       * The error the row's one-row DataFrame threw, unchanged: its typed fields (`code`,
       * `column`, `expected`, `found`, and `row`, which is 0) describe that frame.
       */
      readonly error: Error;
      /**
       * The error's message without the bogus `row 0` (a failing row always runs alone), for
       * callers that name the row themselves, e.g. `column features: the vector has dimension 2
       * but the model expects dimension 3.`
       */
      readonly reason: string;
      /** The input column the error names, when it names one. */
      readonly column: string | undefined;
    };

/** Options of {@link RecordTransformer}. */
export interface RecordTransformerOptions {
  /**
   * The input columns and their types. Default: derived from the model's params (every
   * `featuresCol` / `inputCol` no earlier stage produces, as `VECTOR(DOUBLE)`), else inferred
   * from the first batch.
   */
  readonly schema?: Schema;
  /** Keep only these output keys (default: every input key plus every model output). */
  readonly select?: readonly string[];
}

/**
 * Runs JSON records through a servable in batches: records → `DataFrame.fromRecords` →
 * `transform` → `toRecords`. Each output record is the input record (keys the model does not
 * read pass through, e.g. an `id`) with the model's columns written over it. When a batch
 * fails, its rows are run one by one so that the failing rows are named and the others still
 * get their results; a failed row's `reason` is its error's message without the row position
 * (always `row 0` in a one-row frame), so the caller names the row (input line, Kafka offset).
 */
export class RecordTransformer {
  private schema: Schema | undefined;

  constructor(
    /** The model. */
    readonly servable: AnyServable,
    /** See {@link RecordTransformerOptions}. */
    readonly options: RecordTransformerOptions = {},
  ) {
    this.schema = options.schema;
    if (this.schema === undefined) {
      const derived = deriveInputSchema(servable);
      if (derived.size() > 0) this.schema = derived;
    }
  }

  /** The input schema in use (`undefined` until the first batch when it is inferred). */
  getSchema(): Schema | undefined {
    return this.schema;
  }

  /**
   * Transforms a batch. Returns one result per record, in order.
   * @throws RecordConversionError when the schema must be inferred and the batch allows none.
   */
  transform(records: readonly InputRecord[]): RowResult[] {
    if (records.length === 0) return [];
    this.schema ??= inferSchema(records);
    try {
      return this.run(records).map((record) => ({ ok: true, record }));
    } catch (batchError) {
      if (records.length === 1) return [failed(batchError)];
      return records.map((r): RowResult => {
        try {
          return { ok: true, record: this.run([r])[0] as JsonRecord };
        } catch (error) {
          return failed(error);
        }
      });
    }
  }

  private run(records: readonly InputRecord[]): JsonRecord[] {
    const input = DataFrame.fromRecords(records, this.schema as Schema);
    const outputs = this.servable.transform(input).toRecords();
    const select = this.options.select;
    return outputs.map((out, i) => {
      const merged: JsonRecord = { ...(records[i] as JsonRecord), ...out };
      if (select === undefined) return merged;
      const picked: JsonRecord = {};
      for (const key of select) if (Object.hasOwn(merged, key)) picked[key] = merged[key] ?? null;
      return picked;
    });
  }
}

/** The result of a row whose one-row frame threw `thrown`. */
function failed(thrown: unknown): RowResult {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  return { ok: false, error, ...describeRowError(error) };
}
