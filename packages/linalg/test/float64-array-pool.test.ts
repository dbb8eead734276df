import { allocFloat64Array } from '@servable/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('allocFloat64Array', () => {
  it('returns zero-filled arrays of the requested length', () => {
    for (const length of [0, 1, 8, 9, 10, 64, 128, 129, 1000]) {
      const a = allocFloat64Array(length);
      expect(a).toBeInstanceOf(Float64Array);
      expect(a.length).toBe(length);
      expect(a.every((v) => v === 0)).toBe(true);
    }
  });

  it('carves arrays of 1 to 128 elements from shared chunks, others get their own buffer', () => {
    for (const length of [1, 2, 8, 10, 128]) {
      const a = allocFloat64Array(length);
      const b = allocFloat64Array(length);
      // Consecutive pooled arrays share a chunk unless a new chunk started between them.
      const c = allocFloat64Array(length);
      expect(a.buffer === b.buffer || b.buffer === c.buffer).toBe(true);
      expect(a.buffer.byteLength).toBe(8192);
    }
    for (const length of [0, 129, 4096]) {
      const own = allocFloat64Array(length);
      expect(own.byteOffset).toBe(0);
      expect(own.buffer.byteLength).toBe(length * 8);
    }
  });

  it('hands out disjoint, zero-filled arrays across many chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 300 }), (lengths) => {
        const arrays = lengths.map((n) => allocFloat64Array(n));
        for (const a of arrays) expect(a.every((v) => v === 0)).toBe(true);
        // Fill each array with its own index: a later write never shows in another array.
        for (const [i, a] of arrays.entries()) a.fill(i + 1);
        for (const [i, a] of arrays.entries()) expect(a.every((v) => v === i + 1)).toBe(true);
      }),
    );
  });

  it('treats odd lengths as new Float64Array does', () => {
    expect(() => allocFloat64Array(-1)).toThrow(RangeError);
    expect(allocFloat64Array(10.5).length).toBe(new Float64Array(10.5).length);
  });
});
