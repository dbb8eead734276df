/**
 * A Kafka cluster for tests: librdkafka's mock cluster (started through Debian's `kcat`), or a
 * real cluster when `KAFKA_BROKERS` is set.
 *
 * The mock cluster speaks the real Kafka wire protocol (produce, fetch, consumer groups,
 * metadata, list offsets) and auto-creates topics with 4 partitions on first use; it has no
 * CreateTopics support. It lives inside a `kcat` process, so:
 *
 * - `startKafka()` spawns `kcat -b localhost:0 -X test.mock.num.brokers=1 -d mock -C -t <t>`,
 *   reads the mock's `bootstrap.servers=127.0.0.1:PORT` from its stderr and keeps draining
 *   stderr (its debug output would otherwise fill the pipe and block it);
 * - kcat runs under a tiny `sh` guard that kills it as soon as this process goes away (the
 *   guard's stdin is a pipe from us, closed by the OS when we exit or crash), in addition to
 *   `stop()` and the process `exit` hook, so no kcat outlives the tests;
 * - `pause()` / `resume()` send SIGSTOP / SIGCONT to the kcat process: the broker stops
 *   answering (connections hang, requests time out, new connections get no answer) and then
 *   resumes with its log intact, which is how a broker outage looks to a client. (A restarted
 *   kcat would come back on a new random port with an empty log: librdkafka 2.0's mock cluster
 *   cannot be given a fixed port.)
 *
 * Run the same tests against a real Kafka with e.g. `KAFKA_BROKERS=localhost:9092 pnpm test`:
 * `startKafka()` then returns those brokers, `createTopic()` creates topics with the admin API,
 * and tests that need `pause()` are skipped by checking `cluster.canPause`.
 *
 * A copy of `packages/model-updaters/test/support/mock-kafka.ts` (not exported by that package);
 * self-contained (only `kafkajs` and `node:` imports).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Kafka, logLevel } from 'kafkajs';

/** A running test cluster. */
export interface TestKafka {
  /** Bootstrap brokers (`host:port`). */
  readonly brokers: string[];
  /** True when `KAFKA_BROKERS` points at a real cluster (nothing was started). */
  readonly external: boolean;
  /** Whether {@link TestKafka.pause} can simulate an outage (mock cluster only). */
  readonly canPause: boolean;
  /** The pid of the kcat process, when one was started. */
  readonly pid: number | undefined;
  /** Makes the broker unresponsive (SIGSTOP). */
  pause(): void;
  /** Makes it respond again (SIGCONT). */
  resume(): void;
  /** Kills the broker process (no-op for a real cluster). Idempotent. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let hooked = false;

function killAll(): void {
  for (const child of running) {
    const pid = (child as ChildProcess & { kcatPid?: number }).kcatPid;
    try {
      if (pid !== undefined) process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
    child.kill('SIGKILL');
  }
  running.clear();
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', killAll);
}

/**
 * Starts a mock Kafka cluster (or returns the `KAFKA_BROKERS` cluster).
 *
 * @param options.numBrokers brokers in the mock cluster (default 1).
 * @param options.timeoutMs how long to wait for kcat to print its address (default 10 s).
 */
export async function startKafka(
  options: { readonly numBrokers?: number; readonly timeoutMs?: number } = {},
): Promise<TestKafka> {
  const external = process.env.KAFKA_BROKERS;
  if (external !== undefined && external.trim() !== '') {
    return {
      brokers: external.split(',').map((b) => b.trim()),
      external: true,
      canPause: false,
      pid: undefined,
      pause() {
        throw new Error('pause() needs the mock cluster; unset KAFKA_BROKERS.');
      },
      resume() {
        throw new Error('resume() needs the mock cluster; unset KAFKA_BROKERS.');
      },
      async stop() {},
    };
  }
  hookExit();
  const args = [
    '-b',
    'localhost:0',
    '-X',
    `test.mock.num.brokers=${options.numBrokers ?? 1}`,
    '-d',
    'mock',
    '-C',
    '-t',
    '__mock_warmup',
  ];
  // The guard: start kcat in the background, report its pid, and kill it once our end of the
  // stdin pipe closes (we stopped it, exited or crashed).
  const guard =
    'kcat "$@" </dev/null >/dev/null & echo "kcat-pid=$!" >&2; read _; kill -9 $! 2>/dev/null';
  const child = spawn('sh', ['-c', guard, 'sh', ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
  running.add(child);
  const timeoutMs = options.timeoutMs ?? 10_000;
  let log = '';
  const found = await new Promise<{ brokers: string; pid: number }>((resolve, reject) => {
    let pid: number | undefined;
    let brokers: string | undefined;
    const timer = setTimeout(() => {
      reject(new Error(`kcat printed no mock bootstrap address within ${timeoutMs} ms:\n${log}`));
    }, timeoutMs);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (text: string) => {
      if (brokers !== undefined && pid !== undefined) return; // keep draining, ignore
      log += text;
      pid ??= Number(/kcat-pid=(\d+)/.exec(log)?.[1] ?? Number.NaN) || undefined;
      brokers ??= /bootstrap\.servers=([\w.:-]+)/.exec(log)?.[1];
      if (brokers !== undefined && pid !== undefined) {
        clearTimeout(timer);
        log = '';
        resolve({ brokers, pid });
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(
        new Error(`cannot start kcat (is it installed? apt-get install kcat): ${error.message}`),
      );
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kcat exited with code ${code} before printing its address:\n${log}`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    running.delete(child);
    throw error;
  });
  (child as ChildProcess & { kcatPid?: number }).kcatPid = found.pid;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopped = false;
  return {
    brokers: [found.brokers],
    external: false,
    canPause: true,
    pid: found.pid,
    pause() {
      process.kill(found.pid, 'SIGSTOP');
    },
    resume() {
      process.kill(found.pid, 'SIGCONT');
    },
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
      running.delete(child);
      await exited;
    },
  };
}

/**
 * Makes sure `topic` exists with `partitions` partitions. The mock cluster auto-creates topics
 * with 4 partitions on first metadata request (it cannot create them on demand); a real
 * cluster gets a CreateTopics request.
 */
export async function createTopic(
  cluster: TestKafka,
  topic: string,
  partitions = 4,
): Promise<void> {
  const admin = new Kafka({
    clientId: 'test-admin',
    brokers: cluster.brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    if (cluster.external) {
      await admin.createTopics({
        topics: [{ topic, numPartitions: partitions }],
        waitForLeaders: true,
      });
    } else {
      await admin.fetchTopicMetadata({ topics: [topic] });
    }
  } finally {
    await admin.disconnect();
  }
}

/** A topic name unique to this test run. */
export function uniqueTopic(prefix = 'models'): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
