import { formatJavaDouble, formatJavaFloat } from '@servable/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('formatJavaDouble', () => {
  it("matches Java's Double.toString on known values", () => {
    const cases: [number, string][] = [
      [1, '1.0'],
      [0.1, '0.1'],
      [1e7, '1.0E7'],
      [9999999, '9999999.0'],
      [1e-4, '1.0E-4'],
      [0.001, '0.001'],
      [1 / 3, '0.3333333333333333'],
      [-0, '-0.0'],
      [Number.NaN, 'NaN'],
      [Number.POSITIVE_INFINITY, 'Infinity'],
      [Number.NEGATIVE_INFINITY, '-Infinity'],
    ];
    for (const [v, s] of cases) expect(formatJavaDouble(v), String(v)).toBe(s);
  });

  it('always reads back as the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        expect(Object.is(Number(formatJavaDouble(d)), d)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatJavaFloat', () => {
  it("matches Java's Float.toString on known values", () => {
    const cases: [number, string][] = [
      [1.1, '1.1'],
      [0.1, '0.1'],
      [Math.fround(0.1), '0.1'],
      [3, '3.0'],
      [Math.fround(1e-4), '1.0E-4'],
      [1e-5, '1.0E-5'],
      // JDK 19+ (shortest digits); JDK 17 prints the non-shortest 1.23456792E8.
      [Math.fround(1.23456789e8), '1.2345679E8'],
      [3.4028234663852886e38, '3.4028235E38'],
      [Math.fround(3.4028235e38), '3.4028235E38'],
      // Float.MIN_VALUE: the one-digit shortest (1.0E-45) loses to the closer two-digit 1.4E-45.
      [1.401298464324817e-45, '1.4E-45'],
      [16777216, '1.6777216E7'],
      [1e7, '1.0E7'],
      [9999999, '9999999.0'],
      [0.001, '0.001'],
      [100, '100.0'],
      [1 / 3, '0.33333334'],
      [-2.5, '-2.5'],
      [-0, '-0.0'],
      [Number.NaN, 'NaN'],
      [Number.POSITIVE_INFINITY, 'Infinity'],
      [Number.NEGATIVE_INFINITY, '-Infinity'],
    ];
    for (const [v, s] of cases) expect(formatJavaFloat(v), String(v)).toBe(s);
  });

  it('round-trips every float with the fewest digits', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (f) => {
        const text = formatJavaFloat(f);
        expect(Object.is(Math.fround(Number(text)), f)).toBe(true);
        const digits = text
          .replace(/^-/, '')
          .replace(/E.*$/, '')
          .replace('.', '')
          .replace(/^0+/, '')
          .replace(/0+$/, '');
        if (digits.length > 2) {
          // No decimal with fewer significant digits reads back as f.
          const shorter = Math.abs(f).toPrecision(digits.length - 1);
          expect(Math.fround(Number(shorter)) === Math.abs(f)).toBe(false);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
