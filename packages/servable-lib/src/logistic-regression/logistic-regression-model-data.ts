import {
  type Codec,
  type DataInputView,
  type DataOutputView,
  type DenseVector,
  DenseVectorSerializer,
} from '@servable/linalg';
import { type ModelDataFormat, singleRecordFormat, toModelVersion } from '@servable/servable-api';

/**
 * The model data of LogisticRegression (Flink ML's `LogisticRegressionModelData`): the
 * coefficient vector and the model version (a Java long; batch training writes 0, online
 * training 1, 2, …).
 */
export interface LogisticRegressionModelData {
  /** One coefficient per feature. */
  readonly coefficient: DenseVector;
  /** The model version, exact. */
  readonly modelVersion: bigint;
}

/**
 * The record layout of {@link LogisticRegressionModelData}: `DenseVectorSerializer(coefficient)`
 * (int length, then the doubles, big-endian), then `modelVersion` as a long.
 */
export const LogisticRegressionModelDataCodec: Codec<LogisticRegressionModelData> = Object.freeze({
  minEncodedBytes: 12,
  encode(value: LogisticRegressionModelData, out: DataOutputView): void {
    DenseVectorSerializer.encode(value.coefficient, out);
    out.writeLong(value.modelVersion);
  },
  decode(input: DataInputView): LogisticRegressionModelData {
    const coefficient = DenseVectorSerializer.decode(input);
    const modelVersion = input.readLong();
    return { coefficient, modelVersion };
  },
});

/** The model data format of LogisticRegressionModel: exactly one record. */
export const LOGISTIC_REGRESSION_MODEL_DATA_FORMAT: ModelDataFormat<LogisticRegressionModelData> =
  singleRecordFormat({
    name: 'LogisticRegressionModelData',
    codec: LogisticRegressionModelDataCodec,
    version: (model) => toModelVersion(model.modelVersion),
  });
