export type { Vector } from './vector.js';
export { DenseVector } from './dense-vector.js';
export { SparseVector } from './sparse-vector.js';
export { Vectors } from './vectors.js';
export type { Matrix } from './matrix.js';
export { DenseMatrix } from './dense-matrix.js';
export { formatJavaDouble } from './java-format.js';
export { LinalgError, InvalidVectorError, DimensionMismatchError } from './errors.js';
