import type { DataFrame } from '@servable/dataframe';
import {
  HasFeaturesCol,
  HasPredictionCol,
  HasRawPredictionCol,
  loadStage,
  ModelServable,
  withNumerics,
} from '@servable/servable-api';
import {
  LOGISTIC_REGRESSION_MODEL_DATA_FORMAT,
  type LogisticRegressionModelData,
} from './logistic-regression-model-data.js';
import { appendLogisticPredictions } from './predict-logistic.js';

/**
 * Serves a binomial logistic regression model saved by Flink ML's `LogisticRegressionModel`
 * (the TypeScript counterpart of Java's `LogisticRegressionModelServable`).
 *
 * Params: `featuresCol` ("features"), `predictionCol` ("prediction"), `rawPredictionCol`
 * ("rawPrediction"). For each row: `dot = features · coefficient` (dense or sparse features;
 * Java 11+'s fused multiply-adds, so results match Flink ML bit for bit),
 * `prob = 1 − 1/(1 + exp(dot))`; appends `prediction = dot >= 0 ? 1 : 0` (DOUBLE) and
 * `rawPrediction = [1 − prob, prob]` (dense VECTOR).
 *
 * @example
 * ```ts
 * const lr = await LogisticRegressionModelServable.load('/models/lr');
 * const out = lr.transform(df);
 * out.getDoubles('prediction');
 * ```
 */
export class LogisticRegressionModelServable extends withNumerics(
  ModelServable.withParams(HasFeaturesCol, HasPredictionCol, HasRawPredictionCol),
)<LogisticRegressionModelData> {
  /** The Java class name of the saved model. */
  static readonly CLASS_NAME =
    'org.apache.flink.ml.classification.logisticregression.LogisticRegressionModel';
  readonly className: string = LogisticRegressionModelServable.CLASS_NAME;
  readonly modelDataFormat = LOGISTIC_REGRESSION_MODEL_DATA_FORMAT;

  /** Loads a LogisticRegressionModel saved by Flink ML (or by {@link save}). */
  static load(path: string): Promise<LogisticRegressionModelServable> {
    return loadStage(path, () => new LogisticRegressionModelServable());
  }

  /**
   * Appends `predictionCol` and `rawPredictionCol`.
   *
   * @throws ModelNotLoadedError before any model data.
   * @throws MissingColumnError / ColumnTypeMismatchError for a missing or non-vector (or null)
   *   features column.
   * @throws FeatureDimensionError when a row's vector size differs from the coefficient's.
   */
  transform(input: DataFrame): DataFrame {
    const coefficient = this.requireModel().coefficient;
    return appendLogisticPredictions(input, this, coefficient, 'LogisticRegressionModelServable');
  }
}
