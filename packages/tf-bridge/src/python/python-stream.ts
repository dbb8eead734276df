import type { DataType, Row } from '@servable/dataframe';
import { TFConfigError, TFDataError, TFNodeError } from '../errors.js';
import { parseHyperParams } from '../tf-context.js';
import { outputDataType } from '../tfjs/feature-matrix.js';
import { columnIndexes } from '../training/row-features.js';
import { encodeFrame, FrameDecoder } from './framing.js';
import { coerceOutputValue } from './output-values.js';
import {
  freePort,
  type NodeHandle,
  type PythonRunSpec,
  spawnPythonNode,
} from './python-cluster.js';
import { type PythonStageParams, pythonInferenceConfig } from './python-run.js';
import {
  exhaustedNote,
  RestartBudget,
  type RestartPolicy,
  type RestartPolicyParams,
  restartPolicyOf,
  type TFNodeRestart,
} from './restart-policy.js';
import { type CsvFieldKind, csvFieldKind, decodeOutputRow, encodeRow } from './row-coding.js';

/**
 * An input row of a stream that got no output: the Python node died while it had the row, and
 * the restart policy restarted the node instead of failing the stream. Passed to
 * {@link TransformStreamOptions.onFailedRow} in stream order.
 */
export interface TFFailedRow {
  /** The row's position in the input stream (0-based). */
  readonly row: number;
  /** The input row as the stream gave it. */
  readonly input: Row | readonly unknown[];
  /** The node that had the row (`worker:0`). */
  readonly node: string;
  /**
   * Why: the node's exit code or signal, the script's exception and the stderr tail;
   * `error.row` is {@link TFFailedRow.row}.
   */
  readonly error: TFNodeError;
}

/** Options of `TFModel.transformStream`. */
export interface TransformStreamOptions {
  /**
   * Python backend: receives every input row whose node died with it (see {@link TFFailedRow}),
   * in stream order, before the outputs of later rows are yielded; the stream waits for a
   * returned promise, and fails if the handler throws. Required when `maxRestarts > 0`, so that
   * no row is dropped silently.
   */
  readonly onFailedRow?: (failure: TFFailedRow) => void | Promise<void>;
  /**
   * Python backend: rows each worker process holds at once (default 1). With 1 and
   * `workerNum` 1 every output is yielded before the next input row is pulled (the report's
   * problem 5). Larger values pipeline rows to hide the pipe round trip; the stream then pulls
   * up to `workerNum × inFlightPerWorker` rows ahead of the output it yields next.
   */
  readonly inFlightPerWorker?: number;
  /**
   * Python backend with `coding: 'csv'`: the types of the selected columns (in `selectedCols`
   * order), which tell the runtime how to parse each CSV field. Default: inferred from the
   * first row's values (a null there is an error).
   */
  readonly columnTypes?: readonly DataType[];
}

/** The params a streaming Python inference reads (a TFModel's). */
export type PythonStreamParams = PythonStageParams & RestartPolicyParams;

/** What the runtime reports in its end-of-process control frame. */
interface ControlRecord {
  readonly read: number;
  readonly written: number;
  readonly error: string | null;
  readonly contract: boolean;
}

interface StreamRow {
  readonly seq: number;
  readonly input: Row | readonly unknown[];
  readonly frame: Uint8Array;
}

type StreamResult =
  | { readonly ok: true; readonly values: unknown[] }
  | { readonly ok: false; readonly failure: TFFailedRow };

interface StreamWorker {
  readonly index: number;
  readonly name: string;
  readonly budget: RestartBudget;
  /** `idle`: no process (not started yet, or restart due); `backoff`: waiting to restart. */
  state: 'idle' | 'running' | 'backoff' | 'closing';
  node: NodeHandle | undefined;
  /** Rows written to the current process and not answered yet, oldest first. */
  inflight: StreamRow[];
  /** The last row the current process answered. */
  lastAnswered: number | undefined;
  attempt: number;
  control: ControlRecord | undefined;
  timer: NodeJS.Timeout | undefined;
}

