import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TFNodeError } from '../errors.js';
import { buildTFConfig, type TFNodeType, type TFRunMode } from '../tf-context.js';
import { encodeFrame, FrameDecoder } from './framing.js';
import type { CsvFieldKind, OutputCoding, RowCoding } from './row-coding.js';

/** The Python runtime shipped with the package. */
export const PYTHON_RUNTIME = fileURLToPath(
  new URL('../../python/servable_tf_runtime.py', import.meta.url),
);

/** What every node of a Python run is told (the context's content, minus the node). */
export interface PythonRunSpec {
  /** Python executable or virtualenv directory (null: `python3`). */
  readonly envPath: string | null;
  readonly script: string;
  readonly entryFunc: string;
  readonly mode: TFRunMode;
  readonly hyperParams: Readonly<Record<string, string>>;
  readonly properties: Readonly<Record<string, string>>;
  readonly coding: RowCoding;
  readonly outputCoding: OutputCoding;
  readonly columns: readonly string[];
  readonly columnTypes: readonly CsvFieldKind[];
  readonly outputCols: readonly string[];
  readonly workerNum: number;
  readonly psNum: number;
  readonly attempt: number;
}

/** What one worker reads and where its output frames go. */
export interface WorkerIO {
  /** The frames sent to the worker (already coded rows). */
  readonly input: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** Called for every frame the worker writes, in order. */
  readonly onFrame: (frame: Buffer) => void;
}

/** The Python executable for `envPath`: a virtualenv directory's `bin/python`, or the path. */
export function pythonExecutable(envPath: string | null): string {
  if (envPath === null) return 'python3';
  return envPath.endsWith('/') || !/python[\d.]*$/.test(envPath)
    ? join(envPath, 'bin', 'python')
    : envPath;
}

/** A free TCP port on 127.0.0.1 (a node's address in TF_CONFIG). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  return typeof address === 'object' && address !== null ? address.port : 0;
}

/** A running Python node: its process, how it ended, and its stderr tail. */
export interface NodeHandle {
  /** `<role>:<index>` as the bridge numbers nodes (`worker:0` is the chief). */
  readonly name: string;
  readonly role: 'worker' | 'ps';
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves when the process has closed (or could not start: code and signal null). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last {@link STDERR_TAIL} characters the node wrote to stderr. */
  stderr: string;
  /** Set when the bridge gave up on the node (could not start, undecodable output). */
  failure: Error | undefined;
}

/** How many characters of a node's stderr the bridge keeps. */
export const STDERR_TAIL = 4000;

/**
 * Starts one node of a Python run: `python -u servable_tf_runtime.py` with TF_CONFIG (from
 * `addresses`) and SERVABLE_TF_CONTEXT (from `spec`, plus `extra` context fields).
 */
