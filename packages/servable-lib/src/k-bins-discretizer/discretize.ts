import { DenseVector, type Vector } from '@servable/linalg';
import { javaBinarySearch } from '../java/binary-search.js';

/**
 * Flink ML KBinsDiscretizerModel's transform of one vector: for each feature i of
 * `input.toDense()`, the bin of `x_i` among `binEdges[i]` found with Java's
 * `Arrays.binarySearch` (an exact edge hit counts as the bin starting there; below the first
 * edge → bin 0; the last edge and above → the last bin; NaN → the last bin), as a DenseVector
 * of bin indices. The caller checks that `binEdges` covers every feature of the input.
 */
export function discretize(binEdges: readonly Float64Array[], input: Vector): DenseVector {
  const x = input.toArray();
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const edges = binEdges[i] as Float64Array;
    let index = javaBinarySearch(edges, x[i] as number);
    if (index < 0) index = -index - 1 - 1;
    index = Math.min(index, edges.length - 2);
    out[i] = Math.max(index, 0);
  }
  return new DenseVector(out);
}
