/**
 * HTTP benchmark of the inference server against a bare fastify route, same machine, same
 * client (autocannon, 64 connections), same run, interleaved rounds: one-row OIP v2 infer
 * requests to a StandardScaler + LogisticRegression pipeline vs a route answering a constant
 * JSON (target: ≥ 0.8 of its throughput, p99 ≤ 2 ms), and 100-row requests (rows/s).
 *
 * Run alone: `pnpm --filter @servable/bench exec tsx --conditions=@servable/source src/http.bench.ts`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { formatTable, seededRandom } from './harness.js';
import { DIM } from './http-bench-server.js';

/** Options of {@link runHttpBench}. */
export interface HttpBenchOptions {
  /** Seconds per measurement. Default 5. */
  readonly seconds?: number;
  /** Interleaved rounds (the median is reported). Default 3. */
  readonly rounds?: number;
  /** Concurrent connections. Default 64. */
  readonly connections?: number;
}

interface Case {
  readonly name: string;
  readonly url: string;
  readonly body: string;
  readonly rows: number;
}

interface Measurement {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

function startServer(mode: 'bare' | 'servable'): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(new URL('./http-bench-server.ts', import.meta.url)), [mode], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, port: (m as { port: number }).port }));
    child.once('exit', (code) => reject(new Error(`benchmark server ${mode} exited with ${code}`)));
  });
}

function inferBody(rows: number): string {
  const random = seededRandom(rows);
  const data = Array.from({ length: rows * DIM }, () => Math.round(random() * 1e6) / 1e5);
  return JSON.stringify({
    inputs: [{ name: 'features', shape: [rows, DIM], datatype: 'FP64', data }],
  });
}

async function measure(c: Case, seconds: number, connections: number): Promise<Measurement> {
  const result = await autocannon({
    url: c.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: c.body,
    connections,
    duration: seconds,
  });
  const errors = result.errors + result.non2xx + result.timeouts;
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs the benchmark and prints a table and the ratio to bare fastify. */
export async function runHttpBench(options: HttpBenchOptions = {}): Promise<void> {
  const seconds = options.seconds ?? 5;
  const rounds = options.rounds ?? 3;
  const connections = options.connections ?? 64;
  const bare = await startServer('bare');
  const served = await startServer('servable');
  try {
    const cases: Case[] = [
      {
        name: 'bare fastify, constant JSON',
        url: `http://127.0.0.1:${bare.port}/bare`,
        body: inferBody(1),
        rows: 1,
      },
      {
        name: 'infer, 1 row (scaler + LR)',
        url: `http://127.0.0.1:${served.port}/v2/models/lr/infer`,
        body: inferBody(1),
        rows: 1,
      },
      {
        name: 'infer, 100 rows',
        url: `http://127.0.0.1:${served.port}/v2/models/lr/infer`,
        body: inferBody(100),
        rows: 100,
      },
    ];
    // Warm-up (JIT, connection pools).
    for (const c of cases) await measure(c, 1, connections);
    const results: Measurement[][] = cases.map(() => []);
    for (let r = 0; r < rounds; r++) {
      for (let k = 0; k < cases.length; k++) {
        const i = (k + r) % cases.length;
        results[i]!.push(await measure(cases[i]!, seconds, connections));
      }
    }
    const summary = cases.map((c, i) => {
      const ms = results[i]!;
      return {
        c,
        rps: median(ms.map((m) => m.requestsPerSecond)),
        p50: median(ms.map((m) => m.p50)),
        p99: median(ms.map((m) => m.p99)),
        errors: ms.reduce((n, m) => n + m.errors, 0),
      };
    });
    const base = summary[0]!.rps;
    console.log(
      `HTTP (autocannon, ${connections} connections, ${rounds} × ${seconds} s interleaved, medians; dim ${DIM})`,
    );
    console.log(
      formatTable([
        ['case', 'req/s', 'rows/s', 'ratio to bare', 'p50 ms', 'p99 ms', 'errors'],
        ...summary.map((s) => [
          s.c.name,
          s.rps.toFixed(0),
          (s.rps * s.c.rows).toFixed(0),
          (s.rps / base).toFixed(2),
          s.p50.toFixed(2),
          s.p99.toFixed(2),
          String(s.errors),
        ]),
      ]),
    );
    const one = summary[1]!;
    console.log(
      `1-row infer: ${(one.rps / base).toFixed(2)} of bare fastify (target >= 0.80), p99 ${one.p99.toFixed(2)} ms (target <= 2 ms)`,
    );
  } finally {
    bare.child.kill();
    served.child.kill();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runHttpBench();
}
