import { checkNumerics, DEFAULT_NUMERICS, type Numerics, type NumericsAware } from './numerics.js';

/**
 * Makes a servable base class {@link NumericsAware}: returns an abstract subclass of `Base` that
 * holds the servable's {@link Numerics} ({@link DEFAULT_NUMERICS} until set) and implements
 * `setNumerics` (validated with {@link checkNumerics}, chainable) and `getNumerics`.
 *
 * Numerics is not a Flink ML param: it is never saved in a stage's `metadata`. A
 * {@link ServableRegistry} (through `servableLoader`, `ServableRegistry.load` and
 * `PipelineModelServable.load`) sets its own numerics on every servable built this way, so a
 * plugin's servable opts in just by extending it. Read `this.getNumerics()` once per
 * `transform` call (not per row), e.g. `blasOf(this.getNumerics())`.
 *
 * Generic bases stay generic and keep their constructor parameters: the model type argument
 * goes after the call, and setters keep returning the concrete class (`this`).
 *
 * @example
 * ```ts
 * class DotServable extends withNumerics(
 *   ModelServable.withParams(HasFeaturesCol, HasPredictionCol),
 * )<DenseVector> {
 *   transform(df: DataFrame): DataFrame {
 *     const blas = blasOf(this.getNumerics()); // once per call
 *     ...
 *   }
 * }
 * new DotServable().setNumerics('java11').setFeaturesCol('f'); // a DotServable
 * ```
 *
 * @param Base the class to extend (abstract or not), e.g. the result of
 *   `ModelServable.withParams(...)` or `TransformerServableBase.withParams(...)`.
 * @returns an abstract class with `Base`'s constructor parameters and type parameters whose
 *   instances are `Base`'s plus {@link NumericsAware}.
 */
export function withNumerics<A extends unknown[], T extends object>(
  Base: abstract new (...args: A) => T,
): abstract new (
  ...args: A
) => T & NumericsAware {
  abstract class WithNumerics
    extends (Base as unknown as abstract new (...args: unknown[]) => object)
    implements NumericsAware
  {
    #numerics: Numerics = DEFAULT_NUMERICS;

    /** See {@link NumericsAware.setNumerics}. */
    setNumerics(numerics: Numerics): this {
      this.#numerics = checkNumerics(numerics);
      return this;
    }

    /** See {@link NumericsAware.getNumerics}. */
    getNumerics(): Numerics {
      return this.#numerics;
    }
  }
  return WithNumerics as unknown as abstract new (
    ...args: A
  ) => T & NumericsAware;
}
