import { createInferenceServer, type InferenceServer } from '@servable/inference-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPipeline } from './support/models.js';

let server: InferenceServer;
beforeAll(async () => {
  server = await createInferenceServer({
    models: [{ name: 'fraud', servable: buildPipeline() }],
    bodyLimit: 4096,
    maxBatchSize: 5,
  });
});
afterAll(() => server.close());

const features = (shape: number[], data: unknown[], datatype = 'FP64') => ({
  inputs: [{ name: 'features', shape, datatype, data }],
});

interface Case {
  readonly title: string;
  readonly url?: string;
  readonly body: unknown;
  readonly contentType?: string;
  readonly status: number;
  readonly message: RegExp;
}

const cases: Case[] = [
  { title: 'malformed JSON', body: '{"inputs": [', status: 400, message: /JSON/i },
  { title: 'empty body', body: '', status: 400, message: /body/i },
  {
    title: 'not JSON',
    body: '<x/>',
    contentType: 'application/xml',
    status: 415,
    message: /Unsupported Media Type: application\/xml/,
  },
  {
    title: 'plain text',
    body: 'features=1',
    contentType: 'text/plain',
    status: 400,
    message: /Invalid request: body must be an object, found "features=1"/,
  },
  {
    title: 'no inputs',
    body: {},
    status: 400,
    message: /body must have required property 'inputs'/,
  },
  {
    title: 'empty inputs',
    body: { inputs: [] },
    status: 400,
    message: /body\/inputs must have at least one input tensor/,
  },
  {
    title: 'tensor without data',
    body: { inputs: [{ name: 'features', shape: [1, 3], datatype: 'FP64' }] },
    status: 400,
    message: /body\/inputs\/0 must have required property 'data'/,
  },
  {
    title: 'outputs not objects',
    body: { ...features([1, 3], [1, 2, 3]), outputs: ['prediction'] },
    status: 400,
    message: /body\/outputs\/0 must be an object, found "prediction"/,
  },
  {
    title: 'id not a string',
    body: { ...features([1, 3], [1, 2, 3]), id: 7 },
    status: 400,
    message: /body\/id must be a string, found 7/,
  },
  {
    title: 'inputs not an array',
    body: { inputs: 'x' },
    status: 400,
    message: /body\/inputs must be an array, found "x"/,
  },
  {
    title: 'bad datatype',
    body: features([1, 3], [1, 2, 3], 'FP128'),
    status: 400,
    message: /body\/inputs\/0\/datatype must be one of BOOL, .*, found "FP128"/,
  },
  {
    title: 'negative shape',
    body: features([-1, 3], [1, 2, 3]),
    status: 400,
    message: /body\/inputs\/0\/shape\/0 must be an integer >= 0, found -1/,
  },
  {
    title: 'shape as string',
    body: features(['1', 3] as unknown as number[], [1, 2, 3]),
    status: 400,
    message: /body\/inputs\/0\/shape\/0 must be an integer >= 0, found "1"/,
  },
  {
    title: 'scalar shape for a vector input',
    body: features([3], [1, 2, 3]),
    status: 400,
    message: /shape \[3\]; expected \[n, 3\]/,
  },
  {
    title: 'wrong dimension',
    body: features([1, 2], [1, 2]),
    status: 400,
    message: /dimension 2, but the model expects dimension 3/,
  },
  {
    title: 'data shorter than shape',
    body: features([2, 3], [1, 2, 3]),
    status: 400,
    message: /holds 6 values, but its data has 3/,
  },
  {
    title: 'a string value',
    body: features([1, 3], [1, 'two', 3]),
    status: 400,
    message: /data\[1\] \(row 0, element 1\): expected a number \(FP64\), found "two"/,
  },
  {
    title: 'a non-integer in INT32',
    body: features([1, 3], [1, 2.5, 3], 'INT32'),
    status: 400,
    message: /2\.5 is not a INT32 value/,
  },
  {
    title: 'BYTES for a vector',
    body: features([1, 3], ['a', 'b', 'c'], 'BYTES'),
    status: 400,
    message: /datatype BYTES.*expected a numeric datatype/,
  },
  {
    title: 'missing input',
    body: { inputs: [{ name: 'x', shape: [1], datatype: 'FP64', data: [1] }] },
    status: 400,
    message: /Unexpected input "x"; the model takes inputs \[features FP64 \[-1, 3\]\]/,
  },
  {
    title: 'input twice',
    body: {
      inputs: [features([1, 3], [1, 2, 3]).inputs[0], features([1, 3], [1, 2, 3]).inputs[0]],
    },
    status: 400,
    message: /given twice/,
  },
  {
    title: 'too deep nesting',
    body: features([1, 3], [[[1, 2, 3]]]),
    status: 400,
    message: /nested deeper than its shape/,
  },
  {
    title: 'too many rows',
    body: features([6, 1], [1, 2, 3, 4, 5, 6]),
    status: 400,
    message: /6 rows; this server accepts at most 5/,
  },
  {
    title: 'unknown output',
    body: { ...features([1, 3], [1, 2, 3]), outputs: [{ name: 'nope' }] },
    status: 400,
    message: /Unknown output "nope"; the model has outputs \[scaled, prediction, rawPrediction\]/,
  },
  {
    title: 'oversized body',
    body: features([1, 3], [1, 2, 3, ...new Array(3000).fill(1)]),
    status: 413,
    message: /too large: this server accepts at most 4096 bytes/,
  },
  {
    title: 'unknown model',
    url: '/v2/models/nope/infer',
    body: features([1, 3], [1, 2, 3]),
    status: 404,
    message: /Model "nope" not found; this server serves \[fraud\]/,
  },
  {
    title: 'v1: not an object',
    url: '/v1/models/fraud:predict',
    body: { instances: 3 },
    status: 400,
    message: /instances must be array/,
  },
  {
    title: 'v1: wrong vector size',
    url: '/v1/models/fraud:predict',
    body: { instances: [[1, 2]] },
    status: 400,
    message: /Column features, row 0: the vector has dimension 2 but the model expects dimension 3/,
  },
  {
    title: 'v1: wrong value type',
    url: '/v1/models/fraud:predict',
    body: { instances: [{ features: 'abc' }] },
    status: 400,
    message: /features/,
  },
  {
    title: 'v1: missing column',
    url: '/v1/models/fraud:predict',
    body: { instances: [{ other: [1, 2, 3] }] },
    status: 400,
    message: /features/,
  },
  {
    title: 'v1: unknown verb',
    url: '/v1/models/fraud:explain',
    body: { instances: [] },
    status: 400,
    message: /Unknown verb/,
  },
  {
    title: 'v1: unknown model',
    url: '/v1/models/nope:predict',
    body: { instances: [] },
    status: 404,
    message: /Model "nope" not found/,
  },
];

