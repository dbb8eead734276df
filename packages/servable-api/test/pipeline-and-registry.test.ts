import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFrame, DataTypes } from '@servable/dataframe';
import {
  DuplicateServableClassError,
  formatStageCheck,
  ModelDataError,
  NoModelDataError,
  PipelineModelServable,
  ServableLoadError,
  ServableRegistry,
  StageNotFoundError,
  UnknownServableClassError,
  UnsupportedStageError,
} from '@servable/servable-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DoubleItServable,
  ShiftModelServable,
  shiftBytes,
  testPlugin,
} from './support/shift-servable.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'servable-pipeline-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const df = () => DataFrame.fromColumns(['a'], [DataTypes.DOUBLE], [Float64Array.of(1, 2)]);

function shift(input: string, output: string, by: number): ShiftModelServable {
  return new ShiftModelServable()
    .setInputCol(input)
    .setOutputCol(output)
    .setModel({ shift: by, version: 0n });
}

function pipeline(): PipelineModelServable {
  return new PipelineModelServable([
    shift('a', 'b', 10),
    new DoubleItServable().setInputCol('b').setOutputCol('c'),
    { name: 'last', servable: shift('c', 'd', 100) },
  ]);
}

const registry = () => new ServableRegistry().register(testPlugin);

describe('PipelineModelServable', () => {
  it('applies the stages in order', () => {
    const out = pipeline().transform(df());
    expect(Array.from(out.getDoubles('d'))).toEqual([122, 124]);
  });

  it('names stages by index, unique simple class name and user name', () => {
    const p = pipeline();
    expect(p.getStageNames(0)).toEqual(['0']);
    expect(p.getStageNames(1)).toEqual(['1', 'DoubleIt']);
    expect(p.getStageNames(2)).toEqual(['2', 'last']);
    expect(p.getStage('DoubleIt')).toBe(p.getStages()[1]);
    expect(p.getStage(2)).toBe(p.getStage('last'));
    expect(() => p.getStage('ShiftModel')).toThrow(StageNotFoundError);
    expect(() => p.getStage('ShiftModel')).toThrow(/Stages: \[0, 1\|DoubleIt, 2\|last\]/);
    expect(() => new PipelineModelServable([{ name: '7', servable: shift('a', 'b', 1) }])).toThrow(
      /not all digits/,
    );
  });

  it('setStageModelData routes bytes to one stage', async () => {
    const p = pipeline();
    await p.setStageModelData('last', shiftBytes(1000));
    expect(Array.from(p.transform(df()).getDoubles('d'))).toEqual([1022, 1024]);
    await expect(p.setStageModelData('DoubleIt', shiftBytes(1))).rejects.toBeInstanceOf(
      NoModelDataError,
    );
  });

  it('setModelData updates several stages atomically: one bad input changes nothing', async () => {
    const p = pipeline();
    await expect(
      p.setModelData({ 0: shiftBytes(20), last: shiftBytes(7).subarray(0, 10) }),
    ).rejects.toBeInstanceOf(ModelDataError);
    expect(Array.from(p.transform(df()).getDoubles('d'))).toEqual([122, 124]);
    await p.setModelData({ 0: shiftBytes(20), last: [shiftBytes(7)] });
    expect(Array.from(p.transform(df()).getDoubles('d'))).toEqual([49, 51]);
    await expect(p.setModelData({ 0: shiftBytes(1), '0/1': shiftBytes(1) })).rejects.toThrow(
      /is not a PipelineModel/,
    );
    await expect(p.setModelData({ 2: shiftBytes(1), last: shiftBytes(2) })).rejects.toThrow(
      /same stage/,
    );
  });

  it('routes model data into nested pipelines with / paths', async () => {
    const inner = new PipelineModelServable([shift('a', 'b', 1), shift('b', 'c', 2)]);
    const outer = new PipelineModelServable([
      inner,
      new DoubleItServable().setInputCol('c').setOutputCol('d'),
    ]);
    expect(outer.getStageNames(0)).toEqual(['0', 'PipelineModel']);
    await outer.setModelData({ 'PipelineModel/0': shiftBytes(10), '0/1': shiftBytes(20) });
    expect(Array.from(outer.transform(df()).getDoubles('d'))).toEqual([62, 64]);
    await expect(outer.setModelData({ 0: shiftBytes(1) })).rejects.toThrow(
      /address one of its stages/,
    );
  });

  it('saves Flink ML layout and loads back (nested, >9 stages padded)', async () => {
    const stages = Array.from({ length: 10 }, (_, i) =>
      shift(i === 0 ? 'a' : `s${i - 1}`, `s${i}`, i),
    );
    const nested = new PipelineModelServable([new PipelineModelServable(stages)]);
    const dir = join(work, 'nested');
    await nested.save(dir);
    const top = JSON.parse(await readFile(join(dir, 'metadata'), 'utf8'));
    expect(top).toMatchObject({
      className: 'org.apache.flink.ml.builder.PipelineModel',
      numStages: 1,
      paramMap: {},
    });
    const inner = JSON.parse(await readFile(join(dir, 'stages', '0', 'metadata'), 'utf8'));
    expect(inner.numStages).toBe(10);
    const stage9 = JSON.parse(
      await readFile(join(dir, 'stages', '0', 'stages', '09', 'metadata'), 'utf8'),
    );
    expect(stage9).toMatchObject({
      className: 'com.example.ShiftModel',
      paramMap: { inputCol: 's8', outputCol: 's9' },
    });
    const loaded = await registry().load(dir);
    expect(loaded).toBeInstanceOf(PipelineModelServable);
    expect(Array.from(loaded.transform(df()).getDoubles('s9'))).toEqual([46, 47]);
    await expect(nested.save(dir)).rejects.toThrow(/already exists/);
    await nested.save(dir, { overwrite: true });
  });

  it('load names a class mismatch', async () => {
    const dir = join(work, 'not-a-pipeline');
    await shift('a', 'b', 1).save(dir);
    await expect(PipelineModelServable.load(dir, registry())).rejects.toBeInstanceOf(
      ServableLoadError,
    );
  });
});

