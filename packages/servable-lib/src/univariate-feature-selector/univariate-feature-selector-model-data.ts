import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  IntPrimitiveArraySerializer,
} from '@servable/linalg';
import { type ModelDataFormat, singleRecordFormat } from '@servable/servable-api';

/**
 * Model data of Flink ML's `UnivariateFeatureSelectorModel`
 * (`UnivariateFeatureSelectorModelData`): the indices of the selected features, in any order
 * (the transform sorts them).
 */
export interface UnivariateFeatureSelectorModelData {
  /** The selected feature indices (unsorted, as the estimator writes them). */
  readonly indices: Int32Array;
}

/**
 * The binary layout of {@link UnivariateFeatureSelectorModelData}: the indices as an
 * `IntPrimitiveArraySerializer` (`length:int`, then the ints), byte-exact with Flink ML.
 */
export const UnivariateFeatureSelectorModelDataCodec: Codec<UnivariateFeatureSelectorModelData> =
  Object.freeze({
    minEncodedBytes: 4,
    encode(value: UnivariateFeatureSelectorModelData, out: DataOutputView): void {
      IntPrimitiveArraySerializer.encode(value.indices, out);
    },
    decode(input: DataInputView): UnivariateFeatureSelectorModelData {
      return { indices: IntPrimitiveArraySerializer.decode(input) };
    },
  });

/**
 * Problems of a decoded or programmatically built record that would make Flink ML fail later
 * (a negative index), or `undefined` when it is usable.
 */
export function validateSelectedIndices(indices: Int32Array): string | undefined {
  for (let i = 0; i < indices.length; i++) {
    if (indices[i]! < 0) return `indices[${i}] is ${indices[i]}; feature indices must be >= 0.`;
  }
  return undefined;
}

/** The indices sorted ascending (a copy), as the Java transform sorts them once. */
export function sortIndices(indices: Int32Array): Int32Array {
  return indices.slice().sort();
}

/** The model data format of UnivariateFeatureSelectorModel: exactly one record. */
export const UNIVARIATE_FEATURE_SELECTOR_MODEL_DATA_FORMAT: ModelDataFormat<UnivariateFeatureSelectorModelData> =
  singleRecordFormat({
    name: 'UnivariateFeatureSelectorModelData',
    codec: UnivariateFeatureSelectorModelDataCodec,
    validate: (model) => validateSelectedIndices(model.indices),
  });
