import {
  DenseMatrix,
  DenseVector,
  InvalidVectorError,
  LinalgError,
  SparseVector,
  Vectors,
  VectorWithNorm,
} from '@servable/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('DenseVector', () => {
  it('toSparse drops ±0 and keeps NaN and other values', () => {
    const s = Vectors.dense(0, -0, Number.NaN, 2, -0, -3).toSparse();
    expect(Array.from(s.indices)).toEqual([2, 3, 5]);
    expect(s.toString()).toBe('(6, [2, 3, 5], [NaN, 2.0, -3.0])');
  });

  it('equals compares bits (NaN equals NaN, 0 differs from -0) and kinds', () => {
    expect(Vectors.dense(Number.NaN).equals(Vectors.dense(Number.NaN))).toBe(true);
    expect(Vectors.dense(0).equals(Vectors.dense(-0))).toBe(false);
    expect(Vectors.dense(1).equals(Vectors.dense(1, 2))).toBe(false);
    expect(Vectors.dense(1).equals(Vectors.sparse(1, [0], [1]))).toBe(false);
  });

  it('get/set/clone/toArray and bounds errors', () => {
    const v = new DenseVector(3);
    v.set(1, 5);
    expect(v.get(1)).toBe(5);
    expect(v.toArray()).toBe(v.values);
    const c = v.clone();
    c.set(0, 1);
    expect(v.get(0)).toBe(0);
    expect(v.toDense()).toBe(v);
    expect(() => v.get(3)).toThrow('Index out of bounds: 3 (vector size 3).');
    expect(() => v.set(-1, 1)).toThrow(InvalidVectorError);
    expect(() => v.set(1.5, 1)).toThrow(InvalidVectorError);
    expect(() => new DenseVector(-1)).toThrow('non-negative integer, got -1');
    expect(() => new DenseVector(2.5)).toThrow(InvalidVectorError);
    const shared = new Float64Array(2);
    expect(Vectors.denseOf(shared).values).toBe(shared);
  });
});

