import { createInferenceServer, type InferenceServer } from '@servable/inference-server';
import { LogisticRegressionModelServable } from '@servable/servable-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPipeline, COEFFICIENT, expected, lrModelData } from './support/models.js';

let server: InferenceServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(pipeline = buildPipeline()) {
  server = await createInferenceServer({ models: [{ name: 'fraud', servable: pipeline }] });
  await server.start();
  return { server, pipeline };
}

function row(features: number[]) {
  return { inputs: [{ name: 'features', shape: [1, 3], datatype: 'FP64', data: features }] };
}

describe('Open Inference Protocol v2 endpoints', () => {
  it('answers health, server and model metadata', async () => {
    const { server } = await start();
    const live = await server.app.inject({ url: '/v2/health/live' });
    expect([live.statusCode, live.json()]).toEqual([200, { live: true }]);
    const ready = await server.app.inject({ url: '/v2/health/ready' });
    expect([ready.statusCode, ready.json()]).toEqual([200, { ready: true }]);
    const meta = await server.app.inject({ url: '/v2' });
    expect(meta.json()).toMatchObject({ name: 'servable', version: '0.1.0', extensions: [] });
    const model = await server.app.inject({ url: '/v2/models/fraud' });
    expect(model.json()).toEqual({
      name: 'fraud',
      versions: ['0.1'],
      platform: 'servable',
      inputs: [{ name: 'features', datatype: 'FP64', shape: [-1, 3] }],
      outputs: [
        { name: 'scaled', datatype: 'FP64', shape: [-1, -1] },
        { name: 'prediction', datatype: 'FP64', shape: [-1] },
        { name: 'rawPrediction', datatype: 'FP64', shape: [-1, -1] },
      ],
    });
    const modelReady = await server.app.inject({ url: '/v2/models/fraud/ready' });
    expect([modelReady.statusCode, modelReady.json()]).toEqual([
      200,
      { name: 'fraud', ready: true },
    ]);
  });

  it('infers one row: outputs as tensors, model_version and id in the response', async () => {
    const { server } = await start();
    const response = await server.app.inject({
      method: 'POST',
      url: '/v2/models/fraud/infer',
      payload: { id: 'req-1', ...row([3, 2, 4]) },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    const body = response.json();
    const want = expected([3, 2, 4]);
    expect(body.model_name).toBe('fraud');
    expect(body.model_version).toBe('0.1');
    expect(body.id).toBe('req-1');
    const byName = Object.fromEntries(body.outputs.map((o: { name: string }) => [o.name, o]));
    expect(byName.scaled).toEqual({
      name: 'scaled',
      datatype: 'FP64',
      shape: [1, 3],
      data: [1, 0, 2],
    });
    expect(byName.prediction).toEqual({
      name: 'prediction',
      datatype: 'FP64',
      shape: [1],
      data: [want.prediction],
    });
    expect(byName.rawPrediction.shape).toEqual([1, 2]);
    expect(byName.rawPrediction.data[0]).toBeCloseTo(want.rawPrediction[0]!, 14);
    expect(byName.rawPrediction.data[1]).toBeCloseTo(want.rawPrediction[1]!, 14);
  });

  it('infers a batch given as nested data, and returns only the requested outputs', async () => {
    const { server } = await start();
    const rows = [
      [3, 2, 4],
      [-5, 10, 0],
      [1, 2, 3],
    ];
    const response = await server.app.inject({
      method: 'POST',
      url: '/v2/models/fraud/infer',
      payload: {
        inputs: [{ name: 'features', shape: [3, 3], datatype: 'FP32', data: rows }],
        outputs: [{ name: 'prediction' }, { name: 'features' }],
      },
    });
    expect(response.statusCode).toBe(200);
    const outputs = response.json().outputs;
    expect(outputs.map((o: { name: string }) => o.name)).toEqual(['prediction', 'features']);
    expect(outputs[0]).toEqual({
      name: 'prediction',
      datatype: 'FP64',
      shape: [3],
      data: rows.map((r) => expected(r).prediction),
    });
    expect(outputs[1]).toEqual({
      name: 'features',
      datatype: 'FP64',
      shape: [3, 3],
      data: rows.flat(),
    });
  });

  it('accepts NaN and Infinity spelled as strings and answers them the same way', async () => {
    const { server } = await start();
    const response = await server.app.inject({
      method: 'POST',
      url: '/v2/models/fraud/infer',
      payload: {
        inputs: [{ name: 'features', shape: [1, 3], datatype: 'FP64', data: ['NaN', 2, 3] }],
        outputs: [{ name: 'scaled' }],
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().outputs[0].data).toEqual(['NaN', 0, 0]);
  });

  it('serves rows on /v1/models/{name}:predict, objects or bare values for a one-input model', async () => {
    const { server } = await start();
    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/models/fraud:predict',
      payload: { instances: [{ features: [3, 2, 4] }, [-5, 10, 0]] },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.model_version).toBe('0.1');
    expect(body.predictions).toHaveLength(2);
    expect(body.predictions[0].prediction).toBe(expected([3, 2, 4]).prediction);
    expect(body.predictions[1].prediction).toBe(expected([-5, 10, 0]).prediction);
    expect(body.predictions[0].rawPrediction[1]).toBeCloseTo(
      expected([3, 2, 4]).rawPrediction[1]!,
      14,
    );
  });

  it('reports the new model_version as soon as model data changes, in answers and metrics', async () => {
    const { server, pipeline } = await start();
    const first = await server.app.inject({
      method: 'POST',
      url: '/v2/models/fraud/infer',
      payload: row([3, 2, 4]),
    });
    expect(first.json().model_version).toBe('0.1');
    const flipped = COEFFICIENT.map((c) => -c);
    await pipeline.setStageModelData(1, lrModelData(7n, flipped));
    const second = await server.app.inject({
      method: 'POST',
      url: '/v2/models/fraud/infer',
      payload: row([3, 2, 4]),
    });
    const body = second.json();
    expect(body.model_version).toBe('0.7');
    const prediction = body.outputs.find((o: { name: string }) => o.name === 'prediction');
    expect(prediction.data).toEqual([expected([3, 2, 4], flipped).prediction]);
    const versioned = await server.app.inject({ url: '/v2/models/fraud/versions/0.7' });
    expect(versioned.json().versions).toEqual(['0.7']);
    const old = await server.app.inject({
      method: 'POST',
      url: '/v2/models/fraud/versions/0.1/infer',
      payload: row([3, 2, 4]),
    });
    expect(old.statusCode).toBe(404);
    expect(old.json().error).toContain('serves version "0.7"');

    const metrics = (await server.app.inject({ url: '/metrics' })).body;
    expect(metrics).toContain(
      'servable_request_duration_seconds_count{model="fraud",version="0.1",endpoint="infer"} 1',
    );
    expect(metrics).toContain(
      'servable_request_duration_seconds_count{model="fraud",version="0.7",endpoint="infer"} 1',
    );
    expect(metrics).toContain(
      'servable_requests_total{model="fraud",endpoint="infer",code="200"} 2',
    );
    expect(metrics).toContain(
      'servable_requests_total{model="fraud",endpoint="infer",code="404"} 1',
    );
    expect(metrics).toContain('servable_model_version{model="fraud",stage="1"} 7');
    expect(metrics).toContain('servable_model_version{model="fraud",stage="0"} 0');
    expect(metrics).toContain('servable_model_updates_total{model="fraud",outcome="applied"} 0');
  });

  it('uses one stage as the version with versionStage, and counts generations without versions', async () => {
    server = await createInferenceServer({
      models: [{ name: 'p', servable: buildPipeline(3n), versionStage: '1' }],
    });
    expect((await server.app.inject({ url: '/v2/models/p' })).json().versions).toEqual(['3']);
    await server.close();
    const plain = new LogisticRegressionModelServable();
    server = await createInferenceServer({
      models: [{ name: 'lr', servable: plain }],
    });
    const before = await server.app.inject({ url: '/v2/models/lr/ready' });
    expect([before.statusCode, before.json().ready]).toEqual([503, false]);
    const health = await server.app.inject({ url: '/v2/health/ready' });
    expect(health.statusCode).toBe(503);
    const notReady = await server.app.inject({
      method: 'POST',
      url: '/v2/models/lr/infer',
      payload: row([1, 2, 3]),
    });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json().error).toContain('has no model data yet');
    await plain.setModelData(lrModelData(5n));
    const after = await server.app.inject({ url: '/v2/models/lr' });
    expect(after.json()).toMatchObject({
      versions: ['5'],
      inputs: [{ name: 'features', shape: [-1, 3] }],
    });
  });

  it('keeps several servers in one process apart (own metrics registries)', async () => {
    const a = await createInferenceServer({ models: [{ name: 'a', servable: buildPipeline() }] });
    const b = await createInferenceServer({ models: [{ name: 'b', servable: buildPipeline() }] });
    await a.app.inject({ method: 'POST', url: '/v2/models/a/infer', payload: row([1, 2, 3]) });
    const textB = (await b.app.inject({ url: '/metrics' })).body;
    expect(textB).not.toContain('model="a"');
    expect((await a.app.inject({ url: '/metrics' })).body).toContain('model="a"');
    await Promise.all([a.close(), b.close()]);
  });

  it('serves the status page and its JSON', async () => {
    const { server } = await start();
    await server.app.inject({
      method: 'POST',
      url: '/v2/models/fraud/infer',
      payload: row([1, 2, 3]),
    });
    const page = await server.app.inject({ url: '/' });
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain("fetch('/v2/status'");
    const status = (await server.app.inject({ url: '/v2/status' })).json();
    expect(status.ready).toBe(true);
    expect(status.models[0]).toMatchObject({
      name: 'fraud',
      version: '0.1',
      ready: true,
      updates: { applied: 0, rejected: 0, lastRejection: null },
    });
    expect(status.models[0].requests.total).toBe(1);
    expect(status.models[0].requests.p99Ms).toBeGreaterThan(0);
  });
});
