import { SparseVector } from '@servable/linalg';
import { TypedArraySlab } from './typed-array-slab.js';

/** Up to this many entries a row is sorted by insertion; beyond, by a stable index sort. */
const INSERTION_SORT_MAX = 32;

/**
 * Accumulates `index → value` sums the way Flink ML's hashing transformers do with a Java
 * `TreeMap<Integer, Double>` and `merge(index, value, Double::sum)`: colliding indices are
 * summed in insertion order, and the result is a SparseVector with ascending indices.
 *
 * Reusable across rows (`reset` between rows): the scratch space is typed arrays that grow as
 * needed, and the output arrays are views of shared chunks ({@link TypedArraySlab}), so a
 * transform allocates little more than the output vectors.
 */
export class HashedTermCounts {
  private indices = new Int32Array(8);
  private values = new Float64Array(8);
  private count = 0;
  private readonly outIndices: TypedArraySlab<Int32Array>;
  private readonly outValues: TypedArraySlab<Float64Array>;

  /** @param expectedEntries about how many entries all the rows' vectors will hold. */
  constructor(expectedEntries = 0) {
    this.outIndices = TypedArraySlab.int32(expectedEntries);
    this.outValues = TypedArraySlab.float64(expectedEntries);
  }

  /** Forgets every entry (start of a row). */
  reset(): void {
    this.count = 0;
  }

  /** `map.merge(index, value, Double::sum)`. */
  add(index: number, value: number): void {
    if (this.count === this.indices.length) this.grow();
    this.indices[this.count] = index;
    this.values[this.count] = value;
    this.count++;
  }

  /** The entries as a SparseVector of dimension `n`: ascending indices, collisions summed. */
  toSparseVector(n: number): SparseVector {
    const count = this.count;
    const idx = this.indices;
    const val = this.values;
    if (count <= INSERTION_SORT_MAX) {
      // Stable insertion sort in place: equal indices keep insertion order, so sums are
      // accumulated in the order Java's merge saw them.
      for (let i = 1; i < count; i++) {
        const ki = idx[i]!;
        const kv = val[i]!;
        let j = i - 1;
        while (j >= 0 && idx[j]! > ki) {
          idx[j + 1] = idx[j]!;
          val[j + 1] = val[j]!;
          j--;
        }
        idx[j + 1] = ki;
        val[j + 1] = kv;
      }
    } else {
      // Array.prototype.sort is stable too.
      const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => idx[a]! - idx[b]!);
      const sortedIdx = order.map((k) => idx[k]!);
      const sortedVal = order.map((k) => val[k]!);
      idx.set(sortedIdx);
      val.set(sortedVal);
    }
    let distinct = 0;
    for (let i = 0; i < count; i++) {
      if (i === 0 || idx[i] !== idx[i - 1]) distinct++;
    }
    const outIdx = this.outIndices.take(distinct);
    const outVal = this.outValues.take(distinct);
    let last = -1;
    for (let i = 0; i < count; i++) {
      const index = idx[i]!;
      if (last >= 0 && outIdx[last] === index) outVal[last] = outVal[last]! + val[i]!;
      else {
        last++;
        outIdx[last] = index;
        outVal[last] = val[i]!;
      }
    }
    return new SparseVector(n, outIdx, outVal);
  }

  private grow(): void {
    const indices = new Int32Array(this.indices.length * 2);
    const values = new Float64Array(this.values.length * 2);
    indices.set(this.indices);
    values.set(this.values);
    this.indices = indices;
    this.values = values;
  }
}
