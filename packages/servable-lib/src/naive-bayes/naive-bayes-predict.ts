import type { Vector } from '@servable/linalg';
import { formatJavaDouble } from '@servable/linalg';
import { ServableError } from '@servable/servable-api';
import type { JavaDoubleHashMap } from '../java/double-hash-map.js';
import type { NaiveBayesModelData } from './naive-bayes-model-data.js';

/** Why a {@link NaiveBayesPredictionError} was thrown. */
export type NaiveBayesPredictionProblem = 'unseen-value' | 'no-maximum';

/**
 * A row cannot be predicted by a NaiveBayes model:
 *
 * - `'unseen-value'`: a feature value that the model has no probability for (Java fails with a
 *   message-less `NullPointerException` in `calculateProb`);
 * - `'no-maximum'`: every label's log probability is −∞ or NaN (Java's
 *   `checkArgument(maxVal > -Infinity)` fails with an `IllegalArgumentException`).
 */
export class NaiveBayesPredictionError extends ServableError {
  constructor(
    /** What went wrong. */
    readonly problem: NaiveBayesPredictionProblem,
    message: string,
  ) {
    super(problem === 'unseen-value' ? 'UNSEEN_FEATURE_VALUE' : 'NO_MAXIMUM_PROBABILITY', message);
  }
}

/** Where a row came from, for error messages. */
export interface RowLocation {
  /** The features column. */
  readonly column: string;
  /** The row index. */
  readonly row: number;
}

/**
 * Flink ML's `NaiveBayesModel` prediction for one row (spec §5.6): for each label i,
 * `s_i = 0 + Σ_j theta[i][j].get(x_j)` over `j < x.size()` (exact `Double` key lookups; a sparse
 * vector's unstored entries are `0.0`), then `s_i += pi_i`; the label of the first strict
 * maximum wins.
 *
 * @param features `size()` must not exceed the model's feature count (the caller checks).
 * @param probs scratch space of `labels.size()` entries (overwritten).
 * @throws NaiveBayesPredictionError for an unseen feature value or when no label has a
 *   probability above −∞.
 */
export function naiveBayesPredict(
  model: NaiveBayesModelData,
  features: Vector,
  probs: Float64Array,
  where: RowLocation,
): number {
  const numLabels = model.labels.size();
  const size = features.size();
  const dense = features.kind === 'dense' ? features.toArray() : undefined;
  for (let i = 0; i < numLabels; i++) {
    const row = model.theta[i] as readonly JavaDoubleHashMap[];
    let s = 0;
    for (let j = 0; j < size; j++) {
      const x = dense === undefined ? features.get(j) : (dense[j] as number);
      const p = (row[j] as JavaDoubleHashMap).get(x);
      if (p === undefined) {
        throw new NaiveBayesPredictionError(
          'unseen-value',
          `Column ${where.column}, row ${where.row}: feature ${j} has value ${formatJavaDouble(x)}, ` +
            `which the NaiveBayes model has no probability for (label ${formatJavaDouble(model.labels.get(i))}); ` +
            'Flink ML fails here with a NullPointerException in calculateProb.',
        );
      }
      s += p;
    }
    probs[i] = s;
  }
  // BLAS.axpy(1, piArray, probs): with alpha 1 every (fused or not) update is an exact add.
  const pi = model.piArray.values;
  for (let i = 0; i < numLabels; i++) probs[i] = (probs[i] as number) + (pi[i] as number);
  let result = 0.0;
  let maxVal = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < numLabels; i++) {
    const p = probs[i] as number;
    if (maxVal < p) {
      maxVal = p;
      result = model.labels.get(i);
    }
  }
  if (!(maxVal > Number.NEGATIVE_INFINITY)) {
    throw new NaiveBayesPredictionError(
      'no-maximum',
      `Column ${where.column}, row ${where.row}: no label has a log probability above -Infinity ` +
        `(${numLabels} labels); Flink ML fails here with an IllegalArgumentException.`,
    );
  }
  return result;
}
