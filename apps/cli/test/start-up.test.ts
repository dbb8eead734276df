import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createModuleLog, runModuleScript } from '@servable/test-support';
import { TFModelServable, tf } from '@servable/tf-bridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLr, tempDir } from './support/models.js';
import { PACKAGE_DIR, runBin } from './support/run-bin.js';

// Which modules a command resolves, recorded by a loader hook in the child process
// (@servable/test-support): commands on Flink ML models must not load TF.js (about half a
// second of start-up), only TF stages and `train` may.

let root: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('servable-cli-start-'));
  await buildLr(2n).save(join(root, 'lr'));
  await writeFile(
    join(root, 'rows.jsonl'),
    `${JSON.stringify({ features: [1, 2, 3] })}\n${JSON.stringify({ features: [3, 1, 5] })}\n`,
  );
  // y = x0 + 2·x1 + 0.5, served by TFModelServable.
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
  model.setWeights([tf.tensor2d([[1], [2]]), tf.tensor1d([0.5])]);
  const servable = await new TFModelServable()
    .setSelectedCols(['features'])
    .setOutputCols(['y'])
    .setTFModel(model, 7);
  await servable.save(join(root, 'tf'));
  model.dispose();
});
afterAll(() => cleanup());

/** Runs `servable <args>` recording every module it resolves; returns the output and URLs. */
async function runRecorded(args: readonly string[]) {
  const log = await createModuleLog(root);
  const result = await runBin(args, '', { nodeArgs: log.nodeArgs, env: log.env });
  expect(result.code, result.stderr).toBe(0);
  const modules = await log.modules();
  // The recorder saw the CLI's own modules (so an empty TF list below means something).
  expect(modules.some((u) => u.endsWith('/apps/cli/src/cli.ts'))).toBe(true);
  return { ...result, modules };
}

const tensorFlow = (modules: readonly string[]) =>
  modules.filter((u) => u.includes('/@tensorflow/'));

describe('servable start-up', () => {
  it('--help and train --help do not load TF.js', async () => {
    for (const args of [['--help'], ['train', '--help']]) {
      const r = await runRecorded(args);
      expect(r.stdout).toContain('Usage: servable');
      expect(tensorFlow(r.modules)).toEqual([]);
    }
  });

  it('inspect and predict of a LogisticRegression model do not load TF.js', async () => {
    const lr = join(root, 'lr');
    const inspected = await runRecorded(['inspect', lr, '--json']);
    expect(JSON.parse(inspected.stdout)).toMatchObject({ servable: true, modelVersion: '2' });
    const predicted = await runRecorded(['predict', lr, '-i', join(root, 'rows.jsonl')]);
    expect(predicted.stdout.trim().split('\n')).toHaveLength(2);
    for (const r of [inspected, predicted]) {
      expect(r.modules.some((u) => u.includes('/servable-lib/src/'))).toBe(true);
      expect(r.modules.some((u) => u.endsWith('/tf-bridge/src/plugin/index.ts'))).toBe(true);
      expect(tensorFlow(r.modules)).toEqual([]);
      // Nor the HTTP server's stack: only `serve` needs fastify.
      expect(r.modules.filter((u) => u.includes('/fastify/'))).toEqual([]);
    }
  });

  it('importing @servable/cli as a library does not load TF.js (train imports it when called)', async () => {
    const log = await createModuleLog(root);
    const { code, stderr } = await runModuleScript(
      "const cli = await import('@servable/cli'); if (typeof cli.train !== 'function') process.exit(3);",
      log,
      { cwd: PACKAGE_DIR },
    );
    expect(code, stderr).toBe(0);
    const modules = await log.modules();
    expect(modules.some((u) => u.endsWith('/apps/cli/src/index.ts'))).toBe(true);
    expect(tensorFlow(modules)).toEqual([]);
  });

  it('loads TF.js once a TF stage is inspected or run', async () => {
    const dir = join(root, 'tf');
    const inspected = await runRecorded(['inspect', dir, '--json']);
    expect(JSON.parse(inspected.stdout)).toMatchObject({
      className: TFModelServable.CLASS_NAME,
      plugin: '@servable/tf-bridge',
      servable: true,
      modelVersion: '7',
    });
    expect(tensorFlow(inspected.modules)).not.toEqual([]);
    const rows = join(root, 'tf-rows.jsonl');
    await writeFile(rows, `${JSON.stringify({ features: [3, 4] })}\n`);
    const predicted = await runRecorded(['predict', dir, '-i', rows]);
    expect(JSON.parse(predicted.stdout)).toMatchObject({ y: 11.5 });
    expect(tensorFlow(predicted.modules)).not.toEqual([]);
  });
});
