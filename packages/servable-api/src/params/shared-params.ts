import { StringArrayParam } from './array-params.js';
import { ParamValidators } from './param-validator.js';
import { paramMixin } from './params-holder.js';
import { BooleanParam, DoubleParam, IntParam, LongParam, StringParam } from './scalar-params.js';
import { GlobalWindows, type Windows } from './windows.js';
import { WindowsParam } from './windows-param.js';

// Flink ML's shared params (the `HasXxx` interfaces of flink-ml-servable-lib / flink-ml-lib):
// for each, the Param constant, the accessor interface and the mixin of the same name to pass to
// `ParamsHolder.with(...)`. Names, defaults and validators follow Flink ML exactly, except that
// `rawPredictionCol` and `flatten` (no validator in Java) refuse null here.

/** Converts a setter argument for a long param: safe integer numbers become bigint. */
function toLong(value: unknown): unknown {
  return typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : value;
}

/** `featuresCol` = "features" (notNull): the features column name. */
export const FEATURES_COL = new StringParam('featuresCol', 'Features column name.', 'features');
/** Accessors of {@link FEATURES_COL}. */
export interface HasFeaturesCol {
  /** The features column name. */
  getFeaturesCol(): string;
  /** Sets the features column name. */
  setFeaturesCol(value: string): this;
}
/** Mixin of {@link FEATURES_COL} for `ParamsHolder.with`. */
export const HasFeaturesCol = paramMixin<HasFeaturesCol>(FEATURES_COL, 'FeaturesCol');

/** `predictionCol` = "prediction" (notNull): the prediction column name. */
export const PREDICTION_COL = new StringParam(
  'predictionCol',
  'Prediction column name.',
  'prediction',
);
/** Accessors of {@link PREDICTION_COL}. */
export interface HasPredictionCol {
  /** The prediction column name. */
  getPredictionCol(): string;
  /** Sets the prediction column name. */
  setPredictionCol(value: string): this;
}
/** Mixin of {@link PREDICTION_COL}. */
export const HasPredictionCol = paramMixin<HasPredictionCol>(PREDICTION_COL, 'PredictionCol');

/**
 * `rawPredictionCol` = "rawPrediction": the raw prediction (e.g. probabilities) column name.
 * Java has no validator; null is refused here.
 */
export const RAW_PREDICTION_COL = new StringParam(
  'rawPredictionCol',
  'Raw prediction column name.',
  'rawPrediction',
);
/** Accessors of {@link RAW_PREDICTION_COL}. */
export interface HasRawPredictionCol {
  /** The raw prediction column name. */
  getRawPredictionCol(): string;
  /** Sets the raw prediction column name. */
  setRawPredictionCol(value: string): this;
}
/** Mixin of {@link RAW_PREDICTION_COL}. */
export const HasRawPredictionCol = paramMixin<HasRawPredictionCol>(
  RAW_PREDICTION_COL,
  'RawPredictionCol',
);

/** `inputCol` = "input" (notNull). */
export const INPUT_COL = new StringParam('inputCol', 'Input column name.', 'input');
/** Accessors of {@link INPUT_COL}. */
export interface HasInputCol {
  /** The input column name. */
  getInputCol(): string;
  /** Sets the input column name. */
  setInputCol(value: string): this;
}
/** Mixin of {@link INPUT_COL}. */
export const HasInputCol = paramMixin<HasInputCol>(INPUT_COL, 'InputCol');

/** `outputCol` = "output" (notNull). */
export const OUTPUT_COL = new StringParam('outputCol', 'Output column name.', 'output');
/** Accessors of {@link OUTPUT_COL}. */
export interface HasOutputCol {
  /** The output column name. */
  getOutputCol(): string;
  /** Sets the output column name. */
  setOutputCol(value: string): this;
}
/** Mixin of {@link OUTPUT_COL}. */
export const HasOutputCol = paramMixin<HasOutputCol>(OUTPUT_COL, 'OutputCol');