describe('ServableRegistry', () => {
  it('names the class, the path and the plugins for an unknown class', async () => {
    const dir = join(work, 'unknown');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'metadata'),
      '{"className":"com.example.Nope","paramMap":{},"timestamp":1}',
    );
    const error = await registry()
      .load(dir)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownServableClassError);
    expect((error as Error).message).toBe(
      `No servable is registered for class com.example.Nope (stage ${dir}). Registered plugins: test-plugin.`,
    );
  });

  it('rejects estimators and GraphModels with a reason', async () => {
    const est = join(work, 'estimator');
    await mkdir(est, { recursive: true });
    await writeFile(
      join(est, 'metadata'),
      '{"className":"org.apache.flink.ml.classification.logisticregression.LogisticRegression","paramMap":{}}',
    );
    await expect(registry().load(est)).rejects.toBeInstanceOf(UnsupportedStageError);
    await expect(registry().load(est)).rejects.toThrow(/estimator, not a model/);
    const graph = join(work, 'graph');
    await mkdir(graph, { recursive: true });
    await writeFile(
      join(graph, 'metadata'),
      '{"className":"org.apache.flink.ml.builder.GraphModel","paramMap":{}}',
    );
    await expect(registry().load(graph)).rejects.toThrow(/GraphModel is not supported/);
  });

  it('refuses two plugins serving the same class', () => {
    expect(() => registry().register({ name: 'again', servables: testPlugin.servables })).toThrow(
      DuplicateServableClassError,
    );
  });

  it('wraps invalid saved params in ServableLoadError naming the metadata file', async () => {
    const dir = join(work, 'bad-params');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'metadata'),
      '{"className":"com.example.DoubleIt","paramMap":{"inputCol":"x","nope":1}}',
    );
    const error = await registry()
      .load(dir)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServableLoadError);
    expect((error as Error).message).toContain(join(dir, 'metadata'));
    expect((error as Error).message).toContain('nope');
  });

  it('check reports stage by stage without loading model data', async () => {
    const dir = join(work, 'check');
    await new PipelineModelServable([shift('a', 'b', 1), new DoubleItServable()]).save(dir);
    // Stage 0: replace the data by an in-progress file only; stage 2: an unknown class.
    await rm(join(dir, 'stages', '0', 'data'), { recursive: true });
    await mkdir(join(dir, 'stages', '0', 'data'));
    await writeFile(join(dir, 'stages', '0', 'data', '.part-1-0.inprogress.2'), 'x');
    const metadata = JSON.parse(await readFile(join(dir, 'metadata'), 'utf8'));
    metadata.numStages = 3;
    await writeFile(join(dir, 'metadata'), JSON.stringify(metadata));
    await mkdir(join(dir, 'stages', '2'));
    await writeFile(
      join(dir, 'stages', '2', 'metadata'),
      '{"className":"com.example.Nope","paramMap":{}}',
    );

    const report = await registry().check(dir);
    expect(report.servable).toBe(false);
    expect(report.stages?.map((s) => [s.className, s.servable])).toEqual([
      ['com.example.ShiftModel', false],
      ['com.example.DoubleIt', true],
      ['com.example.Nope', false],
    ]);
    expect(report.stages?.[0]?.problems[0]).toContain('model data not committed yet');
    expect(report.stages?.[2]?.problems[0]).toContain('No servable is registered');
    expect(formatStageCheck(report)).toContain('FAIL');
  });

  it('check reports invalid params and ambiguous data', async () => {
    const dir = join(work, 'check2');
    await shift('a', 'b', 1).save(dir);
    await writeFile(join(dir, 'data', 'part-zzz-1'), shiftBytes(2));
    const metadata = JSON.parse(await readFile(join(dir, 'metadata'), 'utf8'));
    metadata.paramMap.inputCol = null;
    await writeFile(join(dir, 'metadata'), JSON.stringify(metadata));
    const report = await registry().check(dir);
    expect(report.servable).toBe(false);
    expect(report.problems.join('\n')).toMatch(/params invalid: .*inputCol/);
    expect(report.problems.join('\n')).toMatch(/model data ambiguous: .* 2 files/);
  });
});
