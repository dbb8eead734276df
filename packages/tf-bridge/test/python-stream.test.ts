import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BasicType, DataFrame, DataTypes, Row } from '@servable/dataframe';
import { Vectors } from '@servable/linalg';
import {
  RestartBudget,
  TFConfigError,
  TFEstimator,
  type TFFailedRow,
  TFModel,
  TFNodeError,
  type TFNodeRestart,
} from '@servable/tf-bridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCRIPTS } from './support.js';

const script = join(SCRIPTS, 'stream.py');

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tf-python-stream-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A python-backed model running `entry` of stream.py on column x; outputs [y, info]. */
const model = (entry: string) =>
  new TFModel()
    .setBackend('python')
    .setScript(script)
    .setInferenceEntryFunc(entry)
    .setSelectedCols(['x'])
    .setOutputCols(['y', 'info'])
    .setOutputTypes(['DOUBLE', 'LONG']);

async function* numbered(n: number): AsyncGenerator<unknown[]> {
  for (let i = 0; i < n; i++) yield [i, `row ${i}`];
}

/** Rejects instead of hanging: a stream that holds outputs back fails the test. */
function within<T>(promise: Promise<T>, what: string, ms = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Drains a stream; on failure, returns what was yielded before and the error. */
async function drain(
  stream: AsyncIterable<unknown[]>,
): Promise<{ outputs: unknown[][]; error: unknown }> {
  const outputs: unknown[][] = [];
  try {
    for await (const out of stream) outputs.push(out);
    return { outputs, error: undefined };
  } catch (error) {
    return { outputs, error };
  }
}

describe('streaming inference through Python', () => {
  it('problem 5: yields each output before the next input row exists (one process)', async () => {
    let release: () => void = () => {};
    let produced = 0;
    async function* input(): AsyncGenerator<unknown[]> {
      for (let i = 0; i < 4; i++) {
        // The next row is only produced once the output of this one has been seen: a stream
        // holding outputs back until the next row (or EOF) would wait forever.
        const seen = new Promise<void>((r) => {
          release = r;
        });
        produced++;
        yield [i, `row ${i}`];
        await seen;
      }
    }
    const consume = async () => {
      const outputs: unknown[][] = [];
      for await (const out of model('echo').transformStream(input(), ['x', 'name'])) {
        outputs.push(out);
        expect(produced).toBe(outputs.length);
        release();
      }
      return outputs;
    };
    const outputs = await within(consume(), 'an output held back until the next input row');
    expect(outputs).toEqual([
      [0, 'row 0', 0, 0],
      [1, 'row 1', 2, 0],
      [2, 'row 2', 4, 0],
      [3, 'row 3', 6, 0],
    ]);
  });

  it('keeps input order over 2 workers with several rows in flight each; Row inputs; csv vectors', async () => {
    const m = model('echo_node').setWorkerNum(2).setOutputTypes(['DOUBLE', 'STRING']);
    const { outputs, error } = await within(
      drain(m.transformStream(numbered(300), ['x', 'name'], { inFlightPerWorker: 3 })),
      '300 rows over 2 workers',
    );
    expect(error).toBeUndefined();
    expect(outputs.map((o) => o[0])).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(outputs.every((o) => o[2] === 2 * (o[0] as number))).toBe(true);
    expect(new Set(outputs.map((o) => o[3]))).toEqual(new Set(['chief:0', 'worker:0']));

    async function* vectorRows(): AsyncGenerator<Row> {
      yield new Row([Vectors.dense(1.5, 7)]);
      yield new Row([Vectors.dense(-2, 0)]);
    }
    const csv = model('echo').setCoding('csv').setOutputCoding('csv');
    const fromCsv = await within(drain(csv.transformStream(vectorRows(), ['x'])), 'csv stream');
    expect(fromCsv.error).toBeUndefined();
    expect(fromCsv.outputs.map((o) => o[1])).toEqual([3, -4]);
  });

  it('gives the same outputs as batch transform', async () => {
    const n = 50;
    const df = DataFrame.fromColumns(
      ['x', 'name'],
      [DataTypes.DOUBLE, DataTypes.STRING],
      [Float64Array.from({ length: n }, (_, i) => i), Array.from({ length: n }, (_, i) => `${i}`)],
    );
    const batch = await model('echo').transform(df);
    const { outputs } = await drain(model('echo').transformStream(numbered(n), ['x', 'name']));
    expect(outputs.map((o) => o[2])).toEqual(Array.from(batch.getDoubles('y')));
  });

  it('a script writing 0 outputs for a row fails the stream naming the node and the row', async () => {
    const { outputs, error } = await within(
      drain(model('skip_three').transformStream(numbered(6), ['x', 'name'])),
      'contract violation (0 outputs)',
    );
    expect(outputs.map((o) => o[0])).toEqual([0, 1, 2]);
    expect(error).toBeInstanceOf(TFNodeError);
    expect((error as TFNodeError).node).toBe('worker:0');
    expect((error as TFNodeError).row).toBe(3);
    expect((error as TFNodeError).message).toMatch(
      /^Node worker:0 broke streaming inference's one-output-row-per-input-row contract at stream row 3: RowContractError: .*asked for the next row before writing/,
    );
  });

  it('a script writing 2 outputs for a row fails the stream naming the row (no restart)', async () => {
    const restarts: TFNodeRestart[] = [];
    const failed: TFFailedRow[] = [];
    const { outputs, error } = await within(
      drain(
        model('twice_three')
          .setMaxRestarts(3)
          .onRestart((e) => restarts.push(e))
          .transformStream(numbered(6), ['x', 'name'], { onFailedRow: (f) => void failed.push(f) }),
      ),
      'contract violation (2 outputs)',
    );
    expect(outputs.map((o) => o[0])).toEqual([0, 1, 2, 3]);
    expect((error as TFNodeError).row).toBe(3);
    expect((error as TFNodeError).message).toMatch(/at stream row 3: .*second output row/);
    expect(restarts).toEqual([]);
    expect(failed).toEqual([]);
  });

  it('restarts a node that raised, reports the row it had, re-sends the rows it had not read', async () => {
    const failed: TFFailedRow[] = [];
    const restarts: TFNodeRestart[] = [];
    const m = model('raise_on_poison')
      .setInferenceHyperParams(['poison=5,12'])
      .setMaxRestarts(2)
      .setRestartBackoffMs(10)
      .onRestart((e) => restarts.push(e));
    const { outputs, error } = await within(
      drain(
        m.transformStream(numbered(20), ['x', 'name'], {
          inFlightPerWorker: 4,
          onFailedRow: async (f) => {
            await new Promise((r) => setTimeout(r, 5)); // the stream waits for the handler
            failed.push(f);
          },
        }),
      ),
      'stream with two poison rows',
    );
    expect(error).toBeUndefined();
    const expected = Array.from({ length: 20 }, (_, i) => i).filter((i) => i !== 5 && i !== 12);
    expect(outputs.map((o) => o[0])).toEqual(expected);
    expect(outputs.map((o) => o[2])).toEqual(expected.map((i) => 2 * i));
    // The attempt index tells which process answered: 0 before row 5, 1 until row 12, 2 after.
    expect(outputs.map((o) => o[3])).toEqual(expected.map((i) => (i < 5 ? 0 : i < 12 ? 1 : 2)));
    expect(failed.map((f) => [f.row, f.input, f.node])).toEqual([
      [5, [5, 'row 5'], 'worker:0'],
      [12, [12, 'row 12'], 'worker:0'],
    ]);
    expect(failed[0]?.error).toBeInstanceOf(TFNodeError);
    expect(failed[0]?.error.exitCode).toBe(1);
    expect(failed[0]?.error.row).toBe(5);
    expect(failed[0]?.error.message).toMatch(
      /^Node worker:0 exited with code 1 while processing stream row 5 \(ValueError: cannot score poison row x=5\)/,
    );
    expect(failed[0]?.error.stderr).toMatch(/Traceback/);
    expect(restarts.map((r) => [r.node, r.attempt, r.delayMs])).toEqual([
      ['worker:0', 1, 10],
      ['worker:0', 2, 20],
    ]);
  });

  it('with 2 workers, restarts only the failed one and keeps every other row in order', async () => {
    const failed: TFFailedRow[] = [];
    const restarts: TFNodeRestart[] = [];
    const m = model('raise_on_poison')
      .setWorkerNum(2)
      .setInferenceHyperParams(['poison=7'])
      .setMaxRestarts(1)
      .setRestartBackoffMs(0)
      .onRestart((e) => restarts.push(e));
    const { outputs, error } = await within(
      drain(
        m.transformStream(numbered(60), ['x', 'name'], {
          inFlightPerWorker: 2,
          onFailedRow: (f) => void failed.push(f),
        }),
      ),
      '2 workers, one poison row',
    );
    expect(error).toBeUndefined();
    const expected = Array.from({ length: 60 }, (_, i) => i).filter((i) => i !== 7);
    expect(outputs.map((o) => o[0])).toEqual(expected);
    expect(outputs.map((o) => o[2])).toEqual(expected.map((i) => 2 * i));
    expect(failed.map((f) => f.row)).toEqual([7]);
    expect(restarts).toHaveLength(1);
    expect(restarts[0]?.node).toBe(failed[0]?.node);
  });

  it('reports the row a node killed without a word had, and continues', async () => {
    const failed: TFFailedRow[] = [];
    const m = model('kill_on_poison')
      .setInferenceHyperParams(['poison=2'])
      .setMaxRestarts(1)
      .setRestartBackoffMs(0);
    const { outputs, error } = await within(
      drain(
        m.transformStream(numbered(5), ['x', 'name'], {
          onFailedRow: (f) => void failed.push(f),
        }),
      ),
      'stream with a SIGKILL',
    );
    expect(error).toBeUndefined();
    expect(outputs.map((o) => o[0])).toEqual([0, 1, 3, 4]);
    expect(failed.map((f) => f.row)).toEqual([2]);
    expect(failed[0]?.error.message).toMatch(/was killed by SIGKILL while it had stream row 2/);
  });

  it('a node leaving early (exit 0) is restarted and no row is lost', async () => {
    const failed: TFFailedRow[] = [];
    const m = model('exit_after_two').setMaxRestarts(5).setRestartBackoffMs(0);
    const { outputs, error } = await within(
      drain(
        m.transformStream(numbered(7), ['x', 'name'], {
          inFlightPerWorker: 2,
          onFailedRow: (f) => void failed.push(f),
        }),
      ),
      'a script answering two rows per process',
    );
    expect(error).toBeUndefined();
    expect(outputs.map((o) => [o[0], o[3]])).toEqual([
      [0, 0],
      [1, 0],
      [2, 1],
      [3, 1],
      [4, 2],
      [5, 2],
      [6, 3],
    ]);
    expect(failed).toEqual([]);
  });

  it('fails the stream once the restarts within the window are used up', async () => {
    const failed: TFFailedRow[] = [];
    const m = model('raise_on_poison')
      .setInferenceHyperParams(['poison=2,4'])
      .setMaxRestarts(1)
      .setRestartBackoffMs(0)
      .setRestartWindowMs(0);
    const { outputs, error } = await within(
      drain(
        m.transformStream(numbered(8), ['x', 'name'], {
          onFailedRow: (f) => void failed.push(f),
        }),
      ),
      'exhausted restarts',
    );
    expect(outputs.map((o) => o[0])).toEqual([0, 1, 3]);
    expect(failed.map((f) => f.row)).toEqual([2]);
    expect(error).toBeInstanceOf(TFNodeError);
    const e = error as TFNodeError;
    expect(e.node).toBe('worker:0');
    expect(e.exitCode).toBe(1);
    expect(e.row).toBe(4);
    expect(e.stderr).toMatch(/ValueError: cannot score poison row x=4/);
    expect(e.message).toMatch(
      /^Node worker:0 exited with code 1 while processing stream row 4 \(ValueError: .*\); not restarted again: 1 restart in this run already \(maxRestarts 1\)\.$/,
    );
  });

  it('fails fast by default, naming the node, exit code, row and stderr', async () => {
    const { outputs, error } = await within(
      drain(
        model('raise_on_poison')
          .setInferenceHyperParams(['poison=1'])
          .transformStream(numbered(4), ['x', 'name']),
      ),
      'fail fast',
    );
    expect(outputs.map((o) => o[0])).toEqual([0]);
    expect((error as TFNodeError).row).toBe(1);
    expect((error as TFNodeError).exitCode).toBe(1);
    expect((error as TFNodeError).message).toMatch(
      /^Node worker:0 exited with code 1 while processing stream row 1 .*; not restarted \(maxRestarts 0\)\.$/,
    );
  });

  it('needs onFailedRow when restarts are allowed', async () => {
    const stream = model('echo').setMaxRestarts(1).transformStream(numbered(2), ['x', 'name']);
    await expect(drain(stream).then((d) => d.error)).resolves.toBeInstanceOf(TFConfigError);
  });

  it('fails (without restarts) when Python cannot start', async () => {
    const m = model('echo')
      .setEnvPath('/nonexistent/python3')
      .setMaxRestarts(5)
      .setRestartBackoffMs(0);
    const { error } = await within(
      drain(m.transformStream(numbered(3), ['x', 'name'], { onFailedRow: () => {} })),
      'a missing python',
    );
    expect(error).toBeInstanceOf(TFNodeError);
    expect((error as TFNodeError).message).toMatch(
      /^Node worker:0 could not start \/nonexistent\/python3/,
    );
  });

  it('stops its processes when the consumer leaves early', async () => {
    const m = model('echo_pid');
    const pids: number[] = [];
    for await (const out of m.transformStream(numbered(1000), ['x', 'name'])) {
      pids.push(out[3] as number);
      if (pids.length === 3) break;
    }
    const pid = pids[0] as number;
    expect(new Set(pids)).toEqual(new Set([pid]));
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await within(
      (async () => {
        while (alive()) await new Promise((r) => setTimeout(r, 20));
      })(),
      'the python process to end',
    );
    expect(alive()).toBe(false);
  });
});

describe('restart budget', () => {
  it('allows maxRestarts in a sliding window, doubling the backoff up to 30 s', () => {
    let now = 0;
    const budget = new RestartBudget({ maxRestarts: 2, backoffMs: 100, windowMs: 1000 }, () => now);
    expect(budget.next()).toBe(100);
    now = 500;
    expect(budget.next()).toBe(200);
    now = 900;
    expect(budget.next()).toBeUndefined(); // a third failure within 1 s
    now = 1001; // the first restart left the window
    expect(budget.next()).toBe(200);
    expect(budget.used).toBe(2);
    const forever = new RestartBudget({ maxRestarts: 20, backoffMs: 1000, windowMs: 0 }, () => 0);
    const delays = Array.from({ length: 20 }, () => forever.next());
    expect(delays.slice(0, 6)).toEqual([1000, 2000, 4000, 8000, 16000, 30000]);
    expect(forever.next()).toBeUndefined();
    expect(new RestartBudget({ maxRestarts: 0, backoffMs: 1, windowMs: 0 }).next()).toBeUndefined();
  });
});

describe('restart policy in batch runs', () => {
  const df = DataFrame.fromColumns(
    ['x'],
    [DataTypes.VECTOR(BasicType.DOUBLE)],
    [[Vectors.dense(1), Vectors.dense(2), Vectors.dense(3)]],
  );
  const flaky = (out: string) =>
    new TFEstimator()
      .setBackend('python')
      .setScript(script)
      .setEntryFunc('train_flaky')
      .setSelectedCols(['x'])
      .setOutputCoding('none')
      .setHyperParams([`out=${out}`]);

  it('training fails fast without a policy', async () => {
    const out = join(work, 'fail-fast');
    await mkdir(out);
    const error = await flaky(out)
      .fit(df)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TFNodeError);
    expect((error as TFNodeError).message).toMatch(/^Node worker:0 exited with code 1/);
    expect((error as TFNodeError).stderr).toMatch(/RuntimeError: lost the connection to the ps/);
  });

  it('training restarts the whole cluster as the next attempt, from the first row', async () => {
    const out = join(work, 'restarted');
    const checkpoints = join(work, 'checkpoints');
    await mkdir(out);
    const restarts: TFNodeRestart[] = [];
    const fitted = await flaky(out)
      .setWorkerNum(2)
      .setMaxRestarts(1)
      .setRestartBackoffMs(5)
      .setCheckpointDir(checkpoints)
      .onRestart((e) => restarts.push(e))
      .fit(df);
    expect(fitted.getMaxRestarts()).toBe(1);
    expect(restarts.map((r) => [r.attempt, r.delayMs])).toEqual([[1, 5]]);
    expect(restarts[0]?.error.stderr).toMatch(/lost the connection/);
    // Every node ran again as attempt 1 on all its rows (the chief has rows 0 and 2).
    const chief = JSON.parse(await readFile(join(out, 'attempt-1-chief.json'), 'utf8'));
    const worker = JSON.parse(await readFile(join(out, 'attempt-1-worker.json'), 'utf8'));
    expect(chief).toEqual({ attempt: 1, rows: 2, checkpointDir: checkpoints });
    expect(worker).toEqual({ attempt: 1, rows: 1, checkpointDir: checkpoints });
  });

  it('training fails with the last failure once the restarts are used up', async () => {
    const restarts: TFNodeRestart[] = [];
    const error = await flaky(work)
      .setEntryFunc('raise_on_poison')
      .setOutputCoding('json') // it writes rows (training ignores them)
      .setHyperParams(['poison=2'])
      .setMaxRestarts(1)
      .setRestartBackoffMs(0)
      .onRestart((e) => restarts.push(e))
      .fit(df)
      .catch((e: unknown) => e);
    expect(restarts).toHaveLength(1);
    expect(error).toBeInstanceOf(TFNodeError);
    expect((error as TFNodeError).exitCode).toBe(1);
    expect((error as TFNodeError).stderr).toMatch(/ValueError: cannot score poison row x=2/);
    expect((error as TFNodeError).message).toBe(
      'Node worker:0 exited with code 1 (attempt 1); the cluster was not restarted again: 1 restart within 60000 ms already (maxRestarts 1).',
    );
  });

  it("batch inference starts over after a failure, dropping the failed attempt's outputs", async () => {
    const restarts: TFNodeRestart[] = [];
    const df5 = DataFrame.fromColumns(
      ['x'],
      [DataTypes.DOUBLE],
      [Float64Array.from([0, 1, 2, 3, 4])],
    );
    const m = model('flaky_infer').setMaxRestarts(1).setRestartBackoffMs(0);
    const out = await m.onRestart((e) => restarts.push(e)).transform(df5);
    expect(Array.from(out.getDoubles('y'))).toEqual([0, 2, 4, 6, 8]);
    expect(out.getValues('info')).toEqual([1, 1, 1, 1, 1]);
    expect(restarts.map((r) => [r.node, r.attempt])).toEqual([['worker:0', 1]]);
    const failed = await model('flaky_infer')
      .transform(df5)
      .catch((e: unknown) => e);
    expect((failed as TFNodeError).stderr).toMatch(/RuntimeError: worker lost its GPU/);
  });
});
