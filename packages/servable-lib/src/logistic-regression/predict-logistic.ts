import type { DataFrame } from '@servable/dataframe';
import { DenseVector, FmaBLAS } from '@servable/linalg';
import { forEachVector } from '@servable/servable-api';

/** The two output columns of a binomial logistic regression. */
export interface LogisticPredictions {
  /** `dot >= 0 ? 1 : 0` per row. */
  readonly predictions: Float64Array;
  /** `[1 − prob, prob]` per row, `prob = 1 − 1/(1 + exp(dot))`. */
  readonly raw: DenseVector[];
}

/**
 * Binomial logistic regression over a features column, as Java's LogisticRegressionModel and
 * OnlineLogisticRegressionModel compute it: `dot = features · coefficient` (fused multiply-adds,
 * bit-exact with Java 11+), `prob = 1 − 1/(1 + exp(dot))`.
 *
 * @throws MissingColumnError / ColumnTypeMismatchError for a missing, non-vector or null input.
 * @throws FeatureDimensionError when a row's size differs from the coefficient's.
 */
export function predictLogistic(
  input: DataFrame,
  featuresCol: string,
  stage: string,
  coefficient: DenseVector,
): LogisticPredictions {
  const n = input.numRows();
  const predictions = new Float64Array(n);
  const raw = new Array<DenseVector>(n);
  forEachVector(
    input,
    { column: featuresCol, stage, dimension: coefficient.size() },
    (features, r) => {
      const dot = FmaBLAS.dot(features, coefficient);
      const prob = 1 - 1 / (1 + Math.exp(dot));
      predictions[r] = dot >= 0 ? 1 : 0;
      raw[r] = new DenseVector(Float64Array.of(1 - prob, prob));
    },
  );
  return { predictions, raw };
}
