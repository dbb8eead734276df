/**
 * One feature's categories in a VectorIndexerModel: a Java `HashMap<Double, Integer>` from a
 * feature value to its category index.
 *
 * Keys are matched as Java's `Double.equals` does — by their bits after NaN canonicalisation —
 * so `-0.0` and `0.0` are **different** keys and every NaN is the same key. Entries keep the
 * order they were added in (for byte-exact re-encoding); adding a key again overwrites its value
 * in place, as `HashMap.put` does.
 */
export class CategoryMap {
  private readonly index = new Map<number, number>();
  private negativeZero: number | undefined;
  private readonly order: number[] = [];

  /** @param entries `[value, category]` pairs in stream order. */
  constructor(entries: Iterable<readonly [number, number]> = []) {
    for (const [value, category] of entries) this.set(value, category);
  }

  /** Adds or overwrites the category of `value`. */
  set(value: number, category: number): void {
    if ((category | 0) !== category) {
      throw new RangeError(`A category index must be a Java int, got ${category}.`);
    }
    if (Object.is(value, -0)) {
      if (this.negativeZero === undefined) this.order.push(value);
      this.negativeZero = category;
      return;
    }
    if (!this.index.has(value)) this.order.push(value);
    this.index.set(value, category);
  }

  /** The category of `value` (bit-exact key match), or -1 when the value has none. */
  get(value: number): number {
    if (value === 0 && Object.is(value, -0)) return this.negativeZero ?? -1;
    return this.index.get(value) ?? -1;
  }

  /** The number of distinct values (Java's `map.size()`, the category `keep` assigns). */
  get size(): number {
    return this.order.length;
  }

  /** The `[value, category]` entries in the order they were first added. */
  *entries(): IterableIterator<[number, number]> {
    for (const value of this.order) yield [value, this.get(value)];
  }
}
