// MurmurHash3_x86_32 with seed 0, as Guava's `Hashing.murmur3_32(0)` (shaded Guava 30 in Flink
// ML): `hashUnencodedChars`, `hashInt`, `hashLong`. Results are signed 32-bit ints (`asInt()`).

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixK1(k1: number): number {
  let k = Math.imul(k1, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

function mixH1(h1: number, k1: number): number {
  let h = h1 ^ k1;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h1: number, length: number): number {
  let h = h1 ^ length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Guava's `murmur3_32(0).hashUnencodedChars(s).asInt()`: MurmurHash3_x86_32 over the UTF-16
 * code units of `s` in little-endian byte order (no UTF-8 encoding; lone surrogates hashed as
 * they are).
 *
 * @example
 * ```ts
 * murmur3HashUnencodedChars('f1'); // 76560913
 * ```
 */
export function murmur3HashUnencodedChars(s: string): number {
  let h1 = 0;
  const len = s.length;
  let i = 1;
  for (; i < len; i += 2) {
    const k1 = s.charCodeAt(i - 1) | (s.charCodeAt(i) << 16);
    h1 = mixH1(h1, mixK1(k1));
  }
  if ((len & 1) === 1) {
    h1 ^= mixK1(s.charCodeAt(len - 1));
  }
  return fmix(h1, 2 * len);
}

/**
 * Guava's `murmur3_32(0).hashInt(v).asInt()`: the hash of the 4 little-endian bytes of the Java
 * `int` `v` (a JavaScript number is first wrapped to 32 bits, as a Java `(int)` cast of an
 * integral value would).
 */
export function murmur3HashInt(v: number): number {
  return fmix(mixH1(0, mixK1(v | 0)), 4);
}

/**
 * Guava's `murmur3_32(0).hashLong(v).asInt()` for the Java `long` whose two 32-bit halves are
 * `low` and `high` (as signed or unsigned 32-bit values): the hash of its 8 little-endian bytes.
 */
export function murmur3HashLongBits(low: number, high: number): number {
  let h1 = mixH1(0, mixK1(low | 0));
  h1 = mixH1(h1, mixK1(high | 0));
  return fmix(h1, 8);
}

/**
 * Guava's `murmur3_32(0).hashLong(v).asInt()` for a Java `long`, given as a `bigint` (any value
 * is wrapped to 64 bits) or as a safe-integer `number`.
 *
 * @throws RangeError when a `number` is not a safe integer (it would not be an exact long).
 */
export function murmur3HashLong(v: bigint | number): number {
  if (typeof v === 'bigint') {
    const u = BigInt.asUintN(64, v);
    return murmur3HashLongBits(Number(u & 0xffffffffn), Number(u >> 32n));
  }
  if (!Number.isSafeInteger(v)) {
    throw new RangeError(`murmur3HashLong needs a safe integer or a bigint, got ${v}.`);
  }
  const high = Math.floor(v / 4294967296);
  const low = v - high * 4294967296;
  return murmur3HashLongBits(low, high);
}

const scratch = new DataView(new ArrayBuffer(8));

/**
 * Guava's `hashLong(Double.doubleToLongBits(v))`: the hash of the double's IEEE-754 bits, with
 * every NaN canonicalised to `0x7ff8000000000000` as `doubleToLongBits` does (-0.0 and 0.0
 * differ).
 */
export function murmur3HashDouble(v: number): number {
  if (Number.isNaN(v)) return murmur3HashLongBits(0, 0x7ff80000);
  scratch.setFloat64(0, v, true);
  return murmur3HashLongBits(scratch.getInt32(0, true), scratch.getInt32(4, true));
}

/**
 * Guava's `hashInt(Float.floatToIntBits(v))`: the hash of the float's bits (`v` is rounded to a
 * float first; NaN canonicalised to `0x7fc00000`).
 */
export function murmur3HashFloat(v: number): number {
  if (Number.isNaN(v)) return murmur3HashInt(0x7fc00000);
  scratch.setFloat32(0, v, true);
  return murmur3HashInt(scratch.getInt32(0, true));
}
