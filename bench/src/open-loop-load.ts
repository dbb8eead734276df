/**
 * An open-loop HTTP/1.1 load generator for latency measurements at a fixed offered rate.
 *
 * Closed-loop clients (autocannon, wrk) keep every connection busy, so at saturation their
 * latency is only Little's law (connections / throughput). Tail latency is meaningful at an
 * offered load below capacity: this client sends requests at a fixed overall rate spread over
 * keep-alive connections (one request in flight per connection, as HTTP/1.1 without
 * pipelining), whether or not earlier answers came back. A request that finds every connection
 * busy waits in a backlog and its latency counts from when it was due (no coordinated omission).
 *
 * Requests leave at their due times, evenly spaced: the sender runs through the event loop with
 * `setImmediate` (sockets are polled between turns) and sleeps up to {@link MAX_NAP_MS} between
 * turns with `Atomics.wait`. A 1-ms timer would send them in bursts of rate/1000 at once, where
 * the last of a burst waits for the others (at 9,000 req/s that alone made bare fastify's median
 * 0.5 ms); spinning without sleeps sends within µs but keeps a whole core busy, which on a 2-core
 * machine slowed the server by 5–15 % per request. A nap can delay reading a response by up to
 * its length, which only adds to the measured latency: each latency counts from when its request
 * was due to when its response's last byte was read, so the client's lateness counts against the
 * server, never for it.
 */
import { connect, type Socket } from 'node:net';

/** The longest sleep between two turns of the sender, ms (see the module comment). */
export const MAX_NAP_MS = 0.2;

/** What {@link runOpenLoop} sends and how fast. */
export interface OpenLoopOptions {
  readonly host: string;
  readonly port: number;
  readonly path: string;
  /** The JSON body of every request (POST). */
  readonly body: string;
  /** Keep-alive connections. */
  readonly connections: number;
  /** Requests per second, over all connections. */
  readonly rate: number;
  /** Seconds of load. */
  readonly seconds: number;
}

/** What {@link runOpenLoop} saw. */
export interface OpenLoopResult {
  /** Responses with status 200. */
  readonly ok: number;
  /** Responses with another status. */
  readonly failed: number;
  /** Requests that had to wait for a free connection (the rate was above what was served). */
  readonly backlogged: number;
  /** Completed requests per second. */
  readonly achievedRate: number;
  /** Latencies of the 200 responses in milliseconds, ascending. */
  readonly latenciesMs: Float64Array;
  /**
   * The same latencies in the order the responses came, each with when its request was due, in
   * milliseconds since the load started: for latency over time (e.g. per second).
   */
  readonly timeline: { readonly dueAtMs: Float64Array; readonly latencyMs: Float64Array };
}

interface Connection {
  readonly socket: Socket;
  busy: boolean;
  dueAt: number;
  buffered: Buffer;
}

/** The latency at quantile `q` (0..1) of ascending samples, or NaN without samples. */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

/** Runs the load and resolves when every request sent has been answered. */
export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { host, port, path, body, connections, rate, seconds } = options;
  const payload = Buffer.from(body);
  const request = Buffer.concat([
    Buffer.from(
      `POST ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${payload.length}\r\n\r\n`,
    ),
    payload,
  ]);
  const total = Math.round(rate * seconds);
  const latencies = new Float64Array(total);
  const dueAtMs = new Float64Array(total);
  let ok = 0;
  let failed = 0;
  let backlogged = 0;
  let completed = 0;
  const backlog: number[] = [];
  const idle: Connection[] = [];

  const pool = await Promise.all(
    Array.from(
      { length: connections },
      () =>
        new Promise<Connection>((resolve, reject) => {
          const socket = connect({ host, port, noDelay: true }, () =>
            resolve({ socket, busy: false, dueAt: 0, buffered: Buffer.alloc(0) }),
          );
          socket.once('error', reject);
        }),
    ),
  );

  let start = 0;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const send = (conn: Connection, dueAt: number): void => {
    conn.busy = true;
    conn.dueAt = dueAt;
    conn.socket.write(request);
  };
  const release = (conn: Connection): void => {
    const waiting = backlog.shift();
    if (waiting !== undefined) send(conn, waiting);
    else {
      conn.busy = false;
      idle.push(conn);
    }
  };

  for (const conn of pool) {
    idle.push(conn);
    conn.socket.on('data', (chunk: Buffer) => {
      conn.buffered = conn.buffered.length === 0 ? chunk : Buffer.concat([conn.buffered, chunk]);
      const response = completeResponse(conn.buffered);
      if (response === undefined) return;
      const ms = performance.now() - conn.dueAt;
      conn.buffered = conn.buffered.subarray(response.length);
      if (response.status === 200) {
        dueAtMs[ok] = conn.dueAt - start;
        latencies[ok++] = ms;
      } else failed++;
      completed++;
      release(conn);
      if (completed === total) finish();
    });
    conn.socket.on('close', () => {
      // A connection the server closed with a request in flight: that request failed.
      if (!conn.busy) return;
      conn.busy = false;
      failed++;
      completed++;
      if (completed === total) finish();
    });
  }

  start = performance.now();
  const interval = 1000 / rate;
  // Never notified: Atomics.wait on it is a sub-millisecond sleep.
  const nap = new Int32Array(new SharedArrayBuffer(4));
  let due = 0;
  const tick = (): void => {
    const now = performance.now();
    while (due < total && start + due * interval <= now) {
      const dueAt = start + due * interval;
      const conn = idle.pop();
      if (conn !== undefined) send(conn, dueAt);
      else {
        backlog.push(dueAt);
        backlogged++;
      }
      due++;
    }
    // Paced sending, not a 1-ms timer: see the module comment.
    if (due >= total) return;
    const wait = start + due * interval - performance.now();
    if (wait > 0.02) Atomics.wait(nap, 0, 0, Math.min(wait, MAX_NAP_MS));
    setImmediate(tick);
  };
  tick();
  // Requests still unanswered long after the last was due count as failed.
  const deadline = setTimeout(finish, (seconds + 10) * 1000);
  await done;
  clearTimeout(deadline);
  failed += total - completed;
  const elapsed = (performance.now() - start) / 1000;
  for (const conn of pool) conn.socket.destroy();
  const sorted = latencies.slice(0, ok).sort();
  return {
    ok,
    failed,
    backlogged,
    achievedRate: completed / elapsed,
    latenciesMs: sorted,
    timeline: { dueAtMs: dueAtMs.subarray(0, ok), latencyMs: latencies.subarray(0, ok) },
  };
}

/** The status and total length of the first complete HTTP response in `data`, if any. */
function completeResponse(data: Buffer): { status: number; length: number } | undefined {
  const headerEnd = data.indexOf('\r\n\r\n');
  if (headerEnd < 0) return undefined;
  const head = data.toString('latin1', 0, headerEnd);
  const status = Number(head.slice(9, 12));
  const match = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (match === null) throw new Error(`Response without content-length: ${head}`);
  const length = headerEnd + 4 + Number(match[1]);
  return data.length >= length ? { status, length } : undefined;
}
