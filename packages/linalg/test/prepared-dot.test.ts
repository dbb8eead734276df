import {
  BLAS,
  DenseVector,
  DimensionMismatchError,
  FmaBLAS,
  prepareDot,
  SparseVector,
} from '@servable/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitsOf } from './helpers.js';

/** Doubles of every kind the fast path must handle or hand back to the exact fma. */
const anyDouble = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1, max: 1, noNaN: true }) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 2 ** -1074, -(2 ** -1030), 2 ** 1000, 1e300) },
  { weight: 1, arbitrary: fc.double() },
);

/** Pairs whose dot nearly cancels: y, and x = c / y perturbed, so Σ xᵢyᵢ ≈ 0. */
const cancelling = fc
  .array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 2, maxLength: 40 })
  .chain((y) =>
    fc
      .array(fc.double({ min: -1e-15, max: 1e-15, noNaN: true }), {
        minLength: y.length,
        maxLength: y.length,
      })
      .map((noise) => {
        const x = y.map((v, i) => ((i % 2 === 0 ? 1 : -1) * (1 + noise[i]!)) / v);
        return { x, y };
      }),
  );

function same(a: number, b: number): void {
  expect(bitsOf(a)).toBe(bitsOf(b));
}

describe('prepareDot', () => {
  it("'fma' equals FmaBLAS.dot bit for bit on arbitrary dense vectors", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 37 })
          .chain((n) =>
            fc.tuple(
              fc.array(anyDouble, { minLength: n, maxLength: n }),
              fc.array(anyDouble, { minLength: n, maxLength: n }),
            ),
          ),
        ([xs, ys]) => {
          const x = new DenseVector(Float64Array.from(xs));
          const y = new DenseVector(Float64Array.from(ys));
          same(prepareDot(y, 'fma').dot(x), FmaBLAS.dot(x, y));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("'fma' equals FmaBLAS.dot bit for bit on near-cancelling dots (where BLAS differs)", () => {
    let differsFromPlain = 0;
    fc.assert(
      fc.property(cancelling, ({ x, y }) => {
        const xv = new DenseVector(Float64Array.from(x));
        const yv = new DenseVector(Float64Array.from(y));
        const exact = FmaBLAS.dot(xv, yv);
        same(prepareDot(yv, 'fma').dot(xv), exact);
        if (bitsOf(BLAS.dot(xv, yv)) !== bitsOf(exact)) differsFromPlain++;
      }),
      { numRuns: 2000 },
    );
    // The generator does reach the cases that separate the two numerics.
    expect(differsFromPlain).toBeGreaterThan(0);
  });

  it("'plain' equals BLAS.dot, sparse inputs equal both, on random vectors", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 30 })
          .chain((n) =>
            fc.tuple(
              fc.array(anyDouble, { minLength: n, maxLength: n }),
              fc.array(anyDouble, { minLength: n, maxLength: n }),
              fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n }),
            ),
          ),
        ([xs, ys, picked]) => {
          const x = new DenseVector(Float64Array.from(xs));
          const y = new DenseVector(Float64Array.from(ys));
          same(prepareDot(y, 'plain').dot(x), BLAS.dot(x, y));
          const sparse = SparseVector.fromUnsorted(
            xs.length,
            picked,
            picked.map((i) => xs[i]!),
          );
          same(prepareDot(y, 'plain').dot(sparse), BLAS.dot(sparse, y));
          same(prepareDot(y, 'fma').dot(sparse), FmaBLAS.dot(sparse, y));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('copies the fixed vector and checks sizes like BLAS.dot', () => {
    const y = new DenseVector([1, 2, 3]);
    const dot = prepareDot(y, 'fma');
    y.values[0] = 100;
    expect(dot.dot(new DenseVector([1, 1, 1]))).toBe(6);
    expect(dot.size).toBe(3);
    expect(() => dot.dot(new DenseVector([1, 2]))).toThrow(DimensionMismatchError);
    expect(() => prepareDot(y, 'plain').dot(new DenseVector([1, 2]))).toThrow(
      'Vector size mismatched. dot: x has size 2, y has size 3.',
    );
  });
});
