import { DenseVector, SparseVector, type Vector } from '@servable/linalg';
import { javaLongAffineRemainder } from '../java/long-affine-remainder.js';
import { MIN_HASH_PRIME, type MinHashLSHModelData } from './min-hash-lsh-model-data.js';

/** An input vector has no element to hash (Java: `Must have at least 1 non zero entry.`). */
export class EmptyMinHashInputError extends Error {
  constructor() {
    super('Must have at least 1 non zero entry.');
    this.name = 'EmptyMinHashInputError';
  }
}

/**
 * The set MinHash works on: the indices of `vec.toSparse()` — a dense vector's non-zero
 * positions (NaN counts as non-zero), a sparse vector's stored indices (explicit zeros count).
 */
export function minHashSet(vec: Vector): Int32Array {
  if (vec instanceof SparseVector) return vec.indices;
  const values = (vec as DenseVector).values;
  let nnz = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) nnz++;
  const out = new Int32Array(nnz);
  for (let i = 0, k = 0; i < values.length; i++) if (values[i] !== 0) out[k++] = i;
  return out;
}

/**
 * Flink ML `MinHashLSHModelData.hashFunction`: for each table t and function f (coefficients
 * `a`, `b` at `t·F + f`), `min over the set's indices i of ((1 + i)·a + b) mod P` in Java `long`
 * arithmetic (exact here, though the product exceeds 2^53), starting from P = 2038074743. One
 * DenseVector of F hash values per table.
 *
 * @throws EmptyMinHashInputError when the vector has no element (see {@link minHashSet}).
 */
export function minHash(model: MinHashLSHModelData, vec: Vector): DenseVector[] {
  const indices = minHashSet(vec);
  if (indices.length === 0) throw new EmptyMinHashInputError();
  const tables = model.numHashTables;
  const functions = model.numHashFunctionsPerTable;
  const coefA = model.randCoefficientA;
  const coefB = model.randCoefficientB;
  const out: DenseVector[] = new Array(tables);
  for (let t = 0; t < tables; t++) {
    const values = new Float64Array(functions);
    for (let f = 0; f < functions; f++) {
      const a = coefA[t * functions + f] as number;
      const b = coefB[t * functions + f] as number;
      let min = MIN_HASH_PRIME;
      for (let k = 0; k < indices.length; k++) {
        const h = javaLongAffineRemainder(1 + (indices[k] as number), a, b, MIN_HASH_PRIME);
        if (h < min) min = h;
      }
      values[f] = min;
    }
    out[t] = new DenseVector(values);
  }
  return out;
}

/**
 * Flink ML `MinHashLSHModelData.keyDistance`: the Jaccard distance `1 − |X ∩ Y| / |X ∪ Y|` of
 * the two vectors' sets (see {@link minHashSet}).
 *
 * @throws RangeError when both sets are empty (Java: `The union of two input sets must have at
 *   least 1 elements`).
 */
export function minHashKeyDistance(x: Vector, y: Vector): number {
  const xs = minHashSet(x);
  const ys = minHashSet(y);
  if (xs.length + ys.length === 0) {
    throw new RangeError('The union of two input sets must have at least 1 elements');
  }
  let px = 0;
  let py = 0;
  let intersection = 0;
  while (px < xs.length && py < ys.length) {
    const a = xs[px] as number;
    const b = ys[py] as number;
    if (a === b) {
      intersection++;
      px++;
      py++;
    } else if (a < b) px++;
    else py++;
  }
  const union = xs.length + ys.length - intersection;
  return 1 - intersection / union;
}
