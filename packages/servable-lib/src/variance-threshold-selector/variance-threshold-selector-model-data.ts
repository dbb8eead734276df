import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  IntPrimitiveArraySerializer,
} from '@servable/linalg';
import { type ModelDataFormat, singleRecordFormat } from '@servable/servable-api';

/**
 * Model data of Flink ML's `VarianceThresholdSelectorModel`
 * (`VarianceThresholdSelectorModelData`): the expected input dimension and the indices of the
 * features whose variance passed the threshold.
 */
export interface VarianceThresholdSelectorModelData {
  /** The number of features every input vector must have. */
  readonly numOfFeatures: number;
  /** The selected feature indices. */
  readonly indices: Int32Array;
}

/**
 * The binary layout of {@link VarianceThresholdSelectorModelData}, byte-exact with Flink ML:
 * `numOfFeatures:int`, then the indices as an `IntPrimitiveArraySerializer`.
 */
export const VarianceThresholdSelectorModelDataCodec: Codec<VarianceThresholdSelectorModelData> =
  Object.freeze({
    minEncodedBytes: 8,
    encode(value: VarianceThresholdSelectorModelData, out: DataOutputView): void {
      out.writeInt(value.numOfFeatures);
      IntPrimitiveArraySerializer.encode(value.indices, out);
    },
    decode(input: DataInputView): VarianceThresholdSelectorModelData {
      const numOfFeatures = input.readInt();
      return { numOfFeatures, indices: IntPrimitiveArraySerializer.decode(input) };
    },
  });

/**
 * Problems of a record that Flink ML would only hit while transforming (a negative
 * `numOfFeatures`, an index outside `[0, numOfFeatures)`), or `undefined` when it is usable.
 */
export function validateVarianceThresholdSelectorModelData(
  data: VarianceThresholdSelectorModelData,
): string | undefined {
  if (data.numOfFeatures < 0) return `numOfFeatures is ${data.numOfFeatures}; it must be >= 0.`;
  for (let i = 0; i < data.indices.length; i++) {
    const v = data.indices[i]!;
    if (v < 0 || v >= data.numOfFeatures) {
      return `indices[${i}] is ${v}; it must be in [0, ${data.numOfFeatures}) (numOfFeatures).`;
    }
  }
  return undefined;
}

/** The model data format of VarianceThresholdSelectorModel: exactly one record. */
export const VARIANCE_THRESHOLD_SELECTOR_MODEL_DATA_FORMAT: ModelDataFormat<VarianceThresholdSelectorModelData> =
  singleRecordFormat({
    name: 'VarianceThresholdSelectorModelData',
    codec: VarianceThresholdSelectorModelDataCodec,
    validate: validateVarianceThresholdSelectorModelData,
  });
