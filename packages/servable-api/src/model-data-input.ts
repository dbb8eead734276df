import { ModelDataError } from './errors.js';

/**
 * Model data bytes handed to `setModelData`: the whole bytes, a Node.js readable stream (e.g.
 * `fs.createReadStream`), or any (async) iterable of byte chunks (e.g. a Kafka message batch, a
 * `fetch` body reader adapted to an iterator).
 *
 * Each holds zero or more encoded model data records back-to-back, exactly as a file in a saved
 * model's `data/` directory (Flink ML's `ModelServable.setModelData(InputStream...)`).
 */
export type ModelDataBytes =
  | Uint8Array
  | NodeJS.ReadableStream
  | AsyncIterable<Uint8Array>
  | Iterable<Uint8Array>;

/**
 * Model data bytes together with the name of where they came from, used in error messages
 * instead of `setModelData input #<i>`: a file path, a Kafka record's `topic/partition@offset`,
 * a URL.
 *
 * @example
 * ```ts
 * await servable.setModelData({ source: 'models/2@17', data: record.value });
 * // ModelDataError: Cannot decode model data from models/2@17: expected ... at byte offset 12, ...
 * ```
 */
export interface NamedModelDataInput {
  /** Where the bytes came from; error messages and `ModelDataError.source` name it. */
  readonly source: string;
  /** The bytes (or a stream or iterable of them). */
  readonly data: ModelDataBytes;
}

/**
 * One source of model data handed to `setModelData` / `prepareModelData`: its bytes (see
 * {@link ModelDataBytes}), named `setModelData input #<i>` in errors, or a
 * {@link NamedModelDataInput} that names itself.
 */
export type ModelDataInput = ModelDataBytes | NamedModelDataInput;

/** Whether `input` is a {@link NamedModelDataInput} (`{ source, data }`). */
export function isNamedModelDataInput(input: ModelDataInput): input is NamedModelDataInput {
  return (
    !(input instanceof Uint8Array) &&
    typeof (input as Partial<NamedModelDataInput>).source === 'string' &&
    'data' in input
  );
}

/** Model data bytes together with a name for error messages (a file path or `input #i`). */
export interface ModelDataChunk {
  /**
   * Where the bytes came from: a file path, a {@link NamedModelDataInput}'s source or
   * `setModelData input #<i>`.
   */
  readonly source: string;
  /** The bytes. */
  readonly bytes: Uint8Array;
}

/**
 * Reads a {@link ModelDataInput} to the end and returns its bytes (a `Uint8Array` is returned
 * as is, without a copy).
 *
 * @param source names the input in errors; a {@link NamedModelDataInput}'s own `source` wins.
 * @throws ModelDataError naming the source when the stream fails or yields something that is
 *   not bytes.
 */
export async function readModelDataInput(
  input: ModelDataInput,
  source: string,
): Promise<Uint8Array> {
  if (isNamedModelDataInput(input)) return readModelDataInput(input.data, input.source);
  if (input instanceof Uint8Array) return input;
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const iterable = toIterable(input, source);
    for await (const chunk of iterable) {
      const bytes = toBytes(chunk, source, total);
      chunks.push(bytes);
      total += bytes.length;
    }
  } catch (error) {
    if (error instanceof ModelDataError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ModelDataError(
      `Failed to read model data from ${source} after ${total} bytes: ${message}`,
      { source, offset: total, cause: error },
      'MODEL_DATA_READ',
    );
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toIterable(
  input: Exclude<ModelDataBytes, Uint8Array>,
  source: string,
): AsyncIterable<unknown> | Iterable<unknown> {
  if (typeof (input as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    return input as AsyncIterable<unknown>;
  }
  if (typeof (input as Iterable<unknown>)[Symbol.iterator] === 'function') {
    return input as Iterable<unknown>;
  }
  throw new ModelDataError(
    `${source} is not model data: expected a Uint8Array, a readable stream or an iterable of ` +
      `Uint8Array chunks, found ${describe(input)}.`,
    { source, expected: 'bytes', found: describe(input) },
    'MODEL_DATA_READ',
  );
}

function toBytes(chunk: unknown, source: string, offset: number): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') {
    throw new ModelDataError(
      `${source} yielded a string at byte offset ${offset}; model data is binary (do not set an ` +
        'encoding on the stream).',
      { source, offset, expected: 'Uint8Array chunk', found: 'string' },
      'MODEL_DATA_READ',
    );
  }
  throw new ModelDataError(
    `${source} yielded ${describe(chunk)} at byte offset ${offset}, expected a Uint8Array chunk.`,
    { source, offset, expected: 'Uint8Array chunk', found: describe(chunk) },
    'MODEL_DATA_READ',
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}
