import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, FmaBLAS, SparseVector, type Vector } from '@servable/linalg';
import { StandardScalerModelServable } from '@servable/servable-lib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/** Java's StandardScalerModel, step by step: clone, toDense + axpy(−1, mean), hDot(scale). */
function javaStandardize(
  v: Vector,
  mean: DenseVector,
  std: DenseVector,
  withMean: boolean,
  withStd: boolean,
): Vector {
  let out: Vector = v.clone();
  if (withMean) {
    const dense = out.toDense();
    FmaBLAS.axpy(-1, mean, dense);
    out = dense;
  }
  if (withStd) {
    const scale = new DenseVector(std.values.map((s) => (s === 0 ? 0 : 1 / s)));
    FmaBLAS.hDot(scale, out);
  }
  return out;
}

const double = fc.oneof(
  { weight: 8, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e-310, Number.MAX_VALUE) },
);

const rowArb = (d: number) =>
  fc.oneof(
    fc.array(double, { minLength: d, maxLength: d }).map((xs) => new DenseVector(xs) as Vector),
    fc
      .uniqueArray(fc.integer({ min: 0, max: d - 1 }), { maxLength: d })
      .chain((idx) =>
        fc
          .array(double, { minLength: idx.length, maxLength: idx.length })
          .map((vals) => SparseVector.fromUnsorted(d, idx, vals) as Vector),
      ),
  );

const caseArb = fc.integer({ min: 1, max: 6 }).chain((d) =>
  fc.record({
    mean: fc.array(double, { minLength: d, maxLength: d }),
    std: fc.array(fc.oneof(double, fc.constant(0)), { minLength: d, maxLength: d }),
    rows: fc.array(rowArb(d), { minLength: 1, maxLength: 5 }),
    withMean: fc.boolean(),
    withStd: fc.boolean(),
  }),
);

function bits(v: Vector): string {
  const dense = v.toArray();
  return `${v.kind}:${Array.from(new Uint8Array(dense.buffer, dense.byteOffset, dense.byteLength)).join(',')}`;
}

describe('StandardScalerModelServable fused transform loop', () => {
  it("gives Java's axpy-then-hDot bits for dense and sparse rows, 1 and several per frame", () => {
    fc.assert(
      fc.property(caseArb, ({ mean, std, rows, withMean, withStd }) => {
        const meanV = new DenseVector(mean);
        const stdV = new DenseVector(std);
        const scaler = new StandardScalerModelServable()
          .setWithMean(withMean)
          .setWithStd(withStd)
          .setInputCol('x')
          .setOutputCol('y')
          .setModel({ mean: meanV, std: stdV, version: 0n, timestamp: 0n });
        const inputs = rows.map((r) => r.clone());
        const out = scaler
          .transform(DataFrame.fromColumns(['x'], [VECTOR], [rows]))
          .getVectors('y');
        rows.forEach((row, r) => {
          const expected = javaStandardize(row, meanV, stdV, withMean, withStd);
          expect(bits(out[r] as Vector)).toBe(bits(expected));
          // The input row is untouched.
          expect(bits(row)).toBe(bits(inputs[r] as Vector));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives each row its own storage (writing one output row leaves the others alone)', () => {
    const scaler = new StandardScalerModelServable()
      .setWithMean(true)
      .setInputCol('x')
      .setOutputCol('y')
      .setModel({
        mean: new DenseVector([1, 1]),
        std: new DenseVector([2, 2]),
        version: 0n,
        timestamp: 0n,
      });
    const rows = [new DenseVector([3, 5]), new SparseVector(2, [1], [7]), new DenseVector([1, 1])];
    const out = scaler.transform(DataFrame.fromColumns(['x'], [VECTOR], [rows])).getVectors('y');
    expect(out.map((v) => Array.from((v as Vector).toArray()))).toEqual([
      [1, 2],
      [-0.5, 3],
      [0, 0],
    ]);
    (out[0] as DenseVector).set(1, 99);
    expect(Array.from((out[1] as Vector).toArray())).toEqual([-0.5, 3]);
    expect(Array.from((out[2] as Vector).toArray())).toEqual([0, 0]);
  });
});
