import {
  createInferenceServer,
  type InferenceServer,
  TENSOR_DATATYPES,
} from '@servable/inference-server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPipeline } from './support/models.js';

let server: InferenceServer;
beforeAll(async () => {
  server = await createInferenceServer({
    models: [{ name: 'fraud', servable: buildPipeline() }],
    bodyLimit: 64 * 1024,
    maxBatchSize: 1000,
  });
});
afterAll(() => server.close());

const valid = JSON.stringify({
  id: 'x',
  inputs: [{ name: 'features', shape: [2, 3], datatype: 'FP64', data: [1, 2, 3, 4, 5, 6] }],
  outputs: [{ name: 'prediction' }],
});
const validRows = JSON.stringify({ instances: [{ features: [1, 2, 3] }, [4, 5, 6]] });

const anything = fc.jsonValue({ maxDepth: 3 });
const numberish = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1', null, true, [], {}),
);

/** Tensors with each part either plausible or arbitrary. */
const tensor = fc.record(
  {
    name: fc.oneof(fc.constant('features'), fc.string(), anything),
    shape: fc.oneof(
      fc.array(fc.integer({ min: -2, max: 6 }), { maxLength: 4 }),
      fc.array(fc.integer({ min: 0, max: 2 ** 31 }), { maxLength: 3 }),
      anything,
    ),
    datatype: fc.oneof(fc.constantFrom(...TENSOR_DATATYPES), fc.string(), anything),
    data: fc.oneof(
      fc.array(numberish, { maxLength: 20 }),
      fc.array(fc.array(numberish, { maxLength: 4 }), { maxLength: 6 }),
      fc.array(fc.string(), { maxLength: 6 }),
      anything,
    ),
  },
  { requiredKeys: [] },
);
const structured = fc
  .record(
    {
      id: fc.oneof(fc.string(), anything),
      inputs: fc.oneof(fc.array(tensor, { maxLength: 3 }), anything),
      outputs: fc.oneof(
        fc.array(fc.record({ name: fc.oneof(fc.string(), fc.constant('prediction')) })),
        anything,
      ),
      instances: fc.oneof(
        fc.array(
          fc.oneof(anything, fc.record({ features: fc.array(numberish, { maxLength: 5 }) })),
        ),
        anything,
      ),
    },
    { requiredKeys: [] },
  )
  .map((v) => JSON.stringify(v));

/** A valid body with a few characters replaced, inserted or deleted, or cut short. */
const mutated = fc
  .tuple(
    fc.constantFrom(valid, validRows),
    fc.array(
      fc.tuple(
        fc.constantFrom('replace', 'insert', 'delete', 'truncate'),
        fc.nat(),
        fc.constantFrom(...'{}[]",:-0123456789eE.aNtfn \\\u0000é'),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([body, edits]) => {
    let s = body;
    for (const [op, at, ch] of edits) {
      const i = at % (s.length + 1);
      if (op === 'replace') s = s.slice(0, i) + ch + s.slice(i + 1);
      else if (op === 'insert') s = s.slice(0, i) + ch + s.slice(i);
      else if (op === 'delete') s = s.slice(0, i) + s.slice(i + 1);
      else s = s.slice(0, i);
    }
    return s;
  });

const body = fc.oneof(
  { arbitrary: mutated, weight: 4 },
  { arbitrary: structured, weight: 4 },
  { arbitrary: anything.map((v) => JSON.stringify(v)), weight: 1 },
  { arbitrary: fc.string(), weight: 1 },
);
const url = fc.constantFrom(
  '/v2/models/fraud/infer',
  '/v1/models/fraud:predict',
  '/v2/models/fraud/versions/0.1/infer',
  '/v2/models/other/infer',
);

describe('fuzzing the inference endpoints', () => {
  it('answers 10,000 random and mutated bodies without a 5xx or a crash', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(url, body, async (path, payload) => {
        const response = await server.app.inject({
          method: 'POST',
          url: path,
          payload,
          headers: { 'content-type': 'application/json' },
        });
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        expect(response.statusCode, `${path} ${payload} -> ${response.body}`).toBeLessThan(500);
        if (response.statusCode >= 400) {
          expect(typeof response.json().error).toBe('string');
        }
      }),
      { numRuns: 10_000, seed: 289 },
    );
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(10_000);
    // Both successes and rejections were exercised.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(1000);
    // The server still answers normally afterwards.
    const after = await server.app.inject({
      method: 'POST',
      url: '/v2/models/fraud/infer',
      payload: valid,
      headers: { 'content-type': 'application/json' },
    });
    expect(after.statusCode).toBe(200);
  }, 120_000);
});
