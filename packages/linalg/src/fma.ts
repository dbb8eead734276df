/**
 * Exact fused multiply-add for JavaScript, which has no native `Math.fma`.
 *
 * The fast path is Boldo & Melquiond's emulation ("Emulation of FMA and correctly rounded sums:
 * proved algorithms using rounding to odd", IEEE TC 2008): Dekker's exact product
 * `a*b = ph + pl` (Veltkamp splitting), an exact two-sum `c + ph = th + tl`, the sum `tl + pl`
 * rounded to odd, and one final round-to-nearest. The proof needs no overflow and no underflow,
 * so inputs and results outside a safe exponent window (and every case with a zero, infinite or
 * NaN operand) take an exact BigInt path instead. The result is always the correctly rounded
 * (round-half-even) value of the exact `a * b + c`, bit for bit what Java's `Math.fma` returns.
 */

const SPLITTER = 134217729; // 2^27 + 1
/** |a|, |b| must stay below this so the Veltkamp split cannot overflow. */
const MAX_FACTOR = 2 ** 995;
/** Above this a product or addend risks overflow in the two-sums. */
const MAX_TERM = 2 ** 1020;
/** Below this a product's error term (or the result) could lose bits to underflow. */
const MIN_SAFE = 2 ** -968;
const MIN_NORMAL = 2 ** -1022;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const u64 = new BigUint64Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = LITTLE_ENDIAN ? 1 : 0;

/**
 * `a * b + c` computed exactly and rounded once (round half to even), like Java's `Math.fma`
 * and IEEE 754 `fusedMultiplyAdd`, including signed zeros, infinities, NaN, overflow and
 * subnormal results.
 *
 * About 10× the cost of `a * b + c` on the common path; use it where bit-exactness with a JVM
 * that fuses (Java 11+ netlib BLAS) matters.
 *
 * @example
 * ```ts
 * const e = 2 ** -30;
 * fma(1 + e, 1 - e, -1); // -(2 ** -60), while (1 + e) * (1 - e) - 1 === 0
 * ```
 */
export function fma(a: number, b: number, c: number): number {
  const aa = Math.abs(a);
  const ab = Math.abs(b);
  const ac = Math.abs(c);
  if (
    !(aa >= MIN_NORMAL && aa < MAX_FACTOR && ab >= MIN_NORMAL && ab < MAX_FACTOR) ||
    !(ac < MAX_TERM && (ac >= MIN_NORMAL || c === 0))
  ) {
    return fmaSpecial(a, b, c);
  }
  // Dekker: a * b = ph + pl exactly.
  const ph = a * b;
  const aph = Math.abs(ph);
  if (!(aph >= MIN_SAFE && aph < MAX_TERM)) return fmaExact(a, b, c);
  let t = SPLITTER * a;
  const ahi = t - (t - a);
  const alo = a - ahi;
  t = SPLITTER * b;
  const bhi = t - (t - b);
  const blo = b - bhi;
  const pl = ahi * bhi - ph + ahi * blo + alo * bhi + alo * blo;
  // Knuth's two-sum: c + ph = th + tl exactly.
  const th = c + ph;
  let bb = th - c;
  const tl = c - (th - bb) + (ph - bb);
  // v = round-to-odd(tl + pl): round to nearest, then step to the odd neighbour if inexact.
  let v = tl + pl;
  bb = v - tl;
  const err = tl - (v - bb) + (pl - bb);
  if (err !== 0) {
    f64[0] = v;
    if ((u32[LO]! & 1) === 0) {
      if (v > 0 === err > 0) {
        u32[LO] = u32[LO]! | 1; // magnitude + 1 ulp (even → odd, no carry)
      } else if (u32[LO] === 0) {
        u32[LO] = 0xffffffff; // magnitude − 1 ulp with a borrow
        u32[HI] = u32[HI]! - 1;
      } else {
        u32[LO] = u32[LO]! - 1;
      }
      v = f64[0];
    }
  }
  const r = th + v;
  const ar = Math.abs(r);
  if (ar >= MIN_SAFE && ar < MAX_TERM) return r;
  if (r === 0 && v === 0 && tl === 0) return r; // exact cancellation: +0 as IEEE requires
  return fmaExact(a, b, c);
}

/**
 * The splitting constant, for callers that split one factor once ({@link veltkampHigh}).
 * @internal
 */
export const FMA_SPLITTER = SPLITTER;

/**
 * Whether `x` may be a factor of {@link fmaPreSplit}: zero, or a normal double below `2^995`
 * (the range where the Veltkamp split cannot overflow and Dekker's product is exact).
 * @internal
 */
export function isSplitSafeFactor(x: number): boolean {
  const ax = Math.abs(x);
  return x === 0 || (ax >= MIN_NORMAL && ax < MAX_FACTOR);
}

/** The high half of Veltkamp's split of `x` (the low half is `x - high`). @internal */
export function veltkampHigh(x: number): number {
  const t = SPLITTER * x;
  return t - (t - x);
}

