import { DenseVector } from './dense-vector.js';
import { SparseVector } from './sparse-vector.js';

/**
 * Factories for vectors, as Flink ML's `Vectors`.
 *
 * @example
 * ```ts
 * Vectors.dense(1, 2, 3);              // [1.0, 2.0, 3.0]
 * Vectors.sparse(4, [3, 1], [7, 5]);   // (4, [1, 3], [5.0, 7.0])  (indices sorted)
 * ```
 */
export const Vectors = {
  /** A dense vector of the given values. */
  dense(...values: number[]): DenseVector {
    return new DenseVector(Float64Array.from(values));
  },
  /** A dense vector over an existing array (a `Float64Array` is used without a copy). */
  denseOf(values: Float64Array | ArrayLike<number>): DenseVector {
    return new DenseVector(values);
  },
  /**
   * A sparse vector of dimension `n`. Indices may come in any order (values move with them,
   * as in Java); duplicates, out-of-range indices and mismatched lengths throw.
   */
  sparse(n: number, indices: ArrayLike<number>, values: ArrayLike<number>): SparseVector {
    return SparseVector.fromUnsorted(n, indices, values);
  },
} as const;
