import { InvalidVectorError } from './errors.js';
import { formatJavaDouble } from './java-format.js';
import { SparseVector } from './sparse-vector.js';
import type { Vector } from './vector.js';

/**
 * A dense vector: every value stored in a `Float64Array`.
 *
 * The constructor takes ownership of a `Float64Array` it is given (no copy); any other array
 * of numbers is copied into a new one.
 *
 * @example
 * ```ts
 * const v = new DenseVector([1, 2, 3]);
 * v.get(1);          // 2
 * v.toString();      // '[1.0, 2.0, 3.0]'
 * ```
 */
export class DenseVector implements Vector {
  readonly kind = 'dense' as const;
  /** The values; writes go straight into the vector. */
  readonly values: Float64Array;

  /** @param values the values, or the dimension of a new all-zero vector. */
  constructor(values: Float64Array | ArrayLike<number> | number) {
    if (typeof values === 'number') {
      if (!Number.isInteger(values) || values < 0) {
        throw new InvalidVectorError(
          `Dense vector size must be a non-negative integer, got ${values}.`,
        );
      }
      this.values = new Float64Array(values);
    } else this.values = values instanceof Float64Array ? values : Float64Array.from(values);
  }

  size(): number {
    return this.values.length;
  }

  /** The value at `i`; throws {@link InvalidVectorError} outside `[0, size)` (as Java does). */
  get(i: number): number {
    const v = this.values[i];
    if (v === undefined) throw outOfBounds(i, this.values.length);
    return v;
  }

  /** Sets the value at `i`; throws {@link InvalidVectorError} outside `[0, size)`. */
  set(i: number, value: number): void {
    if (!(Number.isInteger(i) && i >= 0 && i < this.values.length)) {
      throw outOfBounds(i, this.values.length);
    }
    this.values[i] = value;
  }

  toArray(): Float64Array {
    return this.values;
  }

  toDense(): DenseVector {
    return this;
  }

  toSparse(): SparseVector {
    const values = this.values;
    let nnz = 0;
    for (let i = 0; i < values.length; i++) if (values[i] !== 0) nnz++;
    const idx = new Int32Array(nnz);
    const vals = new Float64Array(nnz);
    for (let i = 0, k = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (v !== 0) {
        idx[k] = i;
        vals[k++] = v;
      }
    }
    return new SparseVector(values.length, idx, vals);
  }

  clone(): DenseVector {
    return new DenseVector(this.values.slice());
  }

  equals(other: unknown): boolean {
    if (!(other instanceof DenseVector)) return false;
    return sameBits(this.values, other.values);
  }

  toString(): string {
    return `[${Array.from(this.values, formatJavaDouble).join(', ')}]`;
  }
}

/** Java's `Arrays.equals(double[], double[])`: element-wise `Object.is`. */
export function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function outOfBounds(i: number, n: number): InvalidVectorError {
  return new InvalidVectorError(`Index out of bounds: ${i} (vector size ${n}).`);
}
