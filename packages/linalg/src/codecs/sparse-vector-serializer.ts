import type { DataInputView } from '../data-input-view.js';
import type { DataOutputView } from '../data-output-view.js';
import { InvalidVectorError } from '../errors.js';
import { SparseVector } from '../sparse-vector.js';
import type { Codec } from './codec.js';

/**
 * Flink ML's `SparseVectorSerializer`: `n:int`, `nnz:int`, then `nnz` pairs
 * (`index:int`, `value:double`) interleaved. Decoding sorts unsorted indices as Java's
 * `SparseVector` constructor does; a negative size or count, an index outside `[0, n)` or a
 * duplicate index throws {@link DecodeError}.
 *
 * @example
 * ```ts
 * encodeToBytes(SparseVectorSerializer, Vectors.sparse(5, [1, 3], [0.5, -2]));
 * // 00000005 00000002 00000001 3fe0000000000000 00000003 c000000000000000
 * ```
 */
export const SparseVectorSerializer: Codec<SparseVector> = Object.freeze({
  minEncodedBytes: 8,
  encode(value: SparseVector, out: DataOutputView): void {
    const idx = value.indices;
    const vals = value.values;
    out.writeInt(value.n);
    out.writeInt(idx.length);
    for (let k = 0; k < idx.length; k++) {
      out.writeInt(idx[k]!);
      out.writeDouble(vals[k]!);
    }
  },
  decode(input: DataInputView): SparseVector {
    const start = input.position;
    const n = input.readInt();
    if (n < 0) throw input.error('a non-negative sparse vector size', `${n}`, start);
    const nnzAt = input.position;
    const nnz = input.readInt();
    input.requireElements(nnz, 12, 'sparse entries (index:int, value:double)', nnzAt);
    const indices = new Int32Array(nnz);
    const values = new Float64Array(nnz);
    for (let k = 0; k < nnz; k++) {
      const at = input.position;
      const i = input.readInt();
      if (i < 0 || i >= n) {
        throw input.error(`a sparse vector index in [0, ${n})`, `${i} (entry ${k})`, at);
      }
      indices[k] = i;
      values[k] = input.readDouble();
    }
    try {
      return SparseVector.fromUnsorted(n, indices, values);
    } catch (e) {
      if (e instanceof InvalidVectorError) {
        throw input.error('distinct sparse vector indices', e.message, nnzAt + 4);
      }
      throw e;
    }
  },
});
