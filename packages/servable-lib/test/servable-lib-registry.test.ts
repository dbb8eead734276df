/**
 * The `servableLib` plugin as a whole: every registered class saves with its servable's own
 * `save()`, checks and loads back through a `ServableRegistry`, and transforms like the original;
 * the registered classes are exactly the ones this file covers, all from Flink ML's inventory
 * (spec §0); and a PipelineModel mixing several of them loads and transforms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFrame, type SchemaFieldSpec } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import {
  type AnyServable,
  applyParamMapJson,
  type JsonValue,
  ModelServable,
  PipelineModelServable,
  paramMapToJson,
  ServableRegistry,
  simpleClassName,
} from '@servable/servable-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BinarizerServable,
  BucketizerServable,
  COUNT_VECTORIZER_MODEL_CLASS,
  CountVectorizerModelServable,
  DCTServable,
  ElementwiseProductServable,
  FeatureHasherServable,
  HashingTFServable,
  IDF_MODEL_CLASS,
  IDFModelServable,
  IMPUTER_MODEL_CLASS,
  ImputerModelServable,
  IndexToStringModelServable,
  InteractionServable,
  K_BINS_DISCRETIZER_MODEL_CLASS,
  KBinsDiscretizerModelServable,
  KMeansModelServable,
  KnnModelServable,
  LinearRegressionModelServable,
  LinearSVCModelServable,
  LogisticRegressionModelServable,
  MAX_ABS_SCALER_MODEL_CLASS,
  MaxAbsScalerModelServable,
  MIN_HASH_LSH_MODEL_CLASS,
  MIN_MAX_SCALER_MODEL_CLASS,
  MinHashLSHModelServable,
  MinMaxScalerModelServable,
  NaiveBayesModelServable,
  NGramServable,
  NormalizerServable,
  ONE_HOT_ENCODER_MODEL_CLASS,
  OneHotEncoderModelServable,
  OnlineKMeansModelServable,
  OnlineLogisticRegressionModelServable,
  OnlineStandardScalerModelServable,
  PolynomialExpansionServable,
  RegexTokenizerServable,
  ROBUST_SCALER_MODEL_CLASS,
  RobustScalerModelServable,
  SQLTransformerServable,
  StandardScalerModelServable,
  StopWordsRemoverServable,
  StringIndexerModelServable,
  servableLib,
  TokenizerServable,
  UnivariateFeatureSelectorModelServable,
  VarianceThresholdSelectorModelServable,
  VectorAssemblerServable,
  VectorIndexerModelServable,
  VectorSlicerServable,
} from '../src/index.js';
import { modelDataRecordBytes } from './support/encodings.js';

/** Flink ML's servable algorithms (spec §0), by metadata `className`. */
const INVENTORY: readonly string[] = [
  'org.apache.flink.ml.classification.logisticregression.LogisticRegressionModel',
  'org.apache.flink.ml.classification.logisticregression.OnlineLogisticRegressionModel',
  'org.apache.flink.ml.classification.linearsvc.LinearSVCModel',
  'org.apache.flink.ml.classification.knn.KnnModel',
  'org.apache.flink.ml.classification.naivebayes.NaiveBayesModel',
  'org.apache.flink.ml.clustering.kmeans.KMeansModel',
  'org.apache.flink.ml.clustering.kmeans.OnlineKMeansModel',
  'org.apache.flink.ml.regression.linearregression.LinearRegressionModel',
  'org.apache.flink.ml.feature.countvectorizer.CountVectorizerModel',
  'org.apache.flink.ml.feature.idf.IDFModel',
  'org.apache.flink.ml.feature.imputer.ImputerModel',
  'org.apache.flink.ml.feature.kbinsdiscretizer.KBinsDiscretizerModel',
  'org.apache.flink.ml.feature.lsh.MinHashLSHModel',
  'org.apache.flink.ml.feature.maxabsscaler.MaxAbsScalerModel',
  'org.apache.flink.ml.feature.minmaxscaler.MinMaxScalerModel',
  'org.apache.flink.ml.feature.onehotencoder.OneHotEncoderModel',
  'org.apache.flink.ml.feature.robustscaler.RobustScalerModel',
  'org.apache.flink.ml.feature.standardscaler.StandardScalerModel',
  'org.apache.flink.ml.feature.standardscaler.OnlineStandardScalerModel',
  'org.apache.flink.ml.feature.stringindexer.StringIndexerModel',
  'org.apache.flink.ml.feature.stringindexer.IndexToStringModel',
  'org.apache.flink.ml.feature.univariatefeatureselector.UnivariateFeatureSelectorModel',
  'org.apache.flink.ml.feature.variancethresholdselector.VarianceThresholdSelectorModel',
  'org.apache.flink.ml.feature.vectorindexer.VectorIndexerModel',
  'org.apache.flink.ml.feature.binarizer.Binarizer',
  'org.apache.flink.ml.feature.bucketizer.Bucketizer',
  'org.apache.flink.ml.feature.dct.DCT',
  'org.apache.flink.ml.feature.elementwiseproduct.ElementwiseProduct',
  'org.apache.flink.ml.feature.featurehasher.FeatureHasher',
  'org.apache.flink.ml.feature.hashingtf.HashingTF',
  'org.apache.flink.ml.feature.interaction.Interaction',
  'org.apache.flink.ml.feature.ngram.NGram',
  'org.apache.flink.ml.feature.normalizer.Normalizer',
  'org.apache.flink.ml.feature.polynomialexpansion.PolynomialExpansion',
  'org.apache.flink.ml.feature.regextokenizer.RegexTokenizer',
  'org.apache.flink.ml.feature.sqltransformer.SQLTransformer',
  'org.apache.flink.ml.feature.stopwordsremover.StopWordsRemover',
  'org.apache.flink.ml.feature.tokenizer.Tokenizer',
  'org.apache.flink.ml.feature.vectorassembler.VectorAssembler',
  'org.apache.flink.ml.feature.vectorslicer.VectorSlicer',
];

