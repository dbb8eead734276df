import { DenseVector, sameBits } from './dense-vector.js';
import { InvalidVectorError } from './errors.js';
import { formatJavaDouble } from './java-format.js';
import type { Vector } from './vector.js';

/**
 * A sparse vector of dimension `n`: strictly increasing `indices` in `[0, n)` and the `values`
 * stored at them. Explicit zeros are allowed and kept.
 *
 * The constructor is strict and copies nothing it need not: `Int32Array` / `Float64Array`
 * arguments become the vector's storage. It throws {@link InvalidVectorError} for unsorted,
 * duplicate or out-of-range indices and for mismatched lengths. To build one from unsorted
 * indices as Flink ML's Java constructor allows, use {@link SparseVector.fromUnsorted} (or
 * `Vectors.sparse`).
 *
 * @example
 * ```ts
 * const v = new SparseVector(5, [1, 3], [0.5, -2]);
 * v.get(3);        // -2
 * v.get(0);        // 0
 * v.toString();    // '(5, [1, 3], [0.5, -2.0])'
 * ```
 */
export class SparseVector implements Vector {
  readonly kind = 'sparse' as const;
  /** The dimension. */
  readonly n: number;
  /** The stored indices, strictly increasing. */
  indices: Int32Array;
  /** The stored values, one per index. */
  values: Float64Array;

  constructor(
    n: number,
    indices: Int32Array | ArrayLike<number>,
    values: Float64Array | ArrayLike<number>,
  ) {
    if (!Number.isInteger(n) || n < 0) {
      throw new InvalidVectorError(`Sparse vector size must be a non-negative integer, got ${n}.`);
    }
    const idx = indices instanceof Int32Array ? indices : toInt32Array(indices);
    const vals = values instanceof Float64Array ? values : Float64Array.from(values);
    validateSparse(n, idx, vals);
    this.n = n;
    this.indices = idx;
    this.values = vals;
  }

  /**
   * Builds a sparse vector from indices in any order, moving each value with its index (Flink
   * ML's Java constructor does the same), then validates as the constructor does.
   */
  static fromUnsorted(
    n: number,
    indices: ArrayLike<number>,
    values: ArrayLike<number>,
  ): SparseVector {
    if (indices.length !== values.length) {
      throw new InvalidVectorError(
        `Sparse vector has ${indices.length} indices but ${values.length} values; they must be the same.`,
      );
    }
    // Validate (and copy) first: Int32Array.from would silently turn 1.5 into 1 and NaN into 0.
    const given = toInt32Array(indices);
    let sorted = true;
    for (let i = 1; i < given.length; i++) {
      if ((given[i] as number) < (given[i - 1] as number)) {
        sorted = false;
        break;
      }
    }
    if (sorted) return new SparseVector(n, given, Float64Array.from(values));
    const order = Array.from({ length: given.length }, (_, i) => i).sort(
      (a, b) => (given[a] as number) - (given[b] as number),
    );
    const idx = new Int32Array(order.length);
    const vals = new Float64Array(order.length);
    order.forEach((from, to) => {
      idx[to] = given[from] as number;
      vals[to] = values[from] as number;
    });
    return new SparseVector(n, idx, vals);
  }

  size(): number {
    return this.n;
  }

  /** Index of `i` among the stored indices, or `-(insertion point) - 1`. */
  private find(i: number): number {
    const idx = this.indices;
    let lo = 0;
    let hi = idx.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = idx[mid] as number;
      if (v < i) lo = mid + 1;
      else if (v > i) hi = mid - 1;
      else return mid;
    }
    return -(lo + 1);
  }

  get(i: number): number {
    const pos = this.find(i);
    return pos >= 0 ? (this.values[pos] as number) : 0;
  }

  /**
   * Sets index `i`: overwrites a stored entry; inserts a new one only when `value` is not 0
   * (as Flink ML does). Throws {@link InvalidVectorError} when `i` is outside `[0, n)`.
   */
  set(i: number, value: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.n) {
      throw new InvalidVectorError(`Index out of bounds: ${i} (vector size ${this.n}).`);
    }
    const pos = this.find(i);
    if (pos >= 0) {
      this.values[pos] = value;
      return;
    }
    if (value === 0) return;
    const at = -pos - 1;
    const idx = new Int32Array(this.indices.length + 1);
    const vals = new Float64Array(this.values.length + 1);
    idx.set(this.indices.subarray(0, at));
    vals.set(this.values.subarray(0, at));
    idx[at] = i;
    vals[at] = value;
    idx.set(this.indices.subarray(at), at + 1);
    vals.set(this.values.subarray(at), at + 1);
    this.indices = idx;
    this.values = vals;
  }

  toArray(): Float64Array {
    const out = new Float64Array(this.n);
    const idx = this.indices;
    const vals = this.values;
    for (let k = 0; k < idx.length; k++) out[idx[k] as number] = vals[k] as number;
    return out;
  }

  toDense(): DenseVector {
    return new DenseVector(this.toArray());
  }

  toSparse(): SparseVector {
    return this;
  }

  clone(): SparseVector {
    return new SparseVector(this.n, this.indices.slice(), this.values.slice());
  }

  equals(other: unknown): boolean {
    if (!(other instanceof SparseVector) || other.n !== this.n) return false;
    const a = this.indices;
    const b = other.indices;
    if (a.length !== b.length) return false;
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
    return sameBits(this.values, other.values);
  }

  toString(): string {
    return `(${this.n}, [${Array.from(this.indices).join(', ')}], [${Array.from(
      this.values,
      formatJavaDouble,
    ).join(', ')}])`;
  }
}

function toInt32Array(indices: ArrayLike<number>): Int32Array {
  const out = new Int32Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    if (!Number.isInteger(i) || i < -2147483648 || i > 2147483647) {
      throw new InvalidVectorError(
        `Sparse vector index ${i} at position ${k} is not a 32-bit integer.`,
      );
    }
    out[k] = i;
  }
  return out;
}

function validateSparse(n: number, idx: Int32Array, vals: Float64Array): void {
  if (idx.length !== vals.length) {
    throw new InvalidVectorError(
      `Sparse vector has ${idx.length} indices but ${vals.length} values; they must be the same.`,
    );
  }
  let prev = -1;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k] as number;
    if (i < 0 || i >= n) {
      throw new InvalidVectorError(
        `Sparse vector index ${i} at position ${k} is out of bounds for size ${n}.`,
      );
    }
    if (i === prev) {
      throw new InvalidVectorError(`Sparse vector index ${i} is duplicated (position ${k}).`);
    }
    if (i < prev) {
      throw new InvalidVectorError(
        `Sparse vector indices must be sorted: ${i} at position ${k} follows ${prev}. Use SparseVector.fromUnsorted or Vectors.sparse to sort them.`,
      );
    }
    prev = i;
  }
}
