/**
 * HTTP benchmark of the inference server against a bare fastify route, same machine, same
 * clients, same run, interleaved rounds:
 *
 * - **Throughput** (closed loop: 64 connections, each always busy; measured with autocannon and,
 *   when it is installed, with wrk, a C client that leaves more of a shared machine to the
 *   server): one-row OIP v2 infer requests to a StandardScaler + LogisticRegression pipeline vs a
 *   route answering a constant JSON (target ≥ 0.8 of its throughput), and 100-row requests
 *   (rows/s). Also the server's CPU time per request, a steadier figure than throughput on a
 *   shared machine.
 * - **Latency** (open loop, {@link runOpenLoop}: 64 connections, fixed offered rates, a quarter
 *   and half of what bare fastify served in the throughput rounds): p50/p99/p99.9 of both routes,
 *   and the same rounds second by second ({@link latencyWindows}). At saturation a closed-loop
 *   client's latency is only Little's law (64 connections / throughput), so tail latency is
 *   measured below capacity.
 *
 * Run alone: `pnpm bench http`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type LoadClient, runClosedLoop } from './closed-loop-load.js';
import { formatTable, seededRandom } from './harness.js';
import { DIM } from './http-bench-server.js';
import { type CpuSample, type LatencyWindow, latencyWindows } from './latency-windows.js';
import { quantile, runOpenLoop } from './open-loop-load.js';
import { wrkAvailable } from './wrk-load.js';

/** Options of {@link runHttpBench}. */
export interface HttpBenchOptions {
  /** Seconds per throughput measurement. Default 5. */
  readonly seconds?: number;
  /** Seconds per latency round (each is also split into one-second windows). Default 10. */
  readonly latencySeconds?: number;
  /** Throughput rounds, each on freshly started servers (the median is reported). Default 3. */
  readonly rounds?: number;
  /** Latency rounds per offered rate, on one pair of warmed-up servers. Default 3. */
  readonly latencyRounds?: number;
  /** Concurrent connections. Default 64. */
  readonly connections?: number;
  /**
   * Offered rates of the latency rounds, as fractions of bare fastify's throughput.
   * Default [0.25, 0.5] (at 0.75 an open-loop infer server is saturated: it costs more CPU per
   * request than under closed-loop load).
   */
  readonly latencyLoads?: readonly number[];
  /** Closed-loop clients of the throughput rounds. Default: autocannon, and wrk when installed. */
  readonly clients?: readonly LoadClient[];
}

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
  /** The server process's CPU time so far, in microseconds. */
  cpuMicros(): Promise<number>;
}

interface Case {
  readonly name: string;
  /** Which server answers it. */
  readonly mode: 'bare' | 'servable';
  readonly path: string;
  readonly body: string;
  readonly rows: number;
}

interface Throughput {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly cpuMicrosPerRequest: number;
  readonly errors: number;
}

interface Latency {
  readonly achievedRate: number;
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly errors: number;
  readonly backlogged: number;
  /** The run in one-second windows (p99 and server CPU per request of each). */
  readonly windows: readonly LatencyWindow[];
}

function startServer(mode: 'bare' | 'servable'): Promise<Server> {
  const child = fork(fileURLToPath(new URL('./http-bench-server.ts', import.meta.url)), [mode], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const cpuMicros = (): Promise<number> =>
    new Promise((resolve) => {
      const onMessage = (m: unknown): void => {
        if (typeof m === 'object' && m !== null && 'cpuMicros' in m) {
          child.off('message', onMessage);
          resolve((m as { cpuMicros: number }).cpuMicros);
        }
      };
      child.on('message', onMessage);
      child.send('cpu');
    });
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, port: (m as { port: number }).port, cpuMicros }));
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

