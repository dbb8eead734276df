import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { allocFloat64Array, DenseVector, type PreparedDot } from '@servable/linalg';
import {
  forEachVector,
  type ModelVersion,
  type Numerics,
  requireVectorColumn,
} from '@servable/servable-api';
import { versionColumn } from '../online-model-data/version-column.js';
import { coefficientDot } from './coefficient-dot.js';

/** The two output columns of a binomial logistic regression. */
export interface LogisticPredictions {
  /** `dot >= 0 ? 1 : 0` per row. */
  readonly predictions: Float64Array;
  /**
   * `[1 − prob, prob]` per row, `prob = 1 − 1/(1 + exp(dot))`: views into one shared
   * `Float64Array(2 · rows)` (one allocation per transform, not one per row; a one-row frame
   * uses the array itself).
   */
  readonly raw: DenseVector[];
}

/** Does nothing: the row callback of the error path (which only wants forEachVector's checks). */
function ignoreRow(): void {}

/**
 * Binomial logistic regression over a features column, as Java's LogisticRegressionModel and
 * OnlineLogisticRegressionModel compute it: `dot = features · coefficient` (with the numerics of
 * `dot`: plain for `'fast'`, fused for `'java11'`), `prob = 1 − 1/(1 + exp(dot))`.
 *
 * The loop is written out here (no per-row callback, which every servable shares and so stops
 * being inlined); a null row or a row of the wrong size is handed to `forEachVector`, which
 * throws its usual error.
 *
 * @throws MissingColumnError / ColumnTypeMismatchError for a missing, non-vector or null input.
 * @throws FeatureDimensionError when a row's size differs from the coefficient's.
 */
export function predictLogistic(
  input: DataFrame,
  featuresCol: string,
  stage: string,
  dot: PreparedDot,
): LogisticPredictions {
  const vectors = requireVectorColumn(input, featuresCol, stage);
  const n = vectors.length;
  const size = dot.size;
  // Short outputs (a few rows) come from linalg's pool: cheaper than arrays of their own.
  const predictions = allocFloat64Array(n);
  const values = allocFloat64Array(2 * n);
  const raw = new Array<DenseVector>(n);
  for (let r = 0; r < n; r++) {
    const features = vectors[r];
    if (features === null || features === undefined || features.size() !== size) {
      forEachVector(input, { column: featuresCol, stage, dimension: size }, ignoreRow);
      throw new Error(`unreachable: row ${r} of ${featuresCol} passed forEachVector's checks`);
    }
    const d = features instanceof DenseVector ? dot.denseDot(features.values) : dot.dot(features);
    const prob = 1 - 1 / (1 + Math.exp(d));
    predictions[r] = d >= 0 ? 1 : 0;
    values[2 * r] = 1 - prob;
    values[2 * r + 1] = prob;
    // One row: the array itself (a view would be one more allocation).
    raw[r] = new DenseVector(n === 1 ? values : values.subarray(2 * r, 2 * r + 2));
  }
  return { predictions, raw };
}

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/** The params {@link appendLogisticPredictions} reads from a logistic regression servable. */
export interface LogisticRegressionColumns {
  /** The features column (vectors). */
  getFeaturesCol(): string;
  /** The prediction column to append. */
  getPredictionCol(): string;
  /** The raw prediction column to append. */
  getRawPredictionCol(): string;
  /** The numerics of the dot product. */
  getNumerics(): Numerics;
}

/**
 * The transform of LogisticRegressionModel and OnlineLogisticRegressionModel: `input` with
 * {@link predictLogistic}'s columns appended in one new frame, as `servable`'s `predictionCol`
 * (DOUBLE) and `rawPredictionCol` (dense VECTOR), the dot product taken with `coefficient` in
 * `servable`'s numerics; with `version`, also `version.column` (LONG) holding the model version
 * on every row (the online model).
 *
 * @throws as {@link predictLogistic}; ModelVersionRangeError when `version.value` does not fit a
 *   LONG column.
 */
export function appendLogisticPredictions(
  input: DataFrame,
  servable: LogisticRegressionColumns,
  coefficient: DenseVector,
  stage: string,
  version?: { readonly column: string; readonly value: ModelVersion },
): DataFrame {
  const { predictions, raw } = predictLogistic(
    input,
    servable.getFeaturesCol(),
    stage,
    coefficientDot(coefficient, servable.getNumerics()),
  );
  if (version === undefined) {
    return input.addColumns(
      [servable.getPredictionCol(), servable.getRawPredictionCol()],
      [DataTypes.DOUBLE, VECTOR],
      [predictions, raw],
    );
  }
  const versions = versionColumn(version.value, predictions.length, version.column, stage);
  return input.addColumns(
    [servable.getPredictionCol(), servable.getRawPredictionCol(), version.column],
    [DataTypes.DOUBLE, VECTOR, DataTypes.LONG],
    [predictions, raw, versions],
  );
}
