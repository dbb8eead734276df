import { type ChildProcess, spawn } from 'node:child_process';
import { Kafka, logLevel } from 'kafkajs';
import { MockKafkaError } from './mock-kafka-error.js';

/**
 * A running Kafka cluster for tests, demos and local runs: librdkafka's mock cluster inside a
 * `kcat` process started by {@link startKafka}, or the real cluster it was pointed at.
 */
export interface TestKafka {
  /** Bootstrap brokers (`host:port`). */
  readonly brokers: string[];
  /** True when the brokers are a real cluster (`KAFKA_BROKERS` or `options.brokers`); nothing was started. */
  readonly external: boolean;
  /** Whether {@link TestKafka.pause} can simulate an outage (mock cluster only). */
  readonly canPause: boolean;
  /** The pid of the kcat process, when one was started. */
  readonly pid: number | undefined;
  /**
   * Makes the broker unresponsive (SIGSTOP to kcat): connections hang, requests time out, which
   * is how a dead or partitioned broker looks to a client.
   *
   * @throws MockKafkaError (code `MOCK_KAFKA_CANNOT_PAUSE`) for an external cluster.
   */
  pause(): void;
  /**
   * Makes it respond again (SIGCONT), same address, log intact.
   *
   * @throws MockKafkaError (code `MOCK_KAFKA_CANNOT_PAUSE`) for an external cluster.
   */
  resume(): void;
  /** Kills the kcat process and waits until it is gone (no-op for an external cluster). Idempotent. */
  stop(): Promise<void>;
}

/** Options of {@link startKafka}. */
export interface StartKafkaOptions {
  /**
   * Use this real cluster instead of starting a mock one. Default: the comma-separated
   * `KAFKA_BROKERS` environment variable when it is set and not blank. An empty list starts a
   * mock cluster even when `KAFKA_BROKERS` is set.
   */
  readonly brokers?: readonly string[];
  /** Brokers in the mock cluster. Default 1. */
  readonly numBrokers?: number;
  /** How long to wait for kcat to print the mock's bootstrap address (ms). Default 10000. */
  readonly timeoutMs?: number;
}

interface KcatChild {
  readonly guard: ChildProcess;
  kcatPid: number | undefined;
}

/** Every kcat started by this process and not stopped yet (killed on exit). */
const running = new Set<KcatChild>();
let hooked = false;

function killAll(): void {
  for (const child of running) {
    try {
      if (child.kcatPid !== undefined) process.kill(child.kcatPid, 'SIGKILL');
    } catch {
      // already gone
    }
    child.guard.kill('SIGKILL');
  }
  running.clear();
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', killAll);
}

/**
 * Starts librdkafka's mock Kafka cluster through Debian's `kcat` (`apt-get install kcat`), or
 * returns a real cluster when one is configured ({@link StartKafkaOptions.brokers}, else
 * `KAFKA_BROKERS`).
 *
 * The mock cluster speaks the real Kafka wire protocol (produce, fetch, consumer groups,
 * metadata, list offsets) and auto-creates topics with 4 partitions on first use; it has no
 * CreateTopics support (use {@link createTopic}). It lives inside a `kcat` process:
 *
 * - kcat is spawned as `kcat -b localhost:0 -X test.mock.num.brokers=N -d mock -C -t <t>`; the
 *   mock's `bootstrap.servers=127.0.0.1:PORT` is read from its stderr, which is then drained
 *   (its debug output would otherwise fill the pipe and block kcat);
 * - kcat runs under a tiny `sh` guard that kills it as soon as this process goes away (the
 *   guard's stdin is a pipe from us, closed by the OS when we exit or crash), in addition to
 *   {@link TestKafka.stop} and a process `exit` hook, so no kcat outlives its user;
 * - a stopped kcat cannot be restarted on the same port (librdkafka's mock cluster picks a
 *   random one): to simulate an outage use {@link TestKafka.pause} / {@link TestKafka.resume}.
 *
 * Uses only `kafkajs` and `node:` modules (no test framework), so programs can use it at run
 * time, e.g. to run a demo without a Kafka installation.
 *
 * @throws MockKafkaError (code `MOCK_KAFKA_UNAVAILABLE`) when kcat is not installed, exits, or
 *   prints no address within `timeoutMs`.
 *
 * @example
 * ```ts
 * import { startKafka } from '@servable/model-updaters/testing';
 *
 * const kafka = await startKafka(); // KAFKA_BROKERS, or a fresh mock cluster
 * try {
 *   const updater = new KafkaModelUpdater(servable, { brokers: kafka.brokers, topic: 'models' });
 *   // ...
 * } finally {
 *   await kafka.stop();
 * }
 * ```
 */
