/**
 * One benchmark case per servable of `servableLib`: a configured servable (model data decoded
 * from the record examples of Flink ML's encodings, spec §3) and a generator of inputs with the
 * shapes of the Flink ML test vectors (same columns, types and vector sizes), any number of rows.
 */
import { BasicType, DataFrame, type DataType, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector, type Vector } from '@servable/linalg';
import type { AnyServable, ModelServable } from '@servable/servable-api';
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
  TokenizerServable,
  UnivariateFeatureSelectorModelServable,
  VarianceThresholdSelectorModelServable,
  VectorAssemblerServable,
  VectorIndexerModelServable,
  VectorSlicerServable,
} from '@servable/servable-lib';

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/** Model data records (hex) of the encodings examples (Flink ML's byte layouts). */
const RECORDS = {
  lr: '000000043fe0cccccccccccdbfd21cac083126e9bfdb333333333333bfe224dd2f1a9fbe0000000000000000',
  svc: '000000023fde147ae147ae14bfd178d4fdf3b646',
  kmeans:
    '00000002000000023fb999999999999a3fb999999999999a0000000240226666666666663fc999999999999a0000000240080000000000004008000000000000',
  scaler: '000000013fd333333333333300000001400000000000000000000000000000007fffffffffffffff',
  idf: '0000000100000000000000000000000100000000000000030000000000000003',
  stringIndexer: '00000002000000020261026200000001052d312e30',
  countVectorizer: '0000000202630261',
  kBins: '00000002000000023ff0000000000000401400000000000000000002fff00000000000007ff0000000000000',
  minHash: '00000003000000010000000300000000000000010000000300000003000000010000000200000000',
  varianceSelector: '0000000600000003000000000000000300000005',
  univariateSelector: '00000003000000000000000200000001',
  imputer: '00000001036631004000000000000000',
  vectorIndexer: '0000000100000001000000000100000000000000000000000000',
  oneHot: '0000000000000002',
  naiveBayes:
    '0000000140260000000000000000000100000000000000000000000100000001000000013ff000000000000000bfe0000000000000',
  knn: '00000002000000013ff00000000000004000000000000000000000014014000000000000000000013ff0000000000000',
  maxAbs: '00000003406900000000000040790000000000000000000000000000',
  minMax: '000000010000000000000000000000013ff0000000000000',
  robust: '000000014010000000000000000000014010000000000000',
  linearRegression: '000000013ff24189374bc6a8',
} as const;

