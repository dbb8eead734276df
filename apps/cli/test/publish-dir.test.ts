import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeModel, runCli } from '@servable/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from './support/memory-io.js';
import { buildLr, buildPipeline, lrModelData, tempDir } from './support/models.js';

let root: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir());
  await buildLr(3n).save(join(root, 'lr'));
  await buildPipeline(1n).save(join(root, 'pipeline'));
  await writeFile(join(root, 'lr-v8.bin'), lrModelData(8n));
  await writeFile(join(root, 'lr-v9.bin'), lrModelData(9n));
  await writeFile(join(root, 'lr-v10.bin'), lrModelData(10n));
  await writeFile(join(root, 'garbage.bin'), Buffer.from('not model data at all'));
});
afterAll(() => cleanup());

async function visibleFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => !n.startsWith('.') && !n.startsWith('_'));
}

describe('servable publish --dir', () => {
  it("replaces a stage's model data atomically and reports the version", async () => {
    const before = await visibleFiles(join(root, 'lr', 'data'));
    const m = memoryIo({ cwd: root });
    expect(await runCli(['publish', '--dir', 'lr', '--file', 'lr-v8.bin'], m.io)).toBe(0);
    expect(m.stdout.text()).toMatch(/published .*lr-v8\.bin \(model version 8\) to .*lr\/data\//);
    // The same single file name, now holding the new bytes; no temporary file left behind.
    expect(await readdir(join(root, 'lr', 'data'))).toEqual(before);
    const file = join(root, 'lr', 'data', before[0] as string);
    expect(new Uint8Array(await readFile(file))).toEqual(lrModelData(8n));
    expect((await describeModel(join(root, 'lr'))).modelVersion).toBe('8');
  });

  it("routes a pipeline's data to the stage named by --stage (class name or index)", async () => {
    const m = memoryIo({ cwd: root });
    const args = ['publish', '--dir', 'pipeline', '--stage', 'LogisticRegressionModel'];
    expect(await runCli([...args, '--file', 'lr-v9.bin'], m.io)).toBe(0);
    expect(m.stdout.text()).toMatch(/stages\/1\/data\//);
    let d = await describeModel(join(root, 'pipeline'));
    expect(d.stages?.map((s) => s.modelVersion)).toEqual(['0', '9']);
    const n = memoryIo({ cwd: root });
    expect(
      await runCli(['publish', '--dir', 'pipeline', '--stage', '1', '-f', 'lr-v10.bin'], n.io),
    ).toBe(0);
    d = await describeModel(join(root, 'pipeline'));
    expect(d.stages?.map((s) => s.modelVersion)).toEqual(['0', '10']);
  });

  it('refuses data that does not decode for the target stage, changing nothing', async () => {
    const m = memoryIo({ cwd: root });
    const args = ['publish', '--dir', 'pipeline', '--stage', '0', '--file', 'lr-v8.bin'];
    // LR data is not StandardScaler data.
    expect(await runCli(args, m.io)).toBe(1);
    expect(m.stderr.text()).toMatch(
      /lr-v8\.bin is not valid model data for .*StandardScalerModel.*nothing was published/,
    );
    const g = memoryIo({ cwd: root });
    expect(await runCli(['publish', '--dir', 'lr', '--file', 'garbage.bin'], g.io)).toBe(1);
    expect((await describeModel(join(root, 'lr'))).modelVersion).toBe('8');
    expect((await describeModel(join(root, 'pipeline'))).stages?.[0]?.modelVersion).toBe('0');
  });

  it('asks for --stage on a pipeline and names its stages', async () => {
    const m = memoryIo({ cwd: root });
    expect(await runCli(['publish', '--dir', 'pipeline', '--file', 'lr-v8.bin'], m.io)).toBe(2);
    expect(m.stderr.text()).toContain('--stage');
    expect(m.stderr.text()).toContain('0|StandardScalerModel, 1|LogisticRegressionModel');
    const u = memoryIo({ cwd: root });
    expect(
      await runCli(['publish', '--dir', 'pipeline', '--stage', 'Nope', '-f', 'lr-v8.bin'], u.io),
    ).toBe(2);
    expect(u.stderr.text()).toContain('no stage "Nope"');
  });

  it('needs exactly one destination', async () => {
    const both = memoryIo({ cwd: root });
    const args = [
      'publish',
      '--dir',
      'lr',
      '--brokers',
      'localhost:9092',
      '--topic',
      't',
      '-f',
      'lr-v8.bin',
    ];
    expect(await runCli(args, both.io)).toBe(2);
    expect(both.stderr.text()).toContain('not both');
    const none = memoryIo({ cwd: root });
    expect(await runCli(['publish', '-f', 'lr-v8.bin'], none.io)).toBe(2);
    expect(none.stderr.text()).toContain('give --dir model-dir, or --brokers and --topic');
  });
});
