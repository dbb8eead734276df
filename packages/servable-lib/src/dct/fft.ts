/**
 * A complex discrete Fourier transform of a fixed length `m` (any `m >= 1`), computed in
 * O(m log m): iterative radix-2 for powers of two, Bluestein's chirp-z algorithm (on a
 * power-of-two convolution) otherwise. Tables are built once per plan.
 *
 * `transform` computes `X_k = Σ_j x_j · e^{∓2πi jk/m}` (minus sign forward, plus sign for
 * `inverse`), without any 1/m scaling, in place on separate real and imaginary arrays.
 */
export class FftPlan {
  /** The transform length. */
  readonly m: number;
  private readonly radix2: Radix2Plan | undefined;
  private readonly bluestein: BluesteinPlan | undefined;

  constructor(m: number) {
    if (!Number.isInteger(m) || m < 1) throw new RangeError(`FFT length must be >= 1, got ${m}.`);
    this.m = m;
    if ((m & (m - 1)) === 0) this.radix2 = new Radix2Plan(m);
    else this.bluestein = new BluesteinPlan(m);
  }

  /** Transforms `re`/`im` (each of length `m`) in place. */
  transform(re: Float64Array, im: Float64Array, inverse: boolean): void {
    if (this.radix2) this.radix2.transform(re, im, inverse);
    else this.bluestein!.transform(re, im, inverse);
  }
}

/** In-place iterative radix-2 FFT of a power-of-two length. */
class Radix2Plan {
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly reversed: Uint32Array;

  constructor(readonly m: number) {
    const half = m >>> 1;
    this.cos = new Float64Array(half);
    this.sin = new Float64Array(half);
    for (let k = 0; k < half; k++) {
      const angle = (2 * Math.PI * k) / m;
      this.cos[k] = Math.cos(angle);
      this.sin[k] = Math.sin(angle);
    }
    this.reversed = new Uint32Array(m);
    let bits = 0;
    while (1 << bits < m) bits++;
    for (let i = 0; i < m; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >>> b) & 1) << (bits - 1 - b);
      this.reversed[i] = r;
    }
  }

  transform(re: Float64Array, im: Float64Array, inverse: boolean): void {
    const m = this.m;
    const rev = this.reversed;
    for (let i = 0; i < m; i++) {
      const j = rev[i]!;
      if (j > i) {
        const tr = re[i]!;
        re[i] = re[j]!;
        re[j] = tr;
        const ti = im[i]!;
        im[i] = im[j]!;
        im[j] = ti;
      }
    }
    const sign = inverse ? 1 : -1;
    for (let size = 2; size <= m; size <<= 1) {
      const half = size >>> 1;
      const step = m / size;
      for (let start = 0; start < m; start += size) {
        for (let k = 0; k < half; k++) {
          const wr = this.cos[k * step]!;
          const wi = sign * this.sin[k * step]!;
          const a = start + k;
          const b = a + half;
          const xr = re[b]! * wr - im[b]! * wi;
          const xi = re[b]! * wi + im[b]! * wr;
          re[b] = re[a]! - xr;
          im[b] = im[a]! - xi;
          re[a] = re[a]! + xr;
          im[a] = im[a]! + xi;
        }
      }
    }
  }
}

/** Bluestein's algorithm: a length-m DFT as a convolution of power-of-two length. */
class BluesteinPlan {
  private readonly chirpRe: Float64Array;
  private readonly chirpIm: Float64Array;
  /** FFT of the conjugate chirp filter, for the forward direction. */
  private readonly filterRe: Float64Array;
  private readonly filterIm: Float64Array;
  private readonly conv: Radix2Plan;
  private readonly bufRe: Float64Array;
  private readonly bufIm: Float64Array;

  constructor(readonly m: number) {
    let size = 1;
    while (size < 2 * m - 1) size <<= 1;
    this.conv = new Radix2Plan(size);
    this.chirpRe = new Float64Array(m);
    this.chirpIm = new Float64Array(m);
    const twoM = 2 * m;
    for (let k = 0; k < m; k++) {
      // e^{-iπ k²/m}; k² mod 2m keeps the angle small and exact.
      const angle = (Math.PI * Number((BigInt(k) * BigInt(k)) % BigInt(twoM))) / m;
      this.chirpRe[k] = Math.cos(angle);
      this.chirpIm[k] = -Math.sin(angle);
    }
    this.filterRe = new Float64Array(size);
    this.filterIm = new Float64Array(size);
    for (let k = 0; k < m; k++) {
      this.filterRe[k] = this.chirpRe[k]!;
      this.filterIm[k] = -this.chirpIm[k]!;
      if (k > 0) {
        this.filterRe[size - k] = this.chirpRe[k]!;
        this.filterIm[size - k] = -this.chirpIm[k]!;
      }
    }
    this.conv.transform(this.filterRe, this.filterIm, false);
    this.bufRe = new Float64Array(size);
    this.bufIm = new Float64Array(size);
  }

  transform(re: Float64Array, im: Float64Array, inverse: boolean): void {
    // The inverse DFT is the conjugate of the forward DFT of the conjugate input.
    const m = this.m;
    const size = this.bufRe.length;
    const ar = this.bufRe;
    const ai = this.bufIm;
    ar.fill(0);
    ai.fill(0);
    for (let k = 0; k < m; k++) {
      const xr = re[k]!;
      const xi = inverse ? -im[k]! : im[k]!;
      const cr = this.chirpRe[k]!;
      const ci = this.chirpIm[k]!;
      ar[k] = xr * cr - xi * ci;
      ai[k] = xr * ci + xi * cr;
    }
    this.conv.transform(ar, ai, false);
    for (let k = 0; k < size; k++) {
      const xr = ar[k]!;
      const xi = ai[k]!;
      const fr = this.filterRe[k]!;
      const fi = this.filterIm[k]!;
      ar[k] = xr * fr - xi * fi;
      ai[k] = xr * fi + xi * fr;
    }
    this.conv.transform(ar, ai, true);
    for (let k = 0; k < m; k++) {
      const xr = ar[k]! / size;
      const xi = ai[k]! / size;
      const cr = this.chirpRe[k]!;
      const ci = this.chirpIm[k]!;
      re[k] = xr * cr - xi * ci;
      const outIm = xr * ci + xi * cr;
      im[k] = inverse ? -outIm : outIm;
    }
  }
}