function rowValue(row: Row | readonly unknown[], i: number): unknown {
  return Array.isArray(row) ? row[i] : (row as Row).get(i);
}

function inferCsvKind(value: unknown, column: string): CsvFieldKind | undefined {
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value) || (value !== null && typeof value === 'object' && 'toArray' in value))
    return 'vector';
  if (value === null || value === undefined) return undefined;
  throw new TFDataError(`Column ${column}, row 0: a ${typeof value} value cannot be coded as CSV.`);
}

/**
 * One streaming inference through Python: `workerNum` long-lived worker processes running the
 * inference entry, each holding at most `inFlightPerWorker` rows; outputs are matched to
 * inputs in order and released in stream order.
 */
class PythonInferenceStream {
  readonly results = new Map<number, StreamResult>();
  fatal: Error | undefined;
  private readonly workers: StreamWorker[];
  private readonly waiting: StreamRow[] = [];
  private spec: PythonRunSpec | undefined;
  private addresses: { workers: string[]; ps: string[] } | undefined;
  private closed = false;
  private dirty = false;
  private waiter: (() => void) | undefined;
  private readonly outputTypes: DataType[];

  constructor(
    private readonly base: Omit<PythonRunSpec, 'columnTypes'>,
    private readonly policy: RestartPolicy,
    private readonly perWorker: number,
    private readonly onRestart: ((event: TFNodeRestart) => void) | undefined,
    outputTypes: readonly string[],
  ) {
    this.outputTypes = outputTypes.map(outputDataType);
    this.workers = Array.from({ length: base.workerNum }, (_, index) => ({
      index,
      name: `worker:${index}`,
      budget: new RestartBudget(policy),
      state: 'idle',
      node: undefined,
      inflight: [],
      lastAnswered: undefined,
      attempt: 0,
      control: undefined,
      timer: undefined,
    }));
  }

  /** Rows the stream may hold at once (waiting + in flight + answered but not yielded). */
  get capacity(): number {
    return this.workers.length * this.perWorker;
  }

  /** Fixes the column kinds (from the first row) and reserves the TF_CONFIG addresses. */
  async prepare(columnTypes: readonly CsvFieldKind[]): Promise<void> {
    this.spec = { ...this.base, columnTypes };
    const ports = await Promise.all(this.workers.map(() => freePort()));
    this.addresses = { workers: ports.map((p) => `127.0.0.1:${p}`), ps: [] };
  }

