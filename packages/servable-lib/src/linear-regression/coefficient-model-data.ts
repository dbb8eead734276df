import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  type DenseVector,
  DenseVectorSerializer,
} from '@servable/linalg';

/**
 * Model data that is one coefficient vector (no intercept term): the layout Flink ML's
 * `LinearRegressionModelData` and `LinearSVCModelData` share.
 */
export interface CoefficientModelData {
  /** The coefficient. */
  readonly coefficient: DenseVector;
}

/**
 * The binary layout of {@link CoefficientModelData}, byte-exact with Flink ML's
 * `LinearRegressionModelData` / `LinearSVCModelData` `ModelDataEncoder`/`ModelDataDecoder`: one
 * `DenseVectorSerializer` record.
 */
export const CoefficientModelDataCodec: Codec<CoefficientModelData> = Object.freeze({
  minEncodedBytes: 4,
  encode(value: CoefficientModelData, out: DataOutputView): void {
    DenseVectorSerializer.encode(value.coefficient, out);
  },
  decode(input: DataInputView): CoefficientModelData {
    return { coefficient: DenseVectorSerializer.decode(input) };
  },
});