/** `inputCols` = null (nonEmptyArray): must be set before use. */
export const INPUT_COLS = new StringArrayParam(
  'inputCols',
  'Input column names.',
  null,
  ParamValidators.nonEmptyArray(),
);
/** Accessors of {@link INPUT_COLS}. */
export interface HasInputCols {
  /** The input column names; throws if never set. */
  getInputCols(): string[];
  /** Sets the input column names (non-empty). */
  setInputCols(value: string[]): this;
}
/** Mixin of {@link INPUT_COLS}. */
export const HasInputCols = paramMixin<HasInputCols>(INPUT_COLS, 'InputCols');

/** `outputCols` = null (nonEmptyArray): must be set before use. */
export const OUTPUT_COLS = new StringArrayParam(
  'outputCols',
  'Output column names.',
  null,
  ParamValidators.nonEmptyArray(),
);
/** Accessors of {@link OUTPUT_COLS}. */
export interface HasOutputCols {
  /** The output column names; throws if never set. */
  getOutputCols(): string[];
  /** Sets the output column names (non-empty). */
  setOutputCols(value: string[]): this;
}
/** Mixin of {@link OUTPUT_COLS}. */
export const HasOutputCols = paramMixin<HasOutputCols>(OUTPUT_COLS, 'OutputCols');

/** `labelCol` = "label" (notNull). */
export const LABEL_COL = new StringParam('labelCol', 'Label column name.', 'label');
/** Accessors of {@link LABEL_COL}. */
export interface HasLabelCol {
  /** The label column name. */
  getLabelCol(): string;
  /** Sets the label column name. */
  setLabelCol(value: string): this;
}
/** Mixin of {@link LABEL_COL}. */
export const HasLabelCol = paramMixin<HasLabelCol>(LABEL_COL, 'LabelCol');

/** `weightCol` = null (any value): the weight column name, null for unweighted. */
export const WEIGHT_COL = new StringParam<string | null>(
  'weightCol',
  'Weight column name.',
  null,
  ParamValidators.alwaysTrue(),
);
/** Accessors of {@link WEIGHT_COL}. */
export interface HasWeightCol {
  /** The weight column name, or null. */
  getWeightCol(): string | null;
  /** Sets the weight column name (null for none). */
  setWeightCol(value: string | null): this;
}
/** Mixin of {@link WEIGHT_COL}. */
export const HasWeightCol = paramMixin<HasWeightCol>(WEIGHT_COL, 'WeightCol');

/** `handleInvalid` value: throw on invalid entries. */
export const ERROR_INVALID = 'error';
/** `handleInvalid` value: drop rows with invalid entries. */
export const SKIP_INVALID = 'skip';
/** `handleInvalid` value: keep invalid entries in a special bucket. */
export const KEEP_INVALID = 'keep';
/** The values of `handleInvalid`. */
export type HandleInvalid = typeof ERROR_INVALID | typeof SKIP_INVALID | typeof KEEP_INVALID;

/** `handleInvalid` = "error" (in [error, skip, keep]). */
export const HANDLE_INVALID = new StringParam<HandleInvalid>(
  'handleInvalid',
  'Strategy to handle invalid entries.',
  ERROR_INVALID,
  ParamValidators.inArray<HandleInvalid>(ERROR_INVALID, SKIP_INVALID, KEEP_INVALID),
);
/** Accessors of {@link HANDLE_INVALID}. */
export interface HasHandleInvalid {
  /** The strategy for invalid entries. */
  getHandleInvalid(): HandleInvalid;
  /** Sets the strategy for invalid entries. */
  setHandleInvalid(value: HandleInvalid): this;
}
/** Mixin of {@link HANDLE_INVALID}. */
export const HasHandleInvalid = paramMixin<HasHandleInvalid>(HANDLE_INVALID, 'HandleInvalid');

/** `categoricalCols` = [] (notNull). */
export const CATEGORICAL_COLS = new StringArrayParam(
  'categoricalCols',
  'Categorical column names.',
  [],
);
/** Accessors of {@link CATEGORICAL_COLS}. */
export interface HasCategoricalCols {
  /** The categorical column names. */
  getCategoricalCols(): string[];
  /** Sets the categorical column names. */
  setCategoricalCols(value: string[]): this;
}
/** Mixin of {@link CATEGORICAL_COLS}. */
export const HasCategoricalCols = paramMixin<HasCategoricalCols>(
  CATEGORICAL_COLS,
  'CategoricalCols',
);

