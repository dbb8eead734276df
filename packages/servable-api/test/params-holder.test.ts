import { DenseVector } from '@servable/linalg';
import {
  applyParamMapJson,
  CATEGORICAL_COLS,
  DoubleParam,
  ELASTIC_NET,
  EventTimeTumblingWindows,
  FEATURES_COL,
  GlobalWindows,
  HANDLE_INVALID,
  type HandleInvalid,
  HasFeaturesCol,
  HasHandleInvalid,
  HasInputCols,
  HasMaxAllowedModelDelayMs,
  HasModelVersionCol,
  HasPredictionCol,
  HasSeed,
  HasWindows,
  INPUT_COLS,
  IntParam,
  InvalidParamError,
  MAX_ITER,
  MODEL_VERSION_COL,
  NUM_FEATURES,
  ParamError,
  ParamJsonError,
  ParamsHolder,
  ParamValidators,
  PREDICTION_COL,
  paramMapToJson,
  paramMixin,
  parseJson,
  RAW_PREDICTION_COL,
  RELATIVE_ERROR,
  SEED,
  TOL,
  UnknownParamError,
  VectorParam,
  WEIGHT_COL,
  WINDOWS,
  type WithParams,
  writeJson,
} from '@servable/servable-api';
import { describe, expect, expectTypeOf, it } from 'vitest';

// A tiny servable-like holder: shared params through mixins, one own param with accessors, one
// bare param.
const THRESHOLD = new DoubleParam(
  'threshold',
  'The threshold.',
  0.5,
  ParamValidators.inRange(0, 1),
);
interface HasThreshold {
  getThreshold(): number;
  setThreshold(value: number): this;
}
const HasThreshold = paramMixin<HasThreshold>(THRESHOLD, 'Threshold');
const K = new IntParam('k', 'The number of neighbours.', 5, ParamValidators.gt(0));

class TinyServable extends ParamsHolder.with(
  HasFeaturesCol,
  HasPredictionCol,
  HasHandleInvalid,
  HasThreshold,
  K,
) {
  describe(): string {
    return `${this.getFeaturesCol()} -> ${this.getPredictionCol()} (k=${this.get(K)})`;
  }
}

class OnlineThing extends ParamsHolder.with(
  HasInputCols,
  HasModelVersionCol,
  HasMaxAllowedModelDelayMs,
  HasSeed,
  HasWindows,
) {}

describe('ParamsHolder.with: typed accessors from mixins', () => {
  it('starts with the defaults and chains typed setters', () => {
    const s = new TinyServable();
    expect(s.describe()).toBe('features -> prediction (k=5)');
    const same = s.setFeaturesCol('f').setPredictionCol('p').setThreshold(0.25).set(K, 3);
    expect(same).toBe(s);
    expectTypeOf(same).toEqualTypeOf<TinyServable>();
    expectTypeOf(s.getThreshold()).toEqualTypeOf<number>();
    expectTypeOf(s.getHandleInvalid()).toEqualTypeOf<HandleInvalid>();
    expect(s.describe()).toBe('f -> p (k=3)');
    expect(s.getThreshold()).toBe(0.25);
    expect(s.get(FEATURES_COL)).toBe('f');
    expect(s.getParams().map((p) => p.name)).toEqual([
      'featuresCol',
      'predictionCol',
      'handleInvalid',
      'threshold',
      'k',
    ]);
  });

  it('satisfies WithParams<Self>', () => {
    const holder: WithParams<TinyServable> = new TinyServable();
    expect(holder.set(K, 2).get(K)).toBe(2);
  });

  it('validates in setters with Java messages', () => {
    const s = new TinyServable();
    expect(() => s.setThreshold(2)).toThrow(
      'Parameter threshold is given an invalid value 2.0 (rule: in [0, 1])',
    );
    expect(() => s.set(K, 0)).toThrow('Parameter k is given an invalid value 0 (rule: > 0)');
    expect(() => s.setHandleInvalid('drop' as HandleInvalid)).toThrow(
      'Parameter handleInvalid is given an invalid value drop (rule: in [error, skip, keep])',
    );
    expect(s.getThreshold()).toBe(0.5);
  });

  it('refuses params it does not define, listing its own', () => {
    const s = new TinyServable();
    try {
      s.set(MAX_ITER, 3);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownParamError);
      expect((error as Error).message).toBe(
        'Parameter maxIter is not defined on TinyServable; its params are ' +
          '[featuresCol, predictionCol, handleInvalid, threshold, k].',
      );
    }
    expect(() => s.get(MAX_ITER)).toThrow(UnknownParamError);
  });

  it('identifies params by name', () => {
    const s = new TinyServable();
    const lookalike = new IntParam('k', 'another k', 1);
    s.set(lookalike, 7);
    expect(s.get(K)).toBe(7);
    expect(s.hasParam('k')).toBe(true);
    expect(s.getParam('threshold')).toBe(THRESHOLD);
  });

  it('rejects two different params with the same name', () => {
    expect(() => new ParamsHolder([K, new IntParam('k', 'other', 1)])).toThrow(ParamError);
    expect(new ParamsHolder([K, K]).getParams()).toEqual([K]);
  });

  it('takes extra params through the constructor', () => {
    const extra = new IntParam('extra', 'e', 1);
    const s = new TinyServable([extra]);
    expect(s.set(extra, 4).get(extra)).toBe(4);
  });
});

