import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  type DenseVector,
  DenseVectorSerializer,
} from '@servable/linalg';
import { type ModelDataFormat, singleRecordFormat, toModelVersion } from '@servable/servable-api';
import { validateStandardScalerModelData } from './standardize.js';

/**
 * The model data of StandardScaler (Flink ML's `StandardScalerModelData`): per-feature mean and
 * standard deviation, a version and a timestamp (Java longs, kept exact as bigint: batch
 * training writes version 0 and timestamp `Long.MAX_VALUE`, beyond 2^53).
 */
export interface StandardScalerModelData {
  /** The mean of each feature. */
  readonly mean: DenseVector;
  /** The standard deviation of each feature. */
  readonly std: DenseVector;
  /** The model version. */
  readonly version: bigint;
  /** The model timestamp (ms; `9223372036854775807n` for batch-trained models). */
  readonly timestamp: bigint;
}

/** Record layout: DenseVector mean, DenseVector std, long version, long timestamp. */
export const StandardScalerModelDataCodec: Codec<StandardScalerModelData> = Object.freeze({
  minEncodedBytes: 24,
  encode(value: StandardScalerModelData, out: DataOutputView): void {
    DenseVectorSerializer.encode(value.mean, out);
    DenseVectorSerializer.encode(value.std, out);
    out.writeLong(value.version);
    out.writeLong(value.timestamp);
  },
  decode(input: DataInputView): StandardScalerModelData {
    const mean = DenseVectorSerializer.decode(input);
    const std = DenseVectorSerializer.decode(input);
    const version = input.readLong();
    const timestamp = input.readLong();
    return { mean, std, version, timestamp };
  },
});

/** The model data format of StandardScalerModel: exactly one record, mean and std of equal size. */
export const STANDARD_SCALER_MODEL_DATA_FORMAT: ModelDataFormat<StandardScalerModelData> =
  singleRecordFormat({
    name: 'StandardScalerModelData',
    codec: StandardScalerModelDataCodec,
    validate: validateStandardScalerModelData,
    version: (model) => toModelVersion(model.version),
  });