/** One registered class: a configured servable (with model data) and an input it transforms. */
interface Entry {
  /** A new servable with params and (for batch models) model data set. */
  readonly create: () => AnyServable;
  /** An input whose transform adds or changes columns. */
  readonly input: () => DataFrame;
  /** Online models save no data: the model data to set after loading (encodings.json name). */
  readonly onlineRecord?: string;
}

const VEC = 'VECTOR(DOUBLE)';

function frame(records: Record<string, unknown>[], schema: SchemaFieldSpec[]): DataFrame {
  return DataFrame.fromRecords(records, schema);
}

/** `{ [col]: row }` records of one vector column. */
function vectors(col: string, rows: unknown[]): DataFrame {
  return frame(
    rows.map((v) => ({ [col]: v })),
    [{ name: col, type: VEC }],
  );
}

/** A model servable with Flink ML JSON params and the encodings.json record `record`. */
function model<S extends ModelServable<unknown>>(
  servable: S,
  params: Record<string, JsonValue>,
  record: string,
): () => Promise<S> {
  return async () => {
    applyParamMapJson(servable, params);
    return servable.setModelData(modelDataRecordBytes(record));
  };
}

const LR_RECORD =
  'LogisticRegressionModelData coefficient=[0.525,-0.283,-0.425,-0.567] modelVersion=0';
const KMEANS_RECORD = 'KMeansModelData centroids=[[0.1,0.1],[9.2,0.2]] weights=[3,3]';
const SCALER_RECORD =
  'StandardScalerModelData mean=[0.3] std=[2.0] version=0 timestamp=Long.MAX_VALUE';
const STRING_INDEXER_RECORD = 'StringIndexerModelData [["a","b"],["-1.0"]]';