/** `numFeatures` = 262144 (> 0). */
export const NUM_FEATURES = new IntParam(
  'numFeatures',
  'The number of features.',
  262144,
  ParamValidators.gt(0),
);
/** Accessors of {@link NUM_FEATURES}. */
export interface HasNumFeatures {
  /** The number of features. */
  getNumFeatures(): number;
  /** Sets the number of features. */
  setNumFeatures(value: number): this;
}
/** Mixin of {@link NUM_FEATURES}. */
export const HasNumFeatures = paramMixin<HasNumFeatures>(NUM_FEATURES, 'NumFeatures');

/** The values of `distanceMeasure`. */
export type DistanceMeasureName = 'euclidean' | 'manhattan' | 'cosine';
/** `distanceMeasure` = "euclidean" (in [euclidean, manhattan, cosine]). */
export const DISTANCE_MEASURE = new StringParam<DistanceMeasureName>(
  'distanceMeasure',
  'Distance measure.',
  'euclidean',
  ParamValidators.inArray<DistanceMeasureName>('euclidean', 'manhattan', 'cosine'),
);
/** Accessors of {@link DISTANCE_MEASURE}. */
export interface HasDistanceMeasure {
  /** The distance measure. */
  getDistanceMeasure(): DistanceMeasureName;
  /** Sets the distance measure. */
  setDistanceMeasure(value: DistanceMeasureName): this;
}
/** Mixin of {@link DISTANCE_MEASURE}. */
export const HasDistanceMeasure = paramMixin<HasDistanceMeasure>(
  DISTANCE_MEASURE,
  'DistanceMeasure',
);

/** `modelVersionCol` = "version" (any value; null = output no version column). */
export const MODEL_VERSION_COL = new StringParam<string | null>(
  'modelVersionCol',
  'The name of the column which contains the version of the model data that the input data is predicted with. The version should be a 64-bit integer.',
  'version',
  ParamValidators.alwaysTrue(),
);
/** Accessors of {@link MODEL_VERSION_COL}. */
export interface HasModelVersionCol {
  /** The model version column name, or null for none. */
  getModelVersionCol(): string | null;
  /** Sets the model version column name (null for none). */
  setModelVersionCol(value: string | null): this;
}
/** Mixin of {@link MODEL_VERSION_COL}. */
export const HasModelVersionCol = paramMixin<HasModelVersionCol>(
  MODEL_VERSION_COL,
  'ModelVersionCol',
);

/** `maxAllowedModelDelayMs` = 0 (long, >= 0). */
export const MAX_ALLOWED_MODEL_DELAY_MS = new LongParam(
  'maxAllowedModelDelayMs',
  'The maximum difference allowed between the timestamps of the input record and the model data that is used to predict that input record.',
  0n,
  ParamValidators.gtEq(0),
);
/** Accessors of {@link MAX_ALLOWED_MODEL_DELAY_MS}. */
export interface HasMaxAllowedModelDelayMs {
  /** The maximum allowed model delay in ms. */
  getMaxAllowedModelDelayMs(): bigint;
  /** Sets the maximum allowed model delay in ms (a number or bigint). */
  setMaxAllowedModelDelayMs(value: bigint | number): this;
}
/** Mixin of {@link MAX_ALLOWED_MODEL_DELAY_MS}. */
export const HasMaxAllowedModelDelayMs = paramMixin<HasMaxAllowedModelDelayMs>(
  MAX_ALLOWED_MODEL_DELAY_MS,
  'MaxAllowedModelDelayMs',
  toLong,
);

