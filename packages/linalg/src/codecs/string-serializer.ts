import type { DataInputView } from '../data-input-view.js';
import type { DataOutputView } from '../data-output-view.js';
import type { Codec } from './codec.js';

/**
 * Flink's `StringSerializer` (`StringValue.writeString` / `readString`): `0x00` for null, else a
 * varint of `length + 1` followed by each UTF-16 code unit as a varint (not UTF-8: surrogate
 * pairs are two code units, unpaired surrogates round-trip).
 *
 * @example
 * ```ts
 * encodeToBytes(StringSerializer, 'ab'); // 03 61 62
 * encodeToBytes(StringSerializer, null); // 00
 * ```
 */
export const StringSerializer: Codec<string | null> = Object.freeze({
  minEncodedBytes: 1,
  encode(value: string | null, out: DataOutputView): void {
    out.writeString(value);
  },
  decode(input: DataInputView): string | null {
    return input.readString();
  },
});
