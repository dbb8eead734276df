import { SparseVector } from '@servable/linalg';
import type { CountVectorizerModelData } from './count-vectorizer-model-data.js';

/**
 * Flink ML CountVectorizerModel's transform of one document: counts the in-vocabulary words,
 * keeps the indices whose count reaches `minTF` (an absolute count when `minTF >= 1`, else a
 * fraction of the document length) and returns them as a SparseVector of the vocabulary size,
 * with the counts (or 1.0 when `binary`) as values.
 *
 * @throws RangeError when a counted word's index is not below the vector size (only possible
 *   with a vocabulary listing a word twice; Java fails the same way).
 */
export function countVectorize(
  model: CountVectorizerModelData,
  document: readonly (string | null)[],
  minTF: number,
  binary: boolean,
): SparseVector {
  const size = model.size;
  const counts = new Float64Array(size);
  for (let k = 0; k < document.length; k++) {
    const i = model.indexOf(document[k] as string | null);
    if (i < 0) continue;
    if (i >= size) {
      throw new RangeError(
        `Word ${JSON.stringify(document[k])} has vocabulary index ${i}, beyond the vector size ${size}: the vocabulary lists a word twice.`,
      );
    }
    counts[i] = (counts[i] as number) + 1;
  }
  const effectiveMinTF = minTF >= 1.0 ? minTF : document.length * minTF;
  let nnz = 0;
  for (let i = 0; i < size; i++) if ((counts[i] as number) >= effectiveMinTF) nnz++;
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  for (let i = 0, k = 0; i < size; i++) {
    const c = counts[i] as number;
    if (c >= effectiveMinTF) {
      indices[k] = i;
      values[k++] = binary ? 1.0 : c;
    }
  }
  return new SparseVector(size, indices, values);
}
