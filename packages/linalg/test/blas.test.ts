import {
  BLAS,
  type Blas,
  blasFor,
  DenseMatrix,
  DenseVector,
  DimensionMismatchError,
  FmaBLAS,
  fma,
  InvalidArgumentError,
  type SparseVector,
  type Vector,
  Vectors,
} from '@servable/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });

/** Pairs of equal-size vectors in every dense/sparse combination. */
const arrays = fc
  .integer({ min: 0, max: 23 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.oneof(finite, fc.constant(0)), { minLength: n, maxLength: n }),
      fc.array(fc.oneof(finite, fc.constant(0)), { minLength: n, maxLength: n }),
    ),
  );

function sparseOf(a: number[]): SparseVector {
  return new DenseVector(a).toSparse();
}

/** Naive sum of the exact products, for closeness checks. */
function naiveDot(a: number[], b: number[]): { sum: number; abs: number } {
  let sum = 0;
  let abs = 0;
  for (let i = 0; i < a.length; i++) {
    sum += a[i]! * b[i]!;
    abs += Math.abs(a[i]! * b[i]!);
  }
  return { sum, abs };
}

/** netlib's four-accumulator order, written independently as a spec of the expected bits. */
function netlibDot(
  x: number[],
  y: number[],
  mulAdd: (a: number, b: number, c: number) => number,
): number {
  const n = x.length;
  const s = [0, 0, 0, 0];
  const bound = n - (n % 4);
  for (let i = 0; i < bound; i++) s[i % 4] = mulAdd(x[i]!, y[i]!, s[i % 4]!);
  let sum = 0 + (s[0]! + s[1]! + s[2]! + s[3]!);
  for (let i = bound; i < n; i++) sum = mulAdd(x[i]!, y[i]!, sum);
  return sum;
}
const plainMulAdd = (a: number, b: number, c: number) => c + a * b;