  /** Resolves after the next change (an output, a failure, an input); at once if one is pending. */
  changed(): Promise<void> {
    if (this.dirty) {
      this.dirty = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiter = () => {
        this.dirty = false;
        resolve();
      };
    });
  }

  notify(): void {
    this.dirty = true;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }

  /** Queues a row for the next free worker. */
  dispatch(row: StreamRow): void {
    this.waiting.push(row);
    this.pump();
  }

  private pump(): void {
    while (this.waiting.length > 0 && this.fatal === undefined && !this.closed) {
      let pick: StreamWorker | undefined;
      for (const w of this.workers) {
        if (w.state !== 'idle' && w.state !== 'running') continue;
        if (w.inflight.length >= this.perWorker) continue;
        if (pick === undefined || w.inflight.length < pick.inflight.length) pick = w;
      }
      if (pick === undefined) return;
      if (pick.state === 'idle') this.start(pick);
      const node = pick.node;
      if (node === undefined || this.fatal !== undefined) return;
      const row = this.waiting.shift() as StreamRow;
      pick.inflight.push(row);
      node.child.stdin.write(encodeFrame(row.frame));
    }
  }

  private start(w: StreamWorker): void {
    const spec = this.spec as PythonRunSpec;
    const node = spawnPythonNode(
      { ...spec, attempt: w.attempt },
      this.addresses as { workers: string[]; ps: string[] },
      'worker',
      w.index,
      { streaming: true },
    );
    w.node = node;
    w.state = 'running';
    w.control = undefined;
    w.lastAnswered = undefined;
    const decoder = new FrameDecoder((payload) => {
      try {
        w.control = JSON.parse(payload.toString('utf8')) as ControlRecord;
      } catch {
        // A garbled control frame counts as none: the death is then reported conservatively.
      }
    });
    node.child.stdout.on('data', (chunk: Buffer) => {
      if (w.node !== node || this.fatal !== undefined) return;
      try {
        for (const frame of decoder.push(chunk)) this.onOutput(w, frame);
      } catch (error) {
        const row = w.inflight[0]?.seq;
        this.fail(
          error instanceof TFNodeError
            ? error
            : new TFNodeError(
                w.name,
                `wrote output the bridge cannot use${row === undefined ? '' : ` for stream row ${row}`}: ${(error as Error).message}`,
                null,
                node.stderr,
                { cause: error, ...(row === undefined ? {} : { row }) },
              ),
        );
      }
    });
    void node.exited.then(({ code, signal }) => this.onExit(w, node, code, signal));
  }

  private onOutput(w: StreamWorker, frame: Buffer): void {
    const row = w.inflight[0];
    if (row === undefined) {
      throw new TFNodeError(
        w.name,
        'wrote an output row while it had no input row pending; streaming inference takes exactly one output row per input row.',
        null,
        w.node?.stderr ?? '',
      );
    }
    const values = decodeOutputRow(
      this.base.outputCoding as 'csv' | 'json',
      frame,
      this.base.outputCols,
      w.name,
      row.seq,
    );
    const outputs = this.base.outputCols.map((name, c) =>
      coerceOutputValue(values[c], this.outputTypes[c] as DataType, name, row.seq),
    );
    w.inflight.shift();
    w.lastAnswered = row.seq;
    const input = Array.isArray(row.input)
      ? [...(row.input as readonly unknown[])]
      : [...(row.input as Row).toArray()];
    this.results.set(row.seq, { ok: true, values: [...input, ...outputs] });
    this.notify();
  }

  private onExit(
    w: StreamWorker,
    node: NodeHandle,
    code: number | null,
    signal: NodeJS.Signals | null,
  ): void {
    if (w.node !== node || this.closed || this.fatal !== undefined || w.state === 'closing') return;
    w.node = undefined;
    w.state = 'idle';
    if (node.failure !== undefined) {
      this.fail(node.failure); // could not start: restarting would not help
      return;
    }
    const control = w.control;
    const head = w.inflight[0];
    const how =
      signal !== null
        ? `was killed by ${signal}`
        : code === 0
          ? 'exited with code 0 before the stream ended'
          : `exited with code ${code}`;
    if (control?.contract === true) {
      // The runtime stopped the script for writing 0 or 2 outputs for a row: a script bug.
      const row = control.read > control.written ? head?.seq : w.lastAnswered;
      this.fail(
        new TFNodeError(
          w.name,
          `broke streaming inference's one-output-row-per-input-row contract${row === undefined ? '' : ` at stream row ${row}`}: ${control.error}`,
          code,
          node.stderr,
          row === undefined ? undefined : { row },
        ),
      );
      return;
    }
    // Which row died with the node: the runtime says whether the script was inside a row; a
    // process killed without a word may have been, when a row was pending.
    const processing =
      head !== undefined && (control === undefined || control.read > control.written);
    const what =
      head === undefined
        ? `${how} with no row pending`
        : processing
          ? control === undefined
            ? `${how} while it had stream row ${head.seq} (sent; it may not have been read)`
            : `${how} while processing stream row ${head.seq}${control.error === null ? '' : ` (${control.error})`}`
          : `${how} before reading stream row ${head.seq}`;
    const rowOption = processing && head !== undefined ? { row: head.seq } : undefined;
    const delay = w.budget.next();
    if (delay === undefined) {
      this.fail(
        new TFNodeError(
          w.name,
          `${what}; ${exhaustedNote(this.policy)}.`,
          code,
          node.stderr,
          head === undefined ? undefined : { row: head.seq },
        ),
      );
      return;
    }
    const error = new TFNodeError(w.name, `${what}.`, code, node.stderr, rowOption);
    w.attempt++;
    if (processing && head !== undefined) {
      w.inflight.shift();
      this.results.set(head.seq, {
        ok: false,
        failure: { row: head.seq, input: head.input, node: w.name, error },
      });
    }
    // Rows the process had not read go to the next free worker (this one after its restart).
    this.waiting.push(...w.inflight);
    this.waiting.sort((a, b) => a.seq - b.seq);
    w.inflight = [];
    w.state = 'backoff';
    try {
      this.onRestart?.({ node: w.name, attempt: w.attempt, delayMs: delay, error });
    } catch (listenerError) {
      this.fail(listenerError as Error);
      return;
    }
    w.timer = setTimeout(() => {
      w.timer = undefined;
      if (this.closed || this.fatal !== undefined) return;
      w.state = 'idle';
      this.pump();
      this.notify();
    }, delay);
    this.pump();
    this.notify();
  }

  /** Fails the stream: kills every process; the generator throws `error`. */
  fail(error: Error): void {
    if (this.fatal !== undefined) return;
    this.fatal = error;
    this.killAll();
    this.notify();
  }

  /**
   * Ends the processes after the last output: closes their stdin and waits for them to exit.
   * @throws TFNodeError for a process that exits non-zero (every row was answered by then).
   */
  async finish(): Promise<void> {
    const exits: Promise<void>[] = [];
    for (const w of this.workers) {
      if (w.timer !== undefined) clearTimeout(w.timer);
      w.timer = undefined;
      const node = w.node;
      if (node === undefined) continue;
      w.state = 'closing';
      node.child.stdin.end();
      exits.push(
        node.exited.then(({ code, signal }) => {
          if (node.failure !== undefined) throw node.failure;
          if (code !== 0) {
            throw new TFNodeError(
              w.name,
              signal !== null
                ? `was killed by ${signal} at the end of the stream`
                : `exited with code ${code} at the end of the stream${w.control?.error ? ` (${w.control.error})` : ''}`,
              code,
              node.stderr,
            );
          }
        }),
      );
    }
    const settled = await Promise.allSettled(exits);
    for (const s of settled) if (s.status === 'rejected') throw s.reason;
  }

  /** Stops everything (the consumer left early, or the stream failed). */
  close(): void {
    this.closed = true;
    for (const w of this.workers) {
      if (w.timer !== undefined) clearTimeout(w.timer);
      w.timer = undefined;
    }
    this.killAll();
  }

  private killAll(): void {
    for (const w of this.workers) {
      const child = w.node?.child;
      if (child !== undefined && child.exitCode === null && child.signalCode === null)
        child.kill('SIGKILL');
    }
  }
}

