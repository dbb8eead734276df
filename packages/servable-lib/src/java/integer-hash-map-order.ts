/** Java's `HashMap.DEFAULT_INITIAL_CAPACITY`. */
const INITIAL_CAPACITY = 16;
/** Java's `HashMap.TREEIFY_THRESHOLD`. */
const TREEIFY_THRESHOLD = 8;
/** Java's `HashMap.MIN_TREEIFY_CAPACITY`. */
const MIN_TREEIFY_CAPACITY = 64;
/** Java's `HashMap.MAXIMUM_CAPACITY`. */
const MAXIMUM_CAPACITY = 1 << 30;

/** Java's `HashMap.hash(Integer.valueOf(key))`: the key's bits spread by `h ^ (h >>> 16)`. */
function spread(key: number): number {
  return key ^ (key >>> 16);
}

/** The result of {@link javaIntegerHashMapOrder}. */
export interface IntegerHashMapOrder {
  /** The distinct keys in the order Java's `HashMap.entrySet()` iterates them. */
  readonly keys: number[];
  /**
   * False when some bucket grew into a red-black tree bin (8+ keys colliding in one bucket of a
   * table of 64+ slots). Java then orders that bucket by tree operations that are not emulated;
   * the keys of such a bucket are listed in insertion order instead.
   */
  readonly exact: boolean;
}

/**
 * The iteration order of a `java.util.HashMap<Integer, ?>` created with `new HashMap<>()` and
 * filled by `put`ting `keys` in the given order (repeated keys keep their first position), as
 * Flink's `MapSerializer.deserialize` builds a map.
 *
 * Emulates the table growth of OpenJDK 8–21 exactly: a table of 16 buckets allocated on the first
 * `put`, doubled whenever the size exceeds 3/4 of the capacity, and also doubled (instead of
 * building a tree) whenever a bucket reaches 9 entries while the table has fewer than 64
 * buckets. Iteration walks the buckets in index order (`hash & (capacity - 1)`), each bucket in
 * insertion order (resizes keep the relative order). Buckets that Java turns into tree bins are
 * reported through {@link IntegerHashMapOrder.exact}.
 *
 * For keys in `[0, capacity)` (e.g. feature indices of a map with at least `4/3 × maxKey` slots)
 * the order is simply ascending.
 */
export function javaIntegerHashMapOrder(keys: readonly number[]): IntegerHashMapOrder {
  let capacity = 0;
  let buckets: number[][] = [];
  let size = 0;
  let exact = true;
  const seen = new Set<number>();

  const rehash = (newCapacity: number): void => {
    const next: number[][] = Array.from({ length: newCapacity }, () => []);
    for (const bucket of buckets) {
      for (const k of bucket) next[spread(k) & (newCapacity - 1)]!.push(k);
    }
    buckets = next;
    capacity = newCapacity;
  };

  for (const key of keys) {
    if ((key | 0) !== key) throw new RangeError(`Not a Java int key: ${key}.`);
    if (capacity === 0) rehash(INITIAL_CAPACITY);
    if (seen.has(key)) continue;
    seen.add(key);
    const bucket = buckets[spread(key) & (capacity - 1)]!;
    bucket.push(key);
    if (bucket.length > TREEIFY_THRESHOLD) {
      if (capacity < MIN_TREEIFY_CAPACITY) rehash(capacity * 2);
      else exact = false;
    }
    size++;
    if (size > capacity * 0.75 && capacity < MAXIMUM_CAPACITY) rehash(capacity * 2);
  }
  return { keys: buckets.flat(), exact };
}
