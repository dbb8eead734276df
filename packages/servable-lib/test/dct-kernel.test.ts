import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DCT_DIRECT_MAX_LENGTH, DctPlan } from '../src/dct/dct-plan.js';
import { FftPlan } from '../src/dct/fft.js';

/** The textbook formulas, evaluated naively with Math.cos (reference for the plans). */
function referenceDct(x: readonly number[], inverse: boolean): number[] {
  const n = x.length;
  const s = (k: number) => (k === 0 ? Math.sqrt(1 / n) : Math.sqrt(2 / n));
  return x.map((_, o) => {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      sum += inverse
        ? s(j) * x[j]! * Math.cos((Math.PI / n) * (o + 0.5) * j)
        : x[j]! * Math.cos((Math.PI / n) * (j + 0.5) * o);
    }
    return inverse ? sum : s(o) * sum;
  });
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, relative: number): void {
  expect(got.length).toBe(want.length);
  const scale = Math.max(1, maxAbs(want));
  for (let i = 0; i < want.length; i++) {
    expect(Math.abs(got[i]! - want[i]!), `index ${i}: ${got[i]} vs ${want[i]}`).toBeLessThanOrEqual(
      relative * scale,
    );
  }
}

const values = fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true });

describe('FftPlan', () => {
  it.each([1, 2, 3, 5, 8, 12, 17, 64, 100])('matches a naive DFT for length %i', (m) => {
    const re = Float64Array.from({ length: m }, (_, i) => Math.sin(i * 1.3) + i / 7);
    const im = Float64Array.from({ length: m }, (_, i) => Math.cos(i * 0.7));
    for (const inverse of [false, true]) {
      const wantRe = new Float64Array(m);
      const wantIm = new Float64Array(m);
      for (let k = 0; k < m; k++) {
        for (let j = 0; j < m; j++) {
          const a = ((inverse ? 2 : -2) * Math.PI * ((j * k) % m)) / m;
          wantRe[k] = wantRe[k]! + re[j]! * Math.cos(a) - im[j]! * Math.sin(a);
          wantIm[k] = wantIm[k]! + re[j]! * Math.sin(a) + im[j]! * Math.cos(a);
        }
      }
      const gotRe = re.slice();
      const gotIm = im.slice();
      new FftPlan(m).transform(gotRe, gotIm, inverse);
      expectClose(gotRe, wantRe, 1e-12);
      expectClose(gotIm, wantIm, 1e-12);
    }
  });
});

describe('DctPlan', () => {
  it('reproduces the orthonormal DCT-II / DCT-III of the Flink ML test', () => {
    const plan = new DctPlan(4);
    expectClose(plan.forward([1, 1, 1, 1]), [2, 0, 0, 0], 1e-15);
    expectClose(
      plan.forward([1, 0, -1, 0]),
      [0, Math.cos(Math.PI / 8), 1, -Math.sin(Math.PI / 8)],
      1e-15,
    );
    expectClose(plan.inverse([1, 0, -1, 0]), [0, 1, 1, 0], 1e-15);
  });

  it('picks the direct formula for short vectors and the FFT for long ones', () => {
    expect(new DctPlan(DCT_DIRECT_MAX_LENGTH).method).toBe('direct');
    expect(new DctPlan(DCT_DIRECT_MAX_LENGTH + 1).method).toBe('fft');
  });

  it('direct and FFT paths agree with the formula and with each other (any length)', () => {
    fc.assert(
      fc.property(
        fc.array(values, { minLength: 1, maxLength: 150 }),
        fc.boolean(),
        (x, inverse) => {
          const want = referenceDct(x, inverse);
          const direct = new DctPlan(x.length, 'direct');
          const fft = new DctPlan(x.length, 'fft');
          const a = inverse ? direct.inverse(x) : direct.forward(x);
          const b = inverse ? fft.inverse(x) : fft.forward(x);
          const scale = Math.max(1e-300, maxAbs(x));
          expectClose(a, want, 1e-12 * scale);
          expectClose(b, want, 1e-12 * scale);
          expectClose(a, b, 1e-13 * scale);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('inverse undoes forward on long vectors (power of two and not)', () => {
    for (const n of [256, 300, 1000, 4096]) {
      const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 10 + (i % 7));
      const plan = new DctPlan(n);
      expect(plan.method).toBe('fft');
      expectClose(plan.inverse(plan.forward(x)), x, 1e-13);
    }
  });

  it('rejects input of another length', () => {
    expect(() => new DctPlan(3).forward([1, 2])).toThrow('length 3, got 2');
  });
});
