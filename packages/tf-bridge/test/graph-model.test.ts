import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { Vectors } from '@servable/linalg';
import { ServableRegistry } from '@servable/servable-api';
import {
  decodeTFModelBundle,
  encodeTFModelBundle,
  fileSystemIO,
  readModelBundle,
  TFModelServable,
  tf,
  tfBridgePlugin,
} from '@servable/tf-bridge';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A hand-written TF.js graph model (test/fixtures/graph-model): x [-1, 2] → MatMul(W) →
// BiasAdd(b) → logits, with two heads Relu(logits) and Sigmoid(logits); W and b in weights.bin.
const DIR = fileURLToPath(new URL('./fixtures/graph-model/', import.meta.url));
const W = [
  [0.5, -1, 2],
  [1.5, 0.25, -0.75],
];
const B = [0.1, -0.2, 0.3];

/** The model's outputs computed by hand (float32 weights are exact: they are dyadic). */
function manual(x: readonly [number, number]): { relu: number[]; sigmoid: number[] } {
  const logits = B.map((b, j) => x[0] * (W[0]?.[j] as number) + x[1] * (W[1]?.[j] as number) + b);
  return {
    relu: logits.map((l) => Math.max(0, l)),
    sigmoid: logits.map((l) => 1 / (1 + Math.exp(-l))),
  };
}

function frame(xs: readonly (readonly [number, number])[]): DataFrame {
  return DataFrame.fromColumns(
    ['id', 'features'],
    [DataTypes.INT, DataTypes.VECTOR(BasicType.DOUBLE)],
    [xs.map((_, i) => i), xs.map((x) => Vectors.dense(x[0], x[1]))],
  );
}

function expectOutputs(out: DataFrame, xs: readonly (readonly [number, number])[]): void {
  expect(out.getColumnNames()).toEqual(['id', 'features', 'relu', 'sigmoid']);
  const relu = out.getVectors('relu');
  const sigmoid = out.getVectors('sigmoid');
  xs.forEach((x, r) => {
    const want = manual(x);
    for (let j = 0; j < 3; j++) {
      // float32 arithmetic against float64: within a few float32 ulps of the magnitude.
      const tol = 1e-6 * Math.max(1, Math.abs(x[0]) + Math.abs(x[1]));
      expect(Math.abs((relu[r]?.get(j) as number) - (want.relu[j] as number))).toBeLessThan(tol);
      expect(Math.abs((sigmoid[r]?.get(j) as number) - (want.sigmoid[j] as number))).toBeLessThan(
        tol,
      );
    }
  });
}

const ROWS: (readonly [number, number])[] = [
  [0, 0],
  [1, 2],
  [-3, 0.5],
  [2.5, -4],
];

const servable = () =>
  new TFModelServable()
    .setSelectedCols(['features'])
    .setOutputCols(['relu', 'sigmoid'])
    .setOutputTypes(['VECTOR(DOUBLE)', 'VECTOR(DOUBLE)']);

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tf-graph-model-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a hand-written TF.js graph model', () => {
  it('loads through fileSystemIO with its placeholder input and both heads as outputs', async () => {
    const model = await tf.loadGraphModel(fileSystemIO(DIR));
    expect(model.inputs.map((i) => i.name)).toEqual(['x']);
    expect(model.outputs.map((o) => o.name).sort()).toEqual(['relu', 'sigmoid']);
    const [relu, sigmoid] = model.execute(tf.tensor2d([[1, 2]]), [
      'relu',
      'sigmoid',
    ]) as tf.Tensor[];
    expect(Array.from(relu?.dataSync() ?? [])).toEqual(manual([1, 2]).relu.map(Math.fround));
    expect(sigmoid?.shape).toEqual([1, 3]);
    model.dispose();
  });

  it('becomes a graph bundle that TFModelServable serves, matching the manual computation', async () => {
    const bundle = await readModelBundle(join(DIR, 'model.json'));
    expect(bundle.kind).toBe('graph');
    expect(bundle.weightData.length).toBe(9 * 4);
    const bytes = encodeTFModelBundle({ ...bundle, version: 5n });
    expect(decodeTFModelBundle(bytes, 'graph bundle').bundle.kind).toBe('graph');
    const s = await servable().setModelData(bytes);
    expect(s.getTFModel()).toBeInstanceOf(tf.GraphModel);
    expectOutputs(s.transform(frame(ROWS)), ROWS);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -20, max: 20, noNaN: true }),
            fc.double({ min: -20, max: 20, noNaN: true }),
          ),
          { minLength: 1, maxLength: 20 },
        ),
        (xs) => {
          // Inputs are fed as float32: compare with the rounded inputs.
          const rounded = xs.map(([a, b]) => [Math.fround(a), Math.fround(b)] as const);
          expectOutputs(s.transform(frame(rounded)), rounded);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('saves as a TF model stage and loads through the registry as a graph model', async () => {
    const s = await servable().setModelData(
      encodeTFModelBundle({ ...(await readModelBundle(DIR)), version: 7n }),
    );
    const path = join(work, 'graph-stage');
    await s.save(path);
    const loaded = await new ServableRegistry().register(tfBridgePlugin).load(path);
    expect(loaded).toBeInstanceOf(TFModelServable);
    const served = loaded as TFModelServable;
    expect(BigInt(served.getModelVersion() ?? -1)).toBe(7n);
    expect(served.getTFModel()).toBeInstanceOf(tf.GraphModel);
    expectOutputs(served.transform(frame(ROWS)), ROWS);
  });
});
