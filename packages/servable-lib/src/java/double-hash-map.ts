const scratch = new DataView(new ArrayBuffer(8));

/**
 * Java's `Double.hashCode(v)`: `(int)(bits ^ (bits >>> 32))` of `Double.doubleToLongBits(v)`
 * (every NaN hashes as the canonical `0x7ff8000000000000`).
 */
export function javaDoubleHashCode(v: number): number {
  scratch.setFloat64(0, Number.isNaN(v) ? Number.NaN : v);
  return (scratch.getUint32(0) ^ scratch.getUint32(4)) | 0;
}

/** `Double.equals`: equal `doubleToLongBits` (NaN equals NaN, `0.0` differs from `-0.0`). */
function sameKey(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

/** `HashMap.hash(key)`: the hash code with its high half folded into the low half. */
function spread(h: number): number {
  return h ^ (h >>> 16);
}

/** `HashMap.tableSizeFor(cap)`: the next power of two ≥ `cap` (at least 1, at most 2^30). */
function tableSizeFor(cap: number): number {
  if (cap <= 1) return 1;
  if (cap >= 2 ** 30) return 2 ** 30;
  return 2 ** Math.ceil(Math.log2(cap));
}

/** HashMap's TREEIFY_THRESHOLD − 1: a bucket that already holds this many nodes is "full". */
const BIN_COUNT_LIMIT = 7;
/** HashMap's MIN_TREEIFY_CAPACITY: below it, a full bucket resizes the table instead. */
const MIN_TREEIFY_CAPACITY = 64;

interface HashNode {
  readonly hash: number;
  readonly key: number;
  value: number;
  next: HashNode | null;
}

/**
 * `java.util.HashMap<Double, Double>` reproduced closely enough to give the **same iteration
 * order** as the JDK (8 and 11+, whose `HashMap` internals agree here):
 *
 * - buckets are visited in index order, `index = spread(Double.hashCode(key)) & (capacity − 1)`;
 * - `merge` inserts a new key at the **head** of its bucket, `put` at the **tail**;
 * - the table is created lazily at `tableSizeFor(initialCapacity)` entries, `threshold =
 *   (int)(capacity · 0.75)`; `merge` resizes *before* inserting when `size > threshold`, `put`
 *   resizes *after* inserting when `++size > threshold`; a resize doubles the capacity and
 *   splits each bucket into its low and high halves preserving order;
 * - a bucket that gets its 8th node while the capacity is below 64 resizes the table.
 *
 * Limitation: when a bucket reaches 8 nodes at capacity ≥ 64 the JDK converts it to a
 * red-black tree, which moves the tree's root to the front of that bucket; this class keeps the
 * bucket as a list, so the order *inside such a bucket* can differ from the JDK's. That needs
 * eight distinct keys with colliding low hash bits in a map of at least 48 entries.
 *
 * @example
 * ```ts
 * const m = new JavaDoubleHashMap(4);
 * m.merge(2.0, 1.0, (a, b) => a + b);
 * m.merge(1.0, 1.0, (a, b) => a + b);
 * [...m.entries()]; // [[2, 1], [1, 1]]: 2.0 lands in bucket 0, 1.0 in bucket 3 of 4
 * ```
 */
export class JavaDoubleHashMap {
  private table: (HashNode | null)[] | null = null;
  private threshold: number;
  private count = 0;

  /** `new HashMap<>(initialCapacity)`; without an argument, the default capacity 16. */
  constructor(initialCapacity?: number) {
    if (initialCapacity !== undefined && !(initialCapacity >= 0)) {
      throw new RangeError(`Illegal initial capacity: ${initialCapacity}`);
    }
    // Like the JDK, the requested size is parked in `threshold` until the table exists; 0 means
    // "use the default".
    this.threshold = initialCapacity === undefined ? 0 : tableSizeFor(initialCapacity);
  }

  /** Number of entries. */
  size(): number {
    return this.count;
  }

  /** Current table length (0 before the first insertion). */
  capacity(): number {
    return this.table?.length ?? 0;
  }

  /** The value of `key`, or `undefined` when absent (Java: `null`). */
  get(key: number): number | undefined {
    const tab = this.table;
    if (tab === null) return undefined;
    const hash = spread(javaDoubleHashCode(key));
    for (let e = tab[hash & (tab.length - 1)] ?? null; e !== null; e = e.next) {
      if (e.hash === hash && sameKey(e.key, key)) return e.value;
    }
    return undefined;
  }

  /**
   * `HashMap.merge(key, value, remap)`: stores `value` for a new key (inserted at the head of
   * its bucket) or `remap(old, value)` for an existing one; returns the stored value.
   */
  merge(key: number, value: number, remap: (oldValue: number, value: number) => number): number {
    const hash = spread(javaDoubleHashCode(key));
    let tab = this.table;
    if (this.count > this.threshold || tab === null || tab.length === 0) tab = this.resize();
    const i = hash & (tab.length - 1);
    const first = tab[i] ?? null;
    let binCount = 0;
    for (let e = first; e !== null; e = e.next) {
      if (e.hash === hash && sameKey(e.key, key)) {
        e.value = remap(e.value, value);
        return e.value;
      }
      binCount++;
    }
    tab[i] = { hash, key, value, next: first };
    if (binCount >= BIN_COUNT_LIMIT) this.treeifyBin(tab);
    this.count++;
    return value;
  }

  /** `HashMap.put(key, value)`: replaces the value of an existing key or appends a new entry. */
  put(key: number, value: number): number | undefined {
    const hash = spread(javaDoubleHashCode(key));
    let tab = this.table;
    if (tab === null || tab.length === 0) tab = this.resize();
    const i = hash & (tab.length - 1);
    let e = tab[i] ?? null;
    if (e === null) {
      tab[i] = { hash, key, value, next: null };
    } else {
      let binCount = 0;
      for (;;) {
        if (e.hash === hash && sameKey(e.key, key)) {
          const old = e.value;
          e.value = value;
          return old;
        }
        if (e.next === null) {
          e.next = { hash, key, value, next: null };
          if (binCount >= BIN_COUNT_LIMIT) this.treeifyBin(tab);
          break;
        }
        e = e.next;
        binCount++;
      }
    }
    if (++this.count > this.threshold) this.resize();
    return undefined;
  }

  /** The entries `[key, value]` in the JDK's iteration order. */
  *entries(): IterableIterator<[number, number]> {
    const tab = this.table;
    if (tab === null) return;
    for (const head of tab) {
      for (let e = head; e !== null; e = e.next) yield [e.key, e.value];
    }
  }

  private treeifyBin(tab: (HashNode | null)[]): void {
    // The JDK resizes instead of treeifying small tables; larger ones keep a list here (see the
    // class documentation).
    if (tab.length < MIN_TREEIFY_CAPACITY) this.resize();
  }

  private resize(): (HashNode | null)[] {
    const old = this.table;
    const oldCap = old?.length ?? 0;
    const newCap =
      oldCap > 0 ? Math.min(oldCap * 2, 2 ** 30) : this.threshold > 0 ? this.threshold : 16;
    this.threshold = Math.floor(newCap * 0.75);
    const tab: (HashNode | null)[] = new Array<HashNode | null>(newCap).fill(null);
    this.table = tab;
    if (old === null || newCap === oldCap) return tab;
    for (let j = 0; j < oldCap; j++) {
      let loHead: HashNode | null = null;
      let loTail: HashNode | null = null;
      let hiHead: HashNode | null = null;
      let hiTail: HashNode | null = null;
      for (let e = old[j] ?? null; e !== null; ) {
        const next: HashNode | null = e.next;
        e.next = null;
        if ((e.hash & oldCap) === 0) {
          if (loTail === null) loHead = e;
          else loTail.next = e;
          loTail = e;
        } else {
          if (hiTail === null) hiHead = e;
          else hiTail.next = e;
          hiTail = e;
        }
        e = next;
      }
      tab[j] = loHead;
      tab[j + oldCap] = hiHead;
    }
    return tab;
  }
}