describe('null handling', () => {
  it('get() throws for a null value the validator rejects (inputCols never set)', () => {
    const o = new OnlineThing();
    expect(() => o.getInputCols()).toThrow("Parameter inputCols's value should not be null");
    expect(() => o.setInputCols([])).toThrow(/invalid value \{\} \(rule: non-empty array\)/);
    expect(o.setInputCols(['a', 'b']).getInputCols()).toEqual(['a', 'b']);
  });

  it('nullable params return null', () => {
    const o = new OnlineThing();
    expect(o.getModelVersionCol()).toBe('version');
    expect(o.setModelVersionCol(null).getModelVersionCol()).toBeNull();
    expect(o.getSeed()).toBeNull();
    expectTypeOf(o.getSeed()).toEqualTypeOf<bigint | null>();
  });

  it('setters of long params accept numbers and bigints', () => {
    const o = new OnlineThing();
    expect(o.setSeed(42).getSeed()).toBe(42n);
    expect(o.setSeed(2n ** 62n).getSeed()).toBe(2n ** 62n);
    expect(o.setMaxAllowedModelDelayMs(1000).getMaxAllowedModelDelayMs()).toBe(1000n);
    expect(() => o.setMaxAllowedModelDelayMs(-1)).toThrow(/invalid value -1 \(rule: >= 0\)/);
    expect(() => o.setSeed(1.5)).toThrow(/expected long, found number 1.5/);
  });

  it('set(null) on a non-null param fails', () => {
    const s = new TinyServable();
    expect(() => s.set(FEATURES_COL, null as unknown as string)).toThrow(
      "Parameter featuresCol's value should not be null",
    );
  });
});

describe('shared params follow Flink ML', () => {
  it.each([
    [FEATURES_COL, 'features', 'not null'],
    [PREDICTION_COL, 'prediction', 'not null'],
    [RAW_PREDICTION_COL, 'rawPrediction', 'not null'],
    [INPUT_COLS, null, 'non-empty array'],
    [WEIGHT_COL, null, 'any value'],
    [HANDLE_INVALID, 'error', 'in [error, skip, keep]'],
    [CATEGORICAL_COLS, [], 'not null'],
    [NUM_FEATURES, 262144, '> 0'],
    [MODEL_VERSION_COL, 'version', 'any value'],
    [WINDOWS, GlobalWindows.INSTANCE, 'not null'],
    [RELATIVE_ERROR, 0.001, 'in [0, 1]'],
    [SEED, null, 'any value'],
    [MAX_ITER, 20, '> 0'],
    [TOL, 1e-6, '>= 0'],
    [ELASTIC_NET, 0, 'in [0, 1]'],
  ])('%s', (param, defaultValue, rule) => {
    expect(param.defaultValue).toEqual(defaultValue);
    expect(param.validator.rule).toBe(rule);
  });
});

describe('paramMapToJson / applyParamMapJson', () => {
  it('writes Java bytes: ints as 1, doubles as 1.0', () => {
    const s = new TinyServable().setThreshold(1);
    expect(writeJson(paramMapToJson(s))).toBe(
      '{"featuresCol":"features","predictionCol":"prediction","handleInvalid":"error","threshold":1.0,"k":5}',
    );
    const o = new OnlineThing()
      .setWindows(new EventTimeTumblingWindows(3000))
      .setSeed(2n ** 63n - 1n);
    expect(writeJson(paramMapToJson(o))).toBe(
      '{"inputCols":null,"modelVersionCol":"version","maxAllowedModelDelayMs":0,"seed":9223372036854775807,' +
        '"windows":{"class":"org.apache.flink.ml.common.window.EventTimeTumblingWindows","size":3000}}',
    );
  });

  it('round-trips a whole param map', () => {
    const s = new TinyServable().setFeaturesCol('x').setHandleInvalid('keep').setThreshold(0.75);
    const copy = applyParamMapJson(
      new TinyServable(),
      parseJson(writeJson(paramMapToJson(s))) as Record<string, never>,
    );
    expect(copy.getParamMap()).toEqual(s.getParamMap());
    expect(copy.getHandleInvalid()).toBe('keep');
  });

  it('keeps values absent from the map', () => {
    const s = applyParamMapJson(new TinyServable(), { k: 9 });
    expect([s.get(K), s.getFeaturesCol()]).toEqual([9, 'features']);
  });

  it('unknown names, bad JSON and invalid values name the param; nothing is applied', () => {
    const s = new TinyServable();
    expect(() => applyParamMapJson(s, { k: 2, nope: 1 })).toThrow(UnknownParamError);
    expect(s.get(K)).toBe(5);
    expect(() => applyParamMapJson(s, { k: 2, threshold: 'x' })).toThrow(ParamJsonError);
    expect(() => applyParamMapJson(s, { k: 2, threshold: 'x' })).toThrow(/Parameter threshold/);
    expect(() => applyParamMapJson(s, { featuresCol: 'y', k: 0 })).toThrow(InvalidParamError);
    expect(s.get(K)).toBe(5);
    expect(s.getFeaturesCol()).toBe('features');
  });

  it('a null saved for an unset inputCols fails like Java', () => {
    expect(() => applyParamMapJson(new OnlineThing(), { inputCols: null })).toThrow(
      "Parameter inputCols's value should not be null",
    );
  });

  it('decodes vectors and "NaN" strings through set()', () => {
    const SCALING = new VectorParam('scalingVec', 's', null);
    const MISSING = new DoubleParam('missingValue', 'm', Number.NaN);
    const h = new ParamsHolder([SCALING, MISSING]);
    applyParamMapJson(
      h,
      parseJson('{"scalingVec":{"values":[1.1,1.1]},"missingValue":"NaN"}') as Record<
        string,
        never
      >,
    );
    expect(h.get(SCALING)).toEqual(new DenseVector([1.1, 1.1]));
    expect(h.get(MISSING)).toBeNaN();
    expect(writeJson(paramMapToJson(h))).toBe(
      '{"scalingVec":{"values":[1.1,1.1]},"missingValue":"NaN"}',
    );
  });
});
