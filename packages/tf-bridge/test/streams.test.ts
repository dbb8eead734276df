import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Vectors } from '@servable/linalg';
import { FileModelUpdater } from '@servable/model-updaters';
import { ServableRegistry } from '@servable/servable-api';
import {
  bundleFromModel,
  decodeTFModelBundle,
  directorySnapshotSink,
  type ModelSnapshotSink,
  TFEstimator,
  TFModel,
  TFModelServable,
  tfBridgePlugin,
} from '@servable/tf-bridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linearModel, SCRIPTS } from './support.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tf-streams-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** An unbounded-looking stream of rows [features, label]; stops after `n`. */
async function* rows(n: number): AsyncGenerator<unknown[]> {
  for (let i = 0; i < n; i++) {
    const x = (i % 10) / 10;
    yield [Vectors.dense(x, 1 - x), 3 * x + 1];
    if (i % 7 === 0) await new Promise((r) => setImmediate(r));
  }
}

const online = () =>
  new TFEstimator()
    .setScript(join(SCRIPTS, 'mlp.mjs'))
    .setEntryFunc('linear')
    .setSelectedCols(['features'])
    .setLabelCol('label')
    .setBatchSize(5);

describe('streams', () => {
  it('problem 5: each inference output is emitted before the next input row arrives', async () => {
    const model = new TFModel(await bundleFromModel(linearModel([1, 2], 0), 1))
      .setSelectedCols(['f'])
      .setOutputCols(['y']);
    let release: () => void = () => {};
    let produced = 0;
    async function* input(): AsyncGenerator<unknown[]> {
      for (let i = 0; i < 3; i++) {
        // The next row is only produced once the output of this one has been seen.
        const seen = new Promise<void>((r) => {
          release = r;
        });
        produced++;
        yield [Vectors.dense(i, 1)];
        await seen;
      }
    }
    const outputs: unknown[][] = [];
    for await (const out of model.transformStream(input(), ['f'])) {
      outputs.push(out);
      expect(produced).toBe(outputs.length);
      release();
    }
    expect(outputs.map((o) => o[1])).toEqual([2, 3, 4]);
  });

  it('problem 2/8: online training on a stream publishes snapshots every N rows; a serving model follows', async () => {
    const published: bigint[] = [];
    const sink: ModelSnapshotSink = {
      async publish(bytes) {
        published.push(decodeTFModelBundle(bytes, 'snapshot').bundle.version);
      },
    };
    const progress: number[] = [];
    const model = await online()
      .onProgress((p) => progress.push(p.rows))
      .fitStream(rows(53), { columnNames: ['features', 'label'], snapshotEveryRows: 20, sink });
    // Snapshots after 20 and 40 rows, then the final one (50 rows + the kept remainder of 3).
    expect(progress).toEqual([20, 20, 13]);
    expect(published).toHaveLength(3);
    expect(published[0]! < published[1]! && published[1]! < published[2]!).toBe(true);
    expect(model.bundle?.version).toBe(published[2]);
  });

  it('problem 8: snapshots written into a saved stage are hot-swapped by a FileModelUpdater', async () => {
    const stage = join(work, 'online');
    await new TFModelServable()
      .setSelectedCols(['features'])
      .setTFModel(linearModel([0, 0], 0), 1)
      .then((s) => s.save(stage));
    const live = (await new ServableRegistry()
      .register(tfBridgePlugin)
      .load(stage)) as TFModelServable;
    const updater = new FileModelUpdater(live, { path: stage, loadOnStart: false });
    const versions: unknown[] = [];
    updater.on('updated', (e) => versions.push(e.version));
    await updater.start();
    try {
      const model = await online().fitStream(rows(30), {
        columnNames: ['features', 'label'],
        snapshotEveryRows: 10,
        sink: directorySnapshotSink(stage),
      });
      const final = Number(model.bundle?.version);
      await new Promise<void>((resolve) => {
        const check = () =>
          live.getModelVersion() === final ? resolve() : updater.once('updated', check);
        check();
      });
      expect(live.getModelVersion()).toBe(final);
      expect(versions.length).toBeGreaterThanOrEqual(1);
    } finally {
      await updater.stop();
    }
  });
});
