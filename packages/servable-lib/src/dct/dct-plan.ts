import { FftPlan } from './fft.js';

/** Vectors up to this length use the direct O(n²) formula; longer ones the FFT path. */
export const DCT_DIRECT_MAX_LENGTH = 64;

/**
 * The orthonormal ("scaled") DCT of one length `n`, as JTransforms 3.1's
 * `DoubleDCT_1D(n).forward(a, true)` / `.inverse(a, true)` used by Flink ML's `DCT`:
 *
 * - forward (DCT-II): `y_k = s_k · Σ_i x_i cos(π/n (i + ½) k)`, `s_0 = √(1/n)`, `s_k = √(2/n)`;
 * - inverse (DCT-III): `x_i = √(1/n)·y_0 + √(2/n) Σ_{k≥1} y_k cos(π/n (i + ½) k)`.
 *
 * Short vectors (n ≤ {@link DCT_DIRECT_MAX_LENGTH}) use the direct formula with an exact cosine
 * table; longer ones a zero-padded complex FFT of length 2n (O(n log n)). Both agree with
 * JTransforms to ~1e-15 relative (JTransforms uses yet another FFT factorisation, so results
 * are not bit-identical to Java). Tables are built once per plan: keep a plan per length.
 */
export class DctPlan {
  /** The vector length. */
  readonly n: number;
  private readonly scale0: number;
  private readonly scaleK: number;
  /** Direct path: cos(π j / (2n)) for j in [0, 4n). */
  private readonly cosTable: Float64Array | undefined;
  /** FFT path: the length-2n FFT and the twiddles e^{-iπk/(2n)}. */
  private readonly fft: FftPlan | undefined;
  private readonly twRe: Float64Array | undefined;
  private readonly twIm: Float64Array | undefined;

  /**
   * @param n the vector length (≥ 0).
   * @param method `'auto'` (default: direct for short vectors), or force `'direct'` / `'fft'`.
   */
  constructor(n: number, method: 'auto' | 'direct' | 'fft' = 'auto') {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`DCT length must be >= 0, got ${n}.`);
    this.n = n;
    this.scale0 = Math.sqrt(1 / n);
    this.scaleK = Math.sqrt(2 / n);
    const direct = method === 'direct' || (method === 'auto' && n <= DCT_DIRECT_MAX_LENGTH);
    if (n === 0) return;
    if (direct) {
      const table = new Float64Array(4 * n);
      for (let j = 0; j < 4 * n; j++) table[j] = Math.cos((Math.PI * j) / (2 * n));
      this.cosTable = table;
    } else {
      this.fft = new FftPlan(2 * n);
      this.twRe = new Float64Array(n);
      this.twIm = new Float64Array(n);
      for (let k = 0; k < n; k++) {
        const angle = (Math.PI * k) / (2 * n);
        this.twRe[k] = Math.cos(angle);
        this.twIm[k] = -Math.sin(angle);
      }
    }
  }

  /** Which algorithm this plan runs. */
  get method(): 'direct' | 'fft' {
    return this.fft ? 'fft' : 'direct';
  }

  /** The orthonormal DCT-II of `x` (a new array; `x` is not changed). */
  forward(x: ArrayLike<number>): Float64Array {
    this.checkLength(x);
    return this.fft ? this.forwardFft(x) : this.forwardDirect(x);
  }

  /** The orthonormal DCT-III of `y` (the inverse of {@link DctPlan.forward}). */
  inverse(y: ArrayLike<number>): Float64Array {
    this.checkLength(y);
    return this.fft ? this.inverseFft(y) : this.inverseDirect(y);
  }

  private checkLength(a: ArrayLike<number>): void {
    if (a.length !== this.n) {
      throw new RangeError(`This DCT plan is for length ${this.n}, got ${a.length} values.`);
    }
  }

  private forwardDirect(x: ArrayLike<number>): Float64Array {
    const n = this.n;
    const table = this.cosTable!;
    const period = 4 * n;
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      // cos(π/n (i+½) k) = cos(π (2i+1) k / (2n)) = table[((2i+1)k) mod 4n]
      let sum = 0;
      let j = k % period;
      const step = (2 * k) % period;
      for (let i = 0; i < n; i++) {
        sum += x[i]! * table[j]!;
        j += step;
        if (j >= period) j -= period;
      }
      out[k] = (k === 0 ? this.scale0 : this.scaleK) * sum;
    }
    return out;
  }

  private inverseDirect(y: ArrayLike<number>): Float64Array {
    const n = this.n;
    const table = this.cosTable!;
    const period = 4 * n;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      const step = (2 * i + 1) % period;
      let j = step;
      for (let k = 1; k < n; k++) {
        sum += y[k]! * table[j]!;
        j += step;
        if (j >= period) j -= period;
      }
      out[i] = this.scale0 * y[0]! + this.scaleK * sum;
    }
    return out;
  }

  private forwardFft(x: ArrayLike<number>): Float64Array {
    // X_k = Re(e^{-iπk/(2n)} · Σ_i x_i e^{-2πi ik/(2n)}): a zero-padded DFT of length 2n.
    const n = this.n;
    const re = new Float64Array(2 * n);
    const im = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) re[i] = x[i]!;
    this.fft!.transform(re, im, false);
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const sum = re[k]! * this.twRe![k]! - im[k]! * this.twIm![k]!;
      out[k] = (k === 0 ? this.scale0 : this.scaleK) * sum;
    }
    return out;
  }

  private inverseFft(y: ArrayLike<number>): Float64Array {
    // x_i = Re(Σ_k c_k e^{iπk/(2n)} e^{2πi ik/(2n)}) with c_k = s_k y_k: an inverse DFT of length 2n.
    const n = this.n;
    const re = new Float64Array(2 * n);
    const im = new Float64Array(2 * n);
    for (let k = 0; k < n; k++) {
      const c = (k === 0 ? this.scale0 : this.scaleK) * y[k]!;
      re[k] = c * this.twRe![k]!;
      im[k] = -c * this.twIm![k]!;
    }
    this.fft!.transform(re, im, true);
    return re.slice(0, n);
  }
}
