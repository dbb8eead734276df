import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { javaIntegerHashMapOrder } from '../src/java/integer-hash-map-order.js';

/** Insertions and the resulting `HashMap<Integer, ?>.keySet()` order, printed by OpenJDK 17. */
const javaCases = JSON.parse(
  readFileSync(new URL('./fixtures/java-integer-hash-map-order.json', import.meta.url), 'utf8'),
) as { insert: number[]; iteration: number[] }[];

describe('javaIntegerHashMapOrder', () => {
  it.each(javaCases.map((c, i) => [i, c] as const))('matches the JVM for key set %i', (_, c) => {
    const order = javaIntegerHashMapOrder(c.insert);
    expect(order.exact).toBe(true);
    expect(order.keys).toEqual(c.iteration);
  });

  it('is ascending for small non-negative keys', () => {
    expect(javaIntegerHashMapOrder([9, 3, 7, 0, 12, 1]).keys).toEqual([0, 1, 3, 7, 9, 12]);
  });

  it('keeps the first position of a repeated key', () => {
    expect(javaIntegerHashMapOrder([16, 0, 16]).keys).toEqual([16, 0]);
  });

  it('reports buckets that Java turns into tree bins as inexact', () => {
    // 64 filler keys make the table 128 buckets wide; then 9 keys collide in bucket 1.
    const filler = Array.from({ length: 64 }, (_, i) => 2 * i + 2);
    const colliding = Array.from({ length: 9 }, (_, i) => 1 + 128 * i);
    expect(javaIntegerHashMapOrder([...filler, ...colliding]).exact).toBe(false);
    expect(javaIntegerHashMapOrder(filler).exact).toBe(true);
  });

  it('rejects keys that are not Java ints', () => {
    expect(() => javaIntegerHashMapOrder([1.5])).toThrow(RangeError);
  });
});
