/**
 * Closed-loop HTTP load with wrk (Debian package `wrk`), a C client: it takes far less CPU per
 * request than autocannon, so on a machine where client and server share the cores, more of the
 * machine goes to the server and its figures depend less on the client. `http.bench.ts` runs it
 * beside autocannon when `wrk` is on the PATH (see `closed-loop-load.ts`).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClosedLoopOptions, ClosedLoopResult } from './closed-loop-load.js';

/** Whether `wrk` can be run here. */
export function wrkAvailable(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // `wrk --version` prints its version and exits with 1; only a missing binary is "no".
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** Runs wrk (one thread) for `seconds` and parses its report. */
export async function runWrk(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const dir = mkdtempSync(join(tmpdir(), 'servable-wrk-'));
  try {
    const script = join(dir, 'post.lua');
    writeFileSync(
      script,
      `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = ${luaString(options.body)}\n`,
    );
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        'wrk',
        [
          '-t1',
          `-c${options.connections}`,
          `-d${options.seconds}s`,
          '--latency',
          '-s',
          script,
          options.url,
        ],
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      );
    });
    return parseWrkReport(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Parses wrk's text report. */
export function parseWrkReport(text: string): ClosedLoopResult {
  const total = /(\d+) requests in ([\d.]+)(us|ms|s|m),/.exec(text);
  if (total === null) throw new Error(`Unexpected wrk output (no request count):\n${text}`);
  const requests = Number(total[1]);
  const seconds = toMs(Number(total[2]), total[3] as string) / 1000;
  const percentile = (p: string): number => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(text);
    return m === null ? Number.NaN : toMs(Number(m[1]), m[2] as string);
  };
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(text);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const socketErrors =
    socket === null ? 0 : socket.slice(1, 5).reduce((sum, n) => sum + Number(n), 0);
  return {
    requests,
    requestsPerSecond: requests / seconds,
    p50: percentile('50'),
    p99: percentile('99'),
    errors: (non2xx === null ? 0 : Number(non2xx[1])) + socketErrors,
  };
}

function toMs(value: number, unit: string): number {
  switch (unit) {
    case 'us':
      return value / 1000;
    case 'ms':
      return value;
    case 's':
      return value * 1000;
    default:
      return value * 60_000;
  }
}

/** A Lua long-bracket string holding `text` verbatim. */
function luaString(text: string): string {
  let level = '';
  while (text.includes(`]${level}]`)) level += '=';
  return `[${level}[${text}]${level}]`;
}
