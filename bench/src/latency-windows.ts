/**
 * Latency over time: splits an open-loop run ({@link OpenLoopResult.timeline}) into fixed
 * windows (one second by default) and gives each window its p99 and the server's CPU time per
 * request in it.
 *
 * Why: on a shared machine the host sometimes slows down for a second or two (a noisy neighbour
 * on the same physical core: the server is not descheduled, it just runs slower). At a fixed
 * offered rate a queue then builds and every request of those seconds is late, which decides a
 * whole run's p99. Per-window figures separate that from the server's steady state: a window
 * whose server CPU per request is far above the run's usual figure is one where the same work
 * cost more, i.e. the host was slow (or the server did extra work such as a major GC, which the
 * same figure also shows).
 */
import type { OpenLoopResult } from './open-loop-load.js';
import { quantile } from './open-loop-load.js';

/** The server's CPU time (µs) read at a moment of the run (ms since the load started). */
export interface CpuSample {
  readonly atMs: number;
  readonly cpuMicros: number;
}

/** One window of a run. */
export interface LatencyWindow {
  /** Window start, ms since the load started. */
  readonly startMs: number;
  /** Requests due in the window that were answered 200. */
  readonly requests: number;
  /** Their latencies, ms, ascending. */
  readonly latenciesMs: Float64Array;
  /** p99 latency of those requests, ms (NaN without requests). */
  readonly p99: number;
  /** Server CPU µs per request over the window (NaN when no CPU samples cover it). */
  readonly cpuMicrosPerRequest: number;
}

/**
 * Windows of `windowMs` over the run. CPU per request uses the samples that bracket each window
 * (the sampling interval should equal `windowMs`); the last partial window is dropped.
 */
export function latencyWindows(
  timeline: OpenLoopResult['timeline'],
  cpu: readonly CpuSample[],
  windowMs = 1000,
): LatencyWindow[] {
  const { dueAtMs, latencyMs } = timeline;
  let end = 0;
  for (let i = 0; i < dueAtMs.length; i++) end = Math.max(end, dueAtMs[i] as number);
  const count = Math.floor(end / windowMs);
  const buckets: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < dueAtMs.length; i++) {
    const w = Math.floor((dueAtMs[i] as number) / windowMs);
    if (w < count) buckets[w]!.push(latencyMs[i] as number);
  }
  return buckets.map((latencies, w) => {
    const startMs = w * windowMs;
    const sorted = Float64Array.from(latencies).sort();
    const before = lastAtOrBefore(cpu, startMs);
    const after = firstAtOrAfter(cpu, startMs + windowMs);
    const cpuMicros =
      before !== undefined && after !== undefined
        ? ((after.cpuMicros - before.cpuMicros) * windowMs) / (after.atMs - before.atMs)
        : Number.NaN;
    return {
      startMs,
      requests: latencies.length,
      latenciesMs: sorted,
      p99: quantile(sorted, 0.99),
      cpuMicrosPerRequest: latencies.length > 0 ? cpuMicros / latencies.length : Number.NaN,
    };
  });
}

function lastAtOrBefore(cpu: readonly CpuSample[], atMs: number): CpuSample | undefined {
  let found: CpuSample | undefined;
  for (const s of cpu) if (s.atMs <= atMs + 50) found = s;
  return found;
}

function firstAtOrAfter(cpu: readonly CpuSample[], atMs: number): CpuSample | undefined {
  for (const s of cpu) if (s.atMs >= atMs - 50) return s;
  return undefined;
}
