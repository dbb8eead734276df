import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  listModelDataFiles,
  ModelDataMissingError,
  readModelDataFiles,
  writeModelDataFiles,
} from '@servable/servable-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'servable-data-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('model data files', () => {
  it('lists visible files sorted by name and hidden ones apart', async () => {
    const dir = join(work, 'a');
    await mkdir(dir);
    for (const name of ['part-b-0', '.part-x-0.inprogress.y', 'part-a-1', '_SUCCESS']) {
      await writeFile(join(dir, name), Uint8Array.of(1));
    }
    const listing = await listModelDataFiles(dir);
    expect(listing.files).toEqual(['part-a-1', 'part-b-0']);
    expect(listing.hidden).toEqual(['.part-x-0.inprogress.y', '_SUCCESS']);
    const chunks = await readModelDataFiles(dir);
    expect(chunks.map((c) => c.source)).toEqual([join(dir, 'part-a-1'), join(dir, 'part-b-0')]);
  });

  it('says "model data not committed yet" when only in-progress files exist', async () => {
    const dir = join(work, 'b');
    await mkdir(dir);
    await writeFile(join(dir, '.part-x-0.inprogress.y'), Uint8Array.of(1));
    const error = await readModelDataFiles(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDataMissingError);
    expect((error as Error).message).toContain('model data not committed yet');
    expect((error as Error).message).toContain('.part-x-0.inprogress.y');
  });

  it('explains a missing and an empty data directory', async () => {
    await expect(readModelDataFiles(join(work, 'none'))).rejects.toThrow(/does not exist/);
    const dir = join(work, 'empty');
    await mkdir(dir);
    await expect(readModelDataFiles(dir)).rejects.toThrow(/is empty/);
  });

  it('writes one part-<uuid>-0 file and refuses to add a second one', async () => {
    const dir = join(work, 'w');
    const file = await writeModelDataFiles(dir, Uint8Array.of(1, 2));
    expect(file).toMatch(/part-[0-9a-f-]{36}-0$/);
    await expect(writeModelDataFiles(dir, Uint8Array.of(3))).rejects.toThrow(/already holds/);
    await writeModelDataFiles(dir, Uint8Array.of(3), { overwrite: true });
    const chunks = await readModelDataFiles(dir);
    expect(chunks).toHaveLength(1);
    expect(Array.from(chunks[0]?.bytes ?? [])).toEqual([3]);
  });
});
