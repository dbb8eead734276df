import type { DataInputView } from '../data-input-view.js';
import type { DataOutputView } from '../data-output-view.js';
import type { Codec } from './codec.js';

/** Flink's `LongPrimitiveArraySerializer` (`long[]`): `length:int`, then `length` longs. */
export const LongPrimitiveArraySerializer: Codec<BigInt64Array> = Object.freeze({
  minEncodedBytes: 4,
  encode(value: BigInt64Array, out: DataOutputView): void {
    out.writeInt(value.length);
    for (let i = 0; i < value.length; i++) out.writeLong(value[i]!);
  },
  decode(input: DataInputView): BigInt64Array {
    const at = input.position;
    return input.readLongs(input.readInt(), at);
  },
});
