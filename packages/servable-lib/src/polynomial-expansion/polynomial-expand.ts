import { DenseVector, SparseVector, type Vector } from '@servable/linalg';
import { ServableError } from '@servable/servable-api';
import { TypedArraySlab } from '../java/typed-array-slab.js';

const INT_MAX = 2147483647n;
const INT_MAX_NUMBER = 2147483647;

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
  const k = Math.min(numFeatures, degree);
  const top = numFeatures + degree;
  if (top < 2 ** 21) {
    // Every partial product stays below 2^31 · 2^21 = 2^52: exact in doubles, and each partial
    // quotient is itself a binomial coefficient (an integer).
    let res = 1;
    for (let j = 1; j <= k; j++) {
      res = (res * (top - k + j)) / j;
      if (res > INT_MAX_NUMBER) throw new PolynomialSizeError(numFeatures, degree);
    }
    return res;
  }
  const bk = BigInt(k);
  const btop = BigInt(top);
  let res = 1n;
  for (let j = 1n; j <= bk; j++) {
    res = (res * (btop - bk + j)) / j;
    if (res > INT_MAX) throw new PolynomialSizeError(numFeatures, degree);
  }
  return Number(res);
}

/** Feature counts below this get a slot in {@link PolySizes}' flat table. */
const TABLE_FEATURES = 1024;
/** At most this many entries in {@link PolySizes}' flat table. */
const TABLE_ENTRIES = 65536;

/**
 * Memoised {@link polynomialSize} for the many sub-sizes an expansion needs, for one degree:
 * a flat table for small feature counts (0 = not computed yet: every size is at least 1), a Map
 * beyond. Meant to live for a whole transform (or longer), not one row.
 */
class PolySizes {
  private readonly table: Float64Array;
  private readonly large = new Map<number, number>();
  private readonly stride: number;

  /**
   * @param degree the largest degree asked for.
   * @param numFeatures the typical vector size (sizes the table; larger ones still work).
   */
  constructor(degree: number, numFeatures: number) {
    this.stride = degree + 1;
    const features = Math.min(numFeatures + 1, TABLE_FEATURES);
    this.table = new Float64Array(Math.min(features * this.stride, TABLE_ENTRIES));
  }

