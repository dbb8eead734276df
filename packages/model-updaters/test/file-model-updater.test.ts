import { mkdtemp, open, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DenseVector } from '@servable/linalg';
import {
  FileModelUpdater,
  type ModelRejectedEvent,
  type ModelStaleEvent,
  type ModelUpdatedEvent,
  publishModelDataDirectory,
  writeModelDataFileAtomically,
} from '@servable/model-updaters';
import { PipelineModelServable } from '@servable/servable-api';
import {
  STANDARD_SCALER_MODEL_DATA_FORMAT,
  StandardScalerModelServable,
} from '@servable/servable-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lrModelData, lrServable, servedVersion } from './support/lr-models.js';
import { sleep, waitFor } from './support/wait.js';

let dir: string;
const updaters: FileModelUpdater[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-updater-'));
});

afterEach(async () => {
  for (const u of updaters.splice(0)) await u.stop();
  await rm(dir, { recursive: true, force: true });
});

function follow(
  servable: ConstructorParameters<typeof FileModelUpdater>[0],
  options: Partial<ConstructorParameters<typeof FileModelUpdater>[1]> = {},
) {
  const updater = new FileModelUpdater(servable, { path: dir, ...options });
  const updated: ModelUpdatedEvent[] = [];
  const rejected: ModelRejectedEvent[] = [];
  const stale: ModelStaleEvent[] = [];
  updater.on('updated', (e) => updated.push(e));
  updater.on('rejected', (e) => rejected.push(e));
  updater.on('stale', (e) => stale.push(e));
  updaters.push(updater);
  return { updater, updated, rejected, stale };
}

