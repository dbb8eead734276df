/** Fewest and most elements of one chunk of a {@link TypedArraySlab}. */
const MIN_CHUNK = 64;
const MAX_CHUNK = 65536;

/** The typed arrays a {@link TypedArraySlab} hands out. */
type SlabArray = Float64Array | Int32Array;

/**
 * Hands out small typed arrays as disjoint views (`subarray`) of larger chunks, for transforms
 * that make one small array per row: a typed array of more than 64 bytes lives outside the V8
 * heap and costs far more to create than a view of an existing one.
 *
 * Every view is independent in content (they never overlap), so a vector built on one can be
 * written without touching its neighbours; they only share the chunk's `ArrayBuffer`, which stays
 * alive while any of its views does. Chunks hold 64 to 65536 elements (the first sized by the
 * caller's estimate, each next one twice the last); an array larger than a quarter of a chunk
 * gets its own buffer.
 *
 * @example
 * ```ts
 * const slab = TypedArraySlab.float64(rows * 9);
 * const values = slab.take(9); // a Float64Array of 9 zeros
 * ```
 */
export class TypedArraySlab<T extends SlabArray> {
  private chunk: T | undefined;
  private used = 0;

  private constructor(
    private readonly create: (length: number) => T,
    private chunkLength: number,
  ) {}

  /** A slab of Float64Arrays, its first chunk sized for about `expectedTotal` elements. */
  static float64(expectedTotal: number): TypedArraySlab<Float64Array> {
    return new TypedArraySlab((n) => new Float64Array(n), chunkLengthFor(expectedTotal));
  }

  /** A slab of Int32Arrays, its first chunk sized for about `expectedTotal` elements. */
  static int32(expectedTotal: number): TypedArraySlab<Int32Array> {
    return new TypedArraySlab((n) => new Int32Array(n), chunkLengthFor(expectedTotal));
  }

  /** A new zero-filled array of `length` elements. */
  take(length: number): T {
    // Arrays of at most 64 bytes are allocated inside the V8 heap, as cheaply as a view.
    if (length <= 8 || length > this.chunkLength >>> 2) return this.create(length);
    let chunk = this.chunk;
    if (chunk === undefined || this.used + length > chunk.length) {
      // Each further chunk doubles (up to the maximum): an estimate that was too small costs a
      // few chunks, not one per row.
      if (chunk !== undefined) this.chunkLength = Math.min(MAX_CHUNK, this.chunkLength * 2);
      chunk = this.create(this.chunkLength);
      this.chunk = chunk;
      this.used = 0;
    }
    const start = this.used;
    this.used = start + length;
    return chunk.subarray(start, start + length) as T;
  }
}

function chunkLengthFor(expectedTotal: number): number {
  return Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.ceil(expectedTotal)));
}
