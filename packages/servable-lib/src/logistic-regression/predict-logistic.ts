import type { DataFrame } from '@servable/dataframe';
import { DenseVector, type PreparedDot } from '@servable/linalg';
import { forEachVector } from '@servable/servable-api';

/** The two output columns of a binomial logistic regression. */
export interface LogisticPredictions {
  /** `dot >= 0 ? 1 : 0` per row. */
  readonly predictions: Float64Array;
  /**
   * `[1 − prob, prob]` per row, `prob = 1 − 1/(1 + exp(dot))`: views into one shared
   * `Float64Array(2 · rows)` (one allocation per transform, not one per row).
   */
  readonly raw: DenseVector[];
}

/**
 * Binomial logistic regression over a features column, as Java's LogisticRegressionModel and
 * OnlineLogisticRegressionModel compute it: `dot = features · coefficient` (with the numerics of
 * `dot`: plain for `'fast'`, fused for `'java11'`), `prob = 1 − 1/(1 + exp(dot))`.
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
  const n = input.numRows();
  const predictions = new Float64Array(n);
  const values = new Float64Array(2 * n);
  const raw = new Array<DenseVector>(n);
  const single = n === 1;
  forEachVector(input, { column: featuresCol, stage, dimension: dot.size }, (features, r) => {
    const d = features instanceof DenseVector ? dot.denseDot(features.values) : dot.dot(features);
    const prob = 1 - 1 / (1 + Math.exp(d));
    predictions[r] = d >= 0 ? 1 : 0;
    values[2 * r] = 1 - prob;
    values[2 * r + 1] = prob;
    // One row: the array itself (a view would be one more allocation).
    raw[r] = new DenseVector(single ? values : values.subarray(2 * r, 2 * r + 2));
  });
  return { predictions, raw };
}
