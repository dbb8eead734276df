/** What to do with a last batch smaller than the batch size (the report's problem 4). */
export type Remainder = 'keep' | 'drop' | 'pad';

/**
 * Splits the row positions `order` (default 0..n-1) into batches of `batchSize`.
 *
 * - `keep`: the last batch holds what is left (it may be smaller);
 * - `drop`: a smaller last batch is dropped;
 * - `pad`: the last batch is filled up to `batchSize` with rows from the start of `order`
 *   (repeating them when there are fewer rows than a batch).
 *
 * Every batch is emitted as soon as it is complete; a bounded input always ends with its
 * remainder, so nothing waits for rows that will never come.
 */
export function* batchIndices(
  n: number,
  batchSize: number,
  remainder: Remainder,
  order?: ArrayLike<number>,
): Generator<Int32Array> {
  const at = (i: number): number => (order === undefined ? i : (order[i] as number));
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    if (size < batchSize && remainder === 'drop') return;
    const out = new Int32Array(remainder === 'pad' ? batchSize : size);
    for (let k = 0; k < out.length; k++) out[k] = at(k < size ? start + k : (k - size) % n);
    yield out;
  }
}

/**
 * Gathers the rows `indices` of a row-major matrix of `width` columns.
 */
export function gatherRows(matrix: Float32Array, width: number, indices: Int32Array): Float32Array {
  const out = new Float32Array(indices.length * width);
  for (let k = 0; k < indices.length; k++) {
    const from = (indices[k] as number) * width;
    out.set(matrix.subarray(from, from + width), k * width);
  }
  return out;
}

/** A seeded permutation of 0..n-1 (mulberry32), so shuffled epochs are reproducible. */
export function permutation(n: number, seed: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const tmp = out[i] as number;
    out[i] = out[j] as number;
    out[j] = tmp;
  }
  return out;
}
