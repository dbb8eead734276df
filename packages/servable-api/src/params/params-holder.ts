import type { Param } from './param.js';
import { InvalidParamError, ParamError, UnknownParamError } from './param-error.js';
import type { WithParams } from './with-params.js';

/**
 * Typed accessors for one param that {@link ParamsHolder.with} installs on a class, e.g.
 * `getFeaturesCol()` / `setFeaturesCol(value)`. `I` is the interface the accessors implement
 * (`HasFeaturesCol`); create one with {@link paramMixin}.
 */
export interface ParamMixin<I extends object> {
  /** The param the accessors read and write. */
  readonly param: Param<unknown>;
  /** The accessor suffix: `FeaturesCol` gives `getFeaturesCol` and `setFeaturesCol`. */
  readonly accessorName: string;
  /** Converts a setter argument before `set()` (e.g. `number` → `bigint` for longs). */
  readonly convert?: ((value: unknown) => unknown) | undefined;
  /** Type-only marker of the interface; always undefined at run time. */
  readonly __interface?: I;
}

/**
 * Declares the typed accessors of `param` as implementing interface `I`. The interface must
 * contain exactly `get<Name>(): V` and `set<Name>(value: V): this` for the param's value type.
 *
 * @example
 * ```ts
 * export const THRESHOLD = new DoubleParam('threshold', 'The threshold.', 0.5);
 * export interface HasThreshold {
 *   getThreshold(): number;
 *   setThreshold(value: number): this;
 * }
 * export const HasThreshold = paramMixin<HasThreshold>(THRESHOLD, 'Threshold');
 * ```
 */
export function paramMixin<I extends object>(
  param: Param<unknown>,
  accessorName: string,
  convert?: (value: unknown) => unknown,
): ParamMixin<I> {
  return { param, accessorName, convert };
}

/** The intersection of the interfaces of the mixins in `M` (bare params add nothing). */
export type MixinInterfaces<M extends readonly unknown[]> = M extends readonly [
  infer Head,
  ...infer Rest,
]
  ? (Head extends ParamMixin<infer I> ? I : unknown) & MixinInterfaces<Rest>
  : unknown;

/** The class {@link ParamsHolder.with} returns: a params holder with the mixins' accessors. */
export type ParamsHolderClass<I> = new (
  extraParams?: readonly Param<unknown>[],
) => ParamsHolder & I;

/** One defined param and its current value: `get` and `set` are one Map access each. */
interface ParamSlot {
  readonly param: Param<unknown>;
  value: unknown;
}

/**
 * Base class of everything that holds params (every servable): keeps a value for every param
 * it defines, initialised with the defaults. Param identity is the name.
 *
 * `set()` returns `this`, so `class Foo extends ParamsHolder<Foo>` satisfies `WithParams<Foo>`;
 * the type argument is kept for symmetry with Flink ML's `WithParams<T>` and may be omitted.
 *
 * Most servables extend {@link ParamsHolder.with}, which also installs typed accessors:
 *
 * @example
 * ```ts
 * class MyServable extends ParamsHolder.with(HasFeaturesCol, HasPredictionCol, K) {}
 * const s = new MyServable().setFeaturesCol('f').setPredictionCol('p').set(K, 3);
 * s.getFeaturesCol(); // 'f'
 * ```
 */
export class ParamsHolder<T = unknown> implements WithParams<ParamsHolder<T>> {
  readonly #byName = new Map<string, ParamSlot>();

  /**
   * @param params every param the holder defines. The same param object listed twice is kept
   *   once; two different params with the same name throw `ParamError` (code `DUPLICATE_PARAM`).
   */
  constructor(params: readonly Param<unknown>[]) {
    for (const param of params) {
      const existing = this.#byName.get(param.name)?.param;
      if (existing === param) continue;
      if (existing !== undefined) {
        throw new ParamError(
          'DUPLICATE_PARAM',
          `${this.constructor.name} defines two different params named ${param.name}.`,
        );
      }
      this.#byName.set(param.name, { param, value: param.defaultValue });
    }
  }

  /**
   * A base class with the params of `mixins` and typed accessors for them: a
   * {@link ParamMixin} contributes its param plus `get<Name>()`/`set<Name>()`; a bare
   * {@link Param} contributes just the param (read it with `get(PARAM)`). The class's
   * constructor takes optional extra params.
   */
  static with<const M extends readonly (ParamMixin<object> | Param<unknown>)[]>(
    ...mixins: M
  ): ParamsHolderClass<MixinInterfaces<M>> {
    const params = mixins.map((m) => ('accessorName' in m ? m.param : m));
    class WithMixins extends ParamsHolder {
      constructor(extraParams: readonly Param<unknown>[] = []) {
        super([...params, ...extraParams]);
      }
    }
    for (const mixin of mixins) {
      if (!('accessorName' in mixin)) continue;
      const { param, accessorName, convert } = mixin;
      Object.defineProperty(WithMixins.prototype, `get${accessorName}`, {
        value(this: ParamsHolder) {
          return this.get(param);
        },
        writable: true,
        configurable: true,
      });
      Object.defineProperty(WithMixins.prototype, `set${accessorName}`, {
        value(this: ParamsHolder, value: unknown) {
          return this.set(param, convert === undefined ? value : convert(value));
        },
        writable: true,
        configurable: true,
      });
    }
    return WithMixins as unknown as ParamsHolderClass<MixinInterfaces<M>>;
  }

  /** Every param the holder defines, in definition order. */
  getParams(): readonly Param<unknown>[] {
    return Array.from(this.#byName.values(), (slot) => slot.param);
  }

  /** The param named `name`, or undefined. */
  getParam(name: string): Param<unknown> | undefined {
    return this.#byName.get(name)?.param;
  }

  /** True if the holder defines a param with the name of `param`. */
  hasParam(param: Param<unknown> | string): boolean {
    return this.#byName.has(typeof param === 'string' ? param : param.name);
  }

  /** See {@link WithParams.get}. */
  get<V>(param: Param<V>): V {
    const slot = this.#byName.get(param.name);
    if (slot === undefined) throw this.#unknown(param.name);
    const value = slot.value as V | null;
    if (value === null && !slot.param.validator.validate(null)) {
      const own = slot.param;
      throw new InvalidParamError(own.name, null, own.validator.rule, 'null');
    }
    return value as V;
  }

  /** See {@link WithParams.set}. */
  set<V>(param: Param<V>, value: V): this {
    const slot = this.#byName.get(param.name);
    if (slot === undefined) throw this.#unknown(param.name);
    slot.value = slot.param.checkValue(value);
    return this;
  }

  /** Sets a value that is not statically typed (e.g. decoded from JSON) by param name. */
  setByName(name: string, value: unknown): this {
    const slot = this.#byName.get(name);
    if (slot === undefined) throw this.#unknown(name);
    slot.value = slot.param.checkValue(value);
    return this;
  }

  /** See {@link WithParams.getParamMap}. */
  getParamMap(): ReadonlyMap<Param<unknown>, unknown> {
    const map = new Map<Param<unknown>, unknown>();
    for (const slot of this.#byName.values()) map.set(slot.param, slot.value);
    return map;
  }

  #unknown(name: string): UnknownParamError {
    return new UnknownParamError(name, this.constructor.name, [...this.#byName.keys()]);
  }
}