describe('FileModelUpdater', () => {
  it('loads a saved stage on start and picks up rename publication', async () => {
    const saved = await lrServable(1);
    await saved.save(dir);
    const servable = await lrServable();
    const { updater, updated } = follow(servable);
    await updater.start();
    expect(updater.directory).toBe(join(dir, 'data'));
    expect(servedVersion(servable)).toBe(1);
    expect(updated.map((e) => e.version)).toEqual([1]);

    const file = await publishModelDataDirectory(join(dir, 'data'), lrModelData(2), {
      fsync: false,
    });
    await waitFor(() => updated.length === 2, 'version 2');
    expect(servedVersion(servable)).toBe(2);
    expect(updated[1]).toMatchObject({ version: 2, previousVersion: 1, source: file });
    // The publisher replaced Flink's single part file in place: still exactly one visible file.
    expect((await readdir(join(dir, 'data'))).filter((n) => !n.startsWith('.'))).toHaveLength(1);
  });

  it('follows a single data file written with write-then-rename', async () => {
    const file = join(dir, 'part-0');
    await writeModelDataFileAtomically(file, lrModelData(3));
    const servable = await lrServable();
    const { updater, updated } = follow(servable, { path: file });
    await updater.start();
    expect(servedVersion(servable)).toBe(3);
    for (const v of [4, 5, 6]) {
      await writeModelDataFileAtomically(file, lrModelData(v), { fsync: false });
      await waitFor(() => servedVersion(servable) === v, `version ${v}`);
    }
    expect(updated.map((e) => e.version)).toEqual([3, 4, 5, 6]);
    // Another file in the directory is not followed.
    await writeFile(join(dir, 'other'), lrModelData(9));
    await sleep(100);
    expect(servedVersion(servable)).toBe(6);
  });

  it('never loads a partial file from a slow in-place writer', async () => {
    await writeFile(join(dir, 'part-0'), lrModelData(1));
    const servable = await lrServable();
    const { updater, updated, rejected } = follow(servable, { settleMs: 5 });
    await updater.start();
    expect(servedVersion(servable)).toBe(1);

    // Sample what the servable predicts with, continuously, while the writer writes.
    const seen = new Set<number | undefined>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        seen.add(servedVersion(servable));
        await sleep(1);
      }
    })();
    const bytes = lrModelData(2);
    const handle = await open(join(dir, 'part-0'), 'w'); // truncates in place, same inode
    const chunk = Math.ceil(bytes.length / 4);
    for (let at = 0; at < bytes.length; at += chunk) {
      await handle.write(bytes.subarray(at, at + chunk));
      await handle.sync();
      await sleep(60); // far longer than settleMs: the updater reads each partial state
    }
    await handle.close();
    await waitFor(() => servedVersion(servable) === 2, 'version 2');
    sampling = false;
    await sampler;

    expect([...seen].sort()).toEqual([1, 2]); // never a torn or partial model
    expect(rejected).toEqual([]); // partial states were waited on, not reported
    expect(updated.map((e) => e.version)).toEqual([1, 2]);
  });

  it('rejects data that stays undecodable and keeps serving the previous model', async () => {
    await writeFile(join(dir, 'part-0'), lrModelData(1));
    const servable = await lrServable();
    const { updater, rejected } = follow(servable, { incompleteTimeoutMs: 100 });
    await updater.start();
    const corrupt = lrModelData(2).subarray(0, 17); // truncated coefficient
    await writeModelDataFileAtomically(join(dir, 'part-0'), corrupt, { fsync: false });
    await waitFor(() => rejected.length === 1, 'the rejection');
    expect(rejected[0]?.source).toBe(join(dir, 'part-0'));
    expect(rejected[0]?.error.code).toBe('MODEL_UPDATE_REJECTED');
    // The message names the file and the byte offset on its own (no wrapping prefix).
    expect(rejected[0]?.error.message).toMatch(
      /^Cannot decode model data from \S+\/part-0: expected .* at byte offset \d+, found /,
    );
    expect(rejected[0]?.error.message).toContain(join(dir, 'part-0'));
    expect(rejected[0]?.error.cause).toMatchObject({
      source: join(dir, 'part-0'),
      offset: expect.any(Number),
    });
    expect(servedVersion(servable)).toBe(1);

    await writeModelDataFileAtomically(join(dir, 'part-0'), lrModelData(3), { fsync: false });
    await waitFor(() => servedVersion(servable) === 3, 'version 3');
    expect(rejected).toHaveLength(1);
  });

  it('skips an older version and applies it only through rollback()', async () => {
    await writeFile(join(dir, 'part-0'), lrModelData(5));
    const servable = await lrServable();
    const { updater, stale, updated } = follow(servable);
    await updater.start();
    await writeModelDataFileAtomically(join(dir, 'part-0'), lrModelData(4), { fsync: false });
    await waitFor(() => stale.length === 1, 'the stale event');
    expect(stale[0]).toMatchObject({ version: 4, currentVersion: 5 });
    expect(servedVersion(servable)).toBe(5);

    const outcome = await updater.rollback(lrModelData(2));
    expect(outcome).toEqual({ status: 'applied', version: 2, previousVersion: 5 });
    expect(servedVersion(servable)).toBe(2);
    expect(updated.at(-1)?.version).toBe(2);
  });

  it('ignores hidden in-progress files and works by polling', async () => {
    await writeFile(join(dir, 'part-0'), lrModelData(1));
    const servable = await lrServable();
    const { updater, updated } = follow(servable, { polling: 20 });
    await updater.start();
    await writeFile(join(dir, '.part-1.inprogress.x'), lrModelData(7));
    await writeFile(join(dir, '_SUCCESS'), 'x');
    await sleep(150);
    expect(updated).toHaveLength(1);
    await writeModelDataFileAtomically(join(dir, 'part-0'), lrModelData(8), { fsync: false });
    await waitFor(() => servedVersion(servable) === 8, 'version 8 by polling');
  });

  it('with loadOnStart false, treats the files present at start as handled', async () => {
    // A saved pipeline whose StandardScaler stage (batch-trained: version 0) is followed.
    const scalerData = (version: bigint) =>
      STANDARD_SCALER_MODEL_DATA_FORMAT.encode({
        mean: new DenseVector([1, 2]),
        std: new DenseVector([0.5, 4]),
        version,
        timestamp: 9223372036854775807n,
      });
    const scaler = await new StandardScalerModelServable().setModelData(scalerData(0n));
    const pipeline = new PipelineModelServable([scaler, await lrServable(1)]);
    await pipeline.save(dir);
    const { updater, updated, stale, rejected } = follow(pipeline, {
      stage: 0,
      loadOnStart: false,
      rescanIntervalMs: 20,
    });
    await updater.start();
    const dataDir = join(dir, 'stages', '0', 'data');
    expect(updater.directory).toBe(dataDir);
    const [file] = (await readdir(dataDir)).filter((n) => !n.startsWith('.'));

    // Late events for the unchanged files: rescans, and a touch (new mtime, same bytes).
    await sleep(100);
    const later = new Date(Date.now() + 5000);
    await utimes(join(dataDir, file as string), later, later);
    await sleep(100);
    expect(updated).toEqual([]);
    expect(stale).toEqual([]);
    expect(rejected).toEqual([]);

    // A real change is applied, exactly once.
    await publishModelDataDirectory(dataDir, scalerData(1n), { fsync: false });
    await waitFor(() => updated.length === 1, 'the new scaler model');
    await sleep(100);
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ version: 1, previousVersion: 0, stage: 0 });
    expect(scaler.getModelVersion()).toBe(1);
    expect(stale).toEqual([]);
  });

  it('rejects a path that does not exist', async () => {
    const servable = await lrServable();
    const updater = new FileModelUpdater(servable, { path: join(dir, 'missing') });
    await expect(updater.start()).rejects.toThrow(/Invalid option path: cannot follow .*missing/);
  });
});
