export type { Vector } from './vector.js';
export { DenseVector } from './dense-vector.js';
export { SparseVector } from './sparse-vector.js';
export { Vectors } from './vectors.js';
export type { Matrix } from './matrix.js';
export { DenseMatrix } from './dense-matrix.js';
export { VectorWithNorm } from './vector-with-norm.js';
export { formatJavaDouble } from './java-format.js';
export {
  LinalgError,
  InvalidVectorError,
  DimensionMismatchError,
  InvalidArgumentError,
  DecodeError,
  EncodeError,
} from './errors.js';
export type { DecodeErrorDetails } from './errors.js';
export { fma } from './fma.js';
export { BLAS, FmaBLAS, blasFor } from './blas.js';
export type { Blas, BlasNumerics } from './blas.js';
export { DataInputView } from './data-input-view.js';
export type { DataInputViewOptions } from './data-input-view.js';
export { DataOutputView } from './data-output-view.js';
export { encodeToBytes, decodeFromBytes, decodeAll } from './codecs/codec.js';
export type { Codec, DecodeOptions } from './codecs/codec.js';
export { DenseVectorSerializer } from './codecs/dense-vector-serializer.js';
export { SparseVectorSerializer } from './codecs/sparse-vector-serializer.js';
export { VectorSerializer } from './codecs/vector-serializer.js';
export { DenseMatrixSerializer } from './codecs/dense-matrix-serializer.js';
export { VectorWithNormSerializer } from './codecs/vector-with-norm-serializer.js';
export { StringSerializer } from './codecs/string-serializer.js';
export { StringArraySerializer } from './codecs/string-array-serializer.js';
export { IntPrimitiveArraySerializer } from './codecs/int-primitive-array-serializer.js';
export { LongPrimitiveArraySerializer } from './codecs/long-primitive-array-serializer.js';
export { DoublePrimitiveArraySerializer } from './codecs/double-primitive-array-serializer.js';
export { IntSerializer } from './codecs/int-serializer.js';
export { LongSerializer } from './codecs/long-serializer.js';
export { DoubleSerializer } from './codecs/double-serializer.js';
export { MapSerializer } from './codecs/map-serializer.js';
