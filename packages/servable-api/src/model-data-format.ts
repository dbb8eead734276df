import { type Codec, DataInputView, DataOutputView, DecodeError } from '@servable/linalg';
import { AmbiguousModelDataError, ModelDataError, ServableError } from './errors.js';
import type { ModelDataChunk } from './model-data-input.js';
import type { ModelVersion } from './model-version.js';

/**
 * How many model data records a model consists of: `'single'` — exactly one (every Flink ML
 * model except OneHotEncoder); `'multiple'` — one or more, combined into one model
 * (OneHotEncoder: one record per input column, possibly spread over several files).
 */
export type ModelDataCardinality = 'single' | 'multiple';

/**
 * The binary model data format of one servable: how its model `M` is decoded from the bytes
 * Flink ML writes (files in `data/`, or streams given to `setModelData`) and encoded back.
 *
 * Build one with {@link singleRecordFormat} or {@link multiRecordFormat}; implement it directly
 * only for formats that are not a sequence of self-delimiting records.
 */
export interface ModelDataFormat<M> {
  /** A name for messages, e.g. `LogisticRegressionModelData`. */
  readonly name: string;
  /** How many records a model has. */
  readonly cardinality: ModelDataCardinality;
  /**
   * Decodes (and validates) a model from its chunks of bytes, records back-to-back in each.
   *
   * @throws ModelDataError naming the chunk's source and byte offset on truncated or extra
   *   bytes, the wrong number of records, or a record that fails validation.
   */
  decode(chunks: readonly ModelDataChunk[]): M;
  /** The bytes of the model: its records encoded back-to-back (the content of one data file). */
  encode(model: M): Uint8Array;
  /** The model's version, when its data carries one. */
  version?(model: M): ModelVersion | undefined;
}

/** What {@link singleRecordFormat} needs. */
export interface SingleRecordFormatSpec<M> {
  /** A name for messages, e.g. `LogisticRegressionModelData`. */
  readonly name: string;
  /** The codec of one record (byte-exact with the Java encoder/decoder). */
  readonly codec: Codec<M>;
  /**
   * Checks a decoded (or programmatically set) record; return a description of the problem, or
   * `undefined` when it is valid. Called before the model is swapped in.
   */
  readonly validate?: (model: M) => string | undefined;
  /** The model's version, when its data carries one. */
  readonly version?: (model: M) => ModelVersion | undefined;
}

/** What {@link multiRecordFormat} needs. */
export interface MultiRecordFormatSpec<M, R> {
  /** A name for messages. */
  readonly name: string;
  /** The codec of one record. */
  readonly codec: Codec<R>;
  /** Builds the model from all records (in file-name order); throw or return a problem string. */
  readonly fromRecords: (records: readonly R[]) => M | { readonly problem: string };
  /** The records of a model, in the order they are written. */
  readonly toRecords: (model: M) => readonly R[];
  /** The model's version, when its data carries one. */
  readonly version?: (model: M) => ModelVersion | undefined;
}

/**
 * A format whose model is exactly one record. Zero records, or more than one (in one chunk or
 * across several), is an error naming every source.
 *
 * @example
 * ```ts
 * const format = singleRecordFormat({ name: 'ThresholdModelData', codec: DoubleSerializer });
 * format.decode([{ source: 'input #0', bytes }]); // the threshold
 * ```
 */
export function singleRecordFormat<M>(spec: SingleRecordFormatSpec<M>): ModelDataFormat<M> {
  const format: ModelDataFormat<M> = {
    name: spec.name,
    cardinality: 'single',
    decode(chunks) {
      const decoded = decodeRecords(spec.codec, chunks);
      if (decoded.records.length !== 1) {
        if (decoded.records.length === 0) throw noRecords(spec.name, chunks);
        throw new AmbiguousModelDataError(spec.name, decoded.counts);
      }
      const model = decoded.records[0] as M;
      checkProblem(spec.name, spec.validate?.(model), chunks);
      return model;
    },
    encode(model) {
      checkProblem(spec.name, spec.validate?.(model), []);
      const out = new DataOutputView();
      spec.codec.encode(model, out);
      return out.toBytes();
    },
  };
  if (spec.version) return { ...format, version: spec.version };
  return format;
}

/**
 * A format whose model is built from one or more records (e.g. OneHotEncoder), read from every
 * chunk in order.
 */
export function multiRecordFormat<M, R>(spec: MultiRecordFormatSpec<M, R>): ModelDataFormat<M> {
  const format: ModelDataFormat<M> = {
    name: spec.name,
    cardinality: 'multiple',
    decode(chunks) {
      const decoded = decodeRecords(spec.codec, chunks);
      if (decoded.records.length === 0) throw noRecords(spec.name, chunks);
      const model = build(spec, decoded.records, chunks);
      return model;
    },
    encode(model) {
      const out = new DataOutputView();
      for (const record of spec.toRecords(model)) spec.codec.encode(record, out);
      return out.toBytes();
    },
  };
  if (spec.version) return { ...format, version: spec.version };
  return format;
}

