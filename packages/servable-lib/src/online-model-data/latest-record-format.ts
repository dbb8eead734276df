import type { Codec } from '@servable/linalg';
import {
  ModelDataError,
  type ModelDataFormat,
  type ModelVersion,
  multiRecordFormat,
} from '@servable/servable-api';

/** What {@link latestRecordFormat} needs. */
export interface LatestRecordFormatSpec<M> {
  /** A name for messages, e.g. `KMeansModelData`. */
  readonly name: string;
  /** The codec of one record. */
  readonly codec: Codec<M>;
  /** Checks the record that takes effect; returns the problem or `undefined`. */
  readonly validate?: (model: M) => string | undefined;
  /** The model's version, when its data carries one. */
  readonly version?: (model: M) => ModelVersion | undefined;
}

/**
 * The model data format of Flink ML's online models (OnlineLogisticRegressionModel,
 * OnlineKMeansModel, OnlineStandardScalerModel): a stream of records in which **each record
 * replaces the model**. One `setModelData` call may carry one record or several back-to-back
 * (e.g. a replayed stream); the last one is the model that serves, as it would be in Java after
 * the operator had consumed them all. Encoding writes the single current record.
 */
export function latestRecordFormat<M>(spec: LatestRecordFormatSpec<M>): ModelDataFormat<M> {
  const format = multiRecordFormat<M, M>({
    name: spec.name,
    codec: spec.codec,
    fromRecords: (records) => {
      const latest = records[records.length - 1] as M;
      const problem = spec.validate?.(latest);
      return problem === undefined
        ? latest
        : { problem: `record ${records.length} (the latest): ${problem}` };
    },
    toRecords: (model) => [model],
    ...(spec.version === undefined ? {} : { version: spec.version }),
  });
  const validate = spec.validate;
  if (validate === undefined) return format;
  return {
    ...format,
    encode(model: M): Uint8Array {
      const problem = validate(model);
      if (problem !== undefined) {
        throw new ModelDataError(`Invalid ${spec.name}: ${problem}`, {}, 'MODEL_DATA_INVALID');
      }
      return format.encode(model);
    },
  };
}
