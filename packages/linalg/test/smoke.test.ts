import { DenseVector, formatJavaDouble, SparseVector, Vectors } from '@servable/linalg';
import { describe, expect, it } from 'vitest';

describe('vectors', () => {
  it('formats like Java', () => {
    expect(Vectors.dense(1, 2.5).toString()).toBe('[1.0, 2.5]');
    expect(Vectors.sparse(4, [3, 1], [7, 5]).toString()).toBe('(4, [1, 3], [5.0, 7.0])');
    expect(formatJavaDouble(1e7)).toBe('1.0E7');
    expect(formatJavaDouble(1.0e-4)).toBe('1.0E-4');
    expect(formatJavaDouble(123456.789)).toBe('123456.789');
    expect(formatJavaDouble(0.001)).toBe('0.001');
    expect(formatJavaDouble(-1.23456789e8)).toBe('-1.23456789E8');
    expect(new DenseVector(2)).toBeInstanceOf(DenseVector);
    expect(() => new SparseVector(3, [2, 1], [1, 1])).toThrow(/sorted/);
  });
});
