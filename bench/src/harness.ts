/**
 * A small benchmark harness shared by every benchmark in this package.
 *
 * Cases of one group run interleaved: each sample times every case once (in rotating order),
 * so drift of the machine (turbo, thermal, GC, other processes) hits all cases alike, and a
 * baseline measured in the same run gives stable ratios. Each case is warmed up and calibrated
 * to a fixed number of iterations per sample; the reported figure is the median over samples.
 */

/** One thing to time. `fn` is called repeatedly; return a value so the work is not elided. */
export interface BenchCase {
  /** Label in the output table. */
  readonly name: string;
  /** One operation. */
  readonly fn: () => unknown;
}

/** Options of {@link runInterleaved}. */
export interface RunOptions {
  /** Samples per case (the median is reported). Default 15. */
  readonly samples?: number;
  /** Target duration of one sample of one case, in milliseconds. Default 20. */
  readonly sampleMs?: number;
  /** Warm-up duration per case, in milliseconds. Default 100. */
  readonly warmupMs?: number;
}

/** The timing of one case. */
export interface BenchResult {
  /** The case's name. */
  readonly name: string;
  /** Median nanoseconds per operation. */
  readonly nsPerOp: number;
  /** Smallest and largest sample, in ns/op (a spread indicator). */
  readonly minNs: number;
  readonly maxNs: number;
  /** Operations per sample. */
  readonly iterations: number;
}

let sink = 0;

function consume(v: unknown): void {
  if (typeof v === 'number') sink += v;
  else if (v !== undefined) sink += 1;
}

function timeLoop(fn: () => unknown, iterations: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) consume(fn());
  return Number(process.hrtime.bigint() - start);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs the cases interleaved and returns their median timings, in the cases' order. */
export function runInterleaved(
  cases: readonly BenchCase[],
  options: RunOptions = {},
): BenchResult[] {
  const samples = options.samples ?? 15;
  const sampleNs = (options.sampleMs ?? 20) * 1e6;
  const warmupNs = (options.warmupMs ?? 100) * 1e6;
  const iterations = cases.map((c) => {
    // Warm up (lets the JIT optimise) while calibrating the iterations per sample.
    let n = 1;
    let spent = 0;
    let perOp = Number.POSITIVE_INFINITY;
    while (spent < warmupNs) {
      const t = timeLoop(c.fn, n);
      spent += t;
      perOp = Math.max(t, 1) / n;
      if (t < sampleNs / 10) n *= 2;
    }
    return Math.max(1, Math.round(sampleNs / perOp));
  });
  const times: number[][] = cases.map(() => []);
  for (let s = 0; s < samples; s++) {
    for (let k = 0; k < cases.length; k++) {
      const i = (k + s) % cases.length;
      times[i]!.push(timeLoop(cases[i]!.fn, iterations[i]!) / iterations[i]!);
    }
  }
  if (sink === Number.MIN_VALUE) console.log(''); // keep the sink observable
  return cases.map((c, i) => ({
    name: c.name,
    nsPerOp: median(times[i]!),
    minNs: Math.min(...times[i]!),
    maxNs: Math.max(...times[i]!),
    iterations: iterations[i]!,
  }));
}

/** Formats rows as an aligned text table (first row is the header). */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const out = [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows.slice(1)) out.push(line(r));
  return out.join('\n');
}

/** ns/op with a sensible number of digits. */
export function formatNs(ns: number): string {
  return ns >= 100 ? ns.toFixed(0) : ns >= 10 ? ns.toFixed(1) : ns.toFixed(2);
}

/** A deterministic pseudo-random generator (mulberry32) so runs are comparable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
