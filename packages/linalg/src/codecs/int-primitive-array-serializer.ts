import type { DataInputView } from '../data-input-view.js';
import type { DataOutputView } from '../data-output-view.js';
import type { Codec } from './codec.js';

/** Flink's `IntPrimitiveArraySerializer` (`int[]`): `length:int`, then `length` ints. */
export const IntPrimitiveArraySerializer: Codec<Int32Array> = Object.freeze({
  minEncodedBytes: 4,
  encode(value: Int32Array, out: DataOutputView): void {
    out.writeInt(value.length);
    for (let i = 0; i < value.length; i++) out.writeInt(value[i]!);
  },
  decode(input: DataInputView): Int32Array {
    const at = input.position;
    return input.readInts(input.readInt(), at);
  },
});
