import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { Vectors } from '@servable/linalg';
import {
  applyParamMapJson,
  FeatureDimensionError,
  ModelDataError,
  ServableRegistry,
} from '@servable/servable-api';
import { describeServableConformance } from '@servable/servable-api/testing';
import {
  STANDARD_SCALER_MODEL_DATA_FORMAT,
  type StandardScalerModelData,
  StandardScalerModelServable,
  servableLib,
} from '@servable/servable-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzModelData } from './support/decoder-fuzz.js';
import {
  caseInput,
  caseParams,
  expectCaseOutput,
  type FixtureJson,
  loadVectorFile,
  toVector,
} from './support/flink-vectors.js';

const file = loadVectorFile('StandardScaler');

function modelOf(data: Record<string, FixtureJson>): StandardScalerModelData {
  return {
    mean: toVector(data.mean as FixtureJson).toDense(),
    std: toVector(data.std as FixtureJson).toDense(),
    version: BigInt(data.version as number),
    // JSON.parse rounds 9223372036854775807 to 2^63; Flink ML writes Long.MAX_VALUE.
    timestamp: 9223372036854775807n,
  };
}

describe('StandardScalerModelServable', () => {
  file.cases.forEach((c, i) => {
    it(`passes case ${i} of StandardScaler.json ${JSON.stringify(c.params ?? {})}`, () => {
      const servable = new StandardScalerModelServable().setModel(
        modelOf((c.modelData ?? file.modelData) as Record<string, FixtureJson>),
      );
      applyParamMapJson(servable, caseParams(file, c) as Parameters<typeof applyParamMapJson>[1]);
      expectCaseOutput(servable.transform(caseInput(c)), c);
    });
  });

  it('keeps Long.MAX_VALUE timestamps exact through encode/decode', () => {
    const model = modelOf(file.modelData as Record<string, FixtureJson>);
    const bytes = STANDARD_SCALER_MODEL_DATA_FORMAT.encode(model);
    expect(bytes.length).toBe(4 + 24 + 4 + 24 + 16);
    const decoded = STANDARD_SCALER_MODEL_DATA_FORMAT.decode([{ source: 'x', bytes }]);
    expect(decoded.timestamp).toBe(9223372036854775807n);
    expect(decoded.version).toBe(0n);
    expect(decoded.mean.equals(model.mean)).toBe(true);
  });

  it('keeps sparse input sparse when withMean is false', () => {
    const servable = new StandardScalerModelServable().setModel(
      modelOf(file.modelData as Record<string, FixtureJson>),
    );
    const df = DataFrame.fromColumns(
      ['input'],
      [DataTypes.VECTOR(BasicType.DOUBLE)],
      [[Vectors.sparse(3, [1], [7.211102550927978])]],
    );
    const out = servable.transform(df).getVectors('output')[0];
    expect(out?.kind).toBe('sparse');
    expect(out?.get(1)).toBe(1);
  });

  it('rejects mean and std of different sizes', async () => {
    const bad = {
      ...modelOf(file.modelData as Record<string, FixtureJson>),
      std: Vectors.dense(1, 2),
    };
    expect(() => new StandardScalerModelServable().setModel(bad)).toThrow(ModelDataError);
    expect(() => new StandardScalerModelServable().setModel(bad)).toThrow(
      'mean has 3 values but std has 2',
    );
  });

  it('names column, row and both dimensions on a wrong-size vector', () => {
    const servable = new StandardScalerModelServable().setModel(
      modelOf(file.modelData as Record<string, FixtureJson>),
    );
    const df = DataFrame.fromColumns(
      ['input'],
      [DataTypes.VECTOR(BasicType.DOUBLE)],
      [[Vectors.dense(1, 2, 3), Vectors.dense(1, 2, 3, 4)]],
    );
    expect(() => servable.transform(df)).toThrow(FeatureDimensionError);
    expect(() => servable.transform(df)).toThrow(
      'Column input, row 1: the vector has dimension 4 but the model expects dimension 3.',
    );
  });

  describe('saved model data files', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'servable-ss-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reports a truncated data file with its path and byte offset', async () => {
      const stage = join(dir, 'ss');
      await new StandardScalerModelServable()
        .setModel(modelOf(file.modelData as Record<string, FixtureJson>))
        .save(stage);
      const [name] = await readdir(join(stage, 'data'));
      const path = join(stage, 'data', name as string);
      const bytes = await readFile(path);
      await writeFile(path, bytes.subarray(0, 30));
      const error = await StandardScalerModelServable.load(stage).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelDataError);
      expect((error as ModelDataError).source).toBe(path);
      // mean = 4 + 24 bytes; the std length int starts at 28 and is complete, its doubles are not.
      expect((error as ModelDataError).message).toContain(path);
      expect((error as ModelDataError).offset).toBe(28);
    });
  });
});

const conformanceCase = file.cases[2]!;
describeServableConformance({
  name: 'StandardScalerModelServable',
  registry: new ServableRegistry().register(servableLib),
  load: async () => {
    const servable = new StandardScalerModelServable()
      .setWithMean(true)
      .setWithStd(true)
      .setModel(modelOf(file.modelData as Record<string, FixtureJson>));
    return servable;
  },
  input: () => caseInput(conformanceCase),
  expected: {
    output: (conformanceCase.expected?.output ?? []).map((v) => toVector(v)),
  },
  tolerance: 1e-7,
});

describe('StandardScalerModelServable decoder', () => {
  it('survives corrupted model data (fuzz)', async () => {
    const c = file.cases[0]!;
    const s = new StandardScalerModelServable().setModel(
      modelOf((c.modelData ?? file.modelData) as Record<string, FixtureJson>),
    );
    applyParamMapJson(s, caseParams(file, c) as Parameters<typeof applyParamMapJson>[1]);
    expectCaseOutput(s.transform(caseInput(c)), c);
    const columns = Object.keys(c.expected ?? {});
    await fuzzModelData(s, (x) => {
      const out = x.transform(caseInput(c));
      return columns.map((column) => out.getValues(column));
    });
  });
});