/** `windows` = GlobalWindows (notNull). */
export const WINDOWS = new WindowsParam(
  'windows',
  'Windowing strategy that determines how to create mini-batches from input data.',
  GlobalWindows.INSTANCE,
);
/** Accessors of {@link WINDOWS}. */
export interface HasWindows {
  /** The windowing strategy. */
  getWindows(): Windows;
  /** Sets the windowing strategy. */
  setWindows(value: Windows): this;
}
/** Mixin of {@link WINDOWS}. */
export const HasWindows = paramMixin<HasWindows>(WINDOWS, 'Windows');

/** `relativeError` = 0.001 (in [0, 1]). */
export const RELATIVE_ERROR = new DoubleParam(
  'relativeError',
  'The relative target precision for the approximate quantile algorithm.',
  0.001,
  ParamValidators.inRange(0, 1),
);
/** Accessors of {@link RELATIVE_ERROR}. */
export interface HasRelativeError {
  /** The relative error. */
  getRelativeError(): number;
  /** Sets the relative error. */
  setRelativeError(value: number): this;
}
/** Mixin of {@link RELATIVE_ERROR}. */
export const HasRelativeError = paramMixin<HasRelativeError>(RELATIVE_ERROR, 'RelativeError');

/**
 * `seed` = null (long, any value). Java's getter falls back to the stage class name's
 * `hashCode()` when null; here `getSeed()` returns null and the caller decides.
 */
export const SEED = new LongParam<bigint | null>(
  'seed',
  'The random seed.',
  null,
  ParamValidators.alwaysTrue(),
);
/** Accessors of {@link SEED}. */
export interface HasSeed {
  /** The random seed, or null when unset. */
  getSeed(): bigint | null;
  /** Sets the random seed (a number or bigint). */
  setSeed(value: bigint | number | null): this;
}
/** Mixin of {@link SEED}. */
export const HasSeed = paramMixin<HasSeed>(SEED, 'Seed', toLong);

/** `maxIter` = 20 (> 0). */
export const MAX_ITER = new IntParam(
  'maxIter',
  'Maximum number of iterations.',
  20,
  ParamValidators.gt(0),
);
/** Accessors of {@link MAX_ITER}. */
export interface HasMaxIter {
  /** The maximum number of iterations. */
  getMaxIter(): number;
  /** Sets the maximum number of iterations. */
  setMaxIter(value: number): this;
}
/** Mixin of {@link MAX_ITER}. */
export const HasMaxIter = paramMixin<HasMaxIter>(MAX_ITER, 'MaxIter');

/** `tol` = 1e-6 (>= 0). */
export const TOL = new DoubleParam(
  'tol',
  'Convergence tolerance for iterative algorithms.',
  1e-6,
  ParamValidators.gtEq(0),
);
/** Accessors of {@link TOL}. */
export interface HasTol {
  /** The convergence tolerance. */
  getTol(): number;
  /** Sets the convergence tolerance. */
  setTol(value: number): this;
}
/** Mixin of {@link TOL}. */
export const HasTol = paramMixin<HasTol>(TOL, 'Tol');

/** `learningRate` = 0.1 (> 0). */
export const LEARNING_RATE = new DoubleParam(
  'learningRate',
  'Learning rate of optimization method.',
  0.1,
  ParamValidators.gt(0),
);
/** Accessors of {@link LEARNING_RATE}. */
export interface HasLearningRate {
  /** The learning rate. */
  getLearningRate(): number;
  /** Sets the learning rate. */
  setLearningRate(value: number): this;
}
/** Mixin of {@link LEARNING_RATE}. */
export const HasLearningRate = paramMixin<HasLearningRate>(LEARNING_RATE, 'LearningRate');

/** `globalBatchSize` = 32 (> 0). */
export const GLOBAL_BATCH_SIZE = new IntParam(
  'globalBatchSize',
  'Global batch size of training algorithms.',
  32,
  ParamValidators.gt(0),
);
/** Accessors of {@link GLOBAL_BATCH_SIZE}. */
export interface HasGlobalBatchSize {
  /** The global batch size. */
  getGlobalBatchSize(): number;
  /** Sets the global batch size. */
  setGlobalBatchSize(value: number): this;
}
/** Mixin of {@link GLOBAL_BATCH_SIZE}. */
export const HasGlobalBatchSize = paramMixin<HasGlobalBatchSize>(
  GLOBAL_BATCH_SIZE,
  'GlobalBatchSize',
);

