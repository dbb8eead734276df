/**
 * How far the plain `BLAS` (Java 8 numerics) drifts from the fused `FmaBLAS` (Java 11+ bits):
 * maximum relative difference of dense dot products and norms on random data.
 */
import { BLAS, DenseVector, FmaBLAS } from '@servable/linalg';
import { formatTable, seededRandom } from './harness.js';

/** Runs the measurement and prints its table. */
export function runPrecisionReport(trials = 2000): void {
  const rnd = seededRandom(7);
  const rows: string[][] = [
    [
      'data',
      'd',
      'max |Δdot|/|dot|',
      'max |Δdot|/Σ|xy|',
      'max |Δnorm2|/norm2',
      'bit-identical dots',
    ],
  ];
  for (const [label, gen] of [
    ['uniform [0,1)', () => rnd()],
    ['uniform [-1,1)', () => rnd() * 2 - 1],
    ['lognormal ±', () => (rnd() < 0.5 ? -1 : 1) * Math.exp(4 * (rnd() - 0.5))],
  ] as [string, () => number][]) {
    for (const d of [10, 100, 1000]) {
      let relDot = 0;
      let relAbs = 0;
      let relNorm = 0;
      let same = 0;
      for (let t = 0; t < trials; t++) {
        const a = Float64Array.from({ length: d }, gen);
        const b = Float64Array.from({ length: d }, gen);
        const x = new DenseVector(a);
        const y = new DenseVector(b);
        const p = BLAS.dot(x, y);
        const f = FmaBLAS.dot(x, y);
        let abs = 0;
        for (let i = 0; i < d; i++) abs += Math.abs(a[i]! * b[i]!);
        if (Object.is(p, f)) same++;
        relDot = Math.max(relDot, Math.abs(p - f) / Math.abs(f));
        relAbs = Math.max(relAbs, Math.abs(p - f) / abs);
        const np = BLAS.norm2(x);
        const nf = FmaBLAS.norm2(x);
        relNorm = Math.max(relNorm, Math.abs(np - nf) / nf);
      }
      rows.push([
        label,
        String(d),
        relDot.toExponential(2),
        relAbs.toExponential(2),
        relNorm.toExponential(2),
        `${((100 * same) / trials).toFixed(1)}%`,
      ]);
    }
  }
  console.log(`Plain BLAS vs FmaBLAS (Java 11+ bits), ${trials} random trials per row\n`);
  console.log(formatTable(rows));
}
