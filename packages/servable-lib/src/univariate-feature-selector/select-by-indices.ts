import { DenseVector, SparseVector, type Vector } from '@servable/linalg';
import { sortIndices } from './univariate-feature-selector-model-data.js';

/**
 * Picks the entries at `sortedIndices` out of `vector`, as Flink ML's
 * `VectorUtils.selectByIndices` (used by UnivariateFeatureSelectorModel and
 * VarianceThresholdSelectorModel):
 *
 * - dense input → a dense vector whose entry `i` is `vector[sortedIndices[i]]`;
 * - sparse input → a sparse vector of size `sortedIndices.length` holding the stored entries whose
 *   index occurs in `sortedIndices`, re-indexed to their position there (a merge join, so stored
 *   explicit zeros stay stored and a repeated index is matched only once, as in Java).
 *
 * The caller guarantees that `sortedIndices` is ascending and every index is below
 * `vector.size()`.
 */
export function selectByIndices(vector: Vector, sortedIndices: Int32Array): Vector {
  const m = sortedIndices.length;
  if (vector instanceof DenseVector) {
    const src = vector.values;
    const out = new Float64Array(m);
    for (let i = 0; i < m; i++) out[i] = src[sortedIndices[i]!]!;
    return new DenseVector(out);
  }
  const sparse = vector as SparseVector;
  const indices = sparse.indices;
  const values = sparse.values;
  const outIdx = new Int32Array(Math.min(indices.length, m));
  const outVal = new Float64Array(outIdx.length);
  let k = 0;
  for (let i = 0, j = 0; i < indices.length && j < m; ) {
    const a = indices[i]!;
    const b = sortedIndices[j]!;
    if (a === b) {
      outIdx[k] = j++;
      outVal[k++] = values[i++]!;
    } else if (a > b) {
      j++;
    } else {
      i++;
    }
  }
  return new SparseVector(m, outIdx.slice(0, k), outVal.slice(0, k));
}

/**
 * The selected indices of a selector model in ascending order, sorted once per model object
 * (UnivariateFeatureSelectorModel, VarianceThresholdSelectorModel: model data is never modified
 * in place, so a new model is a new object).
 */
export class SortedIndicesCache {
  private model: object | undefined;
  private sorted: Int32Array = new Int32Array(0);

  /** `model.indices` sorted ascending: sorted again only when `model` is not the last one seen. */
  of(model: { readonly indices: Int32Array }): Int32Array {
    if (this.model !== model) {
      this.sorted = sortIndices(model.indices);
      this.model = model;
    }
    return this.sorted;
  }
}
