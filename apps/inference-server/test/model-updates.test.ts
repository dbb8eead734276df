import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInferenceServer, type InferenceServer } from '@servable/inference-server';
import { publishModelDataDirectory } from '@servable/model-updaters';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPipeline, COEFFICIENT, expected, lrModelData, registry } from './support/models.js';
import { waitFor } from './support/wait.js';

let server: InferenceServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  server = undefined;
  dir = undefined;
});

async function infer(s: InferenceServer, features: number[]) {
  const response = await s.app.inject({
    method: 'POST',
    url: '/v2/models/fraud/infer',
    payload: {
      inputs: [{ name: 'features', shape: [1, 3], datatype: 'FP64', data: features }],
      outputs: [{ name: 'prediction' }],
    },
  });
  return response.json() as { model_version: string; outputs: { data: number[] }[] };
}

describe('model updates from files', () => {
  it('loads a saved PipelineModel, follows its stages and reports applied and rejected updates', async () => {
    dir = await mkdtemp(join(tmpdir(), 'inference-server-'));
    const path = join(dir, 'fraud');
    await buildPipeline(1n).save(path);
    server = await createInferenceServer({
      registry: registry(),
      models: [{ name: 'fraud', path, watch: { settleMs: 5 } }],
    });
    await server.start();
    expect((await infer(server, [3, 2, 4])).model_version).toBe('0.1');

    const flipped = COEFFICIENT.map((c) => -c);
    await publishModelDataDirectory(join(path, 'stages', '1', 'data'), lrModelData(2n, flipped), {
      fsync: false,
    });
    const s = server;
    await waitFor('version 0.2', async () => (await infer(s, [3, 2, 4])).model_version === '0.2');
    expect((await infer(s, [3, 2, 4])).outputs[0]!.data).toEqual([
      expected([3, 2, 4], flipped).prediction,
    ]);
    // At least the LR stage's update; the scaler stage's updater may also re-apply its unchanged
    // file on a late file event of the freshly saved model.
    const applied = s.status().models[0]!.updates.applied;
    expect(applied).toBeGreaterThanOrEqual(1);
    expect(s.status().models[0]!.updates).toMatchObject({ rejected: 0, lastRejection: null });

    await publishModelDataDirectory(join(path, 'stages', '1', 'data'), Uint8Array.of(1, 2, 3), {
      fsync: false,
    });
    await waitFor('the rejection', () => s.status().models[0]!.updates.rejected === 1);
    expect(s.status().models[0]!.updates.lastRejection).toMatch(/\S/);
    expect((await infer(s, [3, 2, 4])).model_version).toBe('0.2');

    const metrics = (await s.app.inject({ url: '/metrics' })).body;
    expect(metrics).toContain(
      `servable_model_updates_total{model="fraud",outcome="applied"} ${applied}`,
    );
    expect(metrics).toContain('servable_model_updates_total{model="fraud",outcome="rejected"} 1');
    expect(metrics).toContain(
      `servable_model_update_latency_seconds_count{model="fraud"} ${applied}`,
    );
    expect(metrics).toContain('servable_model_version{model="fraud",stage="1"} 2');
  });

  it('refuses a path without a registry and watch without a path', async () => {
    await expect(
      createInferenceServer({ models: [{ name: 'm', path: '/nowhere' }] }),
    ).rejects.toThrow(/given by path \(\/nowhere\), which needs a `registry`/);
    await expect(
      createInferenceServer({ models: [{ name: 'm', servable: buildPipeline(), watch: true }] }),
    ).rejects.toThrow(/`watch` follows the model's files and needs its `path`/);
  });
});
