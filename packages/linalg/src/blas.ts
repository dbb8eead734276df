import type { DenseMatrix } from './dense-matrix.js';
import type { DenseVector } from './dense-vector.js';
import { DimensionMismatchError, InvalidArgumentError } from './errors.js';
import { fma } from './fma.js';
import { formatJavaDouble } from './java-format.js';
import type { SparseVector } from './sparse-vector.js';
import type { Vector } from './vector.js';

/**
 * Which floating-point evaluation a {@link Blas} uses.
 *
 * - `'plain'`: separate multiply and add. Bit for bit what Flink ML computes on Java 8
 *   (netlib `Java8BLAS`), and within a few ulps of Java 11+.
 * - `'fma'`: fused multiply-add in exactly the places netlib's `Java11BLAS` uses `Math.fma`
 *   (`ddot`, `dnrm2`, `daxpy`, `dgemv`). Bit for bit what Flink ML computes on Java 11+ (the
 *   JVM Flink ML 2.x normally runs on), at several times the cost.
 */
export type BlasNumerics = 'plain' | 'fma';

/**
 * Flink ML's `org.apache.flink.ml.linalg.BLAS`: the same operations, argument checks and
 * summation orders (netlib JavaBLAS 2.2.1 kernels: four interleaved accumulators for `ddot`,
 * `dnrm2` and `dasum`; `dnrm2` of one element is `|x0|`; `dscal` returns early for `a == 1`,
 * `daxpy` for `a == 0`). Sparse loops (sparse·dense and sparse·sparse dots, sparse `axpy`, the
 * p-norms) are plain sequential sums in both numerics, as in Java.
 *
 * Two instances exist: {@link BLAS} (plain arithmetic) and {@link FmaBLAS} (Java 11+ fused).
 *
 * Precision of {@link BLAS} relative to {@link FmaBLAS} (measured by `bench/src/precision.ts`,
 * 2000 random vectors per row, d = 10..1000): the difference of dense dots never exceeded
 * 5e-16 of `Σ|xᵢyᵢ|` and `norm2` never differed by more than 3.1e-16 relative. Relative to the
 * dot itself: ≤ 4.7e-16 for same-sign data, but with cancellation (mixed signs, `|Σxᵢyᵢ| ≪
 * Σ|xᵢyᵢ|`) up to 4.4e-13 (uniform ±1, d = 1000) and 7.8e-12 (log-normal ±, d = 1000), which
 * can exceed a 1e-12 relative tolerance. 20–80% of dots are bit-identical. Servables that must
 * reproduce Java 11+ bits (or compare near-cancelling scores) should use {@link FmaBLAS}.
 */
export interface Blas {
  /** Which arithmetic this instance uses. */
  readonly numerics: BlasNumerics;
  /**
   * `Σ|xᵢ|` over the stored values (netlib `dasum`: four accumulators). Java accepts only a
   * `DenseVector`; a sparse vector sums its stored values.
   */
  asum(x: Vector): number;
  /**
   * `y += a·x` for the first `k` entries (default: all; then the sizes must match). Dense `x`
   * uses netlib `daxpy` (no-op for `a == 0`); sparse `x` loops over its stored entries below
   * `k`.
   *
   * @throws {DimensionMismatchError} when sizes differ (or are below `k`).
   */
  axpy(a: number, x: Vector, y: DenseVector, k?: number): void;
  /**
   * The dot product. dense·dense is netlib `ddot`; dense·sparse (either order) sums
   * `sparse.values[k] * dense[sparse.indices[k]]` in stored order; sparse·sparse sums over the
   * matching indices in order.
   *
   * @throws {DimensionMismatchError} when the sizes differ.
   */
  dot(x: Vector, y: Vector): number;
  /** The Euclidean norm over the stored values (netlib `dnrm2`, no scaling). */
  norm2(x: Vector): number;
  /**
   * The p-norm over the stored values: `p = 1` sequential `Σ|xᵢ|`, `p = 2` {@link Blas.norm2},
   * `p = ∞` the largest `|xᵢ|` (starting at 0), otherwise `(Σ|xᵢ|^p)^(1/p)` with `Math.pow`.
   *
   * @throws {InvalidArgumentError} when `p < 1` or `p` is NaN.
   */
  norm(x: Vector, p: number): number;
  /** `x *= a` in place over the stored values (netlib `dscal`: no-op for `a == 1`). */
  scal(a: number, x: Vector): void;
  /**
   * `y = alpha·A·x + beta·y`, or with `A` transposed when `trans` (netlib `dgemv`, including its
   * evaluation order: `N` scales `y` by `beta` first and adds four columns at a time; `T` sums
   * each output independently). A no-op when `A` has no rows or no columns.
   *
   * @throws {DimensionMismatchError} when the sizes of `A`, `x` and `y` do not fit.
   */
  gemv(
    alpha: number,
    A: DenseMatrix,
    trans: boolean,
    x: DenseVector,
    beta: number,
    y: DenseVector,
  ): void;
  /**
   * Hadamard product in place, `y = y ∘ x`. A sparse `y` keeps its pattern: with a sparse `x`,
   * its values at indices `x` does not store become explicit zeros. A dense `y` with a sparse
   * `x` gets 0 wherever `x` stores nothing.
   *
   * @throws {DimensionMismatchError} when the sizes differ.
   */
  hDot(x: Vector, y: Vector): void;
}

