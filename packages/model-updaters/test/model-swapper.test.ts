import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareUpdateOrder,
  ModelSwapper,
  ModelUpdateRejectedError,
  publishModelDataDirectory,
  writeModelDataFileAtomically,
} from '@servable/model-updaters';
import { PipelineModelServable } from '@servable/servable-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lrModelData, lrServable, servedVersion } from './support/lr-models.js';

const order = fc.record({
  version: fc.option(fc.oneof(fc.integer(), fc.bigInt()), { nil: undefined }),
  timestamp: fc.option(fc.integer({ min: 0 }), { nil: undefined }),
});

describe('compareUpdateOrder', () => {
  it('is antisymmetric and puts the version before the timestamp', () => {
    fc.assert(
      fc.property(order, order, (a, b) => {
        expect(Math.sign(compareUpdateOrder(a, b))).toBe(-Math.sign(compareUpdateOrder(b, a)) || 0);
        if (a.version !== undefined && b.version !== undefined) {
          if (a.version < b.version) expect(compareUpdateOrder(a, b)).toBe(-1);
          if (a.version > b.version) expect(compareUpdateOrder(a, b)).toBe(1);
        }
      }),
    );
  });

  it('treats a version as a number and as a bigint alike', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 0 }), (v, t) => {
        expect(
          compareUpdateOrder({ version: v, timestamp: t }, { version: BigInt(v), timestamp: t }),
        ).toBe(0);
      }),
    );
  });

  it('never calls data without version or timestamp stale', () => {
    expect(
      compareUpdateOrder(
        { version: undefined, timestamp: undefined },
        { version: 5, timestamp: 9 },
      ),
    ).toBe(0);
    expect(compareUpdateOrder({ version: 3n, timestamp: 1 }, { version: 3, timestamp: 2 })).toBe(
      -1,
    );
  });
});

describe('ModelSwapper', () => {
  it('is shared per servable and applies updates in call order', async () => {
    const servable = await lrServable();
    expect(ModelSwapper.for(servable)).toBe(ModelSwapper.for(servable));
    const swapper = ModelSwapper.for(servable);
    const outcomes = await Promise.all(
      [1, 3, 2].map((v) => swapper.apply({ inputs: [lrModelData(v)], source: `v${v}` })),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['applied', 'applied', 'stale']);
    expect(servedVersion(servable)).toBe(3);
  });

  it('takes a model loaded before it as the floor', async () => {
    const servable = await lrServable(7);
    const outcome = await ModelSwapper.for(servable).apply({
      inputs: [lrModelData(6)],
      source: 'x',
    });
    expect(outcome).toEqual({ status: 'stale', version: 6, currentVersion: 7 });
  });

  it('orders equal versions by timestamp and applies unversioned-equal data', async () => {
    const servable = await lrServable();
    const swapper = ModelSwapper.for(servable);
    await swapper.apply({ inputs: [lrModelData(0)], source: 'a', timestamp: 200 });
    const older = await swapper.apply({ inputs: [lrModelData(0)], source: 'b', timestamp: 100 });
    const newer = await swapper.apply({ inputs: [lrModelData(0)], source: 'c', timestamp: 300 });
    expect([older.status, newer.status]).toEqual(['stale', 'applied']);
  });

  it('rejects bad data naming its source and keeps the model', async () => {
    const servable = await lrServable(1);
    const swapper = ModelSwapper.for(servable);
    const error = await swapper
      .apply({ inputs: [Uint8Array.of(0, 0, 0, 9)], source: 'topic/0@17' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelUpdateRejectedError);
    expect((error as ModelUpdateRejectedError).source).toBe('topic/0@17');
    expect((error as Error).message).toMatch(
      /^Model data from topic\/0@17 was rejected: .*byte offset \d+/,
    );
    expect(servedVersion(servable)).toBe(1);
    // A named input: the servable's message names the source itself, no prefix needed.
    const named = await swapper
      .apply({
        inputs: [{ source: 'topic/0@18', data: Uint8Array.of(0, 0, 0, 9) }],
        source: 'topic/0@18',
      })
      .catch((e: unknown) => e);
    expect((named as Error).message).toMatch(
      /^Cannot decode model data from topic\/0@18: expected .* at byte offset \d+, found /,
    );
    expect((named as Error).message).not.toContain('setModelData input');
    expect((named as ModelUpdateRejectedError).cause).toMatchObject({ source: 'topic/0@18' });
    // The queue goes on after a rejection.
    await swapper.apply({ inputs: [lrModelData(2)], source: 'next' });
    expect(servedVersion(servable)).toBe(2);
  });

  it('routes to pipeline stages and refuses a stage for a plain servable', async () => {
    const lr = await lrServable(0);
    const pipeline = new PipelineModelServable([lr]);
    await ModelSwapper.for(pipeline).apply({ inputs: [lrModelData(4)], source: 's', stage: 0 });
    expect(servedVersion(lr)).toBe(4);
    await expect(
      ModelSwapper.for(pipeline).apply({ inputs: [lrModelData(5)], source: 's' }),
    ).rejects.toThrow(/is a pipeline: name the stage/);
    await expect(
      ModelSwapper.for(lr).apply({ inputs: [lrModelData(5)], source: 's', stage: 1 }),
    ).rejects.toThrow(/not a pipeline/);
  });
});

describe('atomic writers', () => {
  it('leave no temporary files and replace a single part file in place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    try {
      const file = await writeModelDataFileAtomically(join(dir, 'sub', 'part-0'), lrModelData(1));
      expect(await readdir(join(dir, 'sub'))).toEqual(['part-0']);
      expect(new Uint8Array(await readFile(file))).toEqual(lrModelData(1));

      await writeFile(join(dir, 'data-part-x'), 'old');
      const data = join(dir, 'data');
      await publishModelDataDirectory(data, lrModelData(2));
      expect(await readdir(data)).toEqual(['part-0']);
      await rm(join(data, 'part-0'));
      await writeFile(join(data, 'part-abc-0'), 'old');
      await writeFile(join(data, '_SUCCESS'), '');
      const written = await publishModelDataDirectory(data, lrModelData(3));
      expect(written).toBe(join(data, 'part-abc-0'));
      expect((await readdir(data)).sort()).toEqual(['_SUCCESS', 'part-abc-0']);
      await writeFile(join(data, 'part-def-0'), 'other');
      await publishModelDataDirectory(data, lrModelData(4), { fileName: 'part-new' });
      expect((await readdir(data)).sort()).toEqual(['_SUCCESS', 'part-new']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
