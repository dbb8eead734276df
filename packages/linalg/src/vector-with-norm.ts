import { BLAS } from './blas.js';
import type { Vector } from './vector.js';

/**
 * A vector paired with its L2 norm, as Flink ML's `VectorWithNorm` (KMeans, KNN and LSH keep
 * norms next to their vectors to speed up distance computations).
 *
 * @example
 * ```ts
 * new VectorWithNorm(Vectors.dense(3, 4)).l2Norm; // 5
 * ```
 */
export class VectorWithNorm {
  /** The vector. */
  readonly vector: Vector;
  /** Its L2 norm (or whatever the caller passed, e.g. a norm decoded from model data). */
  readonly l2Norm: number;

  /**
   * @param l2Norm the norm; omitted → `BLAS.norm2(vector)` (plain arithmetic; pass
   *   `FmaBLAS.norm2(vector)` to match Java 11+ bit for bit).
   */
  constructor(vector: Vector, l2Norm: number = BLAS.norm2(vector)) {
    this.vector = vector;
    this.l2Norm = l2Norm;
  }

  /** Bitwise-equal norm and an equal vector (see {@link Vector.equals}). */
  equals(other: unknown): boolean {
    return (
      other instanceof VectorWithNorm &&
      Object.is(other.l2Norm, this.l2Norm) &&
      this.vector.equals(other.vector)
    );
  }
}