function mismatch(what: string, x: number, y: number): DimensionMismatchError {
  return new DimensionMismatchError(
    `Vector size mismatched. ${what}: x has size ${x}, y has size ${y}.`,
    x,
    y,
  );
}

function storedValues(x: Vector): Float64Array {
  return (x as DenseVector | SparseVector).values;
}

// ---------------------------------------------------------------------------------------------
// Kernels shared by both numerics (no products that Java fuses).

function dasum(x: Float64Array): number {
  const n = x.length;
  if (n <= 0) return 0;
  const bound = n - (n % 4);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i < bound; i += 4) {
    s0 += Math.abs(x[i]!);
    s1 += Math.abs(x[i + 1]!);
    s2 += Math.abs(x[i + 2]!);
    s3 += Math.abs(x[i + 3]!);
  }
  let s = 0;
  s += s0 + s1 + s2 + s3;
  for (; i < n; i++) s += Math.abs(x[i]!);
  return s;
}

function dscal(a: number, x: Float64Array): void {
  if (x.length <= 0 || a === 1) return;
  for (let i = 0; i < x.length; i++) x[i] = x[i]! * a;
}

/** `Σ sparse.values[k] · dense[sparse.indices[k]]` in stored order. @internal */
export function sparseDenseDot(sparse: SparseVector, dense: Float64Array): number {
  const idx = sparse.indices;
  const vals = sparse.values;
  let s = 0;
  for (let k = 0; k < idx.length; k++) s += vals[k]! * dense[idx[k]!]!;
  return s;
}

function sparseSparseDot(x: SparseVector, y: SparseVector): number {
  const xi = x.indices;
  const yi = y.indices;
  const xv = x.values;
  const yv = y.values;
  let s = 0;
  let p0 = 0;
  let p1 = 0;
  while (p0 < xv.length && p1 < yv.length) {
    const i0 = xi[p0]!;
    const i1 = yi[p1]!;
    if (i0 === i1) {
      s += xv[p0]! * yv[p1]!;
      p0++;
      p1++;
    } else if (i0 < i1) {
      p0++;
    } else {
      p1++;
    }
  }
  return s;
}

function sparseAxpy(a: number, x: SparseVector, y: Float64Array, k: number): void {
  const idx = x.indices;
  const vals = x.values;
  for (let i = 0; i < idx.length; i++) {
    const index = idx[i]!;
    if (index >= k) return;
    y[index] = y[index]! + a * vals[i]!;
  }
}

