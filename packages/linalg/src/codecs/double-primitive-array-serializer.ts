import type { DataInputView } from '../data-input-view.js';
import type { DataOutputView } from '../data-output-view.js';
import type { Codec } from './codec.js';

/** Flink's `DoublePrimitiveArraySerializer` (`double[]`): `length:int`, then `length` doubles. */
export const DoublePrimitiveArraySerializer: Codec<Float64Array> = Object.freeze({
  minEncodedBytes: 4,
  encode(value: Float64Array, out: DataOutputView): void {
    out.writeInt(value.length);
    for (let i = 0; i < value.length; i++) out.writeDouble(value[i]!);
  },
  decode(input: DataInputView): Float64Array {
    const at = input.position;
    return input.readDoubles(input.readInt(), at);
  },
});
