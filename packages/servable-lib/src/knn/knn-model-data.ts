import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  type DenseMatrix,
  DenseMatrixSerializer,
  type DenseVector,
  DenseVectorSerializer,
} from '@servable/linalg';

/**
 * Model data of Flink ML's `KnnModel` (`KnnModelData`): the training points, packed one per
 * column, with their squared norms and labels.
 */
export interface KnnModelData {
  /** `numRows` = feature dimension, `numCols` = number of training points; column j = point j. */
  readonly packedFeatures: DenseMatrix;
  /** `Math.pow(BLAS.norm2(x_j), 2)` of every training point. */
  readonly featureNormSquares: DenseVector;
  /** The label of every training point. */
  readonly labels: DenseVector;
}

/**
 * The binary layout of {@link KnnModelData}, byte-exact with Flink ML's
 * `KnnModelData.ModelDataEncoder`/`ModelDataDecoder`: `DenseMatrixSerializer` (packed features,
 * column-major), then `DenseVectorSerializer` twice (norm squares, labels).
 *
 * @example
 * ```ts
 * encodeToBytes(KnnModelDataCodec, {
 *   packedFeatures: new DenseMatrix(2, 1, [1, 2]),
 *   featureNormSquares: Vectors.dense(5),
 *   labels: Vectors.dense(1),
 * });
 * // 00000002 00000001 3ff0000000000000 4000000000000000 00000001 4014000000000000 00000001 3ff0000000000000
 * ```
 */
export const KnnModelDataCodec: Codec<KnnModelData> = Object.freeze({
  minEncodedBytes: 16,
  encode(value: KnnModelData, out: DataOutputView): void {
    DenseMatrixSerializer.encode(value.packedFeatures, out);
    DenseVectorSerializer.encode(value.featureNormSquares, out);
    DenseVectorSerializer.encode(value.labels, out);
  },
  decode(input: DataInputView): KnnModelData {
    const packedFeatures = DenseMatrixSerializer.decode(input);
    const featureNormSquares = DenseVectorSerializer.decode(input);
    const labels = DenseVectorSerializer.decode(input);
    return { packedFeatures, featureNormSquares, labels };
  },
});

/**
 * Checks that the parts of a {@link KnnModelData} agree: one norm square and one label per
 * packed point. Returns the problem, or `undefined` when consistent.
 */
export function validateKnnModelData(model: KnnModelData): string | undefined {
  const n = model.packedFeatures.numCols();
  if (model.featureNormSquares.size() !== n) {
    return `featureNormSquares has ${model.featureNormSquares.size()} entries but packedFeatures has ${n} points (columns).`;
  }
  if (model.labels.size() !== n) {
    return `labels has ${model.labels.size()} entries but packedFeatures has ${n} points (columns).`;
  }
  return undefined;
}
