import { DataInputView } from '../data-input-view.js';
import { DataOutputView } from '../data-output-view.js';
import { DecodeError } from '../errors.js';

/**
 * A binary encoding of values of type `T`, byte-exact with a Flink (ML) `TypeSerializer`.
 * Model-data decoders are composed from these.
 */
export interface Codec<T> {
  /** Appends the encoding of `value` to `out`. */
  encode(value: T, out: DataOutputView): void;
  /**
   * Reads one value from `input`, leaving it positioned after the value.
   *
   * @throws {DecodeError} when the bytes are truncated or malformed; never returns a partly
   *   filled value.
   */
  decode(input: DataInputView): T;
  /**
   * The fewest bytes any encoded value takes; container codecs use it to reject impossible
   * element counts before allocating. Omitted → 1.
   */
  readonly minEncodedBytes?: number;
}

/** Options of {@link decodeFromBytes} and {@link decodeAll}. */
export interface DecodeOptions {
  /** File or stream name to put into errors. */
  readonly source?: string;
}

/** The bytes of one encoded value. */
export function encodeToBytes<T>(codec: Codec<T>, value: T): Uint8Array {
  const out = new DataOutputView();
  codec.encode(value, out);
  return out.toBytes();
}

/**
 * Decodes exactly one value that must span all of `bytes`.
 *
 * @throws {DecodeError} when the bytes are malformed, truncated or have bytes left over.
 */
export function decodeFromBytes<T>(
  codec: Codec<T>,
  bytes: Uint8Array,
  options: DecodeOptions = {},
): T {
  const input = new DataInputView(bytes, options);
  const value = codec.decode(input);
  if (!input.eof()) {
    throw new DecodeError({
      offset: input.position,
      expected: 'end of input after one value',
      found: `${input.remaining} more bytes`,
      source: options.source,
    });
  }
  return value;
}

/**
 * Decodes values back to back until the bytes are exhausted, as Flink ML reads a model-data
 * file (records concatenated without framing). A partial trailing record throws.
 *
 * @throws {DecodeError} when any record is malformed or truncated.
 */
export function decodeAll<T>(codec: Codec<T>, bytes: Uint8Array, options: DecodeOptions = {}): T[] {
  const input = new DataInputView(bytes, options);
  const values: T[] = [];
  while (!input.eof()) values.push(codec.decode(input));
  return values;
}
