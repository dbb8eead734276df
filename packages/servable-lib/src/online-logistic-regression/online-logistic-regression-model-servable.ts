import type { DataFrame } from '@servable/dataframe';
import {
  HasFeaturesCol,
  HasPredictionCol,
  HasRawPredictionCol,
  latestRecordFormat,
  loadStage,
  ModelServable,
  ParamValidators,
  paramMixin,
  type SavedModelData,
  StringParam,
  toModelVersion,
  withNumerics,
} from '@servable/servable-api';
import {
  type LogisticRegressionModelData,
  LogisticRegressionModelDataCodec,
} from '../logistic-regression/logistic-regression-model-data.js';
import { appendLogisticPredictions } from '../logistic-regression/predict-logistic.js';

/**
 * OnlineLogisticRegressionModel's **own** `modelVersionCol` = "modelVersion" (not null) — not
 * the shared `HasModelVersionCol` (default "version", nullable) of OnlineStandardScaler.
 */
export const ONLINE_LR_MODEL_VERSION_COL = new StringParam(
  'modelVersionCol',
  'Model version column name.',
  'modelVersion',
  ParamValidators.notNull(),
);

/** Accessors of {@link ONLINE_LR_MODEL_VERSION_COL}. */
export interface HasOnlineLRModelVersionCol {
  /** The model version column name. */
  getModelVersionCol(): string;
  /** Sets the model version column name (not null). */
  setModelVersionCol(value: string): this;
}

/** Mixin of {@link ONLINE_LR_MODEL_VERSION_COL}. */
export const HasOnlineLRModelVersionCol = paramMixin<HasOnlineLRModelVersionCol>(
  ONLINE_LR_MODEL_VERSION_COL,
  'ModelVersionCol',
);

/**
 * The model data format of {@link OnlineLogisticRegressionModelServable}: a stream of
 * `LogisticRegressionModelData` records (coefficient + modelVersion), the latest of which serves.
 */
export const ONLINE_LOGISTIC_REGRESSION_MODEL_DATA_FORMAT =
  latestRecordFormat<LogisticRegressionModelData>({
    name: 'LogisticRegressionModelData',
    codec: LogisticRegressionModelDataCodec,
    version: (model) => toModelVersion(model.modelVersion),
  });

/**
 * Serves Flink ML's
 * `org.apache.flink.ml.classification.logisticregression.OnlineLogisticRegressionModel`.
 *
 * Its saved stage holds metadata only: model data arrives through `setModelData`, each
 * `LogisticRegressionModelData` record replacing the model (several records in one call: the
 * last wins). `transform` before the first record throws `ModelNotLoadedError` (Java buffers
 * such rows until a model arrives).
 *
 * Prediction as LogisticRegression (`dot = features · coefficient` with Java 11+ FMA numerics,
 * `prob = 1 − 1/(1 + exp(dot))`). Output columns: prediction (DOUBLE), rawPrediction
 * (`[1 − prob, prob]`, dense VECTOR) and `modelVersionCol` (LONG): the `modelVersion` of the
 * record that produced the row, as in Java.
 *
 * Params: `featuresCol`, `predictionCol`, `rawPredictionCol`, `modelVersionCol`
 * ("modelVersion", not null).
 *
 * @example
 * ```ts
 * const olr = await OnlineLogisticRegressionModelServable.load('/models/online-lr');
 * await olr.setModelData(recordFromKafka);
 * olr.transform(df); // + prediction, rawPrediction, modelVersion
 * ```
 */
export class OnlineLogisticRegressionModelServable extends withNumerics(
  ModelServable.withParams(
    HasFeaturesCol,
    HasPredictionCol,
    HasRawPredictionCol,
    HasOnlineLRModelVersionCol,
  ),
)<LogisticRegressionModelData> {
  /** The Java class this servable serves. */
  static readonly CLASS_NAME =
    'org.apache.flink.ml.classification.logisticregression.OnlineLogisticRegressionModel';
  /** See {@link TransformerServable.className}. */
  readonly className = OnlineLogisticRegressionModelServable.CLASS_NAME;
  /** See {@link ModelServable.modelDataFormat}. */
  readonly modelDataFormat = ONLINE_LOGISTIC_REGRESSION_MODEL_DATA_FORMAT;
  /** Online models save metadata only. */
  override readonly savedModelData: SavedModelData = 'optional';

  /** Loads an `OnlineLogisticRegressionModel` stage (metadata; data if `data/` exists). */
  static load(path: string): Promise<OnlineLogisticRegressionModelServable> {
    return loadStage(path, () => new OnlineLogisticRegressionModelServable());
  }

  /**
   * Appends prediction, rawPrediction and the model version of every row.
   *
   * @throws ModelNotLoadedError before the first model data record.
   * @throws MissingColumnError / ColumnTypeMismatchError / FeatureDimensionError for bad input.
   * @throws ModelVersionRangeError for a model version beyond ±(2^53 − 1).
   */
  transform(input: DataFrame): DataFrame {
    const model = this.requireModel();
    return appendLogisticPredictions(
      input,
      this,
      model.coefficient,
      'OnlineLogisticRegressionModel',
      { column: this.getModelVersionCol(), value: toModelVersion(model.modelVersion) },
    );
  }
}
