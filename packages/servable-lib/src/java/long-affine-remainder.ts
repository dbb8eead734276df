const TWO_16 = 65536;

/**
 * Java's `((long) x * a + b) % p` for int-range `a` and `b`, `0 <= x <= 2^31` and a positive
 * int `p`, computed exactly with doubles (the product reaches 2^62, beyond the 2^53 that a
 * double holds exactly). The result has the sign of the dividend, like Java's `%`.
 *
 * Splits `a` into 16-bit halves so every intermediate stays below 2^53:
 * `x·a + b ≡ ((x·a_hi mod p)·2^16 + x·a_lo + b) (mod p)`, then fixes the sign to match the
 * truncating remainder of the exact dividend.
 *
 * Used by MinHashLSH (`((1L + index) * coeffA + coeffB) % HASH_PRIME`).
 */
export function javaLongAffineRemainder(x: number, a: number, b: number, p: number): number {
  const direct = x * a;
  if (direct >= 0 && direct <= Number.MAX_SAFE_INTEGER - 2147483648 && b >= 0) {
    // Fast path (every valid MinHashLSH model): the product is exact, the sum non-negative.
    return (direct + b) % p;
  }
  const aLo = a & 0xffff; // a = aHi·2^16 + aLo with 0 <= aLo < 2^16
  const aHi = (a - aLo) / TWO_16; // |aHi| <= 2^15
  const hi = (x * aHi) % p; // |x·aHi| <= 2^46: exact
  const t = hi * TWO_16 + x * aLo + b; // |t| < 2^47 + 2^47 + 2^31: exact
  const residue = ((t % p) + p) % p; // in [0, p)
  // The sign of the exact dividend x·a + b: the double sum can only round when |x·a| >= 2^53,
  // where b (< 2^31) cannot change the sign.
  const sign = direct + b;
  if (sign >= 0) return residue;
  return residue === 0 ? 0 : residue - p;
}