/** Model servables, built asynchronously (model data is decoded from bytes). */
const MODELS: Record<string, { create: () => Promise<AnyServable>; input: () => DataFrame }> = {
  [LogisticRegressionModelServable.CLASS_NAME]: {
    create: model(new LogisticRegressionModelServable(), {}, LR_RECORD),
    input: () => vectors('features', [[1, 2, 3, 4], { size: 4, indices: [1, 3], values: [-1, 2] }]),
  },
  [LinearSVCModelServable.CLASS_NAME]: {
    create: model(
      new LinearSVCModelServable(),
      { threshold: 0.1 },
      'LinearSVCModelData coefficient=[0.47,-0.273]',
    ),
    input: () =>
      vectors('features', [
        [1, 2],
        [2, -1],
      ]),
  },
  [KnnModelServable.CLASS_NAME]: {
    create: model(
      new KnnModelServable(),
      { k: 1 },
      'KnnModelData packed 2x1 [1,2] normSq [5] labels [1]',
    ),
    input: () =>
      vectors('features', [
        [1, 2],
        [0, 0],
      ]),
  },
  [NaiveBayesModelServable.CLASS_NAME]: {
    create: model(
      new NaiveBayesModelServable(),
      {},
      'NaiveBayesModelData labels=[11] pi=[0] theta=[[{1.0:-0.5}]] (numLabels=1,numFeatures=1)',
    ),
    input: () => vectors('features', [[1]]),
  },
  [KMeansModelServable.CLASS_NAME]: {
    create: model(new KMeansModelServable(), { k: 2 }, KMEANS_RECORD),
    input: () =>
      vectors('features', [
        [0, 0],
        [10, 0],
      ]),
  },
  [LinearRegressionModelServable.CLASS_NAME]: {
    create: model(
      new LinearRegressionModelServable(),
      {},
      'LinearRegressionModelData coefficient=[1.141]',
    ),
    input: () => vectors('features', [[2], [-1]]),
  },
  [COUNT_VECTORIZER_MODEL_CLASS]: {
    create: model(
      new CountVectorizerModelServable(),
      { inputCol: 'input', outputCol: 'output' },
      'CountVectorizerModelData vocabulary=["c","a"]',
    ),
    input: () =>
      frame(
        [{ input: ['a', 'c', 'c', 'x'] }, { input: [] }],
        [{ name: 'input', type: 'ARRAY(STRING)' }],
      ),
  },
  [IDF_MODEL_CLASS]: {
    create: model(new IDFModelServable(), {}, 'IDFModelData idf=[0.0] docFreq=[3] numDocs=3'),
    input: () => vectors('input', [[4], [0]]),
  },
  [IMPUTER_MODEL_CLASS]: {
    create: model(
      new ImputerModelServable(),
      { inputCols: ['f1'], outputCols: ['o1'] },
      'ImputerModelData surrogates={"f1":2.0}',
    ),
    input: () => frame([{ f1: 'NaN' }, { f1: 3 }], [{ name: 'f1', type: 'DOUBLE' }]),
  },
  [K_BINS_DISCRETIZER_MODEL_CLASS]: {
    create: model(
      new KBinsDiscretizerModelServable(),
      {},
      'KBinsDiscretizerModelData binEdges=[[1,5],[-inf,inf]]',
    ),
    input: () =>
      vectors('input', [
        [0, 7],
        [3, -7],
      ]),
  },
  [MIN_HASH_LSH_MODEL_CLASS]: {
    create: model(
      new MinHashLSHModelServable(),
      { inputCol: 'vec', outputCol: 'hashes' },
      'MinHashLSHModelData tables=3 fnPerTable=1 A=[0,1,3] B=[1,2,0]',
    ),
    input: () => vectors('vec', [{ size: 6, indices: [0, 4], values: [1, 1] }, [0, 1, 1]]),
  },
  [MAX_ABS_SCALER_MODEL_CLASS]: {
    create: model(
      new MaxAbsScalerModelServable(),
      {},
      'MaxAbsScalerModelData maxVector=[200,400,0]',
    ),
    input: () => vectors('input', [[100, -100, 5]]),
  },
  [MIN_MAX_SCALER_MODEL_CLASS]: {
    create: model(new MinMaxScalerModelServable(), {}, 'MinMaxScalerModelData min=[0] max=[1]'),
    input: () => vectors('input', [[0.25], [2]]),
  },
  [ONE_HOT_ENCODER_MODEL_CLASS]: {
    create: model(
      new OneHotEncoderModelServable(),
      { inputCols: ['input'], outputCols: ['output'] },
      'OneHotEncoderModelData record (0,2)',
    ),
    input: () => frame([{ input: 0 }, { input: 2 }], [{ name: 'input', type: 'DOUBLE' }]),
  },
  [ROBUST_SCALER_MODEL_CLASS]: {
    create: model(
      new RobustScalerModelServable(),
      { withCentering: true },
      'RobustScalerModelData medians=[4] ranges=[4]',
    ),
    input: () => vectors('input', [[8], [0]]),
  },
  [StandardScalerModelServable.CLASS_NAME]: {
    create: model(new StandardScalerModelServable(), { withMean: true }, SCALER_RECORD),
    input: () => vectors('input', [[2.3], [0.3]]),
  },
  [StringIndexerModelServable.CLASS_NAME]: {
    create: model(
      new StringIndexerModelServable(),
      { inputCols: ['s', 'd'], outputCols: ['si', 'di'], handleInvalid: 'keep' },
      STRING_INDEXER_RECORD,
    ),
    input: () =>
      frame(
        [
          { s: 'b', d: -1 },
          { s: 'z', d: 5 },
        ],
        [
          { name: 's', type: 'STRING' },
          { name: 'd', type: 'DOUBLE' },
        ],
      ),
  },
  [IndexToStringModelServable.CLASS_NAME]: {
    create: model(
      new IndexToStringModelServable(),
      { inputCols: ['i', 'j'], outputCols: ['is', 'js'] },
      STRING_INDEXER_RECORD,
    ),
    input: () =>
      frame(
        [
          { i: 1, j: 0 },
          { i: 0, j: 0 },
        ],
        [
          { name: 'i', type: 'INT' },
          { name: 'j', type: 'INT' },
        ],
      ),
  },
  [UnivariateFeatureSelectorModelServable.CLASS_NAME]: {
    create: model(
      new UnivariateFeatureSelectorModelServable(),
      { featuresCol: 'features', outputCol: 'output' },
      'UnivariateFeatureSelectorModelData indices=[0,2,1]',
    ),
    input: () => vectors('features', [[1, 2, 3, 4]]),
  },
  [VarianceThresholdSelectorModelServable.CLASS_NAME]: {
    create: model(
      new VarianceThresholdSelectorModelServable(),
      {},
      'VarianceThresholdSelectorModelData numOfFeatures=6 indices=[0,3,5]',
    ),
    input: () => vectors('input', [[1, 2, 3, 4, 5, 6]]),
  },
  [VectorIndexerModelServable.CLASS_NAME]: {
    create: model(
      new VectorIndexerModelServable(),
      { handleInvalid: 'keep' },
      'VectorIndexerModelData {1: {0.0: 0}}',
    ),
    input: () =>
      vectors('input', [
        [7, 0],
        [8, 3],
      ]),
  },
};

