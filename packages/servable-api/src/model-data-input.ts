import { ModelDataError } from './errors.js';

/**
 * One source of model data bytes handed to `setModelData`: the whole bytes, a Node.js readable
 * stream (e.g. `fs.createReadStream`), or any (async) iterable of byte chunks (e.g. a Kafka
 * message batch, a `fetch` body reader adapted to an iterator).
 *
 * Each input holds zero or more encoded model data records back-to-back, exactly as a file in a
 * saved model's `data/` directory (Flink ML's `ModelServable.setModelData(InputStream...)`).
 */
export type ModelDataInput =
  | Uint8Array
  | NodeJS.ReadableStream
  | AsyncIterable<Uint8Array>
  | Iterable<Uint8Array>;

/** Model data bytes together with a name for error messages (a file path or `input #i`). */
export interface ModelDataChunk {
  /** Where the bytes came from: a file path or `setModelData input #<i>`. */
  readonly source: string;
  /** The bytes. */
  readonly bytes: Uint8Array;
}

/**
 * Reads a {@link ModelDataInput} to the end and returns its bytes (a `Uint8Array` is returned
 * as is, without a copy).
 *
 * @throws ModelDataError naming `source` when the stream fails or yields something that is not
 *   bytes.
 */
export async function readModelDataInput(
  input: ModelDataInput,
  source: string,
): Promise<Uint8Array> {
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
  input: Exclude<ModelDataInput, Uint8Array>,
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
