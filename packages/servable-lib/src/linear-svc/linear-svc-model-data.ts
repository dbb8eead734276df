import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  type DenseVector,
  DenseVectorSerializer,
} from '@servable/linalg';

/** Model data of Flink ML's `LinearSVCModel` (`LinearSVCModelData`): the coefficient vector. */
export interface LinearSVCModelData {
  /** The coefficient (no intercept term: training appends none). */
  readonly coefficient: DenseVector;
}

/**
 * The binary layout of {@link LinearSVCModelData}, byte-exact with Flink ML's
 * `LinearSVCModelData.ModelDataEncoder`/`ModelDataDecoder`: one `DenseVectorSerializer` record.
 *
 * @example
 * ```ts
 * encodeToBytes(LinearSVCModelDataCodec, { coefficient: Vectors.dense(0.47, -0.273) });
 * // 00000002 3fde147ae147ae14 bfd178d4fdf3b646
 * ```
 */
export const LinearSVCModelDataCodec: Codec<LinearSVCModelData> = Object.freeze({
  minEncodedBytes: 4,
  encode(value: LinearSVCModelData, out: DataOutputView): void {
    DenseVectorSerializer.encode(value.coefficient, out);
  },
  decode(input: DataInputView): LinearSVCModelData {
    return { coefficient: DenseVectorSerializer.decode(input) };
  },
});
