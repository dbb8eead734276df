import { type ChildProcess, spawn } from 'node:child_process';
import { DemoError } from './demo-error.js';

/** A running librdkafka mock cluster (inside a `kcat` process). */
export interface MockKafkaCluster {
  /** Its bootstrap address, `127.0.0.1:PORT`. */
  readonly brokers: readonly string[];
  /** Kills the kcat process. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts librdkafka's mock Kafka cluster through Debian's `kcat`
 * (`kcat -b localhost:0 -X test.mock.num.brokers=1 -d mock -C -t …`), which speaks the real Kafka
 * protocol and auto-creates topics. Its address is read from kcat's stderr
 * (`bootstrap.servers=127.0.0.1:PORT`); stderr is then drained so kcat never blocks on it.
 *
 * kcat runs under a small `sh` guard that kills it when our end of its stdin pipe closes, so
 * it never outlives this process, even after a crash.
 *
 * @throws DemoError (code `KCAT_UNAVAILABLE`) when kcat is not installed or prints no address
 *   within `timeoutMs`.
 */
export async function startMockKafkaCluster(timeoutMs = 10_000): Promise<MockKafkaCluster> {
  const args = [
    '-b',
    'localhost:0',
    '-X',
    'test.mock.num.brokers=1',
    '-d',
    'mock',
    '-C',
    '-t',
    'warmup',
  ];
  const guard =
    'kcat "$@" </dev/null >/dev/null & echo "kcat-pid=$!" >&2; read _; kill -9 $! 2>/dev/null';
  const child: ChildProcess = spawn('sh', ['-c', guard, 'sh', ...args], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let log = '';
  const found = await new Promise<{ brokers: string; pid: number }>((resolve, reject) => {
    let pid: number | undefined;
    let brokers: string | undefined;
    const fail = (reason: string): void => {
      clearTimeout(timer);
      reject(
        new DemoError(
          'KCAT_UNAVAILABLE',
          `Cannot start the kcat mock Kafka cluster: ${reason}. Install kcat (apt-get install -y kcat) or set KAFKA_BROKERS=host:port.`,
        ),
      );
    };
    const timer = setTimeout(
      () => fail(`no bootstrap address printed within ${timeoutMs} ms`),
      timeoutMs,
    );
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      if (brokers !== undefined && pid !== undefined) return; // keep draining
      log += text;
      pid ??= Number(/kcat-pid=(\d+)/.exec(log)?.[1] ?? Number.NaN) || undefined;
      brokers ??= /bootstrap\.servers=([\w.:-]+)/.exec(log)?.[1];
      if (/not found|No such file/.test(log)) fail('kcat is not installed');
      if (brokers !== undefined && pid !== undefined) {
        clearTimeout(timer);
        log = '';
        resolve({ brokers, pid });
      }
    });
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code) =>
      fail(`it exited with code ${code}${log === '' ? '' : `: ${log.trim()}`}`),
    );
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL');
    await exited;
    throw error;
  });
  let stopped = false;
  return {
    brokers: [found.brokers],
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        process.kill(found.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      child.stdin?.end();
      child.kill('SIGKILL');
      await exited;
    },
  };
}
