import { type Blas, type DenseVector, VectorWithNorm } from '@servable/linalg';
import { type DistanceMeasureName, ServableError } from '@servable/servable-api';

/**
 * A distance could not be computed (Flink ML throws `IllegalArgumentException`): cosine
 * distance with a zero-norm vector, or manhattan distance between vectors of different sizes.
 */
export class DistanceMeasureError extends ServableError {
  constructor(message: string) {
    super('DISTANCE_MEASURE', message);
  }
}

/** The message of Java's `CosineDistanceMeasure` for a zero-norm vector (spelling included). */
export const COSINE_ZERO_NORM_MESSAGE = 'Consine distance is not defined for zero-length vectors.';

/** A dense vector with its norm computed by `blas` (Java: `new VectorWithNorm(v)`). */
export function withNorm(vector: DenseVector, blas: Blas): VectorWithNorm {
  return new VectorWithNorm(vector, blas.norm2(vector));
}

function euclideanSquare(a: VectorWithNorm, b: VectorWithNorm, blas: Blas): number {
  return Math.max(
    0.0,
    a.l2Norm * a.l2Norm + b.l2Norm * b.l2Norm - 2.0 * blas.dot(a.vector, b.vector),
  );
}

/**
 * Flink ML's `DistanceMeasure.distance(centroid, point)` for one measure: euclidean
 * `sqrt(max(0, ‖a‖² + ‖b‖² − 2·a·b))`, manhattan `Σ|a_j − b_j|` (sequential), cosine
 * `1 − a·b/‖a‖/‖b‖`.
 *
 * @throws DistanceMeasureError for cosine with a zero norm, or manhattan with different sizes.
 */
export function distance(
  measure: DistanceMeasureName,
  a: VectorWithNorm,
  b: VectorWithNorm,
  blas: Blas,
): number {
  switch (measure) {
    case 'euclidean':
      return Math.sqrt(euclideanSquare(a, b, blas));
    case 'manhattan': {
      const x = a.vector;
      const y = b.vector;
      if (x.size() !== y.size()) {
        throw new DistanceMeasureError(
          `Manhattan distance needs vectors of equal size, got ${x.size()} and ${y.size()}.`,
        );
      }
      let sum = 0;
      for (let i = 0; i < x.size(); i++) sum += Math.abs(x.get(i) - y.get(i));
      return sum;
    }
    case 'cosine':
      if (!(a.l2Norm > 0 && b.l2Norm > 0)) throw new DistanceMeasureError(COSINE_ZERO_NORM_MESSAGE);
      return 1 - blas.dot(a.vector, b.vector) / a.l2Norm / b.l2Norm;
  }
}

/**
 * Flink ML's `DistanceMeasure.findClosest(centroids, point)`: the index of the nearest centroid.
 *
 * - euclidean (Java's override): best = +∞, index 0; a centroid is skipped when
 *   `(‖p‖ − ‖c‖)² >= best`; strict `<` keeps the first of equals. All-NaN distances (or no
 *   centroids) give 0.
 * - manhattan / cosine (the interface default): start at −1 and `Double.MAX_VALUE`, strict `<`;
 *   NaN distances give −1.
 */
export function findClosest(
  measure: DistanceMeasureName,
  centroids: readonly VectorWithNorm[],
  point: VectorWithNorm,
  blas: Blas,
): number {
  if (measure === 'euclidean') {
    let best = Number.POSITIVE_INFINITY;
    let bestIndex = 0;
    for (let i = 0; i < centroids.length; i++) {
      const c = centroids[i] as VectorWithNorm;
      const lowerBoundSqrt = point.l2Norm - c.l2Norm;
      if (lowerBoundSqrt * lowerBoundSqrt >= best) continue;
      const d = euclideanSquare(point, c, blas);
      if (d < best) {
        best = d;
        bestIndex = i;
      }
    }
    return bestIndex;
  }
  let target = -1;
  let min = Number.MAX_VALUE;
  for (let i = 0; i < centroids.length; i++) {
    const d = distance(measure, centroids[i] as VectorWithNorm, point, blas);
    if (d < min) {
      min = d;
      target = i;
    }
  }
  return target;
}
