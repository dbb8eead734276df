import { type ServablePlugin, servableLoader } from '@servable/servable-api';
import { BinarizerServable } from './binarizer/index.js';
import { BucketizerServable } from './bucketizer/index.js';
import {
  COUNT_VECTORIZER_MODEL_CLASS,
  CountVectorizerModelServable,
} from './count-vectorizer/index.js';
import { DCTServable } from './dct/index.js';
import { ElementwiseProductServable } from './elementwise-product/index.js';
import { FeatureHasherServable } from './feature-hasher/index.js';
import { HashingTFServable } from './hashing-tf/index.js';
import { IDF_MODEL_CLASS, IDFModelServable } from './idf/index.js';
import { IMPUTER_MODEL_CLASS, ImputerModelServable } from './imputer/index.js';
import { IndexToStringModelServable } from './index-to-string/index.js';
import { InteractionServable } from './interaction/index.js';
import {
  K_BINS_DISCRETIZER_MODEL_CLASS,
  KBinsDiscretizerModelServable,
} from './k-bins-discretizer/index.js';
import { KMeansModelServable } from './kmeans/index.js';
import { KnnModelServable } from './knn/index.js';
import { LinearRegressionModelServable } from './linear-regression/index.js';
import { LinearSVCModelServable } from './linear-svc/index.js';
import { LogisticRegressionModelServable } from './logistic-regression/logistic-regression-model-servable.js';
import { MAX_ABS_SCALER_MODEL_CLASS, MaxAbsScalerModelServable } from './max-abs-scaler/index.js';
import { MIN_HASH_LSH_MODEL_CLASS, MinHashLSHModelServable } from './min-hash-lsh/index.js';
import { MIN_MAX_SCALER_MODEL_CLASS, MinMaxScalerModelServable } from './min-max-scaler/index.js';
import { NaiveBayesModelServable } from './naive-bayes/index.js';
import { NGramServable } from './ngram/index.js';
import { NormalizerServable } from './normalizer/index.js';
import {
  ONE_HOT_ENCODER_MODEL_CLASS,
  OneHotEncoderModelServable,
} from './one-hot-encoder/index.js';
import { OnlineKMeansModelServable } from './online-kmeans/index.js';
import { OnlineLogisticRegressionModelServable } from './online-logistic-regression/index.js';
import { OnlineStandardScalerModelServable } from './online-standard-scaler/index.js';
import { PolynomialExpansionServable } from './polynomial-expansion/index.js';
import { RegexTokenizerServable } from './regex-tokenizer/index.js';
import { ROBUST_SCALER_MODEL_CLASS, RobustScalerModelServable } from './robust-scaler/index.js';
import { SQLTransformerServable } from './sql-transformer/index.js';
import { StandardScalerModelServable } from './standard-scaler/standard-scaler-model-servable.js';
import { StopWordsRemoverServable } from './stop-words-remover/index.js';
import { StringIndexerModelServable } from './string-indexer/index.js';
import { TokenizerServable } from './tokenizer/index.js';
import { UnivariateFeatureSelectorModelServable } from './univariate-feature-selector/index.js';
import { VarianceThresholdSelectorModelServable } from './variance-threshold-selector/index.js';
import { VectorAssemblerServable } from './vector-assembler/index.js';
import { VectorIndexerModelServable } from './vector-indexer/index.js';
import { VectorSlicerServable } from './vector-slicer/index.js';

/**
 * The plugin serving Flink ML's algorithms, keyed by the Java class names found in saved
 * metadata (spec §0). Register it: `new ServableRegistry().register(servableLib)`.
 *
 * To add an algorithm: create `src/<algorithm>/` with its model data codec and servable, then
 * add one line here (and its exports in `src/index.ts`).
 */
