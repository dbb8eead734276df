import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFrame, DataTypes } from '@servable/dataframe';
import {
  type Estimator,
  HasInputCol,
  HasOutputCol,
  isEstimator,
  isModel,
  type Model,
  ParamsHolder,
  Pipeline,
  PipelineError,
  PipelineModel,
  PipelineModelServable,
  type SaveOptions,
  ServableModel,
  ServableRegistry,
} from '@servable/servable-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DoubleItServable, ShiftModelServable, testPlugin } from './support/shift-servable.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'servable-pipeline-api-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Fits a shift that centres its input column on 0 (the model subtracts the column's mean). */
class CenterEstimator
  extends ParamsHolder.with(HasInputCol, HasOutputCol)
  implements Estimator<ServableModel<ShiftModelServable>>
{
  readonly className = 'com.example.Center';
  readonly seen: number[][] = [];
  async fit(input: DataFrame): Promise<ServableModel<ShiftModelServable>> {
    const values = Array.from(input.getDoubles(this.getInputCol()));
    this.seen.push(values);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const servable = new ShiftModelServable()
      .setInputCol(this.getInputCol())
      .setOutputCol(this.getOutputCol())
      .setModel({ shift: -mean, version: BigInt(this.seen.length) });
    return new ServableModel(servable);
  }
  async save(): Promise<void> {}
}

/** A model without a servable form (async transform). */
class AsyncOnlyModel extends ParamsHolder implements Model {
  readonly className = 'com.example.AsyncOnly';
  constructor() {
    super([]);
  }
  async transform(input: DataFrame): Promise<DataFrame> {
    return input.addColumn('async', DataTypes.DOUBLE, new Float64Array(input.numRows()).fill(1));
  }
  supportServable(): boolean {
    return false;
  }
  toServable(): never {
    throw new Error('no servable');
  }
  async save(_path: string, _options?: SaveOptions): Promise<void> {}
}

const df = () => DataFrame.fromColumns(['a'], [DataTypes.DOUBLE], [Float64Array.of(1, 2, 6)]);

describe('Pipeline', () => {
  it('fits each estimator on the output of the stages before it, in one process', async () => {
    const first = new CenterEstimator().setInputCol('b').setOutputCol('c');
    const second = new CenterEstimator().setInputCol('c').setOutputCol('d');
    const pipeline = new Pipeline([
      new DoubleItServable().setInputCol('a').setOutputCol('b'),
      first,
      second,
    ]);
    const model = await pipeline.fit(df());
    expect(first.seen).toEqual([[2, 4, 12]]);
    // The second estimator sees the first one's output: 2,4,12 centred on their mean 6.
    expect(second.seen).toEqual([[-4, -2, 6]]);
    expect(model).toBeInstanceOf(PipelineModel);
    expect(model.stages).toHaveLength(3);
    const out = await model.transform(df());
    expect(Array.from(out.getDoubles('d'))).toEqual([-4, -2, 6]);
  });

  it('does not apply stages after the last estimator while fitting', async () => {
    const est = new CenterEstimator().setInputCol('a').setOutputCol('c');
    let calls = 0;
    const counting = new AsyncOnlyModel();
    const original = counting.transform.bind(counting);
    counting.transform = (input) => {
      calls++;
      return original(input);
    };
    const model = await new Pipeline([est, counting]).fit(df());
    expect(calls).toBe(0);
    await model.transform(df());
    expect(calls).toBe(1);
  });

  it('saves a fitted PipelineModel in Flink ML layout that the registry serves', async () => {
    const model = await new Pipeline([
      new DoubleItServable().setInputCol('a').setOutputCol('b'),
      new CenterEstimator().setInputCol('b').setOutputCol('c'),
    ]).fit(df());
    expect(model.supportServable()).toBe(true);
    const path = join(work, 'fitted');
    await model.save(path, { timestamp: 5 });
    const metadata = JSON.parse(await readFile(join(path, 'metadata'), 'utf8'));
    expect(metadata).toMatchObject({
      className: 'org.apache.flink.ml.builder.PipelineModel',
      numStages: 2,
      paramMap: {},
      timestamp: 5,
    });
    const loaded = await new ServableRegistry().register(testPlugin).load(path);
    expect(loaded).toBeInstanceOf(PipelineModelServable);
    const expected = (await model.transform(df())).getDoubles('c');
    expect(Array.from(loaded.transform(df()).getDoubles('c'))).toEqual(Array.from(expected));
    expect(Array.from(model.toServable().transform(df()).getDoubles('c'))).toEqual([-4, -2, 6]);
  });

  it('reports models without a servable form and names failing stages', async () => {
    const model = await new Pipeline([new AsyncOnlyModel()]).fit(df());
    expect(model.supportServable()).toBe(false);
    expect(() => model.toServable()).toThrow(PipelineError);
    expect(() => model.toServable()).toThrow(/Stage 0 \(AsyncOnly\) has no servable form/);
    const failing = new CenterEstimator().setInputCol('missing').setOutputCol('x');
    const error = await new Pipeline([failing]).fit(df()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).stage).toBe(0);
    expect((error as PipelineError).message).toMatch(/Stage 0 \(Center\) failed in fit/);
    await expect(new Pipeline([{} as never]).fit(df())).rejects.toThrow(/neither an estimator/);
  });

  it('tells estimators and models apart', () => {
    expect(isEstimator(new CenterEstimator())).toBe(true);
    expect(isModel(new CenterEstimator())).toBe(false);
    expect(isModel(new AsyncOnlyModel())).toBe(true);
    expect(isModel(new DoubleItServable())).toBe(false);
  });
});
