import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, Vectors } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  FeatureDimensionError,
  MissingColumnError,
  ModelDataError,
  ModelNotLoadedError,
  PipelineModelServable,
  ServableRegistry,
} from '@servable/servable-api';
import {
  LogisticRegressionModelServable,
  StandardScalerModelServable,
  servableLib,
} from '@servable/servable-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzModelData } from './support/decoder-fuzz.js';
import { caseInput, expectCaseOutput, loadVectorFile } from './support/flink-vectors.js';
import {
  bitsToDouble,
  type Expected,
  inputFrame,
  LR_DIR,
  readExpected,
} from './support/lr-default.js';

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/** Asserts Flink ML's answers: predictions exact, rawPrediction bit for bit. */
function expectFlinkAnswers(out: DataFrame, expected: Expected): void {
  const rows = out.collect();
  const pIndex = out.getIndex('prediction');
  const rIndex = out.getIndex('rawPrediction');
  expected.outputs.forEach((want, r) => {
    const row = rows[r];
    expect(row?.get(pIndex)).toBe(bitsToDouble(want.prediction.bits));
    const raw = row?.get(rIndex) as DenseVector;
    expect(raw).toBeInstanceOf(DenseVector);
    const wantRaw = want.rawPrediction.bits.map(bitsToDouble);
    for (let i = 0; i < wantRaw.length; i++) {
      const w = wantRaw[i] as number;
      const g = raw.values[i] as number;
      // Within 1e-12 relative (the bar) — and in fact bit for bit.
      expect(Math.abs(g - w)).toBeLessThanOrEqual(1e-12 * Math.abs(w));
      expect(Object.is(g, w), `row ${r} rawPrediction[${i}]: got ${g}, want ${w}`).toBe(true);
    }
  });
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'servable-lr-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function copyLr(name: string): Promise<{ dir: string; dataFile: string }> {
  const dir = join(work, name);
  await cp(LR_DIR, dir, { recursive: true });
  const [file] = await readdir(join(dir, 'data'));
  return { dir, dataFile: join(dir, 'data', file as string) };
}

describe('acceptance: registry.load(dir).transform(df) returns Flink ML answers', () => {
  it('on the lr-default directory saved by Flink ML Java', async () => {
    const expected = await readExpected();
    const df = inputFrame(expected);
    // expected.json holds Flink ML's bits from a Java 11+ JVM (fused multiply-adds in ddot):
    // reproducing them at tolerance 0 needs the 'java11' numerics.
    const registry = new ServableRegistry({ numerics: 'java11' }).register(servableLib);
    const servable = await registry.load(LR_DIR);
    const out = servable.transform(df);
    expect(out.collect()[0]?.get(out.getIndex('prediction'))).toBe(1);
    expect(out.getColumnNames()).toEqual(['features', 'prediction', 'rawPrediction']);
    expectFlinkAnswers(out, expected);
    expect(servable).toBeInstanceOf(LogisticRegressionModelServable);
    expect((servable as LogisticRegressionModelServable).getModelVersion()).toBe(7);
  });

  it('on a PipelineModel directory (StandardScaler + LR) written by the project', async () => {
    const expected = await readExpected();
    const lr = await LogisticRegressionModelServable.load(LR_DIR);
    // A scaler with std 1 and withMean = false maps every vector to itself (x * 1.0), so the
    // pipeline must reproduce Flink ML's LR answers exactly.
    const scaler = new StandardScalerModelServable()
      .setInputCol('raw')
      .setOutputCol('features')
      .setModel({
        mean: Vectors.dense(9, 9, 9, 9, 9),
        std: Vectors.dense(1, 1, 1, 1, 1),
        version: 0n,
        timestamp: 9223372036854775807n,
      });
    const dir = join(work, 'pipeline');
    await new PipelineModelServable([scaler, lr]).save(dir);

    // expected.json holds Flink ML's bits from a Java 11+ JVM (fused multiply-adds in ddot):
    // reproducing them at tolerance 0 needs the 'java11' numerics.
    // The registry's numerics must reach the LR stage nested in the pipeline.
    const registry = new ServableRegistry({ numerics: 'java11' }).register(servableLib);
    const servable = await registry.load(dir);
    expect(servable).toBeInstanceOf(PipelineModelServable);
    expect((servable as PipelineModelServable).getNumerics()).toBe('java11');
    const stage = (servable as PipelineModelServable).getStages()[1];
    expect((stage as LogisticRegressionModelServable).getNumerics()).toBe('java11');
    const df = inputFrame(expected, 'raw');
    const out = servable.transform(df);
    expect(out.getColumnNames()).toEqual(['raw', 'features', 'prediction', 'rawPrediction']);
    expect(out.collect()[0]?.get(out.getIndex('prediction'))).toBe(1);
    expectFlinkAnswers(out, expected);
  });
});

