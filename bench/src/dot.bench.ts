/**
 * Dot products of @servable/linalg against a plain Float64Array loop measured in the same run:
 * dense·dense, sparse·dense and sparse·sparse at d = 10, 100, 1000 (sparse: ~10% non-zeros),
 * with the plain (`BLAS`) and the Java 11+ bit-exact fused (`FmaBLAS`) numerics.
 */
import { BLAS, DenseVector, FmaBLAS, SparseVector } from '@servable/linalg';
import { type BenchCase, formatNs, formatTable, runInterleaved, seededRandom } from './harness.js';

function baselineDot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function randomSparse(d: number, rnd: () => number): SparseVector {
  const nnz = Math.max(1, Math.round(d / 10));
  const picked = new Set<number>();
  while (picked.size < nnz) picked.add(Math.floor(rnd() * d));
  const idx = [...picked].sort((a, b) => a - b);
  return new SparseVector(
    d,
    idx,
    idx.map(() => rnd() * 2 - 1),
  );
}

/** Runs the benchmark and prints its table. */
export function runDotBench(): void {
  const rows: string[][] = [['case', 'd', 'ns/op', 'vs baseline', 'spread']];
  const rnd = seededRandom(42);
  for (const d of [10, 100, 1000]) {
    const a = Float64Array.from({ length: d }, () => rnd() * 2 - 1);
    const b = Float64Array.from({ length: d }, () => rnd() * 2 - 1);
    const x = new DenseVector(a);
    const y = new DenseVector(b);
    const sx = randomSparse(d, rnd);
    const sy = randomSparse(d, rnd);
    const cases: BenchCase[] = [
      { name: 'baseline Float64Array loop', fn: () => baselineDot(a, b) },
      { name: 'BLAS dense·dense', fn: () => BLAS.dot(x, y) },
      { name: 'FmaBLAS dense·dense (exact fma)', fn: () => FmaBLAS.dot(x, y) },
      { name: 'BLAS sparse·dense', fn: () => BLAS.dot(sx, y) },
      { name: 'BLAS dense·sparse', fn: () => BLAS.dot(x, sy) },
      { name: 'BLAS sparse·sparse', fn: () => BLAS.dot(sx, sy) },
    ];
    const results = runInterleaved(cases);
    const base = results[0]!.nsPerOp;
    for (const r of results) {
      rows.push([
        r.name,
        String(d),
        formatNs(r.nsPerOp),
        `${(r.nsPerOp / base).toFixed(2)}x`,
        `${formatNs(r.minNs)}–${formatNs(r.maxNs)}`,
      ]);
    }
  }
  console.log('Dot products (median of 15 interleaved samples; sparse ≈ 10% non-zeros)\n');
  console.log(formatTable(rows));
}