/** What {@link latestRecordFormat} needs. */
export interface LatestRecordFormatSpec<M> {
  /** A name for messages, e.g. `KMeansModelData`. */
  readonly name: string;
  /** The codec of one record. */
  readonly codec: Codec<M>;
  /** Checks the record that takes effect; returns the problem or `undefined`. */
  readonly validate?: (model: M) => string | undefined;
  /** The model's version, when its data carries one. */
  readonly version?: (model: M) => ModelVersion | undefined;
}

/**
 * The model data format of Flink ML's online models (OnlineLogisticRegressionModel,
 * OnlineKMeansModel, OnlineStandardScalerModel): a stream of records in which **each record
 * replaces the model**. One `setModelData` call may carry one record or several back-to-back
 * (e.g. a replayed stream); the last one is the model that serves, as it would be in Java after
 * the operator had consumed them all. Encoding writes the single current record.
 */
export function latestRecordFormat<M>(spec: LatestRecordFormatSpec<M>): ModelDataFormat<M> {
  const format = multiRecordFormat<M, M>({
    name: spec.name,
    codec: spec.codec,
    fromRecords: (records) => {
      const latest = records[records.length - 1] as M;
      const problem = spec.validate?.(latest);
      return problem === undefined
        ? latest
        : { problem: `record ${records.length} (the latest): ${problem}` };
    },
    toRecords: (model) => [model],
    ...(spec.version === undefined ? {} : { version: spec.version }),
  });
  const validate = spec.validate;
  if (validate === undefined) return format;
  return {
    ...format,
    encode(model: M): Uint8Array {
      const problem = validate(model);
      if (problem !== undefined) {
        throw new ModelDataError(`Invalid ${spec.name}: ${problem}`, {}, 'MODEL_DATA_INVALID');
      }
      return format.encode(model);
    },
  };
}

function build<M, R>(
  spec: MultiRecordFormatSpec<M, R>,
  records: readonly R[],
  chunks: readonly ModelDataChunk[],
): M {
  let result: M | { readonly problem: string };
  try {
    result = spec.fromRecords(records);
  } catch (error) {
    if (error instanceof ServableError) throw error;
    checkProblem(spec.name, error instanceof Error ? error.message : String(error), chunks);
    throw error;
  }
  if (isProblem(result)) {
    checkProblem(spec.name, result.problem, chunks);
  }
  return result as M;
}

function isProblem(value: unknown): value is { readonly problem: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof (value as { problem?: unknown }).problem === 'string'
  );
}

/** Records decoded from chunks, and how many came from each chunk. */
export interface DecodedRecords<R> {
  /** Every record, chunk by chunk. */
  readonly records: R[];
  /** Per chunk: its source and how many records it held. */
  readonly counts: { readonly source: string; readonly records: number }[];
}

/**
 * Decodes records back-to-back from each chunk until its bytes are exhausted (Flink ML's file
 * reading rule). A partial trailing record is an error naming the chunk and byte offset.
 *
 * @throws ModelDataError on malformed or truncated bytes.
 */
export function decodeRecords<R>(
  codec: Codec<R>,
  chunks: readonly ModelDataChunk[],
): DecodedRecords<R> {
  const records: R[] = [];
  const counts: { source: string; records: number }[] = [];
  for (const chunk of chunks) {
    const input = new DataInputView(chunk.bytes);
    let n = 0;
    while (!input.eof()) {
      const start = input.position;
      try {
        records.push(codec.decode(input));
      } catch (error) {
        if (error instanceof DecodeError) {
          const wrapped = ModelDataError.fromDecodeError(error, chunk.source);
          if (n > 0) {
            // Say that this is trailing garbage after complete records, not a broken first record.
            throw new ModelDataError(
              `${wrapped.message} (record ${n + 1} starting at byte offset ${start}; ` +
                `${n} complete record${n === 1 ? '' : 's'} before it: the data is truncated or has extra bytes)`,
              {
                source: chunk.source,
                offset: wrapped.offset,
                expected: wrapped.expected,
                found: wrapped.found,
                cause: error,
              },
              'MODEL_DATA_DECODE',
            );
          }
          throw wrapped;
        }
        const message = error instanceof Error ? error.message : String(error);
        throw new ModelDataError(
          `Cannot decode model data record ${n + 1} of ${chunk.source} at byte offset ${start}: ${message}`,
          { source: chunk.source, offset: start, cause: error },
          'MODEL_DATA_DECODE',
        );
      }
      n++;
    }
    counts.push({ source: chunk.source, records: n });
  }
  return { records, counts };
}

function noRecords(name: string, chunks: readonly ModelDataChunk[]): ModelDataError {
  const sources =
    chunks.length === 0
      ? 'no model data was given'
      : chunks.map((c) => `${c.source} (0 bytes)`).join(', ');
  return new ModelDataError(
    `${name}: expected at least one model data record, found none: ${sources}.`,
    {
      source: chunks[0]?.source,
      expected: 'a model data record',
      found: 'no bytes',
    },
  );
}

function checkProblem(
  name: string,
  problem: string | undefined,
  chunks: readonly ModelDataChunk[],
): void {
  if (problem === undefined) return;
  const from = chunks.length === 0 ? '' : ` (from ${chunks.map((c) => c.source).join(', ')})`;
  throw new ModelDataError(
    `Invalid ${name}${from}: ${problem}`,
    {
      source: chunks[0]?.source,
    },
    'MODEL_DATA_INVALID',
  );
}
