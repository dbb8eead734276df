import type { DataFrame } from '@servable/dataframe';
import type { Blas, VectorWithNorm } from '@servable/linalg';
import { type DistanceMeasureName, forEachVector, ServableError } from '@servable/servable-api';
import { findClosest, withNorm } from './distance-measure.js';
import type { KMeansModelData } from './kmeans-model-data.js';

/**
 * The model has more centroids than the `k` param allows (Java:
 * `Preconditions.checkArgument(centroids.length <= k)`, an `IllegalArgumentException`).
 */
export class TooManyCentroidsError extends ServableError {
  constructor(
    /** The servable's class name. */
    readonly servable: string,
    /** The number of centroids in the model. */
    readonly centroids: number,
    /** The `k` param. */
    readonly k: number,
  ) {
    super(
      'TOO_MANY_CENTROIDS',
      `${servable}: the model has ${centroids} centroids but k is ${k}; k must be at least the number of centroids.`,
    );
  }
}

/** Centroids prepared for {@link predictClusters}: each with its norm. */
export type PreparedCentroids = readonly VectorWithNorm[];

/** The centroids of `model` with their norms computed by `blas` (Java: `new VectorWithNorm(c)`). */
export function prepareCentroids(model: KMeansModelData, blas: Blas): PreparedCentroids {
  return model.centroids.map((c) => withNorm(c, blas));
}

/**
 * The cluster id of every row of `input` (Flink ML's KMeansModel / OnlineKMeansModel
 * `PredictLabelFunction`): the features densified, `findClosest` by `measure`.
 *
 * @param servable the simple class name, for errors.
 * @throws TooManyCentroidsError when there are more centroids than `k`.
 * @throws MissingColumnError / ColumnTypeMismatchError / FeatureDimensionError for bad input.
 * @throws DistanceMeasureError for a zero vector with the cosine measure.
 */
export function predictClusters(
  input: DataFrame,
  column: string,
  centroids: PreparedCentroids,
  measure: DistanceMeasureName,
  k: number,
  blas: Blas,
  servable: string,
): Float64Array {
  if (centroids.length > k) throw new TooManyCentroidsError(servable, centroids.length, k);
  const out = new Float64Array(input.numRows());
  const spec = { column, stage: servable, dimension: centroids[0]?.vector.size() };
  forEachVector(input, spec, (v, row) => {
    out[row] = findClosest(measure, centroids, withNorm(v.toDense(), blas), blas);
  });
  return out;
}
