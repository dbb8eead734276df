import type { DenseVector } from './dense-vector.js';
import type { SparseVector } from './sparse-vector.js';

/**
 * A vector of doubles: either a {@link DenseVector} or a {@link SparseVector}.
 *
 * Mirrors Flink ML's `org.apache.flink.ml.linalg.Vector`, including its equality rule (values
 * compared bit for bit, so `NaN` equals `NaN` and `0.0` differs from `-0.0`) and its string
 * form (`[1.0, 2.0]` for dense, `(3, [0, 2], [1.0, 2.0])` for sparse).
 */
export interface Vector {
  /** Which kind of vector this is; lets code switch on it without `instanceof`. */
  readonly kind: 'dense' | 'sparse';
  /** The vector's dimension. */
  size(): number;
  /** The value at index `i` (0 for an index a sparse vector does not store). */
  get(i: number): number;
  /** Sets the value at index `i` in place. */
  set(i: number, value: number): void;
  /**
   * The values as a dense array. A dense vector returns its backing array (no copy, as in
   * Java); a sparse vector returns a new array.
   */
  toArray(): Float64Array;
  /** A dense vector with the same values (a dense vector returns itself). */
  toDense(): DenseVector;
  /**
   * A sparse vector with the same values (a sparse vector returns itself). Converting a dense
   * vector keeps every entry that is not `0.0` or `-0.0` (NaN is kept).
   */
  toSparse(): SparseVector;
  /** A deep copy. */
  clone(): Vector;
  /** Bitwise equality with another vector of the same kind (Java's `equals`). */
  equals(other: unknown): boolean;
  /** Java's string form of the vector. */
  toString(): string;
}