/**
 * Streaming inference with the user's Python script (the inference overrides, else the
 * training config): `workerNum` long-lived processes run the inference entry in `inference`
 * mode with `context.rows()` reading rows as they arrive. Each input row (values in
 * `columnNames` order) is written to a free worker as one frame, and the row with the typed
 * `outputCols` appended is yielded as soon as the script has written its output, in input
 * order. With `workerNum` 1 and `inFlightPerWorker` 1 the next input row is pulled only after
 * the previous output was yielded.
 *
 * Contract: the inference function writes exactly one output row per input row, in order
 * (the runtime enforces it: writing a second row for a row, asking for the next row first, or
 * returning without writing fails the stream with a TFNodeError naming the node and the stream
 * row; no restart).
 *
 * Failures: a process that dies (exception, exit, signal) is restarted after a backoff while
 * the restart policy allows (`maxRestarts` within `restartWindowMs`); the row it was processing
 * goes to `options.onFailedRow` and rows it had not read are sent again. When the policy is
 * exhausted (at once with `maxRestarts` 0) the stream throws a TFNodeError naming the node, its
 * exit code, the stream row and its stderr tail. Rows are released (yielded, or passed to
 * `onFailedRow`) strictly in input order, so when the stream throws, exactly the rows after
 * the last one released got no answer; `error.row` names the one the failing node had.
 *
 * @throws TFConfigError when `outputCoding` is `none`, there is no script, or `maxRestarts > 0`
 *   without `options.onFailedRow`; TFDataError for a missing input column or a row that cannot
 *   be coded.
 */
