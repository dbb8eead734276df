import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { javaBinarySearch } from '../src/java/binary-search.js';
import { javaDoubleCompare } from '../src/java/double-compare.js';

describe('javaDoubleCompare', () => {
  it('orders -0.0 before 0.0 and NaN last', () => {
    expect(javaDoubleCompare(-0, 0)).toBe(-1);
    expect(javaDoubleCompare(0, -0)).toBe(1);
    expect(javaDoubleCompare(Number.NaN, Number.POSITIVE_INFINITY)).toBe(1);
    expect(javaDoubleCompare(Number.NaN, Number.NaN)).toBe(0);
    expect(javaDoubleCompare(1, 2)).toBe(-1);
  });
});

describe('javaBinarySearch', () => {
  it('finds keys and insertion points like Java', () => {
    const a = [Number.NEGATIVE_INFINITY, -1, 0, 2.5, Number.POSITIVE_INFINITY];
    expect(javaBinarySearch(a, 2.5)).toBe(3);
    expect(javaBinarySearch(a, 1)).toBe(-4);
    expect(javaBinarySearch(a, -5)).toBe(-2);
    expect(javaBinarySearch(a, Number.NaN)).toBe(-6);
    expect(javaBinarySearch([0, 0.5], -0)).toBe(-1);
    // Duplicates: Java's first probe is mid = 2, which matches.
    expect(javaBinarySearch([1, 1, 1, 1, 1], 1)).toBe(2);
  });

  it('agrees with a linear scan on sorted arrays without duplicates', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -50, max: 50 })),
        fc.integer({ min: -60, max: 60 }),
        (xs, key) => {
          const sorted = [...xs].sort((a, b) => a - b);
          const at = sorted.indexOf(key);
          const insertion = sorted.filter((x) => x < key).length;
          expect(javaBinarySearch(sorted, key)).toBe(at >= 0 ? at : -(insertion + 1));
        },
      ),
    );
  });
});