/**
 * `fma(a, b, c)` with `b` already split (`bhi = veltkampHigh(b)`, `blo = b - bhi`), for a dot
 * product over a fixed vector `b`. Both `a` and `b` must satisfy {@link isSplitSafeFactor}
 * (the caller checks them once per vector instead of once per product); everything else (zero
 * products, tiny or huge terms and results) falls back to {@link fma}. Bit-identical to
 * `fma(a, b, c)`.
 * @internal
 */
export function fmaPreSplit(a: number, b: number, bhi: number, blo: number, c: number): number {
  const ph = a * b;
  const aph = Math.abs(ph);
  const ac = Math.abs(c);
  if (!(aph >= MIN_SAFE && aph < MAX_TERM && ac < MAX_TERM && (ac >= MIN_NORMAL || c === 0))) {
    return fma(a, b, c);
  }
  const t = SPLITTER * a;
  const ahi = t - (t - a);
  const alo = a - ahi;
  const pl = ahi * bhi - ph + ahi * blo + alo * bhi + alo * blo;
  const th = c + ph;
  let bb = th - c;
  const tl = c - (th - bb) + (ph - bb);
  let v = tl + pl;
  bb = v - tl;
  const err = tl - (v - bb) + (pl - bb);
  if (err !== 0) v = roundToOdd(v, err);
  const r = th + v;
  const ar = Math.abs(r);
  if (ar >= MIN_SAFE && ar < MAX_TERM) return r;
  return fma(a, b, c);
}

/** `v` (the rounded-to-nearest `v + err`, `err` ≠ 0) moved to its odd neighbour if even. */
function roundToOdd(v: number, err: number): number {
  f64[0] = v;
  if ((u32[LO]! & 1) !== 0) return v;
  if (v > 0 === err > 0) {
    u32[LO] = u32[LO]! | 1;
  } else if (u32[LO] === 0) {
    u32[LO] = 0xffffffff;
    u32[HI] = u32[HI]! - 1;
  } else {
    u32[LO] = u32[LO]! - 1;
  }
  return f64[0]!;
}

/** Zeros, infinities, NaN and extreme exponents. */
function fmaSpecial(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a * b + c; // product exactly ±∞/NaN
  if (!Number.isFinite(c)) return c; // finite product + ±∞ (or NaN) = c, even if a*b overflows
  if (a === 0 || b === 0) return a * b + c; // exact ±0 product; IEEE sign rules of the sum
  return fmaExact(a, b, c);
}

/** Decomposition of a finite double as `m * 2^q` with an integer `m` (sign included). */
function decompose(x: number): { m: bigint; q: number } {
  f64[0] = x;
  const bits = u64[0]!;
  const neg = bits >> 63n === 1n;
  const e = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  const m = e === 0 ? frac : frac | 0x10000000000000n;
  return { m: neg ? -m : m, q: e === 0 ? -1074 : e - 1075 };
}

/**
 * The exact path: `a*b + c` as a BigInt times a power of two, rounded half-to-even to a
 * double (handles subnormal results and overflow). All arguments finite, `a`, `b` non-zero.
 */
function fmaExact(a: number, b: number, c: number): number {
  const da = decompose(a);
  const db = decompose(b);
  const dc = decompose(c);
  let pm = da.m * db.m;
  let pq = da.q + db.q;
  let cm = dc.m;
  let cq = dc.q;
  if (cm === 0n) {
    cq = pq;
  } else if (pq > cq) {
    pm <<= BigInt(pq - cq);
    pq = cq;
  } else if (cq > pq) {
    cm <<= BigInt(cq - pq);
    cq = pq;
  }
  const s = pm + cm;
  if (s === 0n) return 0; // exact cancellation of non-zero terms: +0 (round to nearest)
  const neg = s < 0n;
  const mag = neg ? -s : s;
  const len = mag.toString(2).length;
  // Exponent of the result's last mantissa bit: 53 significant bits, but not below 2^-1074.
  const targetQ = Math.max(pq + len - 53, -1074);
  let m: bigint;
  if (targetQ <= pq) {
    m = mag << BigInt(pq - targetQ);
  } else {
    const shift = BigInt(targetQ - pq);
    m = mag >> shift;
    const rem = mag - (m << shift);
    const half = 1n << (shift - 1n);
    if (rem > half || (rem === half && (m & 1n) === 1n)) m += 1n;
  }
  const r = scaleByPowerOfTwo(Number(m), targetQ);
  return neg ? -r : r;
}

/**
 * `m * 2^e` for an integer `0 <= m <= 2^53` and `-1074 <= e`: exact whenever the result is
 * representable (the caller already rounded `m` to the result's grid), `Infinity` on overflow.
 */
function scaleByPowerOfTwo(m: number, e: number): number {
  if (e > 1023) return m * 2 ** 1023 * 2 ** (e - 1023);
  if (e < -1022) return m * 2 ** (e + 60) * 2 ** -60;
  return m * 2 ** e;
}
