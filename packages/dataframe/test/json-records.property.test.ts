import { BasicType, DataFrame, type DataType, DataTypes } from '@servable/dataframe';
import { DenseMatrix, DenseVector, SparseVector } from '@servable/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** One generated column: its type and a generator of `n` values. */
interface ColumnGen {
  readonly type: DataType;
  readonly values: (n: number) => fc.Arbitrary<unknown[]>;
}

/** Doubles, NaN and ±Infinity included; -0 optional (JSON.stringify writes -0 as 0). */
const double = (negativeZero: boolean) =>
  fc.double().map((x) => (negativeZero || !Object.is(x, -0) ? x : 0));

function column(
  type: DataType,
  value: fc.Arbitrary<unknown>,
  nullable: boolean,
): fc.Arbitrary<ColumnGen> {
  const v = nullable ? fc.option(value, { nil: null, freq: 4 }) : value;
  return fc.constant({
    type,
    values: (n: number) => fc.array(v, { minLength: n, maxLength: n }),
  });
}

function vectorArb(negativeZero: boolean): fc.Arbitrary<DenseVector | SparseVector> {
  const dense = fc
    .array(double(negativeZero), { maxLength: 6 })
    .map((xs) => new DenseVector(Float64Array.from(xs)));
  const sparse = fc.integer({ min: 0, max: 8 }).chain((n) =>
    fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, n - 1) }), { maxLength: n }).chain((idx) =>
      fc
        .array(double(negativeZero), { minLength: idx.length, maxLength: idx.length })
        .map((vals) => {
          const indices = [...idx].sort((a, b) => a - b);
          return new SparseVector(n, indices, vals);
        }),
    ),
  );
  return fc.oneof(dense, sparse);
}

function columnArb(negativeZero: boolean): fc.Arbitrary<ColumnGen> {
  return fc.boolean().chain((nullable) =>
    fc.oneof(
      column(DataTypes.DOUBLE, double(negativeZero), nullable),
      column(DataTypes.INT, fc.integer(), nullable),
      column(DataTypes.LONG, fc.maxSafeInteger(), nullable),
      column(DataTypes.STRING, fc.oneof(fc.string(), fc.constantFrom('NaN', 'Infinity')), nullable),
      column(DataTypes.BOOLEAN, fc.boolean(), nullable),
      column(DataTypes.VECTOR(BasicType.DOUBLE), vectorArb(negativeZero), nullable),
      column(
        DataTypes.ARRAY(DataTypes.STRING),
        fc.array(fc.option(fc.string(), { nil: null }), { maxLength: 4 }),
        nullable,
      ),
      column(DataTypes.BYTE_STRING, fc.uint8Array({ maxLength: 10 }), nullable),
      column(
        DataTypes.MATRIX(BasicType.DOUBLE),
        fc
          .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }))
          .chain(([r, c]) =>
            fc
              .array(double(negativeZero), { minLength: r * c, maxLength: r * c })
              .map((vs) => new DenseMatrix(r, c, vs)),
          ),
        nullable,
      ),
      column(
        DataTypes.ARRAY(DataTypes.VECTOR(BasicType.DOUBLE)),
        fc.array(vectorArb(negativeZero), { maxLength: 3 }),
        nullable,
      ),
    ),
  );
}

const columnName = fc.oneof(
  fc.string(),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'size', 'values'),
);

function frameArb(negativeZero: boolean): fc.Arbitrary<DataFrame> {
  return fc.integer({ min: 0, max: 6 }).chain((numRows) =>
    fc.uniqueArray(columnName, { minLength: 1, maxLength: 5 }).chain((names) =>
      fc.tuple(...names.map(() => columnArb(negativeZero))).chain((gens) =>
        fc.tuple(...gens.map((g) => g.values(numRows))).map((columns) =>
          DataFrame.fromColumns(
            names,
            gens.map((g) => g.type),
            columns,
            numRows,
          ),
        ),
      ),
    ),
  );
}

/** Value equality: vectors and matrices bit for bit (NaN = NaN, 0 ≠ -0), bytes by content. */
function same(a: unknown, b: unknown): boolean {
  if (a instanceof DenseVector || a instanceof SparseVector || a instanceof DenseMatrix) {
    return a.equals(b);
  }
  if (a instanceof Uint8Array) {
    return b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  return Object.is(a, b);
}

function expectSameFrame(actual: DataFrame, expected: DataFrame): void {
  expect(actual.getSchema().equals(expected.getSchema())).toBe(true);
  expect(actual.numRows()).toBe(expected.numRows());
  expected.getColumnNames().forEach((_, c) => {
    expect(actual.column(c) instanceof Float64Array).toBe(
      expected.column(c) instanceof Float64Array,
    );
    const got = actual.getValues(c);
    const want = expected.getValues(c);
    want.forEach((w, r) => {
      if (!same(got[r], w)) {
        throw new Error(`column ${c}, row ${r}: got ${String(got[r])}, want ${String(w)}`);
      }
    });
  });
}

describe('JSON records round trip', () => {
  it('fromRecords(JSON.parse(JSON.stringify(toRecords()))) equals the original', () => {
    fc.assert(
      fc.property(frameArb(false), (df) => {
        const text = JSON.stringify(df.toRecords());
        const back = DataFrame.fromRecords(JSON.parse(text), df.getSchema());
        expectSameFrame(back, df);
      }),
      { numRuns: 300 },
    );
  });

  it('also through the schema JSON form', () => {
    fc.assert(
      fc.property(frameArb(false), (df) => {
        const schema = JSON.parse(JSON.stringify(df.getSchema()));
        const back = DataFrame.fromRecords(JSON.parse(JSON.stringify(df.toRecords())), schema);
        expectSameFrame(back, df);
      }),
      { numRuns: 50 },
    );
  });

  it('fromRecords(toRecords()) keeps even -0 without JSON text in between', () => {
    fc.assert(
      fc.property(frameArb(true), (df) => {
        expectSameFrame(DataFrame.fromRecords(df.toRecords(), df.getSchema()), df);
      }),
      { numRuns: 200 },
    );
  });
});
