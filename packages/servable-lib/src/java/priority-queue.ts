/**
 * Java's `java.util.PriorityQueue<E>` with a comparator: a binary min-heap (by `compare`) in an
 * array, with `offer` = `siftUp`, `poll` = move the last element to the root and `siftDown`,
 * probe for probe as in the JDK (`siftUpUsingComparator` / `siftDownUsingComparator`, identical
 * in Java 8 and 11+). Elements that compare equal therefore come out in exactly the order the
 * JDK's heap gives them, which Flink ML's KNN tie-breaking depends on.
 *
 * @example
 * ```ts
 * const q = new JavaPriorityQueue<number>((a, b) => a - b);
 * q.offer(3); q.offer(1); q.offer(2);
 * q.poll(); // 1
 * ```
 */
export class JavaPriorityQueue<E> {
  // The heap is `queue[0..count)`; slots beyond are spare capacity (cleared, so nothing leaks).
  private readonly queue: (E | undefined)[] = [];
  private count = 0;
  private readonly compare: (a: E, b: E) => number;

  /** A queue ordered by `compare` (negative: `a` first), like `new PriorityQueue<>(comparator)`. */
  constructor(compare: (a: E, b: E) => number) {
    this.compare = compare;
  }

  /** Number of elements. */
  size(): number {
    return this.count;
  }

  /** Whether the queue is empty. */
  isEmpty(): boolean {
    return this.count === 0;
  }

  /** The head (least element) without removing it, or `undefined` when empty. */
  peek(): E | undefined {
    return this.count === 0 ? undefined : this.queue[0];
  }

  /** Removes every element (`clear()`), keeping the storage for reuse. */
  clear(): void {
    const q = this.queue;
    for (let i = 0; i < this.count; i++) q[i] = undefined;
    this.count = 0;
  }

  /** Adds `e` (`add`/`offer`): appends it and sifts it up. */
  offer(e: E): void {
    const q = this.queue;
    let k = this.count++;
    while (k > 0) {
      const parent = (k - 1) >>> 1;
      const p = q[parent] as E;
      if (this.compare(e, p) >= 0) break;
      q[k] = p;
      k = parent;
    }
    q[k] = e;
  }

  /** Removes and returns the head, or `undefined` when empty. */
  poll(): E | undefined {
    if (this.count === 0) return undefined;
    const q = this.queue;
    const result = q[0] as E;
    const n = --this.count;
    const x = q[n] as E;
    q[n] = undefined;
    if (n > 0) {
      let k = 0;
      const half = n >>> 1;
      while (k < half) {
        let child = (k << 1) + 1;
        let c = q[child] as E;
        const right = child + 1;
        if (right < n && this.compare(c, q[right] as E) > 0) {
          child = right;
          c = q[child] as E;
        }
        if (this.compare(x, c) <= 0) break;
        q[k] = c;
        k = child;
      }
      q[k] = x;
    }
    return result;
  }

  /** The elements in the heap's internal array order (Java's `toArray()`/iterator order). */
  toArray(): E[] {
    return this.queue.slice(0, this.count) as E[];
  }
}