export async function* runPythonInferenceStream(
  p: PythonStreamParams,
  rows: AsyncIterable<Row | readonly unknown[]>,
  columnNames: readonly string[],
  options: TransformStreamOptions = {},
  onRestart?: (event: TFNodeRestart) => void,
): AsyncGenerator<unknown[]> {
  const { script, outputCoding, outputCols, outputTypes } = pythonInferenceConfig(p);
  const policy = restartPolicyOf(p);
  const onFailedRow = options.onFailedRow;
  if (policy.maxRestarts > 0 && onFailedRow === undefined)
    throw new TFConfigError(
      'maxRestarts',
      `${policy.maxRestarts} restarts on a stream need options.onFailedRow: a row a Python node dies with would otherwise be lost silently.`,
    );
  const perWorker = options.inFlightPerWorker ?? 1;
  if (!Number.isInteger(perWorker) || perWorker < 1)
    throw new TFConfigError('inFlightPerWorker', `expected an integer >= 1, found ${perWorker}.`);
  const selected = p.getSelectedCols();
  const indexes = columnIndexes(columnNames, selected);
  const coding = p.getCoding();
  if (options.columnTypes !== undefined && options.columnTypes.length !== selected.length)
    throw new TFConfigError(
      'columnTypes',
      `${options.columnTypes.length} types for ${selected.length} selected columns.`,
    );

  const stream = new PythonInferenceStream(
    {
      envPath: p.getEnvPath(),
      script,
      entryFunc: p.getInferenceEntryFunc() ?? p.getEntryFunc(),
      mode: 'inference',
      hyperParams: parseHyperParams(p.getInferenceHyperParams() ?? p.getHyperParams()),
      properties: {},
      coding,
      outputCoding,
      columns: selected,
      outputCols,
      workerNum: p.getWorkerNum(),
      psNum: 0,
      attempt: 0,
    },
    policy,
    perWorker,
    onRestart,
    outputTypes,
  );
  const iterator = rows[Symbol.asyncIterator]();
  let pulled = 0; // rows taken from the input
  let next = 0; // the next row to release
  let inputDone = false;
  let pulling = false;
  let inputError: { error: unknown } | undefined;
  let prepared = false;

  const take = async (input: Row | readonly unknown[]): Promise<void> => {
    const seq = pulled;
    const values = indexes.map((i) => rowValue(input, i));
    if (!prepared) {
      const kinds = selected.map((name, k) => {
        const type = options.columnTypes?.[k];
        if (type !== undefined) return csvFieldKind(type);
        const kind = inferCsvKind(values[k], name);
        if (kind !== undefined) return kind;
        if (coding !== 'csv') return 'string' as const;
        throw new TFDataError(
          `Column ${name}, row 0: null; with coding 'csv' a stream column's type is inferred from its first row: pass options.columnTypes.`,
        );
      });
      await stream.prepare(kinds);
      prepared = true;
    }
    const frame = encodeRow(coding, selected, values);
    pulled++;
    stream.dispatch({ seq, input, frame });
  };

  try {
    for (;;) {
      // Release the answered rows in input order (also after a failure: up to the first gap).
      for (let r = stream.results.get(next); r !== undefined; r = stream.results.get(next)) {
        stream.results.delete(next);
        next++;
        if (r.ok) yield r.values;
        else await onFailedRow?.(r.failure);
      }
      if (stream.fatal !== undefined) throw stream.fatal;
      if (inputError !== undefined) throw inputError.error;
      if (inputDone && next === pulled) break;
      if (!inputDone && !pulling && pulled - next < stream.capacity) {
        pulling = true;
        iterator.next().then(
          async (result) => {
            try {
              if (result.done) inputDone = true;
              else await take(result.value);
            } catch (error) {
              inputError = { error };
            }
            pulling = false;
            stream.notify();
          },
          (error: unknown) => {
            inputError = { error };
            pulling = false;
            stream.notify();
          },
        );
      }
      await stream.changed();
    }
    await stream.finish();
  } finally {
    stream.close();
    if (!inputDone) void Promise.resolve(iterator.return?.()).catch(() => {});
  }
}
