import { type DataFrame, DataTypes } from '@servable/dataframe';
import {
  forEachVector,
  HasFeaturesCol,
  HasPredictionCol,
  loadStage,
  ModelServable,
  singleRecordFormat,
  withNumerics,
} from '@servable/servable-api';
import { coefficientDot } from '../logistic-regression/coefficient-dot.js';
import {
  type LinearRegressionModelData,
  LinearRegressionModelDataCodec,
} from './linear-regression-model-data.js';

/** The model data format of {@link LinearRegressionModelServable}: one record. */
export const LINEAR_REGRESSION_MODEL_DATA_FORMAT = singleRecordFormat<LinearRegressionModelData>({
  name: 'LinearRegressionModelData',
  codec: LinearRegressionModelDataCodec,
});

/**
 * Serves Flink ML's `org.apache.flink.ml.regression.linearregression.LinearRegressionModel`:
 * `prediction = features · coefficient` (features densified first, no intercept).
 *
 * Params: `featuresCol` ("features"), `predictionCol` ("prediction"). Output: prediction
 * (DOUBLE).
 *
 * Fidelity: the dot product uses `FmaBLAS`, bit for bit what Flink ML computes on Java 11+.
 *
 * @example
 * ```ts
 * const lr = new LinearRegressionModelServable().setModel({ coefficient: Vectors.dense(2, 1) });
 * lr.transform(df); // df + prediction
 * ```
 */
export class LinearRegressionModelServable extends withNumerics(
  ModelServable.withParams(HasFeaturesCol, HasPredictionCol),
)<LinearRegressionModelData> {
  /** The Java class this servable serves. */
  static readonly CLASS_NAME =
    'org.apache.flink.ml.regression.linearregression.LinearRegressionModel';
  /** See {@link TransformerServable.className}. */
  readonly className = LinearRegressionModelServable.CLASS_NAME;
  /** See {@link ModelServable.modelDataFormat}. */
  readonly modelDataFormat = LINEAR_REGRESSION_MODEL_DATA_FORMAT;

  /** Loads a `LinearRegressionModel` saved by Flink ML (or by `save`). */
  static load(path: string): Promise<LinearRegressionModelServable> {
    return loadStage(path, () => new LinearRegressionModelServable());
  }

  /**
   * Appends the prediction of every row.
   *
   * @throws ModelNotLoadedError before any model data.
   * @throws MissingColumnError / ColumnTypeMismatchError for a missing or non-vector (or null)
   *   features value; FeatureDimensionError when a vector's size differs from the coefficient's.
   */
  transform(input: DataFrame): DataFrame {
    const model = this.requireModel();
    const featuresCol = this.getFeaturesCol();
    const coefficient = model.coefficient;
    const predictions = new Float64Array(input.numRows());
    const spec = {
      column: featuresCol,
      stage: 'LinearRegressionModel',
      dimension: coefficient.size(),
    };
    const prepared = coefficientDot(coefficient, this.getNumerics());
    forEachVector(input, spec, (v, row) => {
      // Java densifies the features first (so a sparse row gets the dense, fused kernel).
      predictions[row] = prepared.denseDot(v.toDense().values);
    });
    return input.addColumn(this.getPredictionCol(), DataTypes.DOUBLE, predictions);
  }
}
