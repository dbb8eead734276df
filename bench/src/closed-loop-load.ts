/**
 * Closed-loop HTTP load (every connection always has a request in flight) from either client
 * the HTTP benchmark uses: autocannon (Node) or wrk (C, {@link runWrk}). Both report the same
 * figures, so the benchmark measures the server around either in one way.
 */
import autocannon from 'autocannon';
import { quantile } from './open-loop-load.js';
import { runWrk } from './wrk-load.js';

/** A closed-loop load generator. */
export type LoadClient = 'autocannon' | 'wrk';

/** Options of one closed-loop run. */
export interface ClosedLoopOptions {
  readonly url: string;
  /** The JSON body of every request (POST). */
  readonly body: string;
  readonly connections: number;
  readonly seconds: number;
}

/** What one closed-loop run reported. */
export interface ClosedLoopResult {
  /** Responses received. */
  readonly requests: number;
  readonly requestsPerSecond: number;
  /** Latency percentiles in milliseconds. */
  readonly p50: number;
  readonly p99: number;
  /** Non-2xx/3xx responses plus socket errors and timeouts. */
  readonly errors: number;
}

/** Runs `client` for `options.seconds` against `options.url`. */
export function runClosedLoop(
  client: LoadClient,
  options: ClosedLoopOptions,
): Promise<ClosedLoopResult> {
  return client === 'wrk' ? runWrk(options) : runAutocannon(options);
}

async function runAutocannon(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: options.body,
        connections: options.connections,
        duration: options.seconds,
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    // autocannon's own percentiles are whole milliseconds; keep each response's exact time.
    instance.on('response', (_client, _status, _bytes, responseMs) => latencies.push(responseMs));
  });
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    errors: result.errors + result.non2xx + result.timeouts,
  };
}