export async function startKafka(options: StartKafkaOptions = {}): Promise<TestKafka> {
  const external = options.brokers ?? parseBrokers(process.env.KAFKA_BROKERS);
  if (external !== undefined && external.length > 0) return externalCluster([...external]);
  const numBrokers = options.numBrokers ?? 1;
  if (!Number.isInteger(numBrokers) || numBrokers < 1) {
    throw new MockKafkaError(
      'MOCK_KAFKA_CONFIG',
      `Invalid option numBrokers: expected an integer >= 1, found ${numBrokers}.`,
    );
  }
  await probeKcat();
  hookExit();
  const args = [
    '-b',
    'localhost:0',
    '-X',
    `test.mock.num.brokers=${numBrokers}`,
    '-d',
    'mock',
    '-C',
    '-t',
    '__mock_warmup',
  ];
  // The guard: start kcat in the background, report its pid, and kill it once our end of the
  // stdin pipe closes (we stopped it, exited or crashed); it waits for kcat to be gone, so the
  // guard's exit means kcat has exited (and was reaped).
  const guard =
    'kcat "$@" </dev/null >/dev/null & echo "kcat-pid=$!" >&2; read _; kill -9 $! 2>/dev/null; wait $!';
  const child: KcatChild = {
    guard: spawn('sh', ['-c', guard, 'sh', ...args], { stdio: ['pipe', 'ignore', 'pipe'] }),
    kcatPid: undefined,
  };
  running.add(child);
  const exited = new Promise<void>((resolve) => child.guard.once('exit', () => resolve()));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const found = await readAddress(child.guard, timeoutMs).catch((error: unknown) => {
    killChild(child);
    throw error;
  });
  child.kcatPid = found.pid;
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
      // Closing the guard's stdin makes it kill kcat and wait for it; SIGKILL both only if the
      // guard does not exit promptly.
      child.guard.stdin?.end();
      const timer = setTimeout(() => killChild(child), 2000);
      await exited;
      clearTimeout(timer);
      running.delete(child);
    },
  };
}

function parseBrokers(text: string | undefined): string[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  return text
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
}

function externalCluster(brokers: string[]): TestKafka {
  const cannotPause = (): never => {
    throw new MockKafkaError(
      'MOCK_KAFKA_CANNOT_PAUSE',
      `Cannot pause or resume the external Kafka cluster ${brokers.join(',')}: only a mock ` +
        'cluster started by startKafka() can be paused (unset KAFKA_BROKERS).',
    );
  };
  return {
    brokers,
    external: true,
    canPause: false,
    pid: undefined,
    pause: cannotPause,
    resume: cannotPause,
    async stop() {},
  };
}

/** Fails fast, with a clear message, when `kcat` is not on the PATH (`kcat -V`). */
function probeKcat(): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = spawn('kcat', ['-V'], { stdio: 'ignore' });
    probe.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'ENOENT' ? 'kcat is not installed (not found on the PATH)' : error.message;
      reject(
        new MockKafkaError(
          'MOCK_KAFKA_UNAVAILABLE',
          `Cannot start the kcat mock Kafka cluster: ${reason}. Install kcat (apt-get install ` +
            'kcat) or set KAFKA_BROKERS=host:port.',
          error,
        ),
      );
    });
    probe.once('exit', () => resolve());
  });
}

/** Reads `kcat-pid=` (from the guard) and the mock's `bootstrap.servers=` from stderr. */
function readAddress(
  guard: ChildProcess,
  timeoutMs: number,
): Promise<{ brokers: string; pid: number }> {
  let log = '';
  return new Promise((resolve, reject) => {
    let pid: number | undefined;
    let brokers: string | undefined;
    let settled = false;
    const fail = (reason: string, cause?: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(
        new MockKafkaError(
          'MOCK_KAFKA_UNAVAILABLE',
          `Cannot start the kcat mock Kafka cluster: ${reason}. Install kcat (apt-get install ` +
            `kcat) or set KAFKA_BROKERS=host:port.${log === '' ? '' : `\nkcat output:\n${log}`}`,
          cause,
        ),
      );
    };
    const timer = setTimeout(
      () => fail(`kcat printed no mock bootstrap address within ${timeoutMs} ms`),
      timeoutMs,
    );
    guard.stderr?.setEncoding('utf8');
    guard.stderr?.on('data', (text: string) => {
      if (settled) return; // keep draining, ignore
      log += text;
      pid ??= Number(/kcat-pid=(\d+)/.exec(log)?.[1] ?? Number.NaN) || undefined;
      brokers ??= /bootstrap\.servers=([\w.:-]+)/.exec(log)?.[1];
      if (brokers !== undefined && pid !== undefined) {
        settled = true;
        clearTimeout(timer);
        log = '';
        resolve({ brokers, pid });
      }
    });
    guard.once('error', (error) => fail(`cannot run sh/kcat (${error.message})`, error));
    guard.once('exit', (code, signal) =>
      fail(`kcat exited (${signal ?? `code ${code}`}) before printing its address`),
    );
  });
}

function killChild(child: KcatChild): void {
  try {
    if (child.kcatPid !== undefined) process.kill(child.kcatPid, 'SIGKILL');
  } catch {
    // already gone
  }
  child.guard.stdin?.end();
  child.guard.kill('SIGKILL');
  running.delete(child);
}

/**
 * Makes sure `topic` exists with `partitions` partitions. The mock cluster auto-creates topics
 * with 4 partitions on their first metadata request (it cannot create them on demand, so
 * `partitions` is ignored there); an external cluster gets a CreateTopics request (an existing
 * topic is left as it is).
 */
export async function createTopic(
  cluster: TestKafka,
  topic: string,
  partitions = 4,
): Promise<void> {
  const admin = new Kafka({
    clientId: 'servable-test-admin',
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

/** A topic name unique to this process and call: `<prefix>-<pid>-<time>-<random>`. */
export function uniqueTopic(prefix = 'models'): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
