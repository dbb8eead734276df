import type { Param } from './param.js';

/**
 * Something that holds param values: every servable, as Flink ML's `WithParams<T>`.
 *
 * Null and the generic types: `get(param: Param<V>)` returns `V`. A param declared without
 * `| null` never yields null: if its stored value is null (a default of null such as
 * `inputCols`, never set), `get` throws `InvalidParamError` ("Parameter inputCols's value should
 * not be null"), as Java does when the validator rejects null. A param declared `Param<X | null>`
 * (validator accepting null) returns null.
 */
export interface WithParams<T> {
  /** Every param the holder defines, in definition order. */
  getParams(): readonly Param<unknown>[];
  /**
   * The value of `param`.
   *
   * @throws {UnknownParamError} if the holder does not define `param`.
   * @throws {InvalidParamError} if the value is null and the validator rejects null.
   */
  get<V>(param: Param<V>): V;
  /**
   * Sets (type-checks, normalises and validates) the value of `param`; returns the holder.
   *
   * @throws {UnknownParamError} if the holder does not define `param`.
   * @throws {InvalidParamError} if the value has the wrong type or the validator rejects it.
   */
  set<V>(param: Param<V>, value: V): T;
  /** Every param with its current value (null included), in definition order. */
  getParamMap(): ReadonlyMap<Param<unknown>, unknown>;
}
