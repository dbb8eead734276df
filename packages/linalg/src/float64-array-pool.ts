/** Bytes of one shared chunk (as Node's `Buffer.poolSize`). */
const CHUNK_BYTES = 8192;
/** The longest array carved from a chunk; longer ones get their own buffer. */
const MAX_POOLED_LENGTH = 128;

let chunk = new ArrayBuffer(CHUNK_BYTES);
let used = 0;

/**
 * A new zero-filled `Float64Array` of `length` elements, cheap to create when it is short.
 *
 * Creating a typed array of more than 64 bytes makes V8 allocate its memory outside the heap
 * (a `malloc`, a backing-store registration, a later sweep): about ten times the cost of a view
 * of an existing buffer. Shorter ones are as fast to create as a view but take twice its heap
 * bytes (an array buffer object and the elements besides the array: 208 bytes for one element
 * against 96), which a server answering one-row requests pays in garbage collection. Transforms
 * that build small arrays per row or per request pay that on every call. Like Node's `Buffer`
 * pool, this hands out arrays of 1 to 128 elements as views of shared 8 KiB chunks instead;
 * longer ones (where the cost is amortised) are allocated as usual.
 *
 * The arrays never overlap and each is zero-filled when handed out (each part of a chunk is
 * handed out once). What differs from `new Float64Array(length)`: a pooled array's `buffer` is
 * the shared chunk (`byteOffset` may be non-zero, `buffer.byteLength` larger than the array's),
 * so do not transfer or detach it (`postMessage` transfer lists, `structuredClone` with
 * `transfer`); copy it first (`array.slice()`). A chunk stays in memory while any array carved
 * from it is reachable.
 *
 * @param length the number of elements (a non-negative integer).
 * @throws RangeError for a negative length, as `new Float64Array` does.
 * @example
 * ```ts
 * const values = allocFloat64Array(10); // 10 zeros, a view of a shared chunk
 * values[0] = 1.5;
 * ```
 */
export function allocFloat64Array(length: number): Float64Array {
  if (length <= 0 || length > MAX_POOLED_LENGTH || !Number.isInteger(length)) {
    return new Float64Array(length);
  }
  const bytes = length * 8;
  if (used + bytes > CHUNK_BYTES) {
    chunk = new ArrayBuffer(CHUNK_BYTES);
    used = 0;
  }
  const array = new Float64Array(chunk, used, length);
  used += bytes;
  return array;
}
