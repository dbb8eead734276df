import { DenseVector, SparseVector, type Vector } from '@servable/linalg';
import { ServableError } from '@servable/servable-api';

const INT_MAX = 2147483647n;

/** Thrown when the expansion would have more than `Integer.MAX_VALUE` entries. */
export class PolynomialSizeError extends ServableError {
  constructor(
    /** The input vector size. */
    readonly numFeatures: number,
    /** The degree. */
    readonly degree: number,
  ) {
    super(
      'POLYNOMIAL_SIZE',
      `The expended polynomial size is too large. (${numFeatures} features, degree ${degree}: more than 2147483647 monomials)`,
    );
  }
}

/**
 * The number of monomials of total degree ≤ `degree` in `numFeatures` variables, the constant
 * one included: `C(numFeatures + degree, degree)` (Spark's `getPolySize`).
 *
 * @throws PolynomialSizeError when it exceeds `Integer.MAX_VALUE`.
 */
export function polynomialSize(numFeatures: number, degree: number): number {
  const k = BigInt(Math.min(numFeatures, degree));
  const top = BigInt(numFeatures + degree);
  let res = 1n;
  for (let j = 1n; j <= k; j++) {
    res = (res * (top - k + j)) / j;
    if (res > INT_MAX) throw new PolynomialSizeError(numFeatures, degree);
  }
  return Number(res);
}

/** Memoised {@link polynomialSize} for the many sub-sizes one expansion needs. */
class PolySizes {
  private readonly cache = new Map<number, number>();
  constructor(private readonly degree: number) {}
  get(numFeatures: number, degree: number): number {
    const key = numFeatures * (this.degree + 1) + degree;
    let size = this.cache.get(key);
    if (size === undefined) {
      size = polynomialSize(numFeatures, degree);
      this.cache.set(key, size);
    }
    return size;
  }
}

function expandDense(
  values: Float64Array,
  lastIdx: number,
  degree: number,
  factor: number,
  out: Float64Array,
  curPolyIdx: number,
  sizes: PolySizes,
): number {
  if (factor !== 0) {
    if (degree === 0 || lastIdx < 0) {
      if (curPolyIdx >= 0) out[curPolyIdx] = factor;
    } else {
      const v = values[lastIdx]!;
      let alpha = factor;
      let curStart = curPolyIdx;
      for (let i = 0; i <= degree && alpha !== 0; i++) {
        curStart = expandDense(values, lastIdx - 1, degree - i, alpha, out, curStart, sizes);
        alpha *= v;
      }
    }
  }
  return curPolyIdx + sizes.get(lastIdx + 1, degree);
}

interface SparseOut {
  readonly indices: Int32Array;
  readonly values: Float64Array;
  filled: number;
}

function expandSparse(
  indices: Int32Array,
  values: Float64Array,
  lastIdx: number,
  lastFeatureIdx: number,
  degree: number,
  factor: number,
  out: SparseOut,
  curPolyIdx: number,
  sizes: PolySizes,
): number {
  if (factor !== 0) {
    if (degree === 0 || lastIdx < 0) {
      if (curPolyIdx >= 0) {
        out.indices[out.filled] = curPolyIdx;
        out.values[out.filled] = factor;
        out.filled++;
      }
    } else {
      const v = values[lastIdx]!;
      const lastFeatureIdx1 = indices[lastIdx]! - 1;
      let alpha = factor;
      let curStart = curPolyIdx;
      for (let i = 0; i <= degree && alpha !== 0; i++) {
        curStart = expandSparse(
          indices,
          values,
          lastIdx - 1,
          lastFeatureIdx1,
          degree - i,
          alpha,
          out,
          curStart,
          sizes,
        );
        alpha *= v;
      }
    }
  }
  return curPolyIdx + sizes.get(lastFeatureIdx + 1, degree);
}

/**
 * Flink ML's (Spark's) polynomial expansion of `v` to `degree`, without the constant term:
 * output size `C(n + degree, degree) − 1`, monomials ordered recursively (for `[a, b, c]`,
 * degree 3: `f([a,b],3) ++ f([a,b],2)·c ++ f([a,b],1)·c² ++ [c³]`). Dense in → dense out
 * (zero monomials left at 0.0); sparse in → sparse out holding only the non-zero monomials.
 *
 * Like Java, a sparse input with explicit 0.0 values leaves unfilled output slots (index 0,
 * value 0.0) that the SparseVector constructor rejects (`Indices duplicated.`), or — with
 * exactly one such slot — keeps as an explicit zero at index 0.
 *
 * @throws PolynomialSizeError when the output would exceed `Integer.MAX_VALUE` entries.
 * @throws InvalidVectorError (from `@servable/linalg`) for the explicit-zero case above.
 */
export function polynomialExpand(v: Vector, degree: number): Vector {
  const n = v.size();
  const sizes = new PolySizes(degree);
  const polySize = sizes.get(n, degree);
  if (v instanceof DenseVector) {
    const out = new Float64Array(polySize - 1);
    expandDense(v.values, n - 1, degree, 1, out, -1, sizes);
    return new DenseVector(out);
  }
  const s = v as SparseVector;
  const nnz = s.values.length;
  const nnzPolySize = sizes.get(nnz, degree);
  const out: SparseOut = {
    indices: new Int32Array(nnzPolySize - 1),
    values: new Float64Array(nnzPolySize - 1),
    filled: 0,
  };
  expandSparse(s.indices, s.values, nnz - 1, n - 1, degree, 1, out, -1, sizes);
  return SparseVector.fromUnsorted(polySize - 1, out.indices, out.values);
}
