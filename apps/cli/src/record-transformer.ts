import { DataFrame, inferSchema, type JsonRecord, type Schema } from '@servable/dataframe';
import { deriveInputSchema } from '@servable/inference-server';
import type { AnyServable } from '@servable/servable-api';

/** Input rows: JSON objects keyed by column name. */
export type InputRecord = Readonly<Record<string, unknown>>;

/** The result of one row: its output record, or why it failed. */
export type RowResult =
  | { readonly ok: true; readonly record: JsonRecord }
  | { readonly ok: false; readonly error: Error };

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
 * get their results.
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
      if (records.length === 1) return [{ ok: false, error: asError(batchError) }];
      return records.map((r) => {
        try {
          return { ok: true, record: this.run([r])[0] as JsonRecord };
        } catch (error) {
          return { ok: false, error: asError(error) };
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

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
