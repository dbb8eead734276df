import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  DenseVector,
  DenseVectorSerializer,
} from '@servable/linalg';

/**
 * MaxAbsScalerModel's model data (Flink ML `MaxAbsScalerModelData`): the maximum absolute value
 * of each feature. Also holds the derived scales `maxVector_i != 0 ? 1 / maxVector_i : 1`.
 */
export class MaxAbsScalerModelData {
  /** Per feature, the maximum absolute value seen in training (implicit zeros included). */
  readonly maxVector: DenseVector;
  /** Per feature, the factor the transform multiplies by. */
  readonly scale: Float64Array;

  constructor(maxVector: DenseVector) {
    this.maxVector = maxVector;
    const max = maxVector.values;
    const scale = new Float64Array(max.length);
    for (let i = 0; i < max.length; i++) {
      const m = max[i] as number;
      scale[i] = m !== 0 ? 1.0 / m : 1.0;
    }
    this.scale = scale;
  }
}

/** The record codec: the DenseVector `maxVector`. */
export const MaxAbsScalerModelDataCodec: Codec<MaxAbsScalerModelData> = Object.freeze({
  minEncodedBytes: 4,
  encode(value: MaxAbsScalerModelData, out: DataOutputView): void {
    DenseVectorSerializer.encode(value.maxVector, out);
  },
  decode(input: DataInputView): MaxAbsScalerModelData {
    return new MaxAbsScalerModelData(DenseVectorSerializer.decode(input));
  },
});

/** Builds model data from the per-feature maxima. */
export function maxAbsScalerModelData(maxVector: ArrayLike<number>): MaxAbsScalerModelData {
  return new MaxAbsScalerModelData(new DenseVector(Float64Array.from(maxVector)));
}