export function spawnPythonNode(
  spec: PythonRunSpec,
  addresses: { readonly workers: readonly string[]; readonly ps: readonly string[] },
  role: 'worker' | 'ps',
  index: number,
  extra: Readonly<Record<string, unknown>> = {},
): NodeHandle {
  const python = pythonExecutable(spec.envPath);
  const tfConfig = buildTFConfig(addresses, { role, index });
  const context = {
    mode: spec.mode,
    role,
    nodeType: tfConfig.task.type as TFNodeType,
    index: tfConfig.task.index,
    attempt: spec.attempt,
    nodeTypeCounts: { worker: spec.workerNum, ps: spec.psNum },
    properties: { ...spec.properties, ...spec.hyperParams },
    hyperParams: spec.hyperParams,
    script: spec.script,
    entryFunc: spec.entryFunc,
    coding: spec.coding,
    outputCoding: spec.outputCoding,
    columns: spec.columns,
    columnTypes: spec.columnTypes,
    outputCols: spec.outputCols,
    ...extra,
  };
  const child = spawn(python, ['-u', PYTHON_RUNTIME], {
    env: {
      ...process.env,
      TF_CONFIG: JSON.stringify(tfConfig),
      SERVABLE_TF_CONTEXT: JSON.stringify(context),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const name = `${role}:${index}`;
  const handle: NodeHandle = {
    name,
    role,
    child,
    stderr: '',
    failure: undefined,
    exited: new Promise((resolve) => {
      child.once('close', (code, signal) => resolve({ code, signal }));
      child.once('error', (error) => {
        handle.failure ??= new TFNodeError(
          name,
          `could not start ${python}: ${error.message}`,
          null,
          '',
          { cause: error },
        );
        resolve({ code: null, signal: null });
      });
    }),
  };
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    handle.stderr = (handle.stderr + text).slice(-STDERR_TAIL);
  });
  child.stdin.on('error', () => {
    // EPIPE: the script stopped reading (it may take fewer rows than offered); its exit code decides.
  });
  return handle;
}

/**
 * Runs a Python cluster: `workerNum` worker processes and `psNum` ps processes, each with
 * TF_CONFIG (worker 0 = chief) and its context. Worker `i` reads `io(i).input` and its frames
 * go to `io(i).onFrame`; ps nodes get no rows. Writing waits for the pipe to drain (bounded
 * buffers, backpressure) while the outputs are read concurrently, so a slow or chatty script
 * never deadlocks the bridge.
 *
 * The run ends when every worker has exited 0; ps nodes are then stopped (they may loop
 * forever, as in the report's TF1 scripts).
 *
 * @throws TFNodeError naming the first node that failed (exit code, signal, or undecodable
 *   output) with the tail of its stderr; the other nodes are killed.
 */
export async function runPythonCluster(
  spec: PythonRunSpec,
  io: (worker: number) => WorkerIO,
): Promise<void> {
  const ports = await Promise.all(Array.from({ length: spec.workerNum + spec.psNum }, freePort));
  const addresses = {
    workers: ports.slice(0, spec.workerNum).map((p) => `127.0.0.1:${p}`),
    ps: ports.slice(spec.workerNum).map((p) => `127.0.0.1:${p}`),
  };
  const nodes: NodeHandle[] = [];
  const start = (role: 'worker' | 'ps', index: number): NodeHandle =>
    spawnPythonNode(spec, addresses, role, index);

  for (let i = 0; i < spec.workerNum; i++) nodes.push(start('worker', i));
  for (let i = 0; i < spec.psNum; i++) nodes.push(start('ps', i));

  const killAll = () => {
    for (const n of nodes)
      if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGKILL');
  };

  const runWorker = async (node: NodeHandle, index: number): Promise<void> => {
    const { input, onFrame } = io(index);
    const decoder = new FrameDecoder();
    node.child.stdout.on('data', (chunk: Buffer) => {
      if (node.failure !== undefined) return;
      try {
        for (const frame of decoder.push(chunk)) onFrame(frame);
      } catch (error) {
        node.failure = new TFNodeError(
          node.name,
          `wrote output the bridge cannot use: ${(error as Error).message}`,
          null,
          node.stderr,
          { cause: error },
        );
        node.child.kill('SIGKILL');
      }
    });
    const writing = writeAll(node, input);
    const { code, signal } = await node.exited;
    await writing;
    if (node.failure !== undefined) throw withStderr(node.failure, node);
    if (code !== 0) {
      throw new TFNodeError(
        node.name,
        signal !== null ? `was killed by ${signal}` : `exited with code ${code}`,
        code,
        node.stderr,
        undefined,
      );
    }
    try {
      decoder.end(`node ${node.name}`);
    } catch (error) {
      throw new TFNodeError(node.name, (error as Error).message, code, node.stderr);
    }
  };

  const psWatch = nodes
    .filter((n) => n.role === 'ps')
    .map(async (n) => {
      n.child.stdin.end();
      n.child.stdout.resume();
      const { code, signal } = await n.exited;
      if (n.failure !== undefined) throw n.failure;
      if (code !== 0 && signal === null)
        throw new TFNodeError(n.name, `exited with code ${code}`, code, n.stderr);
    });

  const workers = nodes.filter((n) => n.role === 'worker').map((n, i) => runWorker(n, i));
  try {
    // A ps node that exits 0 early is fine; one that fails ends the run.
    await Promise.race([
      Promise.all(workers),
      Promise.all(psWatch).then(() => new Promise<never>(() => {})),
    ]);
  } catch (error) {
    killAll();
    await Promise.allSettled([...workers, ...psWatch]);
    throw error;
  }
  for (const n of nodes) if (n.role === 'ps') n.child.kill('SIGTERM');
  await Promise.allSettled(psWatch);
}

function withStderr(error: Error, node: NodeHandle): Error {
  if (error instanceof TFNodeError && error.stderr === '' && node.stderr !== '') {
    return new TFNodeError(
      node.name,
      error.message.replace(`Node ${node.name} `, ''),
      error.exitCode,
      node.stderr,
      { cause: error.cause },
    );
  }
  return error;
}

async function writeAll(
  node: NodeHandle,
  input: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<void> {
  const stdin = node.child.stdin;
  let closed = false;
  const onClose = () => {
    closed = true;
  };
  node.child.once('close', onClose);
  stdin.once('error', onClose);
  try {
    for await (const frame of input) {
      if (closed || stdin.destroyed) return;
      if (!stdin.write(encodeFrame(frame))) {
        await drained(stdin, node.exited);
      }
    }
  } finally {
    if (!stdin.destroyed) stdin.end();
  }
}

/** Resolves when `stream` drains or closes, or the process exits; leaves no listener behind. */
function drained(stream: NodeJS.WritableStream, exited: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    void exited.then(done);
  });
}