describe('LogisticRegressionModelServable', () => {
  const file = loadVectorFile('LogisticRegression');
  file.cases.forEach((c, i) => {
    it(`passes case ${i} of LogisticRegression.json (${c.notes?.slice(0, 40) ?? ''})`, () => {
      const data = c.modelData ?? file.modelData ?? {};
      const coefficient = (data.coefficient as { dense: number[] }).dense;
      const servable = new LogisticRegressionModelServable().setModel({
        coefficient: new DenseVector(coefficient),
        modelVersion: BigInt(data.modelVersion as number),
      });
      expectCaseOutput(servable.transform(caseInput(c)), c);
    });
  });

  it('setModelData with the bytes of the data file gives the same answers', async () => {
    const expected = await readExpected();
    const [name] = await readdir(join(LR_DIR, 'data'));
    const bytes = await readFile(join(LR_DIR, 'data', name as string));
    // expected.json holds Flink ML's bits from a Java 11+ JVM (fused multiply-adds in ddot):
    // reproducing them at tolerance 0 needs the 'java11' numerics.
    const servable = await new LogisticRegressionModelServable()
      .setNumerics('java11')
      .setModelData(new Uint8Array(bytes));
    expectFlinkAnswers(servable.transform(inputFrame(expected)), expected);
    expect(servable.getModelVersion()).toBe(7);
    expect(Array.from(servable.getModel()?.coefficient.values ?? [])).toEqual([
      0.5, -1.25, 2, 0, 3.5,
    ]);
    expect(servable.getModelData()).toEqual(new Uint8Array(bytes));
  });

  it('throws ModelNotLoadedError before any model data', () => {
    const df = DataFrame.fromColumns(['features'], [VECTOR], [[Vectors.dense(1)]]);
    expect(() => new LogisticRegressionModelServable().transform(df)).toThrow(ModelNotLoadedError);
    expect(() => new LogisticRegressionModelServable().transform(df)).toThrow(/setModelData/);
  });

  it('rejects a truncated data file, naming the file and the byte offset', async () => {
    const { dir, dataFile } = await copyLr('truncated');
    const bytes = await readFile(dataFile);
    await writeFile(dataFile, bytes.subarray(0, 47));
    const error = await LogisticRegressionModelServable.load(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDataError);
    const e = error as ModelDataError;
    expect(e.source).toBe(dataFile);
    expect(e.offset).toBe(44);
    expect(e.message).toContain(dataFile);
    expect(e.message).toContain('byte offset 44');
    expect(e.message).toMatch(/8 bytes for a long/);
  });

  it('rejects an extended data file (trailing bytes), naming the file and the byte offset', async () => {
    const { dir, dataFile } = await copyLr('extended');
    const bytes = await readFile(dataFile);
    await writeFile(dataFile, Buffer.concat([bytes, Buffer.from([0, 0, 0])]));
    const error = await LogisticRegressionModelServable.load(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDataError);
    expect((error as ModelDataError).offset).toBe(52);
    expect((error as ModelDataError).message).toContain(dataFile);
    expect((error as ModelDataError).message).toContain('byte offset 52');
  });

  it('rejects two records in the data directory as ambiguous, naming the files', async () => {
    const { dir, dataFile } = await copyLr('two-files');
    const second = join(dir, 'data', 'part-00000000-0000-0000-0000-000000000000-1');
    await cp(dataFile, second);
    const error = await LogisticRegressionModelServable.load(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelDataError);
    expect((error as Error).message).toContain('exactly one model data record, found 2');
    expect((error as Error).message).toContain(dataFile);
    expect((error as Error).message).toContain(second);
  });

  it('rejects a feature vector of the wrong dimension, naming column, row and both sizes', async () => {
    const servable = await LogisticRegressionModelServable.load(LR_DIR);
    const df = DataFrame.fromColumns(
      ['features'],
      [VECTOR],
      [[Vectors.dense(1, 2, 3, 4, 5), Vectors.dense(1, 2, 3)]],
    );
    const error = (() => {
      try {
        servable.transform(df);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(FeatureDimensionError);
    expect(error).toMatchObject({ column: 'features', row: 1, expected: 5, found: 3 });
    expect((error as Error).message).toBe(
      'Column features, row 1: the vector has dimension 3 but the model expects dimension 5.',
    );
  });

  it('rejects a missing features column, listing the columns present', async () => {
    const servable = await LogisticRegressionModelServable.load(LR_DIR);
    const df = DataFrame.fromColumns(
      ['f', 'label'],
      [VECTOR, DataTypes.DOUBLE],
      [[Vectors.dense(1, 2, 3, 4, 5)], [1]],
    );
    expect(() => servable.transform(df)).toThrow(MissingColumnError);
    expect(() => servable.transform(df)).toThrow(/features not found.*\[f, label\]/);
  });

  it('rejects a features column of the wrong type, naming expected and found types', async () => {
    const servable = await LogisticRegressionModelServable.load(LR_DIR);
    const df = DataFrame.fromColumns(['features'], [DataTypes.DOUBLE], [[1.5]]);
    expect(() => servable.transform(df)).toThrow(ColumnTypeMismatchError);
    expect(() => servable.transform(df)).toThrow(
      'Column features: expected VECTOR(DOUBLE), found DOUBLE.',
    );
  });

  it('uses the saved params (featuresCol) and round-trips through save/load', async () => {
    const servable = (await LogisticRegressionModelServable.load(LR_DIR))
      .setFeaturesCol('x')
      .setPredictionCol('p');
    const dir = join(work, 'saved-lr');
    await servable.save(dir);
    const loaded = await LogisticRegressionModelServable.load(dir);
    expect(loaded.getFeaturesCol()).toBe('x');
    expect(loaded.getPredictionCol()).toBe('p');
    expect(loaded.getModelData()).toEqual(servable.getModelData());
    const files = await readdir(join(dir, 'data'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(
      /^part-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-0$/,
    );
  });
});

describe('LogisticRegressionModelServable decoder', () => {
  it('survives corrupted model data (fuzz)', async () => {
    const expected = await readExpected();
    const df = inputFrame(expected);
    // expected.json holds Flink ML's bits from a Java 11+ JVM (fused multiply-adds in ddot):
    // reproducing them at tolerance 0 needs the 'java11' numerics.
    const s = (await LogisticRegressionModelServable.load(LR_DIR)).setNumerics('java11');
    expectFlinkAnswers(s.transform(df), expected);
    await fuzzModelData(s, (x) => {
      const out = x.transform(df);
      return [Array.from(out.getDoubles('prediction')), out.getVectors('rawPrediction')];
    });
  });
});