describe.each([
  ['BLAS', BLAS, plainMulAdd],
  ['FmaBLAS', FmaBLAS, fma],
] as [string, Blas, typeof fma][])('%s', (_name, blas, mulAdd) => {
  it('dense·dense follows the netlib summation order bit for bit', () => {
    fc.assert(
      fc.property(arrays, ([a, b]) => {
        expect(
          Object.is(blas.dot(Vectors.dense(...a), Vectors.dense(...b)), netlibDot(a, b, mulAdd)),
        ).toBe(true);
      }),
    );
  });

  it('every dense/sparse combination agrees with a naive dot product', () => {
    fc.assert(
      fc.property(arrays, ([a, b]) => {
        const { sum, abs } = naiveDot(a, b);
        const xs: Vector[] = [Vectors.dense(...a), sparseOf(a)];
        const ys: Vector[] = [Vectors.dense(...b), sparseOf(b)];
        for (const x of xs) {
          for (const y of ys) {
            expect(Math.abs(blas.dot(x, y) - sum)).toBeLessThanOrEqual(abs * 1e-14);
          }
        }
      }),
    );
  });

  it('sparse·dense is a plain sequential loop over the stored entries', () => {
    const s = Vectors.sparse(6, [0, 2, 5], [0.1, 0.2, 0.3]);
    const d = Vectors.dense(0.3, 9, 0.7, 9, 9, 1.1);
    const want = 0 + 0.1 * 0.3 + 0.2 * 0.7 + 0.3 * 1.1;
    expect(blas.dot(s, d)).toBe(want);
    expect(blas.dot(d, s)).toBe(want);
    expect(blas.dot(s, Vectors.sparse(6, [2, 3, 5], [2, 4, 8]))).toBe(0.2 * 2 + 0.3 * 8);
  });

  it('norm2 equals sqrt of the sum of squares (n == 1 is |x0|, even where squaring overflows)', () => {
    expect(blas.norm2(Vectors.dense(-1e200))).toBe(1e200);
    expect(blas.norm2(Vectors.dense())).toBe(0);
    expect(blas.norm2(Vectors.dense(3, 4))).toBe(5);
    expect(blas.norm2(Vectors.sparse(10, [1, 7], [-3, 4]))).toBe(5);
    expect(blas.norm2(Vectors.dense(1e200, 1e200))).toBe(Number.POSITIVE_INFINITY); // no scaling
    fc.assert(
      fc.property(arrays, ([a]) => {
        const want = Math.sqrt(naiveDot(a, a).sum);
        expect(Math.abs(blas.norm2(Vectors.dense(...a)) - want)).toBeLessThanOrEqual(
          want * 1e-14 + 1e-150,
        ); // tiny squares underflow
        expect(blas.norm2(sparseOf(a))).toBe(
          blas.norm2(Vectors.dense(...a.filter((v) => v !== 0))),
        );
      }),
    );
  });

  it('norm(x, p) for p = 1, 2, ∞ and other p; rejects p < 1 and NaN', () => {
    const x = Vectors.dense(3, -4, 0);
    expect(blas.norm(x, 1)).toBe(7);
    expect(blas.norm(x, 2)).toBe(5);
    expect(blas.norm(x, Number.POSITIVE_INFINITY)).toBe(4);
    expect(blas.norm(x, 3)).toBeCloseTo(Math.cbrt(27 + 64), 12);
    expect(blas.norm(Vectors.sparse(5, [4], [-2]), 1)).toBe(2);
    expect(() => blas.norm(x, 0.5)).toThrow(InvalidArgumentError);
    expect(() => blas.norm(x, 0.5)).toThrow('p value must >= 1.0, but the current p is : 0.5');
    expect(() => blas.norm(x, Number.NaN)).toThrow('current p is : NaN');
  });

  it('asum sums absolute values with four accumulators', () => {
    expect(blas.asum(Vectors.dense(1, -2, 3, -4, 5))).toBe(15);
    expect(blas.asum(Vectors.sparse(9, [3], [-2.5]))).toBe(2.5);
    expect(blas.asum(Vectors.dense())).toBe(0);
  });

  it('axpy: y += a·x (dense and sparse x, first k entries), a == 0 is a no-op', () => {
    const y = Vectors.dense(1, 1, 1);
    blas.axpy(2, Vectors.dense(1, 2, 3), y);
    expect(Array.from(y.values)).toEqual([3, 5, 7]);
    blas.axpy(-1, Vectors.sparse(3, [0, 2], [1, 1]), y);
    expect(Array.from(y.values)).toEqual([2, 5, 6]);
    blas.axpy(1, Vectors.dense(10, 10, 10), y, 2);
    expect(Array.from(y.values)).toEqual([12, 15, 6]);
    blas.axpy(1, Vectors.sparse(3, [0, 2], [1, 1]), y, 2);
    expect(Array.from(y.values)).toEqual([13, 15, 6]);
    // Without the early return 0 * ∞ would write NaN.
    blas.axpy(0, Vectors.dense(Number.POSITIVE_INFINITY, 0, 0), y);
    expect(y.get(0)).toBe(13);
    expect(() => blas.axpy(1, Vectors.dense(1, 2), y)).toThrow(DimensionMismatchError);
    expect(() => blas.axpy(1, Vectors.dense(1, 2), y, 3)).toThrow('first 3 entries');
  });

  it('scal scales stored values in place', () => {
    const d = Vectors.dense(1, -2);
    blas.scal(3, d);
    expect(Array.from(d.values)).toEqual([3, -6]);
    const s = Vectors.sparse(4, [1], [2]);
    blas.scal(-0.5, s);
    expect(s.toString()).toBe('(4, [1], [-1.0])');
    blas.scal(1, d);
    expect(Array.from(d.values)).toEqual([3, -6]);
  });

  it('gemv (N and T) agrees with a naive matrix product', () => {
    const dims = fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 }));
    fc.assert(
      fc.property(
        dims,
        finite,
        finite,
        fc.boolean(),
        fc.integer(),
        ([m, n], alpha, beta, trans, seed) => {
          let s = seed;
          const rnd = () => {
            s = (s * 1103515245 + 12345) | 0;
            return ((s >>> 8) % 2001) / 100 - 10;
          };
          const A = new DenseMatrix(m, n, Array.from({ length: m * n }, rnd));
          const x = new DenseVector(Array.from({ length: trans ? m : n }, rnd));
          const y0 = Array.from({ length: trans ? n : m }, rnd);
          const y = new DenseVector(y0);
          blas.gemv(alpha, A, trans, x, beta, y);
          for (let r = 0; r < y0.length; r++) {
            let sum = 0;
            let mag = 0;
            for (let k = 0; k < x.size(); k++) {
              const aij = trans ? A.get(k, r) : A.get(r, k);
              sum += aij * x.get(k);
              mag += Math.abs(aij * x.get(k));
            }
            const want = m === 0 || n === 0 ? y0[r]! : alpha * sum + beta * y0[r]!;
            const tol = (Math.abs(alpha) * mag + Math.abs(beta * y0[r]!)) * 1e-13 + 1e-300;
            expect(Math.abs(y.get(r) - want)).toBeLessThanOrEqual(tol);
          }
        },
      ),
    );
  });

  it('gemv with beta = 0 ignores NaN in y; checks sizes', () => {
    const A = new DenseMatrix(2, 2, [1, 2, 3, 4]);
    for (const trans of [false, true]) {
      const y = Vectors.dense(Number.NaN, Number.NaN);
      blas.gemv(1, A, trans, Vectors.dense(1, 1), 0, y);
      expect(Array.from(y.values)).toEqual(trans ? [3, 7] : [4, 6]);
    }
    const B = new DenseMatrix(2, 3);
    expect(() => blas.gemv(1, B, false, Vectors.dense(1, 2), 0, Vectors.dense(0, 0))).toThrow(
      'a 2x3 matrix needs x of size 3, got 2',
    );
    expect(() => blas.gemv(1, B, true, Vectors.dense(1, 2), 0, Vectors.dense(0, 0))).toThrow(
      'a transposed 2x3 matrix needs y of size 3, got 2',
    );
  });

  it('hDot in every combination, keeping sparse patterns', () => {
    const y1 = Vectors.dense(1, 2, 3);
    blas.hDot(Vectors.dense(2, 3, 4), y1);
    expect(Array.from(y1.values)).toEqual([2, 6, 12]);
    const y2 = Vectors.dense(1, 2, 3);
    blas.hDot(Vectors.sparse(3, [1], [5]), y2);
    expect(Array.from(y2.values)).toEqual([0, 10, 0]);
    const y3 = Vectors.sparse(3, [0, 2], [1, 3]);
    blas.hDot(Vectors.dense(2, 9, 4), y3);
    expect(y3.toString()).toBe('(3, [0, 2], [2.0, 12.0])');
    const y4 = Vectors.sparse(5, [0, 1, 3, 4], [1, 2, 3, 4]);
    blas.hDot(Vectors.sparse(5, [1, 2, 3], [10, 20, 30]), y4);
    expect(y4.toString()).toBe('(5, [0, 1, 3, 4], [0.0, 20.0, 90.0, 0.0])');
  });

  it('throws DimensionMismatchError naming both sizes', () => {
    const err = (() => {
      try {
        blas.dot(Vectors.dense(1, 2), Vectors.sparse(3, [], []));
      } catch (e) {
        return e;
      }
      return undefined;
    })() as DimensionMismatchError;
    expect(err).toBeInstanceOf(DimensionMismatchError);
    expect(err.code).toBe('DIMENSION_MISMATCH');
    expect(err.message).toBe('Vector size mismatched. dot: x has size 2, y has size 3.');
    expect([err.expected, err.found]).toEqual([2, 3]);
    expect(() => blas.hDot(Vectors.dense(1), Vectors.dense(1, 2))).toThrow(
      'Vector size mismatched.',
    );
  });
});

describe('numerics selection', () => {
  it('blasFor picks the instance', () => {
    expect(blasFor('plain')).toBe(BLAS);
    expect(blasFor('fma')).toBe(FmaBLAS);
    expect(BLAS.numerics).toBe('plain');
    expect(FmaBLAS.numerics).toBe('fma');
  });

  it('plain and fused dots stay within 1e-15 of Σ|xᵢyᵢ| of each other', () => {
    fc.assert(
      fc.property(arrays, ([a, b]) => {
        const x = Vectors.dense(...a);
        const y = Vectors.dense(...b);
        const { abs } = naiveDot(a, b);
        expect(Math.abs(BLAS.dot(x, y) - FmaBLAS.dot(x, y))).toBeLessThanOrEqual(abs * 1e-15);
      }),
    );
  });
});
