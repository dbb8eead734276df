import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MetadataError, resolveStageDir, stageDirName } from '@servable/servable-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

describe('stageDirName', () => {
  it.each([
    [0, 1, 'stages/0'],
    [8, 9, 'stages/8'],
    [0, 10, 'stages/00'],
    [9, 10, 'stages/09'],
    [99, 100, 'stages/099'],
    [7, 1000, 'stages/0007'],
  ])('stage %i of %i is %s', (index, numStages, name) => {
    expect(stageDirName(index, numStages)).toBe(name);
  });

  it('refuses indices outside [0, numStages)', () => {
    expect(() => stageDirName(3, 3)).toThrow('Stage index 3 is out of range for 3 stages.');
    expect(() => stageDirName(-1, 3)).toThrow(MetadataError);
    expect(() => stageDirName(0, 0)).toThrow(/positive integer/);
    expect(() => stageDirName(0.5, 3)).toThrow(MetadataError);
  });
});

describe('resolveStageDir', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servable-stages-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('uses the padded name Flink ML writes', async () => {
    await mkdir(join(dir, 'stages', '03'), { recursive: true });
    await mkdir(join(dir, 'stages', '3'), { recursive: true });
    expect(await resolveStageDir(dir, 3, 12)).toBe(join(dir, 'stages', '03'));
  });

  it('falls back to the unpadded name when only that exists', async () => {
    await mkdir(join(dir, 'stages', '3'), { recursive: true });
    expect(await resolveStageDir(dir, 3, 12)).toBe(join(dir, 'stages', '3'));
  });

  it('names both candidates when neither exists', async () => {
    const error = (await resolveStageDir(dir, 3, 12).catch((e: unknown) => e)) as MetadataError;
    expect(error).toBeInstanceOf(MetadataError);
    expect(error.code).toBe('STAGE_NOT_FOUND');
    expect(error.message).toBe(
      `Stage 3 of the 12-stage pipeline ${dir} is missing: ${join(dir, 'stages', '03')} is not a directory (nor is ${join(dir, 'stages', '3')}).`,
    );
    const single = (await resolveStageDir(dir, 1, 2).catch((e: unknown) => e)) as MetadataError;
    expect(single.message).toBe(
      `Stage 1 of the 2-stage pipeline ${dir} is missing: ${join(dir, 'stages', '1')} is not a directory.`,
    );
  });
});