/** Online models: saved without data; the record is set after loading. */
const ONLINE: Record<string, Entry> = {
  [OnlineLogisticRegressionModelServable.CLASS_NAME]: {
    create: () => new OnlineLogisticRegressionModelServable(),
    input: () => vectors('features', [[1, 2, 3, 4]]),
    onlineRecord: LR_RECORD,
  },
  [OnlineKMeansModelServable.CLASS_NAME]: {
    create: () => new OnlineKMeansModelServable().setK(2),
    input: () =>
      vectors('features', [
        [0, 0],
        [10, 0],
      ]),
    onlineRecord: KMEANS_RECORD,
  },
  [OnlineStandardScalerModelServable.CLASS_NAME]: {
    create: () => new OnlineStandardScalerModelServable().setWithMean(true),
    input: () => vectors('input', [[2.3]]),
    onlineRecord: SCALER_RECORD,
  },
};

/** Stateless transformers: metadata only. */
const TRANSFORMERS: Record<string, Entry> = {
  [BinarizerServable.CLASS_NAME]: {
    create: () =>
      new BinarizerServable()
        .setInputCols(['x', 'v'])
        .setOutputCols(['xb', 'vb'])
        .setThresholds([1.5, 0]),
    input: () =>
      frame(
        [
          { x: 1, v: [1, -1] },
          { x: 2, v: { size: 3, indices: [2], values: [4] } },
        ],
        [
          { name: 'x', type: 'DOUBLE' },
          { name: 'v', type: VEC },
        ],
      ),
  },
  [BucketizerServable.CLASS_NAME]: {
    create: () =>
      new BucketizerServable()
        .setInputCols(['x'])
        .setOutputCols(['xb'])
        .setSplitsArray([[Number.NEGATIVE_INFINITY, 0, 10, Number.POSITIVE_INFINITY]]),
    input: () => frame([{ x: -3 }, { x: 4 }, { x: 11 }], [{ name: 'x', type: 'DOUBLE' }]),
  },
  [DCTServable.CLASS_NAME]: {
    create: () => new DCTServable(),
    input: () =>
      vectors('input', [
        [1, 2, 3, 4],
        [0, 0, 1, 0],
      ]),
  },
  [ElementwiseProductServable.CLASS_NAME]: {
    create: () => new ElementwiseProductServable().setScalingVec(new DenseVector([2, 0.5])),
    input: () => vectors('input', [[1, 4], { size: 2, indices: [1], values: [3] }]),
  },
  [FeatureHasherServable.CLASS_NAME]: {
    create: () =>
      new FeatureHasherServable()
        .setInputCols(['id', 'cat', 'flag'])
        .setCategoricalCols(['id'])
        .setOutputCol('vec')
        .setNumFeatures(100),
    input: () =>
      frame(
        [
          { id: 1, cat: 'a', flag: true },
          { id: 2, cat: 'b', flag: false },
        ],
        [
          { name: 'id', type: 'DOUBLE' },
          { name: 'cat', type: 'STRING' },
          { name: 'flag', type: 'BOOLEAN' },
        ],
      ),
  },
  [HashingTFServable.CLASS_NAME]: {
    create: () => new HashingTFServable().setNumFeatures(64).setBinary(true),
    input: () =>
      frame(
        [{ input: ['x', 'y', 'x'] }, { input: [] }],
        [{ name: 'input', type: 'ARRAY(STRING)' }],
      ),
  },
  [InteractionServable.CLASS_NAME]: {
    create: () => new InteractionServable().setInputCols(['k', 'v']).setOutputCol('kv'),
    input: () =>
      frame(
        [
          { k: 2, v: [1, 3] },
          { k: -1, v: { size: 2, indices: [1], values: [4] } },
        ],
        [
          { name: 'k', type: 'DOUBLE' },
          { name: 'v', type: VEC },
        ],
      ),
  },
  [NGramServable.CLASS_NAME]: {
    create: () => new NGramServable().setN(2),
    input: () =>
      frame(
        [{ input: ['a', 'b', 'c'] }, { input: ['d'] }],
        [{ name: 'input', type: 'ARRAY(STRING)' }],
      ),
  },
  [NormalizerServable.CLASS_NAME]: {
    create: () => new NormalizerServable().setP(1),
    input: () => vectors('input', [[1, -3], { size: 3, indices: [2], values: [5] }]),
  },
  [VectorSlicerServable.CLASS_NAME]: {
    create: () => new VectorSlicerServable().setIndices([2, 0]),
    input: () => vectors('input', [[1, 2, 3], { size: 4, indices: [0, 3], values: [7, 8] }]),
  },
  [PolynomialExpansionServable.CLASS_NAME]: {
    create: () => new PolynomialExpansionServable().setDegree(2),
    input: () => vectors('input', [[1, 2], { size: 3, indices: [1], values: [3] }]),
  },
  [TokenizerServable.CLASS_NAME]: {
    create: () => new TokenizerServable().setInputCol('text').setOutputCol('tokens'),
    input: () =>
      frame([{ text: 'Hello  World' }, { text: '' }], [{ name: 'text', type: 'STRING' }]),
  },
  [RegexTokenizerServable.CLASS_NAME]: {
    create: () =>
      new RegexTokenizerServable()
        .setInputCol('text')
        .setOutputCol('tokens')
        .setPattern('\\W+')
        .setMinTokenLength(2),
    input: () =>
      frame([{ text: 'A quick, brown fox!' }, { text: 'x' }], [{ name: 'text', type: 'STRING' }]),
  },
  [StopWordsRemoverServable.CLASS_NAME]: {
    create: () =>
      new StopWordsRemoverServable().setInputCols(['words']).setOutputCols(['filtered']),
    input: () =>
      frame(
        [{ words: ['The', 'cat', 'is', 'here'] }, { words: [] }],
        [{ name: 'words', type: 'ARRAY(STRING)' }],
      ),
  },
  [SQLTransformerServable.CLASS_NAME]: {
    create: () =>
      new SQLTransformerServable().setStatement('SELECT *, (a + b) * 2 AS c FROM __THIS__'),
    input: () =>
      frame(
        [
          { a: 1, b: 2.5 },
          { a: -4, b: 0 },
        ],
        [
          { name: 'a', type: 'DOUBLE' },
          { name: 'b', type: 'DOUBLE' },
        ],
      ),
  },
  [VectorAssemblerServable.CLASS_NAME]: {
    create: () =>
      new VectorAssemblerServable()
        .setInputCols(['x', 'v'])
        .setOutputCol('assembled')
        .setInputSizes([1, 2]),
    input: () =>
      frame(
        [
          { x: 1.5, v: [1, 2] },
          { x: 0, v: { size: 2, indices: [1], values: [3] } },
        ],
        [
          { name: 'x', type: 'DOUBLE' },
          { name: 'v', type: VEC },
        ],
      ),
  },
};