function hex(h: string): Uint8Array {
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** A benchmark case: a ready servable and an input of any size. */
export interface ServableCase {
  /** Short label (the simple class name). */
  readonly name: string;
  /** The Flink ML class name it serves. */
  readonly className: string;
  /** Shape of a row, for the table. */
  readonly shape: string;
  /** The servable, params and model data set. */
  readonly create: () => Promise<AnyServable>;
  /** An input of `rows` rows. */
  readonly input: (rows: number, rnd: () => number) => DataFrame;
}

async function withData<S extends ModelServable<unknown>>(s: S, record: string): Promise<S> {
  await s.setModelData(hex(record));
  return s;
}

function denseColumn(rows: number, d: number, value: (i: number) => number): Vector[] {
  return Array.from(
    { length: rows },
    () => new DenseVector(Float64Array.from({ length: d }, (_, i) => value(i))),
  );
}

function vectorsFrame(col: string, rows: number, d: number, rnd: () => number): DataFrame {
  return DataFrame.fromColumns(
    [col],
    [VECTOR],
    [denseColumn(rows, d, () => Math.round((rnd() * 20 - 10) * 100) / 100)],
  );
}

function frame(names: string[], types: DataType[], columns: ArrayLike<unknown>[]): DataFrame {
  return DataFrame.fromColumns(names, types, columns);
}

function doubles(rows: number, f: (r: number) => number): Float64Array {
  return Float64Array.from({ length: rows }, (_, r) => f(r));
}

const TOKENS = ['a', 'b', 'c', 'd', 'e', 'f'];

/**
 * Words of the generated text: English stop words (about half of running text) and content
 * words, some of them capitalised, as in product reviews or support tickets.
 */
const STOP_WORDS_SAMPLE = (
  'the and of to a in is it that for was on with as this but not be at they we my have had ' +
  "very after don't it's I The It We This THE"
).split(' ');
const CONTENT_WORDS = (
  'battery screen delivery order refund customer service quality price product works broke ' +
  'great terrible fast slow recommend support replacement warranty charger cable box days ' +
  'weeks update app Bluetooth USB-C Amazon v2.1 2023 10% e-mail password login'
).split(' ');

/**
 * `words` words of running text, with commas, sentence ends and a few runs of two spaces; a
 * flat string (joined, not concatenated), as text parsed from JSON is.
 */
function sentence(words: number, rnd: () => number): string {
  const parts: string[] = [];
  for (let w = 0; w < words; w++) {
    const pool = rnd() < 0.5 ? STOP_WORDS_SAMPLE : CONTENT_WORDS;
    if (w > 0) parts.push(rnd() < 0.05 ? '  ' : ' ');
    parts.push(pool[Math.floor(rnd() * pool.length)]!);
    const p = rnd();
    if (p < 0.06) parts.push(',');
    else if (p < 0.1 || w === words - 1) parts.push('.');
  }
  return parts.join('');
}

/** A STRING column of texts of 3 to 40 words (median ~20). */
function textColumn(rows: number, rnd: () => number): string[] {
  return Array.from({ length: rows }, () => sentence(3 + Math.floor(rnd() * 38), rnd));
}

/** An ARRAY<STRING> column: the texts of {@link textColumn} split at spaces (3 to 40 tokens). */
function tokenColumn(rows: number, rnd: () => number): string[][] {
  return textColumn(rows, rnd).map((t) => t.split(' ').filter((w) => w !== ''));
}

/** id INT, v1 and v2 DOUBLE (as in Flink ML's SQLTransformer test), over realistic ranges. */
function sqlFrame(rows: number, rnd: () => number): DataFrame {
  return frame(
    ['id', 'v1', 'v2'],
    [DataTypes.INT, DataTypes.DOUBLE, DataTypes.DOUBLE],
    [
      doubles(rows, (r) => r),
      doubles(rows, () => Math.round(rnd() * 10000) / 100),
      doubles(rows, () => Math.round((rnd() * 20 - 5) * 100) / 100),
    ],
  );
}

/** Every servable of servableLib with a benchmark case. */
export const SERVABLE_CASES: readonly ServableCase[] = [
  {
    name: 'LogisticRegressionModel',
    className: LogisticRegressionModelServable.CLASS_NAME,
    shape: 'vector d=4',
    create: () => withData(new LogisticRegressionModelServable(), RECORDS.lr),
    input: (rows, rnd) => vectorsFrame('features', rows, 4, rnd),
  },
  {
    name: 'OnlineLogisticRegressionModel',
    className: OnlineLogisticRegressionModelServable.CLASS_NAME,
    shape: 'vector d=4',
    create: () => withData(new OnlineLogisticRegressionModelServable(), RECORDS.lr),
    input: (rows, rnd) => vectorsFrame('features', rows, 4, rnd),
  },
  {
    name: 'LinearSVCModel',
    className: LinearSVCModelServable.CLASS_NAME,
    shape: 'vector d=2',
    create: () => withData(new LinearSVCModelServable(), RECORDS.svc),
    input: (rows, rnd) => vectorsFrame('features', rows, 2, rnd),
  },
  {
    name: 'KnnModel',
    className: KnnModelServable.CLASS_NAME,
    shape: 'vector d=2, 1 sample',
    create: () => withData(new KnnModelServable(), RECORDS.knn),
    input: (rows, rnd) => vectorsFrame('features', rows, 2, rnd),
  },
  {
    name: 'NaiveBayesModel',
    className: NaiveBayesModelServable.CLASS_NAME,
    shape: 'vector d=1',
    create: () => withData(new NaiveBayesModelServable(), RECORDS.naiveBayes),
    input: (rows) => DataFrame.fromColumns(['features'], [VECTOR], [denseColumn(rows, 1, () => 1)]),
  },
  {
    name: 'KMeansModel',
    className: KMeansModelServable.CLASS_NAME,
    shape: 'vector d=2, k=2',
    create: () => withData(new KMeansModelServable(), RECORDS.kmeans),
    input: (rows, rnd) => vectorsFrame('features', rows, 2, rnd),
  },
  {
    name: 'OnlineKMeansModel',
    className: OnlineKMeansModelServable.CLASS_NAME,
    shape: 'vector d=2, k=2',
    create: () => withData(new OnlineKMeansModelServable(), RECORDS.kmeans),
    input: (rows, rnd) => vectorsFrame('features', rows, 2, rnd),
  },
  {
    name: 'LinearRegressionModel',
    className: LinearRegressionModelServable.CLASS_NAME,
    shape: 'vector d=1',
    create: () => withData(new LinearRegressionModelServable(), RECORDS.linearRegression),
    input: (rows, rnd) => vectorsFrame('features', rows, 1, rnd),
  },
  {
    name: 'CountVectorizerModel',
    className: COUNT_VECTORIZER_MODEL_CLASS,
    shape: 'ARRAY<STRING> 4 tokens',
    create: () => withData(new CountVectorizerModelServable(), RECORDS.countVectorizer),
    input: (rows, rnd) =>
      frame(
        ['input'],
        [DataTypes.ARRAY(DataTypes.STRING)],
        [Array.from({ length: rows }, () => [0, 1, 2, 3].map(() => TOKENS[Math.floor(rnd() * 6)]))],
      ),
  },
  {
    name: 'IDFModel',
    className: IDF_MODEL_CLASS,
    shape: 'vector d=1',
    create: () => withData(new IDFModelServable(), RECORDS.idf),
    input: (rows, rnd) => vectorsFrame('input', rows, 1, rnd),
  },
  {
    name: 'ImputerModel',
    className: IMPUTER_MODEL_CLASS,
    shape: 'DOUBLE, 10% NaN',
    create: async () =>
      (await withData(new ImputerModelServable(), RECORDS.imputer))
        .setInputCols(['f1'])
        .setOutputCols(['o1']),
    input: (rows, rnd) =>
      frame(['f1'], [DataTypes.DOUBLE], [doubles(rows, () => (rnd() < 0.1 ? Number.NaN : rnd()))]),
  },
  {
    name: 'KBinsDiscretizerModel',
    className: K_BINS_DISCRETIZER_MODEL_CLASS,
    shape: 'vector d=2',
    create: () => withData(new KBinsDiscretizerModelServable(), RECORDS.kBins),
    input: (rows, rnd) => vectorsFrame('input', rows, 2, rnd),
  },
  {
    name: 'MinHashLSHModel',
    className: MIN_HASH_LSH_MODEL_CLASS,
    shape: 'sparse d=6, 3 nnz',
    create: async () =>
      (await withData(new MinHashLSHModelServable(), RECORDS.minHash))
        .setInputCol('vec')
        .setOutputCol('hashes'),
    input: (rows, rnd) =>
      frame(
        ['vec'],
        [VECTOR],
        [
          Array.from({ length: rows }, () => {
            const start = Math.floor(rnd() * 4);
            return new SparseVector(6, [start, start + 1, start + 2], [1, 1, 1]);
          }),
        ],
      ),
  },
  {
    name: 'MaxAbsScalerModel',
    className: MAX_ABS_SCALER_MODEL_CLASS,
    shape: 'vector d=3',
    create: () => withData(new MaxAbsScalerModelServable(), RECORDS.maxAbs),
    input: (rows, rnd) => vectorsFrame('input', rows, 3, rnd),
  },
  {
    name: 'MinMaxScalerModel',
    className: MIN_MAX_SCALER_MODEL_CLASS,
    shape: 'vector d=1',
    create: () => withData(new MinMaxScalerModelServable(), RECORDS.minMax),
    input: (rows, rnd) => vectorsFrame('input', rows, 1, rnd),
  },
  {
    name: 'OneHotEncoderModel',
    className: ONE_HOT_ENCODER_MODEL_CLASS,
    shape: 'DOUBLE in 0..2',
    create: async () =>
      (await withData(new OneHotEncoderModelServable(), RECORDS.oneHot))
        .setInputCols(['input'])
        .setOutputCols(['output']),
    input: (rows, rnd) =>
      frame(['input'], [DataTypes.DOUBLE], [doubles(rows, () => Math.floor(rnd() * 3))]),
  },
  {
    name: 'RobustScalerModel',
    className: ROBUST_SCALER_MODEL_CLASS,
    shape: 'vector d=1',
    create: () => withData(new RobustScalerModelServable(), RECORDS.robust),
    input: (rows, rnd) => vectorsFrame('input', rows, 1, rnd),
  },
  {
    name: 'StandardScalerModel',
    className: StandardScalerModelServable.CLASS_NAME,
    shape: 'vector d=1',
    create: () => withData(new StandardScalerModelServable(), RECORDS.scaler),
    input: (rows, rnd) => vectorsFrame('input', rows, 1, rnd),
  },
  {
    name: 'OnlineStandardScalerModel',
    className: OnlineStandardScalerModelServable.CLASS_NAME,
    shape: 'vector d=1',
    create: () => withData(new OnlineStandardScalerModelServable(), RECORDS.scaler),
    input: (rows, rnd) => vectorsFrame('input', rows, 1, rnd),
  },
  {
    name: 'StringIndexerModel',
    className: StringIndexerModelServable.CLASS_NAME,
    shape: 'STRING + DOUBLE',
    create: async () =>
      (await withData(new StringIndexerModelServable(), RECORDS.stringIndexer))
        .setInputCols(['s', 'd'])
        .setOutputCols(['si', 'di'])
        .setHandleInvalid('keep'),
    input: (rows, rnd) =>
      frame(
        ['s', 'd'],
        [DataTypes.STRING, DataTypes.DOUBLE],
        [
          Array.from({ length: rows }, () => (rnd() < 0.5 ? 'a' : 'b')),
          doubles(rows, () => (rnd() < 0.9 ? -1 : 2)),
        ],
      ),
  },
  {
    name: 'IndexToStringModel',
    className: IndexToStringModelServable.CLASS_NAME,
    shape: 'INT + INT',
    create: async () =>
      (await withData(new IndexToStringModelServable(), RECORDS.stringIndexer))
        .setInputCols(['i', 'j'])
        .setOutputCols(['is', 'js']),
    input: (rows, rnd) =>
      frame(
        ['i', 'j'],
        [DataTypes.INT, DataTypes.INT],
        [doubles(rows, () => (rnd() < 0.5 ? 0 : 1)), doubles(rows, () => 0)],
      ),
  },
  {
    name: 'UnivariateFeatureSelectorModel',
    className: UnivariateFeatureSelectorModelServable.CLASS_NAME,
    shape: 'vector d=6',
    create: () =>
      withData(new UnivariateFeatureSelectorModelServable(), RECORDS.univariateSelector),
    input: (rows, rnd) => vectorsFrame('features', rows, 6, rnd),
  },
  {
    name: 'VarianceThresholdSelectorModel',
    className: VarianceThresholdSelectorModelServable.CLASS_NAME,
    shape: 'vector d=6',
    create: () => withData(new VarianceThresholdSelectorModelServable(), RECORDS.varianceSelector),
    input: (rows, rnd) => vectorsFrame('input', rows, 6, rnd),
  },
  {
    name: 'VectorIndexerModel',
    className: VectorIndexerModelServable.CLASS_NAME,
    shape: 'vector d=2',
    create: async () =>
      (await withData(new VectorIndexerModelServable(), RECORDS.vectorIndexer)).setHandleInvalid(
        'keep',
      ),
    input: (rows, rnd) =>
      frame(
        ['input'],
        [VECTOR],
        [Array.from({ length: rows }, () => new DenseVector([rnd() * 10, rnd() < 0.8 ? 0 : 1]))],
      ),
  },
  {
    name: 'Binarizer',
    className: BinarizerServable.CLASS_NAME,
    shape: 'INT + dense d=2 + sparse d=17',
    create: async () =>
      new BinarizerServable()
        .setInputCols(['f0', 'f1', 'f2'])
        .setOutputCols(['of0', 'of1', 'of2'])
        .setThresholds([1, 1.5, 2.5]),
    input: (rows, rnd) =>
      frame(
        ['f0', 'f1', 'f2'],
        [DataTypes.INT, VECTOR, VECTOR],
        [
          doubles(rows, () => Math.floor(rnd() * 4)),
          denseColumn(rows, 2, () => rnd() * 4),
          Array.from(
            { length: rows },
            () => new SparseVector(17, [0, 3 + Math.floor(rnd() * 6), 12], [rnd() * 5, 2, 7]),
          ),
        ],
      ),
  },
  {
    name: 'Bucketizer',
    className: BucketizerServable.CLASS_NAME,
    shape: '4 × DOUBLE',
    create: async () =>
      new BucketizerServable()
        .setInputCols(['f1', 'f2', 'f3', 'f4'])
        .setOutputCols(['o1', 'o2', 'o3', 'o4'])
        .setSplitsArray([
          [-0.5, 0, 0.5],
          [-1, 0, 2],
          [Number.NEGATIVE_INFINITY, 10, Number.POSITIVE_INFINITY],
          [Number.NEGATIVE_INFINITY, 1.5, Number.POSITIVE_INFINITY],
        ])
        .setHandleInvalid('keep'),
    input: (rows, rnd) =>
      frame(
        ['f1', 'f2', 'f3', 'f4'],
        [DataTypes.DOUBLE, DataTypes.DOUBLE, DataTypes.DOUBLE, DataTypes.DOUBLE],
        [
          doubles(rows, () => rnd() - 0.5),
          doubles(rows, () => rnd() * 3 - 1),
          doubles(rows, () => rnd() * 20),
          doubles(rows, () => rnd() * 3),
        ],
      ),
  },
  {
    name: 'DCT',
    className: DCTServable.CLASS_NAME,
    shape: 'vector d=4',
    create: async () => new DCTServable(),
    input: (rows, rnd) => vectorsFrame('input', rows, 4, rnd),
  },
  {
    name: 'ElementwiseProduct',
    className: ElementwiseProductServable.CLASS_NAME,
    shape: 'vector d=2',
    create: async () =>
      new ElementwiseProductServable()
        .setInputCol('vec')
        .setOutputCol('outputVec')
        .setScalingVec(new DenseVector([1.1, 1.1])),
    input: (rows, rnd) => vectorsFrame('vec', rows, 2, rnd),
  },
  {
    name: 'FeatureHasher',
    className: FeatureHasherServable.CLASS_NAME,
    shape: 'INT + STRING + BOOLEAN',
    create: async () =>
      new FeatureHasherServable()
        .setInputCols(['f0', 'f1', 'f2'])
        .setOutputCol('vec')
        .setNumFeatures(1000),
    input: (rows, rnd) =>
      frame(
        ['f0', 'f1', 'f2'],
        [DataTypes.INT, DataTypes.STRING, DataTypes.BOOLEAN],
        [
          doubles(rows, () => Math.floor(rnd() * 10)),
          Array.from({ length: rows }, () => TOKENS[Math.floor(rnd() * 6)]),
          Array.from({ length: rows }, () => rnd() < 0.5),
        ],
      ),
  },
  {
    name: 'HashingTF',
    className: HashingTFServable.CLASS_NAME,
    shape: 'ARRAY<STRING> 4 tokens',
    create: async () => new HashingTFServable(),
    input: (rows, rnd) =>
      frame(
        ['input'],
        [DataTypes.ARRAY(DataTypes.STRING)],
        [Array.from({ length: rows }, () => [0, 1, 2, 3].map(() => TOKENS[Math.floor(rnd() * 6)]))],
      ),
  },
  {
    name: 'Interaction',
    className: InteractionServable.CLASS_NAME,
    shape: 'DOUBLE + vector d=2 + vector d=2',
    create: async () =>
      new InteractionServable().setInputCols(['f0', 'f1', 'f2']).setOutputCol('out'),
    input: (rows, rnd) =>
      frame(
        ['f0', 'f1', 'f2'],
        [DataTypes.DOUBLE, VECTOR, VECTOR],
        [
          doubles(rows, () => rnd() * 4),
          denseColumn(rows, 2, () => rnd()),
          denseColumn(rows, 2, () => rnd()),
        ],
      ),
  },
  {
    name: 'NGram',
    className: NGramServable.CLASS_NAME,
    shape: 'ARRAY<STRING> 4 tokens',
    create: async () => new NGramServable(),
    input: (rows, rnd) =>
      frame(
        ['input'],
        [DataTypes.ARRAY(DataTypes.STRING)],
        [Array.from({ length: rows }, () => [0, 1, 2, 3].map(() => TOKENS[Math.floor(rnd() * 6)]))],
      ),
  },
  {
    name: 'Normalizer',
    className: NormalizerServable.CLASS_NAME,
    shape: 'vector d=4',
    create: async () => new NormalizerServable().setP(1.5),
    input: (rows, rnd) => vectorsFrame('input', rows, 4, rnd),
  },
  {
    name: 'VectorSlicer',
    className: VectorSlicerServable.CLASS_NAME,
    shape: 'vector d=5',
    create: async () => new VectorSlicerServable().setIndices([1, 2, 4]),
    input: (rows, rnd) => vectorsFrame('input', rows, 5, rnd),
  },
  {
    name: 'PolynomialExpansion',
    className: PolynomialExpansionServable.CLASS_NAME,
    shape: 'vector d=3, degree 2',
    create: async () => new PolynomialExpansionServable().setDegree(2),
    input: (rows, rnd) => vectorsFrame('input', rows, 3, rnd),
  },
  {
    name: 'VectorAssembler',
    className: VectorAssemblerServable.CLASS_NAME,
    shape: 'vector d=2 + DOUBLE + sparse d=5',
    create: async () =>
      new VectorAssemblerServable()
        .setInputCols(['vec', 'num', 'sparseVec'])
        .setOutputCol('assembledVec')
        .setInputSizes([2, 1, 5]),
    input: (rows, rnd) =>
      frame(
        ['vec', 'num', 'sparseVec'],
        [VECTOR, DataTypes.DOUBLE, VECTOR],
        [
          denseColumn(rows, 2, () => rnd()),
          doubles(rows, () => rnd() * 10),
          Array.from({ length: rows }, () => new SparseVector(5, [1, 3], [rnd(), rnd()])),
        ],
      ),
  },
  {
    name: 'Tokenizer',
    className: TokenizerServable.CLASS_NAME,
    shape: 'STRING 3–40 words',
    create: async () => new TokenizerServable().setInputCol('input').setOutputCol('output'),
    input: (rows, rnd) => frame(['input'], [DataTypes.STRING], [textColumn(rows, rnd)]),
  },
  {
    name: 'RegexTokenizer',
    className: RegexTokenizerServable.CLASS_NAME,
    shape: 'STRING 3–40 words, \\s+',
    create: async () => new RegexTokenizerServable().setInputCol('input').setOutputCol('output'),
    input: (rows, rnd) => frame(['input'], [DataTypes.STRING], [textColumn(rows, rnd)]),
  },
  {
    name: 'RegexTokenizer gaps=false',
    className: RegexTokenizerServable.CLASS_NAME,
    shape: 'STRING 3–40 words, \\w+|\\p{Punct}',
    create: async () =>
      new RegexTokenizerServable()
        .setInputCol('input')
        .setOutputCol('output')
        .setGaps(false)
        .setPattern('\\w+|\\p{Punct}'),
    input: (rows, rnd) => frame(['input'], [DataTypes.STRING], [textColumn(rows, rnd)]),
  },
  {
    name: 'StopWordsRemover',
    className: StopWordsRemoverServable.CLASS_NAME,
    shape: 'ARRAY<STRING> 3–40 tokens, english',
    create: async () =>
      new StopWordsRemoverServable().setInputCols(['raw']).setOutputCols(['filtered']),
    input: (rows, rnd) =>
      frame(['raw'], [DataTypes.ARRAY(DataTypes.STRING)], [tokenColumn(rows, rnd)]),
  },
  {
    name: 'SQLTransformer',
    className: SQLTransformerServable.CLASS_NAME,
    shape: 'INT + 2 × DOUBLE, WHERE',
    create: async () =>
      new SQLTransformerServable().setStatement(
        'SELECT id, v1 + v2 AS v3, v1 * v2 - 1.5 AS v4, SQRT(ABS(v1)) AS v5 FROM __THIS__ WHERE v2 > 0 AND id % 10 <> 3',
      ),
    input: (rows, rnd) => sqlFrame(rows, rnd),
  },
  {
    name: 'SQLTransformer CASE',
    className: SQLTransformerServable.CLASS_NAME,
    shape: 'INT + 2 × DOUBLE, CASE',
    create: async () =>
      new SQLTransformerServable().setStatement(
        'SELECT *, CASE WHEN v1 > 75 THEN 3 WHEN v1 > 50 THEN 2 WHEN v2 < 0 THEN 0 ELSE 1 END AS bucket FROM __THIS__',
      ),
    input: (rows, rnd) => sqlFrame(rows, rnd),
  },
];
