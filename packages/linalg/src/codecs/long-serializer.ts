import type { DataInputView } from '../data-input-view.js';
import type { DataOutputView } from '../data-output-view.js';
import type { Codec } from './codec.js';

/** Flink's `LongSerializer`: 8 bytes big-endian two's complement, as a `bigint`. */
export const LongSerializer: Codec<bigint> = Object.freeze({
  minEncodedBytes: 8,
  encode(value: bigint, out: DataOutputView): void {
    out.writeLong(value);
  },
  decode(input: DataInputView): bigint {
    return input.readLong();
  },
});
