import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { Vectors } from '@servable/linalg';
import { buildTFConfig, TFEstimator, TFModel, TFNodeError } from '@servable/tf-bridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCRIPTS } from './support.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tf-python-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const script = join(SCRIPTS, 'echo_double.py');
const df = (n: number) =>
  DataFrame.fromColumns(
    ['x', 'name'],
    [DataTypes.DOUBLE, DataTypes.STRING],
    [
      Float64Array.from({ length: n }, (_, i) => i),
      Array.from({ length: n }, (_, i) => `r,"${i}"`),
    ],
  );

const python = () =>
  new TFEstimator()
    .setBackend('python')
    .setScript(script)
    .setSelectedCols(['x'])
    .setOutputCols(['y', 'node'])
    .setOutputTypes(['DOUBLE', 'STRING']);

describe('TF_CONFIG', () => {
  it('makes worker 0 the chief and shifts the other workers down', () => {
    const addresses = { workers: ['a:1', 'b:2', 'c:3'], ps: ['p:9'] };
    expect(buildTFConfig(addresses, { role: 'worker', index: 0 })).toEqual({
      cluster: { chief: ['a:1'], worker: ['b:2', 'c:3'], ps: ['p:9'] },
      task: { type: 'chief', index: 0 },
    });
    expect(buildTFConfig(addresses, { role: 'worker', index: 2 }).task).toEqual({
      type: 'worker',
      index: 1,
    });
    expect(buildTFConfig(addresses, { role: 'ps', index: 0 }).task).toEqual({
      type: 'ps',
      index: 0,
    });
  });
});

describe('python backend', () => {
  it('trains in worker + ps processes with TF_CONFIG; input coding without output coding (problem 6)', async () => {
    const out = join(work, 'train');
    await import('node:fs/promises').then((fs) => fs.mkdir(out));
    const model = await python()
      .setEntryFunc('train')
      .setWorkerNum(2)
      .setPsNum(1)
      .setCoding('csv')
      .setOutputCoding('none')
      .setSelectedCols(['x', 'name'])
      .setHyperParams([`out=${out}`, 'lr=0.1'])
      .fit(df(5));
    const chief = JSON.parse(await readFile(join(out, 'chief-0.json'), 'utf8'));
    const worker = JSON.parse(await readFile(join(out, 'worker-0.json'), 'utf8'));
    expect(chief.node_type).toBe('chief');
    expect(worker).toMatchObject({ node_type: 'worker', index: 0 });
    expect(chief.rows).toEqual([
      [0, 'r,"0"'],
      [2, 'r,"2"'],
      [4, 'r,"4"'],
    ]);
    expect(worker.rows).toEqual([
      [1, 'r,"1"'],
      [3, 'r,"3"'],
    ]);
    expect(chief.tf_config.cluster.chief).toHaveLength(1);
    expect(chief.tf_config.cluster.worker).toHaveLength(1);
    expect(chief.tf_config.cluster.ps).toHaveLength(1);
    expect(chief.hyper).toMatchObject({ lr: '0.1' });
    expect(chief.counts).toEqual({ worker: 2, ps: 1 });
    expect(model.supportServable()).toBe(false);
  });

  it('runs inference in Python and appends typed columns (json, csv and tf.Example input coding)', async () => {
    for (const coding of ['json', 'csv', 'example'] as const) {
      const model = new TFModel()
        .setBackend('python')
        .setScript(script)
        .setSelectedCols(['x'])
        .setOutputCols(['y', 'node'])
        .setOutputTypes(['DOUBLE', 'STRING'])
        .setCoding(coding)
        .setOutputCoding(coding === 'csv' ? 'csv' : 'json')
        .setWorkerNum(2);
      const out = await model.transform(df(5));
      expect(Array.from(out.getDoubles('y'))).toEqual([0, 2, 4, 6, 8]);
      expect(out.getValues('node')).toEqual([
        'chief:0',
        'chief:0',
        'chief:0',
        'worker:0',
        'worker:0',
      ]);
    }
  });

  it('never deadlocks on a slow script that reads everything before writing', async () => {
    const n = 20_000;
    const pad = 'p'.repeat(40);
    const big = DataFrame.fromColumns(
      ['x', 'pad'],
      [DataTypes.DOUBLE, DataTypes.STRING],
      [Float64Array.from({ length: n }, (_, i) => i), Array.from({ length: n }, () => pad)],
    );
    const model = new TFModel()
      .setBackend('python')
      .setScript(script)
      .setInferenceEntryFunc('slow_echo')
      .setSelectedCols(['x', 'pad'])
      .setOutputCols(['y', 'p'])
      .setOutputTypes(['DOUBLE', 'STRING']);
    const out = await model.transform(big);
    expect(out.getDoubles('y')[n - 1]).toBe(2 * (n - 1));
  });

  it('reports a failing node by name with its stderr', async () => {
    const raised = await python()
      .setEntryFunc('fail')
      .fit(df(3))
      .catch((e: unknown) => e);
    expect(raised).toBeInstanceOf(TFNodeError);
    expect((raised as TFNodeError).node).toBe('worker:0');
    expect((raised as TFNodeError).exitCode).toBe(1);
    expect((raised as TFNodeError).stderr).toMatch(/ValueError: bad hyper-parameter lr=-1/);
    const exited = await python()
      .setEntryFunc('exit_three')
      .setWorkerNum(2)
      .fit(df(3))
      .catch((e: unknown) => e);
    expect((exited as TFNodeError).message).toMatch(/^Node worker:[01] exited with code 3/);
    expect((exited as TFNodeError).stderr).toMatch(/giving up/);
    const missing = await python()
      .setEnvPath('/nonexistent/python3')
      .fit(df(1))
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(TFNodeError);
    const wrong = new TFModel()
      .setBackend('python')
      .setScript(script)
      .setInferenceEntryFunc('wrong_count')
      .setSelectedCols(['x'])
      .setOutputCols(['y', 'n'])
      .setOutputTypes(['DOUBLE', 'STRING']);
    await expect(wrong.transform(df(3))).rejects.toThrow(
      /Node worker:0 read 3 rows but wrote 1 output rows/,
    );
  });

  it('reads vectors over csv', async () => {
    const v = DataFrame.fromColumns(
      ['x'],
      [DataTypes.VECTOR(BasicType.DOUBLE)],
      [[Vectors.dense(1.5, 2), Vectors.dense(3, 4)]],
    );
    const model = new TFModel()
      .setBackend('python')
      .setScript(script)
      .setSelectedCols(['x'])
      .setOutputCols(['y', 'node'])
      .setOutputTypes(['DOUBLE', 'STRING'])
      .setCoding('csv');
    expect(Array.from((await model.transform(v)).getDoubles('y'))).toEqual([3, 6]);
  });
});
