import type { DataInputView } from '../data-input-view.js';
import type { DataOutputView } from '../data-output-view.js';
import type { Codec } from './codec.js';

/** Flink's `DoubleSerializer`: 8 bytes big-endian IEEE-754 (NaN written canonically). */
export const DoubleSerializer: Codec<number> = Object.freeze({
  minEncodedBytes: 8,
  encode(value: number, out: DataOutputView): void {
    out.writeDouble(value);
  },
  decode(input: DataInputView): number {
    return input.readDouble();
  },
});