function hDot(x: Vector, y: Vector): void {
  if (x.size() !== y.size()) throw mismatch('hDot', x.size(), y.size());
  if (x.kind === 'sparse') {
    const xs = x as SparseVector;
    const xi = xs.indices;
    const xv = xs.values;
    if (y.kind === 'sparse') {
      const ys = y as SparseVector;
      const yi = ys.indices;
      const yv = ys.values;
      let ix = 0;
      let iy = 0;
      while (ix < xi.length && iy < yi.length) {
        const indexX = xi[ix]!;
        while (iy < yi.length && yi[iy]! < indexX) yv[iy++] = 0;
        if (iy < yi.length && yi[iy] === indexX) {
          yv[iy] = yv[iy]! * xv[ix]!;
          iy++;
        }
        ix++;
      }
      while (iy < yi.length) yv[iy++] = 0;
    } else {
      const yv = (y as DenseVector).values;
      let ix = 0;
      for (let i = 0; i < yv.length; i++) {
        if (ix < xi.length && xi[ix] === i) {
          yv[i] = yv[i]! * xv[ix]!;
          ix++;
        } else {
          yv[i] = 0;
        }
      }
    }
  } else {
    const xv = (x as DenseVector).values;
    if (y.kind === 'sparse') {
      const ys = y as SparseVector;
      const yi = ys.indices;
      const yv = ys.values;
      for (let k = 0; k < yv.length; k++) yv[k] = yv[k]! * xv[yi[k]!]!;
    } else {
      const yv = (y as DenseVector).values;
      for (let i = 0; i < xv.length; i++) yv[i] = yv[i]! * xv[i]!;
    }
  }
}

function checkGemv(A: DenseMatrix, trans: boolean, x: DenseVector, y: DenseVector): void {
  const m = A.numRows();
  const n = A.numCols();
  const xNeed = trans ? m : n;
  const yNeed = trans ? n : m;
  const t = trans ? 'transposed ' : '';
  if (x.size() !== xNeed) {
    throw new DimensionMismatchError(
      `Matrix and vector size mismatched: a ${t}${m}x${n} matrix needs x of size ${xNeed}, got ${x.size()}.`,
      xNeed,
      x.size(),
    );
  }
  if (y.size() !== yNeed) {
    throw new DimensionMismatchError(
      `Matrix and vector size mismatched: a ${t}${m}x${n} matrix needs y of size ${yNeed}, got ${y.size()}.`,
      yNeed,
      y.size(),
    );
  }
}

function checkP(p: number): void {
  if (!(p >= 1)) {
    throw new InvalidArgumentError(
      `p value must >= 1.0, but the current p is : ${formatJavaDouble(p)}`,
    );
  }
}

function pNorm(data: Float64Array, p: number): number {
  let norm = 0;
  if (p === 1) {
    for (let i = 0; i < data.length; i++) norm += Math.abs(data[i]!);
  } else if (p === Number.POSITIVE_INFINITY) {
    // Java's Math.max propagates NaN.
    for (let i = 0; i < data.length; i++) norm = Math.max(Math.abs(data[i]!), norm);
  } else {
    for (let i = 0; i < data.length; i++) norm += Math.abs(data[i]!) ** p;
    norm **= 1 / p;
  }
  return norm;
}

function checkAxpy(x: Vector, y: DenseVector, k: number | undefined): number {
  if (k === undefined) {
    if (x.size() !== y.size()) throw mismatch('axpy', x.size(), y.size());
    return x.size();
  }
  if (!(x.size() >= k && y.size() >= k)) {
    throw new DimensionMismatchError(
      `Vector size mismatched. axpy over the first ${k} entries needs both sizes >= ${k}: x has size ${x.size()}, y has size ${y.size()}.`,
      k,
      Math.min(x.size(), y.size()),
    );
  }
  return k;
}

// ---------------------------------------------------------------------------------------------
// Plain kernels (netlib Java8BLAS).

/** netlib `ddot` (Java8BLAS): four plain accumulators. @internal */
export function ddotPlain(n: number, x: Float64Array, y: Float64Array): number {
  if (n <= 0) return 0;
  const bound = n - (n % 4);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i < bound; i += 4) {
    s0 += x[i]! * y[i]!;
    s1 += x[i + 1]! * y[i + 1]!;
    s2 += x[i + 2]! * y[i + 2]!;
    s3 += x[i + 3]! * y[i + 3]!;
  }
  let s = 0;
  s += s0 + s1 + s2 + s3;
  for (; i < n; i++) s += x[i]! * y[i]!;
  return s;
}