describe('bad input is the client’s fault', () => {
  it.each(cases)('$title → $status', async (c) => {
    const response = await server.app.inject({
      method: 'POST',
      url: c.url ?? '/v2/models/fraud/infer',
      payload: typeof c.body === 'string' ? c.body : JSON.stringify(c.body),
      headers: { 'content-type': c.contentType ?? 'application/json' },
    });
    expect(response.statusCode).toBe(c.status);
    const body = response.json();
    expect(body.error).toMatch(c.message);
  });

  it('answers unknown routes with 404 naming the route', async () => {
    const response = await server.app.inject({ url: '/v3/anything' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toContain('No route GET /v3/anything');
  });

  it('counts failures per model and reason in the metrics', async () => {
    await server.app.inject({
      method: 'POST',
      url: '/v2/models/fraud/infer',
      payload: features([1, 2], [1, 2]),
    });
    const text = (await server.app.inject({ url: '/metrics' })).body;
    expect(text).toMatch(
      /servable_request_errors_total\{model="fraud",endpoint="infer",code="400",reason="INVALID_REQUEST"\} \d+/,
    );
    expect(text).toMatch(
      /servable_request_errors_total\{model="_unknown",endpoint="infer",code="404",reason="MODEL_NOT_FOUND"\} 1/,
    );
  });
});
