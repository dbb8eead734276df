import { fma } from '@servable/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBits, rawBits } from './helpers.js';

// Independent reference: every finite double is an integer multiple of 2^-1074, so every exact
// a*b + c is an integer multiple of 2^-2148. Represent values as BigInt N meaning N * 2^-2148
// and CHECK a candidate result against its neighbours (no rounding code shared with fma).
const SCALE = 2148n;

function scaled(x: number): bigint {
  const bits = rawBits(x);
  const neg = bits >> 63n === 1n;
  const e = (bits >> 52n) & 0x7ffn;
  const f = bits & ((1n << 52n) - 1n);
  const m = e === 0n ? f : f | (1n << 52n);
  const q = (e === 0n ? 1n : e) - 1075n; // exponent of the last mantissa bit
  const v = m << (q + 1074n); // multiple of 2^-1074
  return (neg ? -v : v) << 1074n;
}

function exactFma(a: number, b: number, c: number): bigint {
  return ((scaled(a) * scaled(b)) >> SCALE) + scaled(c);
}

function nextUp(x: number): number {
  if (x === 0) return 2 ** -1074;
  const bits = rawBits(x);
  return fromBits(x > 0 ? bits + 1n : bits - 1n);
}

function nextDown(x: number): number {
  return -nextUp(-x);
}

const TWO_1024 = 1n << (1024n + 1074n + 1074n);
const OVERFLOW_AT = TWO_1024 - (1n << (970n + 1074n + 1074n)); // 2^1024 - 2^970 (midpoint)

function asScaled(x: number): bigint {
  if (x === Number.POSITIVE_INFINITY) return TWO_1024;
  if (x === Number.NEGATIVE_INFINITY) return -TWO_1024;
  return scaled(x);
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** Expected IEEE result for operands involving NaN/∞, or undefined when all finite. */
function specialExpected(a: number, b: number, c: number): number | undefined {
  if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(c)) return Number.NaN;
  const infProduct = !Number.isFinite(a) || !Number.isFinite(b);
  if (infProduct) {
    if (a === 0 || b === 0) return Number.NaN;
    const p = Math.sign(a) * Math.sign(b) * Number.POSITIVE_INFINITY;
    if (!Number.isFinite(c) && c !== p) return Number.NaN;
    return p;
  }
  if (!Number.isFinite(c)) return c;
  return undefined;
}

/** Asserts that r is the correctly rounded (half-even) value of a*b + c. */
function assertCorrect(a: number, b: number, c: number, r: number): void {
  const special = specialExpected(a, b, c);
  const ctx = `fma(${a}, ${b}, ${c}) = ${r}`;
  if (special !== undefined) {
    expect(Object.is(r, special), ctx).toBe(true);
    return;
  }
  const x = exactFma(a, b, c);
  if (x === 0n) {
    // Exact zero: -0 only when both a*b and c are zeros of negative sign.
    const productIsNegZero = (a === 0 || b === 0) && Object.is(a * b, -0);
    const expected = productIsNegZero && Object.is(c, -0) ? -0 : 0;
    expect(Object.is(r, expected), ctx).toBe(true);
    return;
  }
  if (!Number.isFinite(r)) {
    expect(r > 0 === x > 0n, ctx).toBe(true);
    expect(abs(x) >= OVERFLOW_AT, ctx).toBe(true);
    return;
  }
  if (r === 0) {
    expect(Object.is(r, -0) === x < 0n, `${ctx}: sign of an underflowed zero`).toBe(true);
  }
  const d = abs(x - scaled(r));
  const dUp = abs(x - asScaled(nextUp(r)));
  const dDown = abs(x - asScaled(nextDown(r)));
  expect(d <= dUp && d <= dDown, `${ctx} is not the nearest double`).toBe(true);
  if (d === dUp || d === dDown) {
    expect((rawBits(r) & 1n) === 0n, `${ctx}: a tie must round to even`).toBe(true);
  }
}

