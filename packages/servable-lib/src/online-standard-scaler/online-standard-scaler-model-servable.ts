import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import {
  HasInputCol,
  HasMaxAllowedModelDelayMs,
  HasModelVersionCol,
  HasOutputCol,
  latestRecordFormat,
  loadStage,
  ModelServable,
  type SavedModelData,
  toModelVersion,
  withNumerics,
} from '@servable/servable-api';
import { versionColumn } from '../online-model-data/version-column.js';
import {
  type StandardScalerModelData,
  StandardScalerModelDataCodec,
} from '../standard-scaler/standard-scaler-model-data.js';
import { HasWithMean, HasWithStd } from '../standard-scaler/standard-scaler-params.js';
import {
  standardizeColumn,
  standardScalerScales,
  validateStandardScalerModelData,
} from '../standard-scaler/standardize.js';

/**
 * The model data format of {@link OnlineStandardScalerModelServable}: a stream of
 * `StandardScalerModelData` records (mean, std, version, timestamp), the latest of which serves.
 */
export const ONLINE_STANDARD_SCALER_MODEL_DATA_FORMAT = latestRecordFormat<StandardScalerModelData>(
  {
    name: 'StandardScalerModelData',
    codec: StandardScalerModelDataCodec,
    validate: validateStandardScalerModelData,
    version: (model) => toModelVersion(model.version),
  },
);

/**
 * Serves Flink ML's `org.apache.flink.ml.feature.standardscaler.OnlineStandardScalerModel`.
 *
 * Its saved stage holds metadata only: model data arrives through `setModelData`, each
 * `StandardScalerModelData` record replacing the model (several records in one call: the last
 * wins). `transform` before the first record throws `ModelNotLoadedError`.
 *
 * Scaling as StandardScalerModel: `out = input.clone()`; with `withMean`,
 * `out = out.toDense() − mean`; with `withStd`, `out_i *= (std_i == 0 ? 0 : 1/std_i)` (a sparse
 * input without `withMean` stays sparse). Output columns: `outputCol` (VECTOR) and, unless
 * `modelVersionCol` is null, that column (LONG) holding the `version` of the record used.
 *
 * Numerics (`setNumerics`): both `'fast'` and `'java11'` give the same bits here: the only
 * operation Java 11+ fuses, `axpy(-1, mean, x)`, has exact products, so `x - mean` rounds once
 * either way.
 *
 * Params: `inputCol` ("input"), `outputCol` ("output"), `withMean` (false), `withStd` (true),
 * `modelVersionCol` ("version"; null = no version column), `maxAllowedModelDelayMs` (0, ≥ 0).
 *
 * Fidelity decision — `maxAllowedModelDelayMs`: in Java it pairs each row's *event time* with a
 * model whose `timestamp` is recent enough, buffering rows until one arrives. A DataFrame row has
 * no event time, so the param is declared, validated, saved and loaded but **does not affect
 * serving**: every row is transformed with the latest model received. (Java treats rows without
 * a timestamp as `Long.MIN_VALUE`: with the default 0 they too are served by the current model;
 * with a positive delay its `long` subtraction overflows and such rows stay buffered forever —
 * a quirk not reproduced, since it would mean never answering.)
 *
 * @example
 * ```ts
 * const scaler = await OnlineStandardScalerModelServable.load('/models/online-scaler');
 * await scaler.setModelData(record);
 * scaler.transform(df); // + output, version
 * ```
 */
export class OnlineStandardScalerModelServable extends withNumerics(
  ModelServable.withParams(
    HasInputCol,
    HasOutputCol,
    HasWithMean,
    HasWithStd,
    HasModelVersionCol,
    HasMaxAllowedModelDelayMs,
  ),
)<StandardScalerModelData> {
  /** The Java class this servable serves. */
  static readonly CLASS_NAME =
    'org.apache.flink.ml.feature.standardscaler.OnlineStandardScalerModel';
  /** See {@link TransformerServable.className}. */
  readonly className = OnlineStandardScalerModelServable.CLASS_NAME;
  /** See {@link ModelServable.modelDataFormat}. */
  readonly modelDataFormat = ONLINE_STANDARD_SCALER_MODEL_DATA_FORMAT;
  /** Online models save metadata only. */
  override readonly savedModelData: SavedModelData = 'optional';

  /** Loads an `OnlineStandardScalerModel` stage (metadata; data if `data/` exists). */
  static load(path: string): Promise<OnlineStandardScalerModelServable> {
    return loadStage(path, () => new OnlineStandardScalerModelServable());
  }

  /**
   * Appends the scaled vector and (unless `modelVersionCol` is null) the model version.
   *
   * @throws ModelNotLoadedError before the first model data record.
   * @throws MissingColumnError / ColumnTypeMismatchError / FeatureDimensionError for bad input.
   * @throws ModelVersionRangeError for a model version beyond ±(2^53 − 1).
   */
  transform(input: DataFrame): DataFrame {
    const model = this.requireModel();
    const scale = standardScalerScales(model);
    const inputCol = this.getInputCol();
    const withMean = this.getWithMean();
    const withStd = this.getWithStd();
    const mean = model.mean;
    const out = standardizeColumn(
      input,
      inputCol,
      'OnlineStandardScalerModel',
      mean,
      scale,
      withMean,
      withStd,
    );
    const n = out.length;
    let output = input.addColumn(this.getOutputCol(), DataTypes.VECTOR(BasicType.DOUBLE), out);
    const versionCol = this.getModelVersionCol();
    if (versionCol !== null) {
      const versions = versionColumn(
        toModelVersion(model.version),
        n,
        versionCol,
        'OnlineStandardScalerModel',
      );
      output = output.addColumn(versionCol, DataTypes.LONG, versions);
    }
    return output;
  }
}
