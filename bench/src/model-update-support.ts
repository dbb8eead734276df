/**
 * Shared pieces of the model-updater benchmarks: percentiles, LogisticRegression model data of
 * any dimension and version, and a librdkafka mock cluster started through `kcat` (the same
 * broker the `@servable/model-updaters` tests use; `KAFKA_BROKERS` selects a real cluster).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { DenseVector } from '@servable/linalg';
import { LOGISTIC_REGRESSION_MODEL_DATA_FORMAT } from '@servable/servable-lib';

/** The `q`-quantile (0..1) of `xs` (nearest rank). */
export function percentile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN;
}

/** LogisticRegression model data of dimension `dim` carrying `version`. */
export function lrModelData(dim: number, version: number): Uint8Array {
  const coefficient = new DenseVector(dim);
  for (let i = 0; i < dim; i++) coefficient.values[i] = ((i % 7) - 3 + version) / 1000;
  return LOGISTIC_REGRESSION_MODEL_DATA_FORMAT.encode({
    coefficient,
    modelVersion: BigInt(version),
  });
}

/** A running broker for a benchmark. */
export interface BenchKafka {
  readonly brokers: string[];
  stop(): void;
}

/** Starts librdkafka's mock cluster in a kcat process (or uses `KAFKA_BROKERS`). */
export async function startBenchKafka(): Promise<BenchKafka> {
  const external = process.env.KAFKA_BROKERS;
  if (external) return { brokers: external.split(','), stop() {} };
  const guard =
    'kcat "$@" </dev/null >/dev/null & echo "kcat-pid=$!" >&2; read _; kill -9 $! 2>/dev/null';
  const args = [
    '-b',
    'localhost:0',
    '-X',
    'test.mock.num.brokers=1',
    '-d',
    'mock',
    '-C',
    '-t',
    '__warmup',
  ];
  const child: ChildProcess = spawn('sh', ['-c', guard, 'sh', ...args], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let log = '';
  let pid: number | undefined;
  const brokers = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kcat did not start:\n${log}`)), 10_000);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (text: string) => {
      if (log.length > 100_000) return; // keep draining, stop collecting
      log += text;
      pid ??= Number(/kcat-pid=(\d+)/.exec(log)?.[1] ?? Number.NaN) || undefined;
      const found = /bootstrap\.servers=([\w.:-]+)/.exec(log)?.[1];
      if (found && pid !== undefined) {
        clearTimeout(timer);
        log = 'x'.repeat(100_001);
        resolve(found);
      }
    });
    child.once('error', reject);
  });
  const stop = () => {
    try {
      if (pid !== undefined) process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
    child.kill('SIGKILL');
  };
  process.once('exit', stop);
  return { brokers: [brokers], stop };
}
