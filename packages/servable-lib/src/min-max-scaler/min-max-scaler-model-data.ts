import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  type DenseVector,
  DenseVectorSerializer,
} from '@servable/linalg';

/** MinMaxScalerModel's model data (Flink ML `MinMaxScalerModelData`). */
export interface MinMaxScalerModelData {
  /** Per feature, the minimum seen in training. */
  readonly minVector: DenseVector;
  /** Per feature, the maximum seen in training. */
  readonly maxVector: DenseVector;
}

/** The record codec: DenseVector `minVector`, then DenseVector `maxVector`. */
export const MinMaxScalerModelDataCodec: Codec<MinMaxScalerModelData> = Object.freeze({
  minEncodedBytes: 8,
  encode(value: MinMaxScalerModelData, out: DataOutputView): void {
    DenseVectorSerializer.encode(value.minVector, out);
    DenseVectorSerializer.encode(value.maxVector, out);
  },
  decode(input: DataInputView): MinMaxScalerModelData {
    const minVector = DenseVectorSerializer.decode(input);
    const maxVector = DenseVectorSerializer.decode(input);
    return { minVector, maxVector };
  },
});

/** Checks that both vectors have the same dimension; returns the problem or undefined. */
export function validateMinMaxScalerModelData(model: MinMaxScalerModelData): string | undefined {
  const a = model.minVector.size();
  const b = model.maxVector.size();
  return a === b ? undefined : `minVector has dimension ${a} but maxVector has dimension ${b}.`;
}