function dnrm2Plain(x: Float64Array): number {
  const n = x.length;
  if (n <= 0) return 0;
  if (n === 1) return Math.abs(x[0]!);
  const bound = n - (n % 4);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i < bound; i += 4) {
    const x0 = x[i]!;
    const x1 = x[i + 1]!;
    const x2 = x[i + 2]!;
    const x3 = x[i + 3]!;
    s0 += x0 * x0;
    s1 += x1 * x1;
    s2 += x2 * x2;
    s3 += x3 * x3;
  }
  let s = s0 + s1 + s2 + s3;
  for (; i < n; i++) {
    const xi = x[i]!;
    s += xi * xi;
  }
  return Math.sqrt(s);
}

function daxpyPlain(n: number, a: number, x: Float64Array, y: Float64Array): void {
  if (n <= 0 || a === 0) return;
  for (let i = 0; i < n; i++) y[i] = y[i]! + a * x[i]!;
}

function dgemvPlain(
  alpha: number,
  A: DenseMatrix,
  trans: boolean,
  xv: Float64Array,
  beta: number,
  yv: Float64Array,
): void {
  const m = A.numRows();
  const n = A.numCols();
  if (m === 0 || n === 0) return;
  const a = A.values;
  const bound = n - (n % 4);
  if (trans) {
    let col = 0;
    for (; col < bound; col += 4) {
      const o0 = col * m;
      const o1 = o0 + m;
      const o2 = o1 + m;
      const o3 = o2 + m;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let row = 0; row < m; row++) {
        const xr = xv[row]!;
        s0 += xr * a[o0 + row]!;
        s1 += xr * a[o1 + row]!;
        s2 += xr * a[o2 + row]!;
        s3 += xr * a[o3 + row]!;
      }
      if (beta !== 0) {
        yv[col] = alpha * s0 + beta * yv[col]!;
        yv[col + 1] = alpha * s1 + beta * yv[col + 1]!;
        yv[col + 2] = alpha * s2 + beta * yv[col + 2]!;
        yv[col + 3] = alpha * s3 + beta * yv[col + 3]!;
      } else {
        yv[col] = alpha * s0;
        yv[col + 1] = alpha * s1;
        yv[col + 2] = alpha * s2;
        yv[col + 3] = alpha * s3;
      }
    }
    for (; col < n; col++) {
      const o = col * m;
      let s = 0;
      for (let row = 0; row < m; row++) s += xv[row]! * a[o + row]!;
      yv[col] = beta !== 0 ? alpha * s + beta * yv[col]! : alpha * s;
    }
    return;
  }
  if (beta !== 1) {
    for (let row = 0; row < m; row++) yv[row] = beta !== 0 ? beta * yv[row]! : 0;
  }
  let col = 0;
  for (; col < bound; col += 4) {
    const o0 = col * m;
    const o1 = o0 + m;
    const o2 = o1 + m;
    const o3 = o2 + m;
    const ax0 = alpha * xv[col]!;
    const ax1 = alpha * xv[col + 1]!;
    const ax2 = alpha * xv[col + 2]!;
    const ax3 = alpha * xv[col + 3]!;
    for (let row = 0; row < m; row++) {
      yv[row] =
        yv[row]! +
        (ax0 * a[o0 + row]! + ax1 * a[o1 + row]! + ax2 * a[o2 + row]! + ax3 * a[o3 + row]!);
    }
  }
  for (; col < n; col++) {
    const o = col * m;
    const ax = alpha * xv[col]!;
    for (let row = 0; row < m; row++) yv[row] = yv[row]! + ax * a[o + row]!;
  }
}

// ---------------------------------------------------------------------------------------------
// Fused kernels (netlib Java11BLAS).

/** netlib `ddot` (Java11BLAS): four fused accumulators. @internal */
export function ddotFma(n: number, x: Float64Array, y: Float64Array): number {
  if (n <= 0) return 0;
  const bound = n - (n % 4);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i < bound; i += 4) {
    s0 = fma(x[i]!, y[i]!, s0);
    s1 = fma(x[i + 1]!, y[i + 1]!, s1);
    s2 = fma(x[i + 2]!, y[i + 2]!, s2);
    s3 = fma(x[i + 3]!, y[i + 3]!, s3);
  }
  let s = 0;
  s += s0 + s1 + s2 + s3;
  for (; i < n; i++) s = fma(x[i]!, y[i]!, s);
  return s;
}

