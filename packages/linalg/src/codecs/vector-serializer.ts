import type { DataInputView } from '../data-input-view.js';
import type { DataOutputView } from '../data-output-view.js';
import type { DenseVector } from '../dense-vector.js';
import type { SparseVector } from '../sparse-vector.js';
import type { Vector } from '../vector.js';
import type { Codec } from './codec.js';
import { DenseVectorSerializer } from './dense-vector-serializer.js';
import { SparseVectorSerializer } from './sparse-vector-serializer.js';

/**
 * Flink ML's `VectorSerializer` (any {@link Vector}): one type byte, `0x00` followed by the
 * {@link DenseVectorSerializer} layout, any other value (Java writes `0x01`) followed by the
 * {@link SparseVectorSerializer} layout.
 */
export const VectorSerializer: Codec<Vector> = Object.freeze({
  minEncodedBytes: 5,
  encode(value: Vector, out: DataOutputView): void {
    if (value.kind === 'dense') {
      out.writeByte(0);
      DenseVectorSerializer.encode(value as DenseVector, out);
    } else {
      out.writeByte(1);
      SparseVectorSerializer.encode(value as SparseVector, out);
    }
  },
  decode(input: DataInputView): Vector {
    const type = input.readByte();
    return type === 0 ? DenseVectorSerializer.decode(input) : SparseVectorSerializer.decode(input);
  },
});
