/**
 * One row of a {@link DataFrame}: a list of values, one per column (as Flink ML's `Row`).
 *
 * @example
 * ```ts
 * const row = new Row([Vectors.dense(1, 2), 1.0]);
 * row.get(1);               // 1
 * row.getAs<Vector>(0);     // the vector
 * ```
 */
export class Row {
  private readonly values: unknown[];

  /** @param values the row's values; the array is used as the row's storage (no copy). */
  constructor(values: unknown[] = []) {
    this.values = values;
  }

  /** The value at column position `i` (`undefined` past the end). */
  get(i: number): unknown {
    return this.values[i];
  }

  /** The value at column position `i`, cast to `T` (unchecked, like Java's `getAs`). */
  getAs<T>(i: number): T {
    return this.values[i] as T;
  }

  /** Appends a value; returns this row. */
  add(value: unknown): this {
    this.values.push(value);
    return this;
  }

  /** The number of values. */
  size(): number {
    return this.values.length;
  }

  /** The values as a read-only array. */
  toArray(): readonly unknown[] {
    return this.values;
  }
}