const registered = Object.keys(servableLib.servables);
const covered = [...Object.keys(MODELS), ...Object.keys(ONLINE), ...Object.keys(TRANSFORMERS)];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'servable-lib-registry-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const registry = new ServableRegistry().register(servableLib);

describe('servableLib: the inventory', () => {
  it('registers only Flink ML class names from spec §0, each once', () => {
    expect(registered.filter((c) => !INVENTORY.includes(c))).toEqual([]);
    expect(new Set(registered).size).toBe(registered.length);
  });

  it('registers exactly the classes this file saves and loads', () => {
    expect([...covered].sort()).toEqual([...registered].sort());
  });

  it('the registry lists PipelineModel and every registered class', () => {
    expect(registry.classNames().sort()).toEqual(
      [PipelineModelServable.CLASS_NAME, ...registered].sort(),
    );
    for (const c of registered) expect(registry.has(c), c).toBe(true);
    expect(registry.plugins()).toEqual(['@servable/servable-lib']);
  });

  it('serves all 40 algorithms of spec §0', () => {
    expect([...registered].sort()).toEqual([...INVENTORY].sort());
  });
});

/** Saves, checks and loads `original` through the registry; returns the loaded servable. */
async function roundTrip(className: string, original: AnyServable): Promise<AnyServable> {
  expect(original.className).toBe(className);
  const path = join(dir, simpleClassName(className));
  await original.save(path);
  const check = await registry.check(path);
  expect(check).toMatchObject({
    path,
    className,
    plugin: '@servable/servable-lib',
    servable: true,
    problems: [],
  });
  const loaded = await registry.load(path);
  expect(loaded.constructor).toBe(original.constructor);
  expect(loaded.className).toBe(className);
  expect(paramMapToJson(loaded)).toEqual(paramMapToJson(original));
  return loaded;
}

