import type { DataInputView } from '../data-input-view.js';
import type { DataOutputView } from '../data-output-view.js';
import { DenseVector } from '../dense-vector.js';
import type { Codec } from './codec.js';

/**
 * Flink ML's `DenseVectorSerializer`: `length:int`, then `length` doubles (big-endian).
 *
 * @example
 * ```ts
 * encodeToBytes(DenseVectorSerializer, Vectors.dense(1, 2));
 * // 00000002 3ff0000000000000 4000000000000000
 * ```
 */
export const DenseVectorSerializer: Codec<DenseVector> = Object.freeze({
  minEncodedBytes: 4,
  encode(value: DenseVector, out: DataOutputView): void {
    const values = value.values;
    out.writeInt(values.length);
    for (let i = 0; i < values.length; i++) out.writeDouble(values[i]!);
  },
  decode(input: DataInputView): DenseVector {
    const at = input.position;
    const len = input.readInt();
    return new DenseVector(input.readDoubles(len, at));
  },
});
