import type { Blas, DenseVector } from '@servable/linalg';
import { javaDoubleCompare } from '../java/double-compare.js';
import { JavaDoubleHashMap } from '../java/double-hash-map.js';
import { JavaPriorityQueue } from '../java/priority-queue.js';
import type { KnnModelData } from './knn-model-data.js';

// Scratch shared by every call (knnPredict is synchronous and never re-entered): the heap holds
// training-point indices ordered by their distance in `dist`, the distances of the current row.
let dist: Float64Array = new Float64Array(0);

/** Java's `Comparator.comparingDouble(t -> -t.f0)` on point indices: the farthest at the head. */
function farthestFirst(a: number, b: number): number {
  return javaDoubleCompare(-dist[a]!, -dist[b]!);
}

const queue = new JavaPriorityQueue<number>(farthestFirst);
/** Labels in poll order, then the distinct labels and their votes. */
let polled = new Float64Array(16);
let distinct = new Float64Array(16);
let votes = new Float64Array(16);
/** Above this many neighbours, votes are counted in the emulated HashMap directly. */
const MAX_SCAN_VOTES = 64;

function sumWeights(a: number, b: number): number {
  return a + b;
}

/**
 * The label Java's vote picks among `polled[0..n)` (labels in poll order): the first label, in
 * `HashMap` iteration order, with the most votes. When one label has strictly the most votes the
 * order cannot matter and no map is built.
 */
function vote(n: number): number {
  if (n <= MAX_SCAN_VOTES) {
    let m = 0;
    for (let i = 0; i < n; i++) {
      const label = polled[i]!;
      let at = 0;
      // Double.equals: NaN equals NaN, 0.0 differs from -0.0 (Object.is).
      while (at < m && !Object.is(distinct[at], label)) at++;
      if (at === m) {
        distinct[m] = label;
        votes[m] = 0;
        m++;
      }
      votes[at] = votes[at]! + 1;
    }
    let best = -1;
    let ties = 0;
    for (let i = 0; i < m; i++) {
      if (best < 0 || votes[i]! > votes[best]!) {
        best = i;
        ties = 1;
      } else if (votes[i] === votes[best]) {
        ties++;
      }
    }
    if (best < 0) return -1.0;
    if (ties === 1) return distinct[best]!;
  }
  const weights = new JavaDoubleHashMap(n);
  for (let i = 0; i < n; i++) weights.merge(polled[i]!, 1.0, sumWeights);
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
  dist = d;
  queue.clear();
  for (let j = 0; j < labels.length; j++) {
    if (queue.size() < k) {
      queue.offer(j);
    } else if (d[queue.peek()!]! > d[j]!) {
      queue.poll();
      queue.offer(j);
    }
  }
  const n = queue.size();
  if (polled.length < n) {
    polled = new Float64Array(n);
    distinct = new Float64Array(n);
    votes = new Float64Array(n);
  }
  for (let i = 0; i < n; i++) polled[i] = labels[queue.poll()!]!;
  return vote(n);
}
