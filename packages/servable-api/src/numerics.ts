import { BLAS, type Blas, type BlasNumerics, FmaBLAS } from '@servable/linalg';
import { ServableError } from './errors.js';

/**
 * The floating-point evaluation servables use for BLAS work (dot products, norms, `gemv`).
 *
 * Flink ML's results depend on the JVM it ran on: netlib JavaBLAS multiplies and adds separately
 * on Java 8 and uses fused multiply-adds (`Math.fma`) on Java 11+.
 *
 * - `'fast'` (default): plain arithmetic in netlib's order. Bit for bit what Flink ML computes on
 *   Java 8; within a few ulps of Java 11+ (well inside a 1e-12 relative tolerance except for
 *   near-cancelling sums). As fast as a hand-written `Float64Array` loop.
 * - `'java11'`: an exact software fused multiply-add wherever Java 11+ fuses: bit for bit what a
 *   Flink ML job on Java 11+ computes, at several times the cost of `'fast'` on dense data.
 *
 * Not a Flink ML param: it never appears in a saved stage's metadata (Java would reject an
 * unknown param). Set it per servable ({@link NumericsAware.setNumerics}) or for everything a
 * registry loads (`new ServableRegistry({ numerics: 'java11' })`).
 */
export type Numerics = 'fast' | 'java11';

/** The numerics a servable uses until told otherwise. */
export const DEFAULT_NUMERICS: Numerics = 'fast';

/**
 * A servable whose outputs depend on {@link Numerics} (it does BLAS work that Java 11+ fuses).
 * A servable class gets this interface, implemented once, by extending `withNumerics(Base)`.
 *
 * @example
 * ```ts
 * const lr = new LogisticRegressionModelServable().setNumerics('java11');
 * lr.getNumerics(); // 'java11'
 * ```
 */
export interface NumericsAware {
  /**
   * Selects the numerics of later transforms (see {@link Numerics}): `'fast'` (default;
   * bit-exact with Flink ML on Java 8) or `'java11'` (bit-exact with Java 11+, slower). Not a
   * param: never saved. Returns the servable (chainable).
   *
   * @throws InvalidNumericsError for anything but `'fast'` or `'java11'`.
   */
  setNumerics(numerics: Numerics): this;
  /** The numerics in use ({@link DEFAULT_NUMERICS} unless set). */
  getNumerics(): Numerics;
}

/** Thrown for a numerics value other than `'fast'` and `'java11'`. */
export class InvalidNumericsError extends ServableError {
  constructor(
    /** The value given. */
    readonly found: unknown,
  ) {
    super(
      'INVALID_NUMERICS',
      `Invalid numerics ${JSON.stringify(found) ?? String(found)}: expected 'fast' or 'java11'.`,
    );
  }
}

/** Whether `value` implements {@link NumericsAware}. */
export function isNumericsAware(value: unknown): value is NumericsAware {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<NumericsAware>).setNumerics === 'function' &&
    typeof (value as Partial<NumericsAware>).getNumerics === 'function'
  );
}

/**
 * Returns `numerics` when it is a valid {@link Numerics} (for values from configuration files
 * or command lines).
 *
 * @throws InvalidNumericsError otherwise.
 */
export function checkNumerics(numerics: unknown): Numerics {
  if (numerics === 'fast' || numerics === 'java11') return numerics;
  throw new InvalidNumericsError(numerics);
}

/** The `@servable/linalg` numerics of a servable {@link Numerics}: `'fast'` → `'plain'`. */
export function blasNumerics(numerics: Numerics): BlasNumerics {
  return numerics === 'java11' ? 'fma' : 'plain';
}

/** The {@link Blas} of a {@link Numerics}: `BLAS` for `'fast'`, `FmaBLAS` for `'java11'`. */
export function blasOf(numerics: Numerics): Blas {
  return numerics === 'java11' ? FmaBLAS : BLAS;
}