  /**
   * `polynomialSize(numFeatures, degree)` for `degree` ≤ the constructor's degree.
   * @throws PolynomialSizeError when it exceeds `Integer.MAX_VALUE` (never cached).
   */
  get(numFeatures: number, degree: number): number {
    const key = numFeatures * this.stride + degree;
    if (key < this.table.length) {
      let size = this.table[key]!;
      if (size === 0) {
        size = polynomialSize(numFeatures, degree);
        this.table[key] = size;
      }
      return size;
    }
    let size = this.large.get(key);
    if (size === undefined) {
      size = polynomialSize(numFeatures, degree);
      this.large.set(key, size);
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

/** Dense expansions with more monomials than this run the recursion instead of a plan. */
const MAX_PLANNED_MONOMIALS = 65536;
/** ... or with more factors in all than this. */
const MAX_PLANNED_FACTORS = 1 << 20;
/** At most this many input sizes are planned per expander. */
const MAX_PLANS = 16;

/**
 * The dense expansion of one input size, flattened: monomial `m` is the product, in order, of
 * `values[factors[k]]` for `k` in `[starts[m], starts[m + 1])`, each multiplication in the order
 * {@link expandDense} performs it (so the product is bit for bit the same).
 */
interface DensePlan {
  readonly starts: Int32Array;
  readonly factors: Int32Array;
}

/** Records, for every monomial, the factors {@link expandDense} multiplies, in its order. */
function planDense(
  lastIdx: number,
  degree: number,
  chain: number[],
  curPolyIdx: number,
  sizes: PolySizes,
  plan: number[][],
): number {
  if (degree === 0 || lastIdx < 0) {
    if (curPolyIdx >= 0) plan[curPolyIdx] = chain.slice();
  } else {
    const depth = chain.length;
    let curStart = curPolyIdx;
    for (let i = 0; i <= degree; i++) {
      curStart = planDense(lastIdx - 1, degree - i, chain, curStart, sizes, plan);
      chain.push(lastIdx);
    }
    chain.length = depth;
  }
  return curPolyIdx + sizes.get(lastIdx + 1, degree);
}

function buildDensePlan(n: number, degree: number, sizes: PolySizes): DensePlan {
  const monomials = sizes.get(n, degree) - 1;
  const plan: number[][] = new Array(monomials);
  planDense(n - 1, degree, [], -1, sizes, plan);
  const starts = new Int32Array(monomials + 1);
  for (let m = 0; m < monomials; m++) starts[m + 1] = starts[m]! + plan[m]!.length;
  const factors = new Int32Array(starts[monomials]!);
  for (let m = 0; m < monomials; m++) factors.set(plan[m]!, starts[m]!);
  return { starts, factors };
}

/**
 * {@link expandDense} by a plan: the recursion leaves a monomial at 0.0 as soon as one of its
 * partial products is zero (it stops multiplying), which is what the `p === 0` exit does.
 */
function expandDenseByPlan(values: Float64Array, plan: DensePlan, out: Float64Array): void {
  const { starts, factors } = plan;
  for (let m = 0; m < out.length; m++) {
    const end = starts[m + 1]!;
    let p = 1;
    for (let k = starts[m]!; k < end; k++) {
      p *= values[factors[k]!]!;
      if (p === 0) break;
    }
    if (p !== 0) out[m] = p;
  }
}

interface SparseOut {
  indices: Int32Array;
  values: Float64Array;
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
  return new PolynomialExpander(degree, v.size(), 1).expand(v);
}

/**
 * {@link polynomialExpand} for many vectors of one transform: the sub-sizes are memoised, dense
 * inputs of a size seen before are expanded by a precomputed plan (the recursion's products,
 * flattened: same multiplications in the same order, so the same bits), and the output arrays
 * are views of shared chunks ({@link TypedArraySlab}), so a row costs its output vector and
 * little else.
 */
export class PolynomialExpander {
  private readonly sizes: PolySizes;
  private readonly values: TypedArraySlab<Float64Array>;
  private readonly indices: TypedArraySlab<Int32Array>;
  private readonly plans = new Map<number, DensePlan | null>();
  /** Whether dense inputs are expanded by a plan (worth it from two rows on). */
  private readonly planned: boolean;
  private readonly sparseOut: SparseOut = {
    indices: new Int32Array(0),
    values: new Float64Array(0),
    filled: 0,
  };

  /**
   * @param degree the degree.
   * @param numFeatures the typical input vector size.
   * @param rows about how many vectors will be expanded.
   */
  constructor(
    private readonly degree: number,
    numFeatures: number,
    rows: number,
  ) {
    this.sizes = new PolySizes(degree, numFeatures);
    let expected = 0;
    try {
      expected = rows * (this.sizes.get(numFeatures, degree) - 1);
    } catch {
      // Too large to expand at all: each row will throw.
    }
    this.planned = rows > 1;
    this.values = TypedArraySlab.float64(expected);
    this.indices = TypedArraySlab.int32(expected);
  }

  /** The expansion of `v` (see {@link polynomialExpand}). */
  expand(v: Vector): Vector {
    const n = v.size();
    const degree = this.degree;
    const sizes = this.sizes;
    const polySize = sizes.get(n, degree);
    if (v instanceof DenseVector) {
      const out = this.values.take(polySize - 1);
      const plan = this.densePlan(n, polySize - 1);
      if (plan !== null) expandDenseByPlan(v.values, plan, out);
      else expandDense(v.values, n - 1, degree, 1, out, -1, sizes);
      return new DenseVector(out);
    }
    const s = v as SparseVector;
    const nnz = s.values.length;
    const capacity = sizes.get(nnz, degree) - 1;
    const out = this.sparseOut;
    out.indices = this.indices.take(capacity);
    out.values = this.values.take(capacity);
    out.filled = 0;
    expandSparse(s.indices, s.values, nnz - 1, n - 1, degree, 1, out, -1, sizes);
    // Filled slots come in ascending index order; unfilled ones (explicit zeros in the input)
    // stay (0, 0.0) and are sorted in (and rejected when duplicated) as Java's constructor does.
    if (out.filled === capacity) return new SparseVector(polySize - 1, out.indices, out.values);
    return SparseVector.fromUnsorted(polySize - 1, out.indices, out.values);
  }

  /**
   * The plan of dense inputs of size `n`, or null when the recursion is used instead: a single
   * row, too many monomials or factors to keep, or already 16 other sizes planned.
   */
  private densePlan(n: number, monomials: number): DensePlan | null {
    const known = this.plans.get(n);
    if (known !== undefined) return known;
    if (!this.planned || this.plans.size >= MAX_PLANS) return null;
    const plan =
      monomials <= MAX_PLANNED_MONOMIALS && monomials * this.degree <= MAX_PLANNED_FACTORS
        ? buildDensePlan(n, this.degree, this.sizes)
        : null;
    this.plans.set(n, plan);
    return plan;
  }
}
