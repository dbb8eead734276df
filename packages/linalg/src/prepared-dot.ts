import { type BlasNumerics, ddotFma, ddotPlain, sparseDenseDot } from './blas.js';
import type { DenseVector } from './dense-vector.js';
import { DimensionMismatchError } from './errors.js';
import { fmaPreSplit, isSplitSafeFactor, veltkampHigh } from './fma.js';
import type { SparseVector } from './sparse-vector.js';
import type { Vector } from './vector.js';

/**
 * Dot products against one fixed dense vector (a model's coefficients), prepared once per model
 * by {@link prepareDot}. `dot(x)` returns bit for bit what `blasFor(numerics).dot(x, y)`
 * returns, faster:
 *
 * - `'plain'`: netlib `ddot`'s four accumulators, without the generic dispatch of `BLAS.dot`.
 * - `'fma'`: the fixed vector is Veltkamp-split once, and each `x` is range-checked once per
 *   call instead of once per product, so every product takes the exact double-double fast path
 *   of {@link fma} with half the splitting work. Vectors outside the fast path's safe range (NaN,
 *   infinities, subnormals, magnitudes ≥ 2^995) fall back to `FmaBLAS.dot`'s kernel.
 *
 * Sparse `x` is the plain sequential sum in both numerics, as in Java.
 */
export interface PreparedDot {
  /** The arithmetic (as {@link BlasNumerics}). */
  readonly numerics: BlasNumerics;
  /** The size of the fixed vector (and of every accepted `x`). */
  readonly size: number;
  /**
   * `x · y` for the fixed `y`.
   * @throws {DimensionMismatchError} when `x.size()` differs from {@link PreparedDot.size}.
   */
  dot(x: Vector): number;
  /**
   * `x · y` for a dense `x` given as its values (no size check beyond the length: the caller
   * guarantees `x.length === size`).
   */
  denseDot(x: Float64Array): number;
}

/**
 * Prepares {@link PreparedDot} for the fixed vector `y`. The vector's values are copied (later
 * writes to `y` are not seen).
 *
 * @example
 * ```ts
 * const dot = prepareDot(coefficient, 'fma');
 * dot.dot(features) === FmaBLAS.dot(features, coefficient); // true, bit for bit
 * ```
 */
export function prepareDot(y: DenseVector, numerics: BlasNumerics): PreparedDot {
  const values = Float64Array.from(y.values);
  return numerics === 'fma' ? new FmaPreparedDot(values) : new PlainPreparedDot(values);
}

function mismatch(x: number, y: number): DimensionMismatchError {
  return new DimensionMismatchError(
    `Vector size mismatched. dot: x has size ${x}, y has size ${y}.`,
    x,
    y,
  );
}

class PlainPreparedDot implements PreparedDot {
  readonly numerics = 'plain' as const;
  readonly size: number;
  constructor(private readonly y: Float64Array) {
    this.size = y.length;
  }

  dot(x: Vector): number {
    if (x.size() !== this.size) throw mismatch(x.size(), this.size);
    if (x.kind === 'sparse') return sparseDenseDot(x as SparseVector, this.y);
    return this.denseDot((x as DenseVector).values);
  }

  denseDot(x: Float64Array): number {
    return ddotPlain(x.length, x, this.y);
  }
}

class FmaPreparedDot implements PreparedDot {
  readonly numerics = 'fma' as const;
  readonly size: number;
  private readonly hi: Float64Array;
  private readonly lo: Float64Array;
  /** Whether every value of `y` is a safe factor (else every call takes the generic kernel). */
  private readonly safe: boolean;

  constructor(private readonly y: Float64Array) {
    const n = y.length;
    this.size = n;
    this.hi = new Float64Array(n);
    this.lo = new Float64Array(n);
    let safe = true;
    for (let i = 0; i < n; i++) {
      const v = y[i]!;
      if (!isSplitSafeFactor(v)) safe = false;
      const h = veltkampHigh(v);
      this.hi[i] = h;
      this.lo[i] = v - h;
    }
    this.safe = safe;
  }

  dot(x: Vector): number {
    if (x.size() !== this.size) throw mismatch(x.size(), this.size);
    if (x.kind === 'sparse') return sparseDenseDot(x as SparseVector, this.y);
    return this.denseDot((x as DenseVector).values);
  }

  denseDot(x: Float64Array): number {
    const n = x.length;
    const y = this.y;
    if (!this.safe || !allSafe(x)) return ddotFma(n, x, y);
    if (n <= 0) return 0;
    const hi = this.hi;
    const lo = this.lo;
    // netlib ddot's order: four accumulators (lane k sums the elements i ≡ k mod 4, in order),
    // then the remainder into their sum. The lanes are independent chains, so they are computed
    // one after the other: one call site of the fused step keeps it inlined.
    const bound = n - (n % 4);
    const s0 = lane(x, y, hi, lo, 0, bound, 4, 0);
    const s1 = lane(x, y, hi, lo, 1, bound, 4, 0);
    const s2 = lane(x, y, hi, lo, 2, bound, 4, 0);
    const s3 = lane(x, y, hi, lo, 3, bound, 4, 0);
    let s = 0;
    s += s0 + s1 + s2 + s3;
    return lane(x, y, hi, lo, bound, n, 1, s);
  }
}

/** `s` fused with `x[i]·y[i]` for `i = start, start + step, … < end`, in order. */
function lane(
  x: Float64Array,
  y: Float64Array,
  hi: Float64Array,
  lo: Float64Array,
  start: number,
  end: number,
  step: number,
  s: number,
): number {
  let acc = s;
  for (let i = start; i < end; i += step) acc = fmaPreSplit(x[i]!, y[i]!, hi[i]!, lo[i]!, acc);
  return acc;
}

function allSafe(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (!isSplitSafeFactor(x[i]!)) return false;
  return true;
}
