import type { DenseMatrix } from './dense-matrix.js';

/** A matrix of doubles, as Flink ML's `Matrix`. */
export interface Matrix {
  /** Number of rows. */
  numRows(): number;
  /** Number of columns. */
  numCols(): number;
  /** The value at row `i`, column `j`. */
  get(i: number, j: number): number;
  /** A dense matrix with the same values. */
  toDense(): DenseMatrix;
}
