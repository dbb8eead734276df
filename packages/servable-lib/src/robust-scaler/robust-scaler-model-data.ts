import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  DenseVector,
  DenseVectorSerializer,
} from '@servable/linalg';

/**
 * RobustScalerModel's model data (Flink ML `RobustScalerModelData`): per-feature medians and
 * quantile ranges. Also holds the derived scales `range_i == 0 ? 0 : 1 / range_i`.
 */
export class RobustScalerModelData {
  /** Per feature, the median. */
  readonly medians: DenseVector;
  /** Per feature, the quantile range (upper − lower quantile). */
  readonly ranges: DenseVector;
  /** Per feature, the factor the transform multiplies by when `withScaling`. */
  readonly scale: Float64Array;

  constructor(medians: DenseVector, ranges: DenseVector) {
    this.medians = medians;
    this.ranges = ranges;
    const r = ranges.values;
    const scale = new Float64Array(r.length);
    for (let i = 0; i < r.length; i++) {
      const range = r[i] as number;
      scale[i] = range === 0 ? 0 : 1 / range;
    }
    this.scale = scale;
  }

  /** Builds model data from plain arrays. */
  static of(medians: ArrayLike<number>, ranges: ArrayLike<number>): RobustScalerModelData {
    return new RobustScalerModelData(
      new DenseVector(Float64Array.from(medians)),
      new DenseVector(Float64Array.from(ranges)),
    );
  }
}

/** The record codec: DenseVector `medians`, then DenseVector `ranges`. */
export const RobustScalerModelDataCodec: Codec<RobustScalerModelData> = Object.freeze({
  minEncodedBytes: 8,
  encode(value: RobustScalerModelData, out: DataOutputView): void {
    DenseVectorSerializer.encode(value.medians, out);
    DenseVectorSerializer.encode(value.ranges, out);
  },
  decode(input: DataInputView): RobustScalerModelData {
    const medians = DenseVectorSerializer.decode(input);
    const ranges = DenseVectorSerializer.decode(input);
    return new RobustScalerModelData(medians, ranges);
  },
});

/** Checks that medians and ranges have the same dimension; returns the problem or undefined. */
export function validateRobustScalerModelData(model: RobustScalerModelData): string | undefined {
  const a = model.medians.size();
  const b = model.ranges.size();
  return a === b ? undefined : `medians has dimension ${a} but ranges has dimension ${b}.`;
}