/** `reg` = 0.0 (>= 0). */
export const REG = new DoubleParam('reg', 'Regularization parameter.', 0, ParamValidators.gtEq(0));
/** Accessors of {@link REG}. */
export interface HasReg {
  /** The regularization parameter. */
  getReg(): number;
  /** Sets the regularization parameter. */
  setReg(value: number): this;
}
/** Mixin of {@link REG}. */
export const HasReg = paramMixin<HasReg>(REG, 'Reg');

/** `elasticNet` = 0.0 (in [0, 1]). */
export const ELASTIC_NET = new DoubleParam(
  'elasticNet',
  'ElasticNet parameter.',
  0,
  ParamValidators.inRange(0, 1),
);
/** Accessors of {@link ELASTIC_NET}. */
export interface HasElasticNet {
  /** The elastic net parameter. */
  getElasticNet(): number;
  /** Sets the elastic net parameter. */
  setElasticNet(value: number): this;
}
/** Mixin of {@link ELASTIC_NET}. */
export const HasElasticNet = paramMixin<HasElasticNet>(ELASTIC_NET, 'ElasticNet');

/** The values of `multiClass`. */
export type MultiClass = 'auto' | 'binomial' | 'multinomial';
/** `multiClass` = "auto" (in [auto, binomial, multinomial]). */
export const MULTI_CLASS = new StringParam<MultiClass>(
  'multiClass',
  'Classification type.',
  'auto',
  ParamValidators.inArray<MultiClass>('auto', 'binomial', 'multinomial'),
);
/** Accessors of {@link MULTI_CLASS}. */
export interface HasMultiClass {
  /** The classification type. */
  getMultiClass(): MultiClass;
  /** Sets the classification type. */
  setMultiClass(value: MultiClass): this;
}
/** Mixin of {@link MULTI_CLASS}. */
export const HasMultiClass = paramMixin<HasMultiClass>(MULTI_CLASS, 'MultiClass');

/** `batchStrategy` = "count" (in [count]). */
export const BATCH_STRATEGY = new StringParam<'count'>(
  'batchStrategy',
  'Strategy to create mini batch from online train data.',
  'count',
  ParamValidators.inArray<'count'>('count'),
);
/** Accessors of {@link BATCH_STRATEGY}. */
export interface HasBatchStrategy {
  /** The batch strategy. */
  getBatchStrategy(): 'count';
  /** Sets the batch strategy. */
  setBatchStrategy(value: 'count'): this;
}
/** Mixin of {@link BATCH_STRATEGY}. */
export const HasBatchStrategy = paramMixin<HasBatchStrategy>(BATCH_STRATEGY, 'BatchStrategy');

/** `decayFactor` = 0.0 (in [0, 1]). */
export const DECAY_FACTOR = new DoubleParam(
  'decayFactor',
  'The forgetfulness of the previous centroids.',
  0,
  ParamValidators.inRange(0, 1),
);
/** Accessors of {@link DECAY_FACTOR}. */
export interface HasDecayFactor {
  /** The decay factor. */
  getDecayFactor(): number;
  /** Sets the decay factor. */
  setDecayFactor(value: number): this;
}
/** Mixin of {@link DECAY_FACTOR}. */
export const HasDecayFactor = paramMixin<HasDecayFactor>(DECAY_FACTOR, 'DecayFactor');

/** `flatten` = false. Java has no validator; null is refused here. */
export const FLATTEN = new BooleanParam(
  'flatten',
  'If false, the returned table contains only a single row, otherwise, one row per feature.',
  false,
);
/** Accessors of {@link FLATTEN}. */
export interface HasFlatten {
  /** Whether to flatten the output. */
  getFlatten(): boolean;
  /** Sets whether to flatten the output. */
  setFlatten(value: boolean): this;
}
/** Mixin of {@link FLATTEN}. */
export const HasFlatten = paramMixin<HasFlatten>(FLATTEN, 'Flatten');
