import { javaDoubleCompare } from './double-compare.js';

/**
 * Java's `Arrays.binarySearch(double[], key)`, probe for probe: `low = 0`, `high = n - 1`,
 * `mid = (low + high) >>> 1`, comparisons by `Double.compare` (so `-0.0 < 0.0` and NaN sorts
 * last). Returns the index of a match, else `-(insertionPoint + 1)`. With duplicate keys the
 * index returned is the one Java's probe sequence finds, which Flink ML's outputs depend on.
 */
export function javaBinarySearch(sorted: ArrayLike<number>, key: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const cmp = javaDoubleCompare(sorted[mid] as number, key);
    if (cmp < 0) low = mid + 1;
    else if (cmp > 0) high = mid - 1;
    else return mid;
  }
  return -(low + 1);
}
