import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector } from '@servable/linalg';
import { InvalidParamError } from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputValueError } from '../src/errors/invalid-input-value-error.js';
import {
  PolynomialExpansionServable,
  PolynomialSizeError,
  polynomialExpand,
  polynomialSize,
} from '../src/polynomial-expansion/index.js';
import {
  caseInput,
  expectCaseOutput,
  itEachCase,
  loadVectorFile,
  paramsServable,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/transformer-round-trip.js';

const file = loadVectorFile('PolynomialExpansion');
const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

const fromParams = paramsServable(file, () => new PolynomialExpansionServable());

describe('PolynomialExpansionServable: Flink ML test vectors', () => {
  itEachCase(file, fromParams);
});

describe('PolynomialExpansionServable behaviour', () => {
  it('sparse input : only the non-zero monomials, at their dense positions', () => {
    // [0, 2, 0, 0, 3] degree 2 → size C(7,2)-1 = 20.
    const out = polynomialExpand(new SparseVector(5, [1, 4], [2, 3]), 2);
    expect(out.toString()).toBe('(20, [2, 4, 14, 16, 19], [2.0, 4.0, 3.0, 6.0, 9.0])');
  });

  it('property: sparse expansion equals the dense expansion of the same vector', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: -5, max: 5 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 3 }),
        (xs, degree) => {
          const dense = polynomialExpand(new DenseVector(xs), degree);
          const sparse = polynomialExpand(new DenseVector(xs).toSparse(), degree);
          expect(sparse).toBeInstanceOf(SparseVector);
          expect(Array.from(sparse.toArray())).toEqual(Array.from(dense.toArray()));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: a many-row transform (planned dense rows, shared buffers) equals row-by-row expansion bit for bit', () => {
    const special = fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, 1e-200, -3e200);
    const value = fc.oneof(special, fc.double(), fc.integer({ min: -4, max: 4 }));
    const row = fc.oneof(
      fc.array(value, { minLength: 0, maxLength: 5 }).map((xs) => new DenseVector(xs)),
      // Sparse rows whose monomials are never 0 (a zero product is Java's "Indices duplicated.").
      fc
        .array(
          fc.oneof(
            fc.integer({ min: 0, max: 6 }),
            fc.integer({ min: 1, max: 4 }),
            fc.constantFrom(Number.NaN, Infinity, -2),
          ),
          { minLength: 1, maxLength: 5 },
        )
        .map((xs) => new DenseVector(xs).toSparse()),
    );
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        (rows, degree) => {
          const df = DataFrame.fromColumns(['input'], [VECTOR], [rows]);
          const out = new PolynomialExpansionServable().setDegree(degree).transform(df);
          const got = out.getValues('output') as (DenseVector | SparseVector)[];
          rows.forEach((v, r) => {
            const want = polynomialExpand(v, degree);
            const g = got[r]!;
            expect(g.constructor).toBe(want.constructor);
            expect(g.size()).toBe(want.size());
            const gv = Array.from(g.toArray());
            const wv = Array.from(want.toArray());
            gv.forEach((x, i) => {
              expect(Object.is(x, wv[i]), `row ${r} [${i}]`).toBe(true);
            });
          });
          // The rows' arrays never overlap: writing one leaves the others as they were.
          got.forEach((g, r) => {
            g.values.fill(r);
          });
          got.forEach((g, r) => {
            expect(g.values.every((x) => x === r)).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sizes: C(n + d, d); beyond Integer.MAX_VALUE a typed error with Java message', () => {
    expect(polynomialSize(3, 2)).toBe(10);
    expect(polynomialSize(0, 5)).toBe(1);
    expect(() => polynomialSize(100000, 3)).toThrow(PolynomialSizeError);
    const df = DataFrame.fromColumns(['input'], [VECTOR], [[new SparseVector(100000, [1], [1])]]);
    expect(() => new PolynomialExpansionServable().setDegree(3).transform(df)).toThrow(
      InvalidInputValueError,
    );
    expect(() => new PolynomialExpansionServable().setDegree(3).transform(df)).toThrow(
      'The expended polynomial size is too large. (column input, row 0)',
    );
  });

  it('explicit zeros in a sparse input reproduce Java: unfilled slots → Indices duplicated.', () => {
    const df = DataFrame.fromColumns(['input'], [VECTOR], [[new SparseVector(3, [0, 1], [0, 0])]]);
    expect(() => new PolynomialExpansionServable().transform(df)).toThrow('Indices duplicated.');
  });

  it('validates degree >= 1', () => {
    expect(() => new PolynomialExpansionServable().setDegree(0)).toThrow(InvalidParamError);
  });

  it('save → load round trip', async () => {
    const loaded = await expectSaveLoadRoundTrip(
      fromParams(file.cases[1]!),
      PolynomialExpansionServable.load,
    );
    expectCaseOutput(loaded.transform(caseInput(file.cases[1]!)), file.cases[1]!);
  });
});