export const servableLib: ServablePlugin = {
  name: '@servable/servable-lib',
  servables: {
    // classification
    [LogisticRegressionModelServable.CLASS_NAME]: servableLoader(
      () => new LogisticRegressionModelServable(),
    ),
    [OnlineLogisticRegressionModelServable.CLASS_NAME]: servableLoader(
      () => new OnlineLogisticRegressionModelServable(),
    ),
    [LinearSVCModelServable.CLASS_NAME]: servableLoader(() => new LinearSVCModelServable()),
    [KnnModelServable.CLASS_NAME]: servableLoader(() => new KnnModelServable()),
    [NaiveBayesModelServable.CLASS_NAME]: servableLoader(() => new NaiveBayesModelServable()),
    // clustering
    [KMeansModelServable.CLASS_NAME]: servableLoader(() => new KMeansModelServable()),
    [OnlineKMeansModelServable.CLASS_NAME]: servableLoader(() => new OnlineKMeansModelServable()),
    // regression
    [LinearRegressionModelServable.CLASS_NAME]: servableLoader(
      () => new LinearRegressionModelServable(),
    ),
    // feature models
    [COUNT_VECTORIZER_MODEL_CLASS]: servableLoader(() => new CountVectorizerModelServable()),
    [IDF_MODEL_CLASS]: servableLoader(() => new IDFModelServable()),
    [IMPUTER_MODEL_CLASS]: servableLoader(() => new ImputerModelServable()),
    [K_BINS_DISCRETIZER_MODEL_CLASS]: servableLoader(() => new KBinsDiscretizerModelServable()),
    [MIN_HASH_LSH_MODEL_CLASS]: servableLoader(() => new MinHashLSHModelServable()),
    [MAX_ABS_SCALER_MODEL_CLASS]: servableLoader(() => new MaxAbsScalerModelServable()),
    [MIN_MAX_SCALER_MODEL_CLASS]: servableLoader(() => new MinMaxScalerModelServable()),
    [ONE_HOT_ENCODER_MODEL_CLASS]: servableLoader(() => new OneHotEncoderModelServable()),
    [ROBUST_SCALER_MODEL_CLASS]: servableLoader(() => new RobustScalerModelServable()),
    [StandardScalerModelServable.CLASS_NAME]: servableLoader(
      () => new StandardScalerModelServable(),
    ),
    [OnlineStandardScalerModelServable.CLASS_NAME]: servableLoader(
      () => new OnlineStandardScalerModelServable(),
    ),
    [StringIndexerModelServable.CLASS_NAME]: servableLoader(() => new StringIndexerModelServable()),
    [IndexToStringModelServable.CLASS_NAME]: servableLoader(() => new IndexToStringModelServable()),
    [UnivariateFeatureSelectorModelServable.CLASS_NAME]: servableLoader(
      () => new UnivariateFeatureSelectorModelServable(),
    ),
    [VarianceThresholdSelectorModelServable.CLASS_NAME]: servableLoader(
      () => new VarianceThresholdSelectorModelServable(),
    ),
    [VectorIndexerModelServable.CLASS_NAME]: servableLoader(() => new VectorIndexerModelServable()),
    // stateless transformers (metadata only)
    [BinarizerServable.CLASS_NAME]: servableLoader(() => new BinarizerServable()),
    [BucketizerServable.CLASS_NAME]: servableLoader(() => new BucketizerServable()),
    [DCTServable.CLASS_NAME]: servableLoader(() => new DCTServable()),
    [ElementwiseProductServable.CLASS_NAME]: servableLoader(() => new ElementwiseProductServable()),
    [FeatureHasherServable.CLASS_NAME]: servableLoader(() => new FeatureHasherServable()),
    [HashingTFServable.CLASS_NAME]: servableLoader(() => new HashingTFServable()),
    [InteractionServable.CLASS_NAME]: servableLoader(() => new InteractionServable()),
    [NGramServable.CLASS_NAME]: servableLoader(() => new NGramServable()),
    [NormalizerServable.CLASS_NAME]: servableLoader(() => new NormalizerServable()),
    [VectorSlicerServable.CLASS_NAME]: servableLoader(() => new VectorSlicerServable()),
    [PolynomialExpansionServable.CLASS_NAME]: servableLoader(
      () => new PolynomialExpansionServable(),
    ),
    [VectorAssemblerServable.CLASS_NAME]: servableLoader(() => new VectorAssemblerServable()),
    [TokenizerServable.CLASS_NAME]: servableLoader(() => new TokenizerServable()),
    [RegexTokenizerServable.CLASS_NAME]: servableLoader(() => new RegexTokenizerServable()),
    [StopWordsRemoverServable.CLASS_NAME]: servableLoader(() => new StopWordsRemoverServable()),
    [SQLTransformerServable.CLASS_NAME]: servableLoader(() => new SQLTransformerServable()),
  },
};
