import type { Blas, DenseVector } from '@servable/linalg';
import { javaDoubleCompare } from '../java/double-compare.js';
import { JavaDoubleHashMap } from '../java/double-hash-map.js';
import { JavaPriorityQueue } from '../java/priority-queue.js';
import type { KnnModelData } from './knn-model-data.js';

/** A neighbour in the heap: `[distance, label]` (Java's `Tuple2<Double, Double>`). */
type Neighbour = [distance: number, label: number];

/** Java's `Comparator.comparingDouble(t -> -t.f0)`: the farthest neighbour at the head. */
function farthestFirst(a: Neighbour, b: Neighbour): number {
  return javaDoubleCompare(-a[0], -b[0]);
}

function sumWeights(a: number, b: number): number {
  return a + b;
}

/**
 * Flink ML's `KnnModel` prediction for one row, step for step (spec §5.5):
 *
 * 1. `d = gemv(-2, packed, trans, x, 0)`, `dist_j = sqrt(|d_j + ‖x‖² + normSquare_j|)`;
 * 2. a `java.util.PriorityQueue` of at most `k` `(dist, label)` with the farthest at the head,
 *    replaced only by a strictly nearer point;
 * 3. the queue polled farthest first into `HashMap.merge(label, 1.0, sum)`;
 * 4. the first label in Java's `HashMap` iteration order whose count is strictly above the
 *    running maximum (0) wins; `-1.0` without training points.
 *
 * Ties therefore resolve exactly as on a JVM (heap order and HashMap bucket order).
 *
 * @param features the row's features, already dense, of dimension `packedFeatures.numRows()`.
 * @param distances scratch space of `packedFeatures.numCols()` entries (overwritten).
 * @param blas `FmaBLAS` for Java 11+ bit parity, `BLAS` for Java 8.
 */
export function knnPredict(
  model: KnnModelData,
  features: DenseVector,
  k: number,
  distances: DenseVector,
  blas: Blas,
): number {
  const norm = blas.norm2(features);
  const normSquare = norm * norm;
  const d = distances.values;
  d.fill(0);
  blas.gemv(-2.0, model.packedFeatures, true, features, 0.0, distances);
  const normSquares = model.featureNormSquares.values;
  for (let j = 0; j < d.length; j++) {
    d[j] = Math.sqrt(Math.abs(d[j]! + normSquare + normSquares[j]!));
  }
  const labels = model.labels.values;
  const queue = new JavaPriorityQueue<Neighbour>(farthestFirst);
  for (let j = 0; j < labels.length; j++) {
    if (queue.size() < k) {
      queue.offer([d[j]!, labels[j]!]);
    } else if ((queue.peek() as Neighbour)[0] > d[j]!) {
      queue.poll();
      queue.offer([d[j]!, labels[j]!]);
    }
  }
  const weights = new JavaDoubleHashMap(queue.size());
  for (let n = queue.poll(); n !== undefined; n = queue.poll())
    weights.merge(n[1], 1.0, sumWeights);
  let maxWeight = 0.0;
  let predicted = -1.0;
  for (const [label, weight] of weights.entries()) {
    if (weight > maxWeight) {
      maxWeight = weight;
      predicted = label;
    }
  }
  return predicted;
}
