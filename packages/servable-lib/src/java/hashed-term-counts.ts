import { SparseVector } from '@servable/linalg';

/**
 * Accumulates `index → value` sums the way Flink ML's hashing transformers do with a Java
 * `TreeMap<Integer, Double>` and `merge(index, value, Double::sum)`: colliding indices are
 * summed in insertion order, and the result is a SparseVector with ascending indices.
 *
 * Reusable across rows (`reset` between rows) so a transform allocates only the output vectors.
 */
export class HashedTermCounts {
  private indices: number[] = [];
  private values: number[] = [];

  /** Forgets every entry (start of a row). */
  reset(): void {
    this.indices.length = 0;
    this.values.length = 0;
  }

  /** `map.merge(index, value, Double::sum)`. */
  add(index: number, value: number): void {
    this.indices.push(index);
    this.values.push(value);
  }

  /** The entries as a SparseVector of dimension `n`: ascending indices, collisions summed. */
  toSparseVector(n: number): SparseVector {
    const count = this.indices.length;
    const order = Array.from({ length: count }, (_, i) => i);
    // Array.prototype.sort is stable: equal indices keep insertion order, so sums are
    // accumulated in the order Java's merge saw them.
    order.sort((a, b) => this.indices[a]! - this.indices[b]!);
    const outIdx: number[] = [];
    const outVal: number[] = [];
    for (const k of order) {
      const index = this.indices[k]!;
      const last = outIdx.length - 1;
      if (last >= 0 && outIdx[last] === index) outVal[last] = outVal[last]! + this.values[k]!;
      else {
        outIdx.push(index);
        outVal.push(this.values[k]!);
      }
    }
    return new SparseVector(n, Int32Array.from(outIdx), Float64Array.from(outVal));
  }
}
