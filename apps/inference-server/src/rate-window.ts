import { coarseNow } from './coarse-clock.js';

/** Recent request figures of one model, as the status page shows them. */
export interface RecentStats {
  /** Requests per second over the window. */
  readonly requestsPerSecond: number;
  /** Failed requests (4xx and 5xx) per second over the window. */
  readonly errorsPerSecond: number;
  /** Median latency over the window, in milliseconds (`null` without requests). */
  readonly p50Ms: number | null;
  /** 99th percentile latency over the window, in milliseconds (`null` without requests). */
  readonly p99Ms: number | null;
  /** Requests since the server started. */
  readonly total: number;
}

/** Latency buckets: upper bounds growing by 2^(1/4) from 10 µs (about 19% wide each). */
const BUCKETS = 96;
const FIRST_BOUND_MS = 0.01;
const GROWTH = 2 ** 0.25;
const LOG_GROWTH = Math.log(GROWTH);

function bucketOf(ms: number): number {
  if (!(ms > FIRST_BOUND_MS)) return 0;
  const b = Math.ceil(Math.log(ms / FIRST_BOUND_MS) / LOG_GROWTH);
  return b >= BUCKETS ? BUCKETS - 1 : b;
}

function boundOf(bucket: number): number {
  return FIRST_BOUND_MS * GROWTH ** bucket;
}

/** Samples kept raw before they are folded into the per-second histograms. */
const PENDING = 1024;

/**
 * Request rate and latency percentiles over a sliding window of whole seconds (default 10),
 * kept in a ring of per-second slots with a log-scale latency histogram each. Percentiles are
 * bucket upper bounds (within about 19%).
 *
 * {@link RateWindow.record} only appends the sample to a fixed ring of raw samples (three typed
 * array stores, no allocation); the samples are folded into the histograms lazily, when the ring
 * is full or {@link RateWindow.stats} is asked.
 */
export class RateWindow {
  private readonly seconds: number;
  private readonly stamps: Float64Array;
  private readonly counts: Uint32Array;
  private readonly errors: Uint32Array;
  private readonly histogram: Uint32Array;
  private readonly pendingAt = new Float64Array(PENDING);
  private readonly pendingMs = new Float64Array(PENDING);
  private readonly pendingFailed = new Uint8Array(PENDING);
  private pending = 0;
  private total = 0;

  /**
   * @param seconds the window length in seconds.
   * @param now the clock (ms since the epoch); by default a coarse one (see `coarse-clock.ts`:
   *   every request is stamped, and `Date.now()` costs more than the rest of `record`).
   */
  constructor(
    seconds = 10,
    private readonly now: () => number = coarseNow,
  ) {
    this.seconds = seconds;
    this.stamps = new Float64Array(seconds).fill(-1);
    this.counts = new Uint32Array(seconds);
    this.errors = new Uint32Array(seconds);
    this.histogram = new Uint32Array(seconds * BUCKETS);
  }

  /** Records one request that took `ms` milliseconds; `failed` for a 4xx/5xx answer. */
  record(ms: number, failed: boolean): void {
    const i = this.pending;
    this.pendingAt[i] = this.now();
    this.pendingMs[i] = ms;
    this.pendingFailed[i] = failed ? 1 : 0;
    this.total++;
    this.pending = i + 1;
    if (i + 1 === PENDING) this.flush();
  }

  /**
   * The figures over the last complete `seconds` seconds plus the current one (rates are
   * divided by the time they cover).
   */
  stats(): RecentStats {
    this.flush();
    const nowMs = this.now();
    const second = Math.floor(nowMs / 1000);
    const merged = new Float64Array(BUCKETS);
    let count = 0;
    let errors = 0;
    for (let slot = 0; slot < this.seconds; slot++) {
      const stamp = this.stamps[slot]!;
      if (stamp < 0 || stamp <= second - this.seconds) continue;
      count += this.counts[slot]!;
      errors += this.errors[slot]!;
      for (let b = 0; b < BUCKETS; b++) merged[b]! += this.histogram[slot * BUCKETS + b]!;
    }
    const covered = this.seconds - 1 + (nowMs - second * 1000) / 1000;
    return {
      requestsPerSecond: count / covered,
      errorsPerSecond: errors / covered,
      p50Ms: percentile(merged, count, 0.5),
      p99Ms: percentile(merged, count, 0.99),
      total: this.total,
    };
  }

  /** Folds the pending samples into their seconds' slots. */
  private flush(): void {
    const n = this.pending;
    this.pending = 0;
    for (let i = 0; i < n; i++) {
      const second = Math.floor(this.pendingAt[i]! / 1000);
      const slot = second % this.seconds;
      const stamp = this.stamps[slot]!;
      if (stamp !== second) {
        // The slot already holds a later second: this sample has left the window.
        if (stamp > second) continue;
        this.stamps[slot] = second;
        this.counts[slot] = 0;
        this.errors[slot] = 0;
        this.histogram.fill(0, slot * BUCKETS, (slot + 1) * BUCKETS);
      }
      this.counts[slot]! += 1;
      this.errors[slot]! += this.pendingFailed[i]!;
      this.histogram[slot * BUCKETS + bucketOf(this.pendingMs[i]!)]! += 1;
    }
  }
}

function percentile(histogram: Float64Array, count: number, q: number): number | null {
  if (count === 0) return null;
  const rank = Math.ceil(q * count);
  let seen = 0;
  for (let b = 0; b < BUCKETS; b++) {
    seen += histogram[b]!;
    if (seen >= rank) return boundOf(b);
  }
  return boundOf(BUCKETS - 1);
}