function dnrm2Fma(x: Float64Array): number {
  const n = x.length;
  if (n <= 0) return 0;
  if (n === 1) return Math.abs(x[0]!);
  const bound = n - (n % 4);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i < bound; i += 4) {
    const x0 = x[i]!;
    const x1 = x[i + 1]!;
    const x2 = x[i + 2]!;
    const x3 = x[i + 3]!;
    s0 = fma(x0, x0, s0);
    s1 = fma(x1, x1, s1);
    s2 = fma(x2, x2, s2);
    s3 = fma(x3, x3, s3);
  }
  let s = s0 + s1 + s2 + s3;
  for (; i < n; i++) {
    const xi = x[i]!;
    s = fma(xi, xi, s);
  }
  return Math.sqrt(s);
}

function daxpyFma(n: number, a: number, x: Float64Array, y: Float64Array): void {
  if (n <= 0 || a === 0) return;
  for (let i = 0; i < n; i++) y[i] = fma(a, x[i]!, y[i]!);
}

function dgemvFma(
  alpha: number,
  A: DenseMatrix,
  trans: boolean,
  xv: Float64Array,
  beta: number,
  yv: Float64Array,
): void {
  const m = A.numRows();
  const n = A.numCols();
  if (m === 0 || n === 0) return;
  const a = A.values;
  const bound = n - (n % 4);
  if (trans) {
    let col = 0;
    for (; col < bound; col += 4) {
      const o0 = col * m;
      const o1 = o0 + m;
      const o2 = o1 + m;
      const o3 = o2 + m;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let row = 0; row < m; row++) {
        const xr = xv[row]!;
        s0 = fma(xr, a[o0 + row]!, s0);
        s1 = fma(xr, a[o1 + row]!, s1);
        s2 = fma(xr, a[o2 + row]!, s2);
        s3 = fma(xr, a[o3 + row]!, s3);
      }
      if (beta !== 0) {
        yv[col] = alpha * s0 + beta * yv[col]!;
        yv[col + 1] = alpha * s1 + beta * yv[col + 1]!;
        yv[col + 2] = alpha * s2 + beta * yv[col + 2]!;
        yv[col + 3] = alpha * s3 + beta * yv[col + 3]!;
      } else {
        yv[col] = alpha * s0;
        yv[col + 1] = alpha * s1;
        yv[col + 2] = alpha * s2;
        yv[col + 3] = alpha * s3;
      }
    }
    for (; col < n; col++) {
      const o = col * m;
      let s = 0;
      for (let row = 0; row < m; row++) s = fma(xv[row]!, a[o + row]!, s);
      yv[col] = beta !== 0 ? alpha * s + beta * yv[col]! : alpha * s;
    }
    return;
  }
  if (beta !== 1) {
    for (let row = 0; row < m; row++) yv[row] = beta !== 0 ? beta * yv[row]! : 0;
  }
  let col = 0;
  for (; col < bound; col += 4) {
    const o0 = col * m;
    const o1 = o0 + m;
    const o2 = o1 + m;
    const o3 = o2 + m;
    const ax0 = alpha * xv[col]!;
    const ax1 = alpha * xv[col + 1]!;
    const ax2 = alpha * xv[col + 2]!;
    const ax3 = alpha * xv[col + 3]!;
    for (let row = 0; row < m; row++) {
      yv[row] = fma(
        ax0,
        a[o0 + row]!,
        fma(ax1, a[o1 + row]!, fma(ax2, a[o2 + row]!, fma(ax3, a[o3 + row]!, yv[row]!))),
      );
    }
  }
  for (; col < n; col++) {
    const o = col * m;
    const ax = alpha * xv[col]!;
    for (let row = 0; row < m; row++) yv[row] = fma(ax, a[o + row]!, yv[row]!);
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Flink ML's BLAS with plain (unfused) arithmetic: bit-exact with Flink ML on Java 8, and
 * within a few ulps of Java 11+ (see {@link Blas} for measured differences). The default for
 * serving.
 *
 * @example
 * ```ts
 * BLAS.dot(Vectors.dense(1, 2, 3), Vectors.sparse(3, [0, 2], [4, 5])); // 19
 * BLAS.norm2(Vectors.dense(3, 4));                                      // 5
 * ```
 */
export const BLAS: Blas = Object.freeze({
  numerics: 'plain' as const,
  asum: (x: Vector): number => dasum(storedValues(x)),
  axpy(a: number, x: Vector, y: DenseVector, k?: number): void {
    const kk = checkAxpy(x, y, k);
    if (x.kind === 'sparse') sparseAxpy(a, x as SparseVector, y.values, kk);
    else daxpyPlain(kk, a, (x as DenseVector).values, y.values);
  },
  dot(x: Vector, y: Vector): number {
    if (x.size() !== y.size()) throw mismatch('dot', x.size(), y.size());
    if (x.kind === 'sparse') {
      return y.kind === 'sparse'
        ? sparseSparseDot(x as SparseVector, y as SparseVector)
        : sparseDenseDot(x as SparseVector, (y as DenseVector).values);
    }
    const xv = (x as DenseVector).values;
    return y.kind === 'sparse'
      ? sparseDenseDot(y as SparseVector, xv)
      : ddotPlain(xv.length, xv, (y as DenseVector).values);
  },
  norm2: (x: Vector): number => dnrm2Plain(storedValues(x)),
  norm(x: Vector, p: number): number {
    checkP(p);
    return p === 2 ? dnrm2Plain(storedValues(x)) : pNorm(storedValues(x), p);
  },
  scal: (a: number, x: Vector): void => dscal(a, storedValues(x)),
  gemv(
    alpha: number,
    A: DenseMatrix,
    trans: boolean,
    x: DenseVector,
    beta: number,
    y: DenseVector,
  ): void {
    checkGemv(A, trans, x, y);
    dgemvPlain(alpha, A, trans, x.values, beta, y.values);
  },
  hDot,
});

/**
 * Flink ML's BLAS with fused multiply-adds wherever netlib's `Java11BLAS` uses `Math.fma`:
 * bit-exact with Flink ML on Java 11+ (reproduces the JVM's `rawPrediction` bits of
 * LogisticRegression), at the cost of an emulated {@link fma} per product (several times
 * slower than {@link BLAS} on dense data; sparse loops are identical).
 */
export const FmaBLAS: Blas = Object.freeze({
  numerics: 'fma' as const,
  asum: (x: Vector): number => dasum(storedValues(x)),
  axpy(a: number, x: Vector, y: DenseVector, k?: number): void {
    const kk = checkAxpy(x, y, k);
    if (x.kind === 'sparse') sparseAxpy(a, x as SparseVector, y.values, kk);
    else daxpyFma(kk, a, (x as DenseVector).values, y.values);
  },
  dot(x: Vector, y: Vector): number {
    if (x.size() !== y.size()) throw mismatch('dot', x.size(), y.size());
    if (x.kind === 'sparse') {
      return y.kind === 'sparse'
        ? sparseSparseDot(x as SparseVector, y as SparseVector)
        : sparseDenseDot(x as SparseVector, (y as DenseVector).values);
    }
    const xv = (x as DenseVector).values;
    return y.kind === 'sparse'
      ? sparseDenseDot(y as SparseVector, xv)
      : ddotFma(xv.length, xv, (y as DenseVector).values);
  },
  norm2: (x: Vector): number => dnrm2Fma(storedValues(x)),
  norm(x: Vector, p: number): number {
    checkP(p);
    return p === 2 ? dnrm2Fma(storedValues(x)) : pNorm(storedValues(x), p);
  },
  scal: (a: number, x: Vector): void => dscal(a, storedValues(x)),
  gemv(
    alpha: number,
    A: DenseMatrix,
    trans: boolean,
    x: DenseVector,
    beta: number,
    y: DenseVector,
  ): void {
    checkGemv(A, trans, x, y);
    dgemvFma(alpha, A, trans, x.values, beta, y.values);
  },
  hDot,
});

/** The {@link Blas} instance for the given numerics. */
export function blasFor(numerics: BlasNumerics): Blas {
  return numerics === 'fma' ? FmaBLAS : BLAS;
}