/** The output must differ from the input (new or changed columns) and match the original's. */
function expectSameTransform(loaded: AnyServable, original: AnyServable, input: DataFrame): void {
  const want = original.transform(input);
  expect(want.toRecords()).not.toEqual(input.toRecords());
  expect(loaded.transform(input).toRecords()).toEqual(want.toRecords());
}

describe('servableLib: save → registry.check → registry.load → transform', () => {
  for (const [className, entry] of Object.entries(MODELS)) {
    it(simpleClassName(className), async () => {
      const original = await entry.create();
      const loaded = await roundTrip(className, original);
      expect(loaded).toBeInstanceOf(ModelServable);
      const bytes = (loaded as ModelServable<unknown>).getModelData();
      expect(Array.from(bytes)).toEqual(
        Array.from((original as ModelServable<unknown>).getModelData()),
      );
      expectSameTransform(loaded, original, entry.input());
    });
  }

  for (const [className, entry] of Object.entries(ONLINE)) {
    it(`${simpleClassName(className)} (online: metadata only, data set after loading)`, async () => {
      const original = entry.create() as ModelServable<unknown>;
      const loaded = (await roundTrip(className, original)) as ModelServable<unknown>;
      expect(loaded.hasModelData()).toBe(false);
      const record = modelDataRecordBytes(entry.onlineRecord as string);
      await original.setModelData(record);
      await loaded.setModelData(record);
      expectSameTransform(loaded, original, entry.input());
    });
  }

  for (const [className, entry] of Object.entries(TRANSFORMERS)) {
    it(`${simpleClassName(className)} (transformer)`, async () => {
      const original = entry.create();
      const loaded = await roundTrip(className, original);
      expectSameTransform(loaded, original, entry.input());
    });
  }
});

