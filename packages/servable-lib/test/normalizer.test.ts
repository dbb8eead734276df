import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, FmaBLAS, SparseVector } from '@servable/linalg';
import { ColumnTypeMismatchError, InvalidParamError } from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NormalizerServable, normalizeVector } from '../src/normalizer/index.js';
import { denseOrSparseRows } from './support/arbitraries.js';
import {
  caseInput,
  expectCaseOutput,
  itEachCase,
  loadVectorFile,
  paramsServable,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/transformer-round-trip.js';

const file = loadVectorFile('Normalizer');

const fromParams = paramsServable(file, () => new NormalizerServable());

describe('NormalizerServable: Flink ML test vectors (bit-exact)', () => {
  itEachCase(file, fromParams, { compare: { tolerance: 0 } });
});

describe("NormalizerServable: Flink ML test vectors in 'java11' numerics (bit-exact)", () => {
  // Computed on Java 11 (FMA dnrm2 for p = 2): bit for bit (and in 'fast' too for these cases).
  itEachCase(file, (c) => fromParams(c).setNumerics('java11'), { compare: { tolerance: 0 } });

  it('property: equals normalizeVector with FmaBLAS, dense and sparse, for p = 2 and others', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 1.5, 2, 3), denseOrSparseRows(1, 9), (p, vectors) => {
        const df = DataFrame.fromColumns(
          ['input'],
          [DataTypes.VECTOR(BasicType.DOUBLE)],
          [vectors],
        );
        const out = new NormalizerServable().setP(p).setNumerics('java11').transform(df);
        const got = out.getVectors('output');
        vectors.forEach((v, r) => {
          const want = normalizeVector(v, p, FmaBLAS);
          const g = got[r]!;
          expect(g.constructor).toBe(want.constructor);
          Array.from(g.toArray()).forEach((x, j) => {
            expect(Object.is(x, want.toArray()[j]), `row ${r} [${j}]`).toBe(true);
          });
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('NormalizerServable behaviour', () => {
  it('multiplies by the reciprocal of the norm (Java order), not divides', () => {
    const v = new DenseVector([3, 4]);
    const out = normalizeVector(v, 2).toArray();
    expect(Array.from(out)).toEqual([3 * (1 / 5), 4 * (1 / 5)]);
    expect(v.toString()).toBe('[3.0, 4.0]');
    expect(normalizeVector(new DenseVector([1, -3]), Number.POSITIVE_INFINITY).toString()).toBe(
      `[${1 / 3}, -1.0]`,
    );
  });

  it('a zero vector gives NaN entries; a sparse vector keeps its pattern', () => {
    expect(Array.from(normalizeVector(new DenseVector([0, 0]), 2).toArray())).toEqual([
      Number.NaN,
      Number.NaN,
    ]);
    const s = normalizeVector(new SparseVector(10, [2, 7], [3, 4]), 1);
    expect(s).toBeInstanceOf(SparseVector);
    expect(s.toString()).toBe(`(10, [2, 7], [${3 * (1 / 7)}, ${4 * (1 / 7)}])`);
  });

  it('property: the result has unit p-norm (within rounding) for non-zero vectors', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(1, 1.5, 2, 3),
        (xs, p) => {
          fc.pre(xs.some((x) => Math.abs(x) > 1e-6));
          const out = normalizeVector(new DenseVector(xs), p).toArray();
          const norm = Array.from(out).reduce((s, x) => s + Math.abs(x) ** p, 0) ** (1 / p);
          return Math.abs(norm - 1) < 1e-12;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('validates p >= 1; null vectors and non-vector columns are typed errors', () => {
    expect(() => new NormalizerServable().setP(0.5)).toThrow(InvalidParamError);
    const df = DataFrame.fromColumns(
      ['input', 'd'],
      [DataTypes.VECTOR(BasicType.DOUBLE), DataTypes.DOUBLE],
      [[null], [1]],
    );
    expect(() => new NormalizerServable().transform(df)).toThrow(ColumnTypeMismatchError);
    expect(() => new NormalizerServable().setInputCol('d').transform(df)).toThrow(
      'expected VECTOR(DOUBLE), found DOUBLE',
    );
  });

  it('save → load round trip', async () => {
    const loaded = await expectSaveLoadRoundTrip(fromParams(), NormalizerServable.load);
    expect(loaded.getP()).toBe(1.5);
    expectCaseOutput(loaded.transform(caseInput(file.cases[0]!)), file.cases[0]!);
  });
});