const anyDouble = fc.bigInt(0n, (1n << 64n) - 1n).map(fromBits);
const moderate = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe('fma', () => {
  it('documented example: recovers the rounding error of a product', () => {
    const e = 2 ** -30;
    expect((1 + e) * (1 - e) - 1).toBe(0);
    expect(fma(1 + e, 1 - e, -1)).toBe(-(2 ** -60));
  });

  it('handles special values like IEEE fusedMultiplyAdd', () => {
    expect(fma(Number.POSITIVE_INFINITY, 0, 1)).toBeNaN();
    expect(fma(Number.POSITIVE_INFINITY, 2, Number.NEGATIVE_INFINITY)).toBeNaN();
    expect(fma(Number.POSITIVE_INFINITY, -2, 1)).toBe(Number.NEGATIVE_INFINITY);
    expect(fma(1e300, 1e300, Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(fma(1e300, 1e300, -1e300)).toBe(Number.POSITIVE_INFINITY);
    expect(fma(Number.MAX_VALUE, 2, -Number.MAX_VALUE)).toBe(Number.MAX_VALUE);
    expect(Object.is(fma(-0, 1, -0), -0)).toBe(true);
    expect(Object.is(fma(0, -1, 0), 0)).toBe(true);
    expect(Object.is(fma(2, 3, -6), 0)).toBe(true);
    expect(fma(1, 2, Number.NaN)).toBeNaN();
    // Subnormal result from normal operands, and a product that underflows entirely.
    expect(fma(2 ** -537, 2 ** -537, 0)).toBe(2 ** -1074);
    expect(Object.is(fma(-(2 ** -600), 2 ** -600, 0), -0)).toBe(true);
    expect(fma(2 ** -600, 2 ** -600, 2 ** -1074)).toBe(2 ** -1074);
  });

  it('rounds ties to even and breaks near-ties by the tiny product tail', () => {
    const u = 2 ** -52;
    // (1 + u)(1 + u) = 1 + 2u + u²: the u² tail decides rounding of -1 + ...
    expect(fma(1 + u, 1 + u, 0)).toBe(1 + 2 * u);
    expect(fma(1 + u, 1 - u, 0)).toBe(1); // 1 - u² is nearest to 1
    expect(fma(1 + u, 1 - u, -1)).toBe(-(2 ** -104));
    // (1 + 2^-26)(1 + 2^-27) - 3·2^-27 = 1 + 2^-53 exactly: a tie between 1 and 1 + u → even (1).
    expect(fma(1 + 2 ** -26, 1 + 2 ** -27, -3 * 2 ** -27)).toBe(1);
    // One more bit in the product tail moves it above the tie → 1 + u.
    expect(fma(1 + 2 ** -26, 1 + 2 ** -27 + 2 ** -52, -3 * 2 ** -27 - 2 ** -52)).toBe(1 + u);
  });

  it('matches the exact rational reference on arbitrary bit patterns', () => {
    fc.assert(
      fc.property(anyDouble, anyDouble, anyDouble, (a, b, c) => {
        assertCorrect(a, b, c, fma(a, b, c));
      }),
      { numRuns: 3000 },
    );
  });

  it('matches the reference on moderate values (the fast path)', () => {
    fc.assert(
      fc.property(moderate, moderate, moderate, (a, b, c) => {
        assertCorrect(a, b, c, fma(a, b, c));
      }),
      { numRuns: 5000 },
    );
  });

  it('matches the reference under heavy cancellation (c ≈ -a*b)', () => {
    fc.assert(
      fc.property(
        moderate,
        moderate,
        fc.integer({ min: -8, max: 8 }),
        fc.integer({ min: -60, max: 0 }),
        (a, b, k, shift) => {
          const p = a * b;
          const c = -p + k * Math.abs(p) * 2 ** (shift - 53);
          assertCorrect(a, b, c, fma(a, b, c));
          assertCorrect(a, b, -p, fma(a, b, -p));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('matches the reference near ties (products with exactly representable tails)', () => {
    const mant = fc.integer({ min: 2 ** 26, max: 2 ** 27 - 1 });
    fc.assert(
      fc.property(mant, mant, fc.integer({ min: -3, max: 3 }), fc.boolean(), (ma, mb, k, neg) => {
        // a*b has up to 54 significant bits, so tails at exactly half an ulp are common.
        const a = ma * 2 ** -26;
        const b = (neg ? -mb : mb) * 2 ** -27;
        const c = k * 2 ** -52;
        assertCorrect(a, b, c, fma(a, b, c));
      }),
      { numRuns: 5000 },
    );
  });

  it('matches the reference around the subnormal range and near overflow', () => {
    const exp = (lo: number, hi: number) =>
      fc
        .tuple(
          fc.double({ min: 1, max: 2, noNaN: true }),
          fc.integer({ min: lo, max: hi }),
          fc.boolean(),
        )
        .map(([m, e, s]) => (s ? -1 : 1) * m * 2 ** e);
    fc.assert(
      fc.property(exp(-560, -500), exp(-560, -500), exp(-1074, -1000), (a, b, c) => {
        assertCorrect(a, b, c, fma(a, b, c));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(exp(500, 530), exp(490, 520), exp(1000, 1023), (a, b, c) => {
        assertCorrect(a, b, c, fma(a, b, c));
      }),
      { numRuns: 3000 },
    );
  });
});
