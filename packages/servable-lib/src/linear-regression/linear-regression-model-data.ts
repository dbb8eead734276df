import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  type DenseVector,
  DenseVectorSerializer,
} from '@servable/linalg';

/** Model data of Flink ML's `LinearRegressionModel` (`LinearRegressionModelData`): the coefficient vector. */
export interface LinearRegressionModelData {
  /** The coefficient (the prediction has no intercept term). */
  readonly coefficient: DenseVector;
}

/**
 * The binary layout of {@link LinearRegressionModelData}, byte-exact with Flink ML's
 * `LinearRegressionModelData.ModelDataEncoder`/`ModelDataDecoder`: one `DenseVectorSerializer` record.
 *
 * @example
 * ```ts
 * encodeToBytes(LinearRegressionModelDataCodec, { coefficient: Vectors.dense(1.141) });
 * // 00000001 3ff24189374bc6a8
 * ```
 */
export const LinearRegressionModelDataCodec: Codec<LinearRegressionModelData> = Object.freeze({
  minEncodedBytes: 4,
  encode(value: LinearRegressionModelData, out: DataOutputView): void {
    DenseVectorSerializer.encode(value.coefficient, out);
  },
  decode(input: DataInputView): LinearRegressionModelData {
    return { coefficient: DenseVectorSerializer.decode(input) };
  },
});
