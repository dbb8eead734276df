import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { javaDoubleCompare } from '../src/java/double-compare.js';
import { JavaDoubleHashMap, javaDoubleHashCode } from '../src/java/double-hash-map.js';
import { JavaPriorityQueue } from '../src/java/priority-queue.js';

/**
 * Ground truth written by a JDK 17 (program in the fixture's generator, run once): 200 random
 * HashMap<Double, Double> histories (merge or put) with their entrySet() order, and 200
 * PriorityQueue runs (KNN's bounded max-heap) with their poll order.
 */
interface JdkCollections {
  hashMap: {
    capacity: number;
    op: 'merge' | 'put';
    keys: (number | 'NaN')[];
    order: [number | 'NaN', number][];
  }[];
  priorityQueue: { k: number; distances: (number | 'NaN')[]; pollOrder: number[] }[];
}

const jdk = JSON.parse(
  readFileSync(new URL('./fixtures/java/jdk17-collections.json', import.meta.url), 'utf8'),
) as JdkCollections;

const num = (v: number | 'NaN'): number => (v === 'NaN' ? Number.NaN : v);

describe('javaDoubleHashCode', () => {
  it('folds the bits like Double.hashCode', () => {
    expect(javaDoubleHashCode(1.0)).toBe(0x3ff00000);
    expect(javaDoubleHashCode(0.0)).toBe(0);
    expect(javaDoubleHashCode(-0.0)).toBe(0x80000000 | 0);
    expect(javaDoubleHashCode(Number.NaN)).toBe(0x7ff80000);
    // 0.1 = 0x3fb999999999999a
    expect(javaDoubleHashCode(0.1)).toBe((0x3fb99999 ^ 0x9999999a) | 0);
  });
});

describe('JavaDoubleHashMap', () => {
  it.each(jdk.hashMap.map((c, i) => [i, c] as const))(
    'iterates like JDK 17 (history %i)',
    (_i, c) => {
      const m = new JavaDoubleHashMap(c.capacity);
      c.keys.forEach((k, i) => {
        if (c.op === 'put') m.put(num(k), i);
        else m.merge(num(k), 1, (a, b) => a + b);
      });
      const order = [...m.entries()].map(([k, v]) => [Number.isNaN(k) ? 'NaN' : k, v]);
      expect(order).toEqual(c.order);
      expect(m.size()).toBe(c.order.length);
    },
  );

  it('treats 0.0 and -0.0 as different keys and NaN as one key', () => {
    const m = new JavaDoubleHashMap();
    m.merge(0, 1, (a, b) => a + b);
    m.merge(-0, 1, (a, b) => a + b);
    m.merge(Number.NaN, 1, (a, b) => a + b);
    m.merge(Number.NaN, 1, (a, b) => a + b);
    expect(m.size()).toBe(3);
    expect(m.get(Number.NaN)).toBe(2);
    expect(m.get(-0)).toBe(1);
    expect(m.get(5)).toBeUndefined();
  });

  it('grows the table like the JDK', () => {
    const m = new JavaDoubleHashMap(3);
    expect(m.capacity()).toBe(0);
    m.merge(1, 1, (a, b) => a + b);
    expect(m.capacity()).toBe(4);
    for (let i = 2; i <= 4; i++) m.merge(i, 1, (a, b) => a + b);
    // size 3 is not > threshold 3 when the 4th key arrives, so no resize before it.
    expect(m.capacity()).toBe(4);
    m.merge(5, 1, (a, b) => a + b);
    expect(m.capacity()).toBe(8);
  });

  it('rejects a negative capacity', () => {
    expect(() => new JavaDoubleHashMap(-1)).toThrow('Illegal initial capacity: -1');
  });
});

describe('JavaPriorityQueue', () => {
  it.each(jdk.priorityQueue.map((c, i) => [i, c] as const))(
    'polls like JDK 17 (run %i)',
    (_i, c) => {
      const q = new JavaPriorityQueue<[number, number]>((a, b) => javaDoubleCompare(-a[0], -b[0]));
      c.distances.forEach((raw, i) => {
        const d = num(raw);
        if (q.size() < c.k) q.offer([d, i]);
        else if ((q.peek() as [number, number])[0] > d) {
          q.poll();
          q.offer([d, i]);
        }
      });
      const order: number[] = [];
      while (!q.isEmpty()) order.push((q.poll() as [number, number])[1]);
      expect(order).toEqual(c.pollOrder);
    },
  );

  it('polls a sorted sequence for any input (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 100 })), (xs) => {
        const q = new JavaPriorityQueue<number>((a, b) => a - b);
        for (const x of xs) q.offer(x);
        expect(q.toArray()).toHaveLength(xs.length);
        const out: number[] = [];
        while (q.size() > 0) out.push(q.poll() as number);
        expect(out).toEqual([...xs].sort((a, b) => a - b));
        expect(q.poll()).toBeUndefined();
        expect(q.peek()).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
