export type { Blas, BlasNumerics } from './blas.js';
export { BLAS, blasFor, FmaBLAS } from './blas.js';
export type { Codec, DecodeOptions } from './codecs/codec.js';
export { decodeAll, decodeFromBytes, encodeToBytes } from './codecs/codec.js';
export { DenseMatrixSerializer } from './codecs/dense-matrix-serializer.js';
export { DenseVectorSerializer } from './codecs/dense-vector-serializer.js';
export { DoublePrimitiveArraySerializer } from './codecs/double-primitive-array-serializer.js';
export { DoubleSerializer } from './codecs/double-serializer.js';
export { IntPrimitiveArraySerializer } from './codecs/int-primitive-array-serializer.js';
export { IntSerializer } from './codecs/int-serializer.js';
export { LongPrimitiveArraySerializer } from './codecs/long-primitive-array-serializer.js';
export { LongSerializer } from './codecs/long-serializer.js';
export { MapSerializer } from './codecs/map-serializer.js';
export { SparseVectorSerializer } from './codecs/sparse-vector-serializer.js';
export { StringArraySerializer } from './codecs/string-array-serializer.js';
export { StringSerializer } from './codecs/string-serializer.js';
export { VectorSerializer } from './codecs/vector-serializer.js';
export { VectorWithNormSerializer } from './codecs/vector-with-norm-serializer.js';
export type { DataInputViewOptions } from './data-input-view.js';
export { DataInputView } from './data-input-view.js';
export { DataOutputView } from './data-output-view.js';
export { DenseMatrix } from './dense-matrix.js';
export { DenseVector } from './dense-vector.js';
export type { DecodeErrorDetails } from './errors.js';
export {
  DecodeError,
  DimensionMismatchError,
  EncodeError,
  InvalidArgumentError,
  InvalidVectorError,
  LinalgError,
} from './errors.js';
export { allocFloat64Array } from './float64-array-pool.js';
export { fma } from './fma.js';
export { formatJavaDouble, formatJavaFloat } from './java-format.js';
export type { Matrix } from './matrix.js';
export { type PreparedDot, prepareDot } from './prepared-dot.js';
export { SparseVector } from './sparse-vector.js';
export type { Vector } from './vector.js';
export { VectorWithNorm } from './vector-with-norm.js';
export { Vectors } from './vectors.js';