describe('SparseVector', () => {
  it('constructor validates and reports every error path', () => {
    expect(() => new SparseVector(-1, [], [])).toThrow('non-negative integer, got -1');
    expect(() => new SparseVector(3, [0, 1], [1])).toThrow('2 indices but 1 values');
    expect(() => new SparseVector(3, [3], [1])).toThrow(
      'index 3 at position 0 is out of bounds for size 3',
    );
    expect(() => new SparseVector(3, [-1], [1])).toThrow('out of bounds');
    expect(() => new SparseVector(3, [1, 1], [1, 2])).toThrow('index 1 is duplicated (position 1)');
    expect(() => new SparseVector(3, [2, 1], [1, 1])).toThrow(/must be sorted/);
    expect(() => new SparseVector(3, [0.5], [1])).toThrow('not a 32-bit integer');
    const e = (() => {
      try {
        new SparseVector(3, [5], [1]);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(LinalgError);
    expect((e as LinalgError).code).toBe('INVALID_VECTOR');
  });

  it('fromUnsorted sorts indices with their values and validates like the constructor', () => {
    const v = Vectors.sparse(5, [4, 0, 2], [40, 0.5, 20]);
    expect(Array.from(v.indices)).toEqual([0, 2, 4]);
    expect(Array.from(v.values)).toEqual([0.5, 20, 40]);
    expect(() => Vectors.sparse(5, [4, 4], [1, 2])).toThrow('duplicated');
    expect(() => Vectors.sparse(5, [1], [1, 2])).toThrow('1 indices but 2 values');
    // Non-integers must not be truncated (Int32Array.from would turn NaN into 0).
    expect(() => Vectors.sparse(5, [Number.NaN], [1])).toThrow('not a 32-bit integer');
    expect(() => Vectors.sparse(5, [3, 1.5], [1, 2])).toThrow('not a 32-bit integer');
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 49 }), { maxLength: 20 }), (idx) => {
        const vals = idx.map((i) => i * 10 + 1);
        const v2 = Vectors.sparse(50, idx, vals);
        for (let k = 0; k < v2.indices.length; k++) {
          expect(v2.values[k]).toBe(v2.indices[k]! * 10 + 1);
          if (k > 0) expect(v2.indices[k]!).toBeGreaterThan(v2.indices[k - 1]!);
        }
        expect(v2.indices.length).toBe(idx.length);
      }),
    );
  });

  it('set overwrites, inserts non-zeros in order and ignores absent zeros', () => {
    const v = Vectors.sparse(6, [1, 4], [1, 4]);
    v.set(4, 0); // stored → explicit zero kept
    v.set(2, 0); // absent zero → no-op
    v.set(-0 + 5, 5);
    v.set(0, Number.NaN);
    v.set(3, -0); // -0 == 0 → no-op
    expect(v.toString()).toBe('(6, [0, 1, 4, 5], [NaN, 1.0, 0.0, 5.0])');
    expect(() => v.set(6, 1)).toThrow('Index out of bounds: 6 (vector size 6).');
    expect(v.get(2)).toBe(0);
    expect(v.get(5)).toBe(5);
  });

  it('equals, clone, toArray, toDense', () => {
    const v = Vectors.sparse(4, [1, 3], [Number.NaN, 2]);
    expect(v.equals(v.clone())).toBe(true);
    expect(v.equals(Vectors.sparse(4, [1, 3], [Number.NaN, -2]))).toBe(false);
    expect(v.equals(Vectors.sparse(5, [1, 3], [Number.NaN, 2]))).toBe(false);
    expect(v.equals(Vectors.sparse(4, [1, 2], [Number.NaN, 2]))).toBe(false);
    expect(Vectors.sparse(2, [0], [0]).equals(Vectors.sparse(2, [0], [-0]))).toBe(false);
    expect(Array.from(v.toArray())).toEqual([0, Number.NaN, 0, 2]);
    expect(v.toDense().toString()).toBe('[0.0, NaN, 0.0, 2.0]');
    expect(v.toSparse()).toBe(v);
    expect(v.size()).toBe(4);
  });

  it('dense → sparse → dense round trips up to the sign of zeros', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), (a) => {
        const d = new DenseVector(a);
        const back = d.toSparse().toDense();
        expect(Array.from(back.values)).toEqual(a.map((x) => (x === 0 ? 0 : x)));
      }),
    );
  });
});

describe('DenseMatrix and VectorWithNorm', () => {
  it('column-major storage, bounds and dimension errors', () => {
    const m = new DenseMatrix(2, 3, [1, 2, 3, 4, 5, 6]);
    expect(m.get(1, 2)).toBe(6);
    m.set(0, 1, 9);
    expect(m.values[2]).toBe(9);
    expect(m.toDense()).toBe(m);
    expect(m.equals(new DenseMatrix(2, 3, [1, 2, 9, 4, 5, 6]))).toBe(true);
    expect(m.equals(new DenseMatrix(3, 2, [1, 2, 9, 4, 5, 6]))).toBe(false);
    expect(new DenseMatrix(2, 2).values.length).toBe(4);
    expect(() => m.get(2, 0)).toThrow('Matrix index (2, 0) out of bounds for a 2x3 matrix.');
    expect(() => m.set(0, 3, 1)).toThrow(InvalidVectorError);
    expect(() => new DenseMatrix(2, 2, [1])).toThrow('A 2x2 matrix needs 4 values, got 1.');
    expect(() => new DenseMatrix(-1, 2)).toThrow('non-negative integers, got -1x2');
  });

  it('VectorWithNorm defaults to the L2 norm and compares bitwise', () => {
    const v = new VectorWithNorm(Vectors.dense(3, 4));
    expect(v.l2Norm).toBe(5);
    expect(new VectorWithNorm(Vectors.sparse(3, [2], [-2])).l2Norm).toBe(2);
    expect(v.equals(new VectorWithNorm(Vectors.dense(3, 4), 5))).toBe(true);
    expect(v.equals(new VectorWithNorm(Vectors.dense(3, 4), 6))).toBe(false);
    expect(v.equals(Vectors.dense(3, 4))).toBe(false);
  });
});
