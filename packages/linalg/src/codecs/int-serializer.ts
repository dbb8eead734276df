import type { DataInputView } from '../data-input-view.js';
import type { DataOutputView } from '../data-output-view.js';
import type { Codec } from './codec.js';

/** Flink's `IntSerializer`: 4 bytes big-endian two's complement. */
export const IntSerializer: Codec<number> = Object.freeze({
  minEncodedBytes: 4,
  encode(value: number, out: DataOutputView): void {
    out.writeInt(value);
  },
  decode(input: DataInputView): number {
    return input.readInt();
  },
});
