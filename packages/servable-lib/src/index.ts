// The public API of @servable/servable-lib: the plugin, and for every algorithm its servable,
// model data type, codec and format, params (with their Has… mixins) and error classes.

export * from './binarizer/index.js';
export * from './bucketizer/index.js';
export * from './count-vectorizer/index.js';
export * from './dct/index.js';
export * from './elementwise-product/index.js';
export { InvalidInputValueError } from './errors/invalid-input-value-error.js';
export { JavaFeatureDimensionError } from './errors/java-feature-dimension-error.js';
export * from './feature-hasher/index.js';
export * from './hashing-tf/index.js';
export * from './idf/index.js';
export * from './imputer/index.js';
export * from './index-to-string/index.js';
export * from './interaction/index.js';
export { JavaDoubleHashMap } from './java/double-hash-map.js';
export * from './k-bins-discretizer/index.js';
export * from './kmeans/index.js';
export * from './knn/index.js';
export * from './linear-regression/index.js';
export * from './linear-svc/index.js';
export {
  LOGISTIC_REGRESSION_MODEL_DATA_FORMAT,
  type LogisticRegressionModelData,
  LogisticRegressionModelDataCodec,
} from './logistic-regression/logistic-regression-model-data.js';
export { LogisticRegressionModelServable } from './logistic-regression/logistic-regression-model-servable.js';
export * from './max-abs-scaler/index.js';
export * from './min-hash-lsh/index.js';
export * from './min-max-scaler/index.js';
export * from './naive-bayes/index.js';
export * from './ngram/index.js';
export * from './normalizer/index.js';
export * from './one-hot-encoder/index.js';
export * from './online-kmeans/index.js';
export * from './online-logistic-regression/index.js';
export * from './online-model-data/index.js';
export * from './online-standard-scaler/index.js';
export * from './polynomial-expansion/index.js';
export * from './regex-tokenizer/index.js';
export * from './robust-scaler/index.js';
export { servableLib } from './servable-lib.js';
export * from './sql-transformer/index.js';
export {
  STANDARD_SCALER_MODEL_DATA_FORMAT,
  type StandardScalerModelData,
  StandardScalerModelDataCodec,
} from './standard-scaler/standard-scaler-model-data.js';
export { StandardScalerModelServable } from './standard-scaler/standard-scaler-model-servable.js';
export {
  HasWithMean,
  HasWithStd,
  WITH_MEAN,
  WITH_STD,
} from './standard-scaler/standard-scaler-params.js';
export * from './stop-words-remover/index.js';
export * from './string-indexer/index.js';
export * from './tokenizer/index.js';
export * from './univariate-feature-selector/index.js';
export * from './variance-threshold-selector/index.js';
export * from './vector-assembler/index.js';
export * from './vector-indexer/index.js';
export * from './vector-slicer/index.js';
