/**
 * The lookup table StringIndexerModel builds for one column: string → position in the model's
 * string array. A string listed twice gets its **last** position (Java's `HashMap.put`
 * overwrites), and {@link StringIndex.size} counts distinct strings — the index `keep` assigns
 * to unseen values. A null string is a key like any other.
 */
export class StringIndex {
  private readonly positions = new Map<string | null, number>();

  /** @param strings the column's strings in index order. */
  constructor(strings: readonly (string | null)[]) {
    for (let i = 0; i < strings.length; i++) this.positions.set(strings[i] as string | null, i);
  }

  /** The number of distinct strings (Java's `map.size()`). */
  get size(): number {
    return this.positions.size;
  }

  /** The index of `key`, or -1 when the model has not seen it. */
  indexOf(key: string | null): number {
    return this.positions.get(key) ?? -1;
  }
}