describe('servableLib: a PipelineModel of several algorithms', () => {
  it('StandardScaler → ElementwiseProduct → LogisticRegression saves, checks, loads, transforms', async () => {
    const scaler = new StandardScalerModelServable()
      .setInputCol('raw')
      .setOutputCol('scaled')
      .setWithMean(true)
      .setModel({
        mean: new DenseVector([1, 2, 3, 4]),
        std: new DenseVector([2, 2, 1, 0.5]),
        version: 3n,
        timestamp: 9223372036854775807n,
      });
    const product = new ElementwiseProductServable()
      .setInputCol('scaled')
      .setOutputCol('features')
      .setScalingVec(new DenseVector([1, -1, 0.5, 2]));
    const lr = new LogisticRegressionModelServable().setModel({
      coefficient: new DenseVector([0.5, -0.25, 1, 0.125]),
      modelVersion: 7n,
    });
    const pipeline = new PipelineModelServable([scaler, product, lr]);
    const path = join(dir, 'pipeline');
    await pipeline.save(path);

    const check = await registry.check(path);
    expect(check.servable).toBe(true);
    expect(check.stages?.map((s) => [s.className, s.servable])).toEqual([
      [StandardScalerModelServable.CLASS_NAME, true],
      [ElementwiseProductServable.CLASS_NAME, true],
      [LogisticRegressionModelServable.CLASS_NAME, true],
    ]);

    const loaded = await registry.load(path);
    expect(loaded).toBeInstanceOf(PipelineModelServable);
    const input = vectors('raw', [
      [3, 0, 4, 4.5],
      [1, 2, 3, 4],
      [-1, 6, 2, 3],
    ]);
    const out = loaded.transform(input);
    expect(out.getColumnNames()).toEqual([
      'raw',
      'scaled',
      'features',
      'prediction',
      'rawPrediction',
    ]);
    // By hand: scaled = (raw − mean) / std, features = scaled ∘ scalingVec, dot = features · coef.
    const mean = [1, 2, 3, 4];
    const std = [2, 2, 1, 0.5];
    const scaling = [1, -1, 0.5, 2];
    const coef = [0.5, -0.25, 1, 0.125];
    const rows = input.getVectors('raw');
    rows.forEach((raw, r) => {
      const x = (raw as DenseVector).toArray();
      let dot = 0;
      for (let i = 0; i < 4; i++) {
        dot += (((x[i] as number) - mean[i]!) / std[i]!) * scaling[i]! * coef[i]!;
      }
      expect(out.getDoubles('prediction')[r]).toBe(dot >= 0 ? 1 : 0);
      const p = 1 - 1 / (1 + Math.exp(dot));
      const raw2 = out.getVectors('rawPrediction')[r]!.toArray();
      expect(raw2[1]).toBeCloseTo(p, 12);
      expect(raw2[0]).toBeCloseTo(1 - p, 12);
    });
    expect(out.toRecords()).toEqual(pipeline.transform(input).toRecords());
  });
});