async function measureThroughput(
  c: Case,
  server: Server,
  seconds: number,
  connections: number,
  client: LoadClient = 'autocannon',
): Promise<Throughput> {
  const cpuBefore = await server.cpuMicros();
  const r = await runClosedLoop(client, {
    url: `http://127.0.0.1:${server.port}${c.path}`,
    body: c.body,
    connections,
    seconds,
  });
  const cpu = (await server.cpuMicros()) - cpuBefore;
  return {
    requestsPerSecond: r.requestsPerSecond,
    p50: r.p50,
    p99: r.p99,
    cpuMicrosPerRequest: cpu / Math.max(1, r.requests),
    errors: r.errors,
  };
}

async function measureLatency(
  c: Case,
  server: Server,
  rate: number,
  seconds: number,
  connections: number,
): Promise<Latency> {
  // The server's CPU time once a second, to tell seconds where the host was slow (see
  // latency-windows.ts). The load starts within a few ms of `t0`.
  const cpu: CpuSample[] = [];
  const t0 = performance.now();
  const sample = async (): Promise<void> => {
    const atMs = performance.now() - t0;
    cpu.push({ atMs, cpuMicros: await server.cpuMicros() });
  };
  await sample();
  const sampler = setInterval(() => void sample(), WINDOW_MS);
  const r = await runOpenLoop({
    host: '127.0.0.1',
    port: server.port,
    path: c.path,
    body: c.body,
    connections,
    rate,
    seconds,
  }).finally(() => clearInterval(sampler));
  await sample();
  return {
    windows: latencyWindows(r.timeline, cpu, WINDOW_MS),
    achievedRate: r.achievedRate,
    p50: quantile(r.latenciesMs, 0.5),
    p99: quantile(r.latenciesMs, 0.99),
    p999: quantile(r.latenciesMs, 0.999),
    errors: r.failed,
    backlogged: r.backlogged,
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Closed-loop load on each case of a new server before it is measured (JIT, heap sizing): a short
 * one before a throughput round, a longer one before the latency rounds (see {@link interleaved}).
 */
const WARM_UP_SECONDS = { throughput: 20, latency: 30 } as const;

/** Both servers of the benchmark. */
type Servers = Readonly<Record<Case['mode'], Server>>;

async function startServers(
  cases: readonly Case[],
  connections: number,
  warmUpSeconds: number,
): Promise<Servers> {
  const servers = { bare: await startServer('bare'), servable: await startServer('servable') };
  for (const c of cases) await measureThroughput(c, servers[c.mode], warmUpSeconds, connections);
  return servers;
}

function stopServers(servers: Servers): void {
  servers.bare.child.kill();
  servers.servable.child.kill();
}

/**
 * Runs `measure` on every case in `rounds` interleaved rounds (rotating the order), on warmed-up
 * servers ({@link WARM_UP_SECONDS}). With `fresh`, each round starts both servers
 * anew: a server process's placement (its core, its code and heap addresses) moves its CPU cost
 * per request by several percent between otherwise identical processes, so the medians of the
 * throughput rounds also average over processes. Without it, the rounds share one pair of
 * servers (latency is measured on servers past their start-up: a young process still grows its
 * heap, and those collections would dominate a tail that is about steady state).
 */
async function interleaved<T>(
  cases: readonly Case[],
  rounds: number,
  connections: number,
  fresh: boolean,
  measure: (c: Case, server: Server) => Promise<T>,
): Promise<T[][]> {
  const results: T[][] = cases.map(() => []);
  let servers = fresh ? undefined : await startServers(cases, connections, WARM_UP_SECONDS.latency);
  try {
    for (let r = 0; r < rounds; r++) {
      if (fresh) servers = await startServers(cases, connections, WARM_UP_SECONDS.throughput);
      const current = servers as Servers;
      try {
        for (let k = 0; k < cases.length; k++) {
          const i = (k + r) % cases.length;
          const c = cases[i]!;
          results[i]!.push(await measure(c, current[c.mode]));
        }
      } finally {
        if (fresh) stopServers(current);
      }
    }
  } finally {
    if (!fresh && servers !== undefined) stopServers(servers);
  }
  return results;
}

const ms = (v: number): string => v.toFixed(2);

/** Window length of the per-second latency view. */
const WINDOW_MS = 1000;
/** A window whose server CPU per request is this far above the case's median is a slow-host one. */
const SLOW_HOST_FACTOR = 1.25;
/** The latency target of the issue (p99 ≤ 2 ms). */
const P99_TARGET_MS = 2;

/** The per-second view of a case's latency rounds (see latency-windows.ts). */
function windowSummary(windows: readonly LatencyWindow[]) {
  const usualCpu = median(windows.map((w) => w.cpuMicrosPerRequest).filter(Number.isFinite));
  const slow = (w: LatencyWindow) => w.cpuMicrosPerRequest > SLOW_HOST_FACTOR * usualCpu;
  const over = windows.filter((w) => w.p99 > P99_TARGET_MS);
  const quiet = windows.filter((w) => !slow(w));
  const quietLatencies = Float64Array.from(quiet.flatMap((w) => Array.from(w.latenciesMs))).sort();
  return {
    windows: windows.length,
    medianWindowP99: median(windows.map((w) => w.p99)),
    over: over.length,
    overOnSlowHost: over.filter(slow).length,
    slow: windows.length - quiet.length,
    quietP99: quantile(quietLatencies, 0.99),
    usualCpu,
  };
}

/** Runs the benchmark and prints tables and the ratios to bare fastify. */
export async function runHttpBench(options: HttpBenchOptions = {}): Promise<void> {
  const seconds = options.seconds ?? 5;
  const rounds = options.rounds ?? 3;
  const latencyRounds = options.latencyRounds ?? 3;
  const latencySeconds = options.latencySeconds ?? 10;
  const connections = options.connections ?? 64;
  const latencyLoads = options.latencyLoads ?? [0.25, 0.5];
  const infer = '/v2/models/lr/infer';
  const cases: Case[] = [
    {
      name: 'bare fastify, constant JSON',
      mode: 'bare',
      path: '/bare',
      body: inferBody(1),
      rows: 1,
    },
    {
      name: 'infer, 1 row (scaler + LR)',
      mode: 'servable',
      path: infer,
      body: inferBody(1),
      rows: 1,
    },
    { name: 'infer, 100 rows', mode: 'servable', path: infer, body: inferBody(100), rows: 100 },
  ];
  const clients: readonly LoadClient[] =
    options.clients ?? (wrkAvailable() ? ['autocannon', 'wrk'] : ['autocannon']);
  // Every client measures the same pair of fresh servers in each round, one after the other.
  const throughput = await interleaved(cases, rounds, connections, true, async (c, server) => {
    const byClient: Throughput[] = [];
    for (const client of clients) {
      byClient.push(await measureThroughput(c, server, seconds, connections, client));
    }
    return byClient;
  });
  // The latency rounds' offered rates follow bare fastify's throughput under the first client.
  let baseRps = 0;
  for (const [k, client] of clients.entries()) {
    const summary = cases.map((c, i) => {
      const m = throughput[i]!.map((byClient) => byClient[k]!);
      return {
        c,
        rps: median(m.map((x) => x.requestsPerSecond)),
        p50: median(m.map((x) => x.p50)),
        p99: median(m.map((x) => x.p99)),
        cpu: median(m.map((x) => x.cpuMicrosPerRequest)),
        errors: m.reduce((n, x) => n + x.errors, 0),
        rounds: m,
      };
    });
    const bare = summary[0]!;
    if (k === 0) baseRps = bare.rps;
    else console.log('');
    console.log(
      `HTTP throughput (${client}, closed loop, ${connections} connections, ${rounds} rounds × ${seconds} s interleaved, fresh servers each round, medians; dim ${DIM})`,
    );
    console.log(
      formatTable([
        [
          'case',
          'req/s',
          'rows/s',
          'ratio to bare',
          'server CPU µs/req',
          'CPU ratio',
          'p50 ms',
          'p99 ms',
          'errors',
        ],
        ...summary.map((s) => [
          s.c.name,
          s.rps.toFixed(0),
          (s.rps * s.c.rows).toFixed(0),
          (s.rps / bare.rps).toFixed(2),
          s.cpu.toFixed(1),
          (s.cpu / bare.cpu).toFixed(2),
          ms(s.p50),
          ms(s.p99),
          String(s.errors),
        ]),
      ]),
    );
    const one = summary[1]!;
    // Each round has its own pair of server processes: the per-round ratios show their spread.
    const perRound = one.rounds.map((m, r) =>
      (m.requestsPerSecond / bare.rounds[r]!.requestsPerSecond).toFixed(2),
    );
    console.log(
      `1-row infer (${client}): ${(one.rps / bare.rps).toFixed(2)} of bare fastify's throughput (target >= 0.80; per round ${perRound.join(', ')}); ` +
        `server CPU per request ${(one.cpu / bare.cpu).toFixed(2)}× bare's. ` +
        `Little's law at saturation: ${connections} connections / ${bare.rps.toFixed(0)} req/s = ${ms((1000 * connections) / bare.rps)} ms mean latency even for bare fastify.`,
    );
  }

  for (const latencyLoad of latencyLoads) {
    const rate = Math.max(100, Math.round(latencyLoad * baseRps));
    const latencyCases = cases.slice(0, 2);
    const latency = await interleaved(
      latencyCases,
      latencyRounds,
      connections,
      false,
      (c, server) => measureLatency(c, server, rate, latencySeconds, connections),
    );
    console.log('');
    console.log(
      `HTTP latency (open loop, ${connections} connections, ${rate} req/s offered = ${latencyLoad} × bare's throughput, ${latencyRounds} × ${latencySeconds} s interleaved, medians)`,
    );
    const lat = latencyCases.map((c, i) => {
      const m = latency[i]!;
      return {
        c,
        rate: median(m.map((x) => x.achievedRate)),
        p50: median(m.map((x) => x.p50)),
        p99: median(m.map((x) => x.p99)),
        p999: median(m.map((x) => x.p999)),
        errors: m.reduce((n, x) => n + x.errors, 0),
        backlogged: m.reduce((n, x) => n + x.backlogged, 0),
        perRoundP99: m.map((x) => ms(x.p99)),
        seconds: windowSummary(m.flatMap((x) => x.windows)),
      };
    });
    console.log(
      formatTable([
        [
          'case',
          'served req/s',
          'p50 ms',
          'p99 ms',
          'p99.9 ms',
          'waited for a connection',
          'errors',
        ],
        ...lat.map((s) => [
          s.c.name,
          s.rate.toFixed(0),
          ms(s.p50),
          ms(s.p99),
          ms(s.p999),
          String(s.backlogged),
          String(s.errors),
        ]),
      ]),
    );
    console.log(
      `Per second (${WINDOW_MS / 1000}-s windows of every round; a slow-host second is one where the server's CPU per request was over ${SLOW_HOST_FACTOR}× its median, i.e. the same work cost more):`,
    );
    console.log(
      formatTable([
        [
          'case',
          'p99 per round ms',
          'median p99 of a second',
          `seconds with p99 > ${P99_TARGET_MS} ms`,
          '… of them slow-host',
          'slow-host seconds',
          'p99 without them',
          'server CPU µs/req (median second)',
        ],
        ...lat.map((s) => [
          s.c.name,
          s.perRoundP99.join(', '),
          ms(s.seconds.medianWindowP99),
          `${s.seconds.over} of ${s.seconds.windows}`,
          String(s.seconds.overOnSlowHost),
          String(s.seconds.slow),
          ms(s.seconds.quietP99),
          s.seconds.usualCpu.toFixed(1),
        ]),
      ]),
    );
    console.log(
      `1-row infer at ${rate} req/s: p99 ${ms(lat[1]!.p99)} ms (target <= ${P99_TARGET_MS} ms; bare fastify ${ms(lat[0]!.p99)} ms); ` +
        `without slow-host seconds ${ms(lat[1]!.seconds.quietP99)} ms (bare ${ms(lat[0]!.seconds.quietP99)} ms).`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runHttpBench();
}
