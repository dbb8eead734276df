import { sameBits } from './dense-vector.js';
import { InvalidVectorError } from './errors.js';
import type { Matrix } from './matrix.js';

/**
 * A dense matrix stored column-major: element `(i, j)` is `values[j * numRows + i]`, as Flink
 * ML's `DenseMatrix` (and its serializer) lays it out.
 *
 * @example
 * ```ts
 * const m = new DenseMatrix(2, 3, [1, 2, 3, 4, 5, 6]); // columns [1,2], [3,4], [5,6]
 * m.get(1, 2); // 6
 * ```
 */
export class DenseMatrix implements Matrix {
  /** Column-major values; writes go straight into the matrix. */
  readonly values: Float64Array;
  private readonly rows: number;
  private readonly cols: number;

  /**
   * @param values column-major values (`numRows * numCols` of them); omitted → all zeros. A
   *   `Float64Array` is used without a copy.
   */
  constructor(numRows: number, numCols: number, values?: Float64Array | ArrayLike<number>) {
    if (!Number.isInteger(numRows) || numRows < 0 || !Number.isInteger(numCols) || numCols < 0) {
      throw new InvalidVectorError(
        `Matrix dimensions must be non-negative integers, got ${numRows}x${numCols}.`,
      );
    }
    const data =
      values === undefined
        ? new Float64Array(numRows * numCols)
        : values instanceof Float64Array
          ? values
          : Float64Array.from(values);
    if (data.length !== numRows * numCols) {
      throw new InvalidVectorError(
        `A ${numRows}x${numCols} matrix needs ${numRows * numCols} values, got ${data.length}.`,
      );
    }
    this.rows = numRows;
    this.cols = numCols;
    this.values = data;
  }

  numRows(): number {
    return this.rows;
  }

  numCols(): number {
    return this.cols;
  }

  /** Element `(i, j)`; throws {@link InvalidVectorError} outside the matrix. */
  get(i: number, j: number): number {
    this.check(i, j);
    return this.values[j * this.rows + i] as number;
  }

  /** Sets element `(i, j)` in place; throws {@link InvalidVectorError} outside the matrix. */
  set(i: number, j: number, value: number): void {
    this.check(i, j);
    this.values[j * this.rows + i] = value;
  }

  private check(i: number, j: number): void {
    if (
      !(
        Number.isInteger(i) &&
        Number.isInteger(j) &&
        i >= 0 &&
        i < this.rows &&
        j >= 0 &&
        j < this.cols
      )
    ) {
      throw new InvalidVectorError(
        `Matrix index (${i}, ${j}) out of bounds for a ${this.rows}x${this.cols} matrix.`,
      );
    }
  }

  toDense(): DenseMatrix {
    return this;
  }

  /** Same dimensions and bitwise-equal values. */
  equals(other: unknown): boolean {
    return (
      other instanceof DenseMatrix &&
      other.rows === this.rows &&
      other.cols === this.cols &&
      sameBits(this.values, other.values)
    );
  }
}
