const ML = 'org.apache.flink.ml.';

/** Flink ML model classes (§0 of the format spec); each estimator is the name without `Model`. */
const MODEL_CLASSES = [
  'classification.logisticregression.LogisticRegressionModel',
  'classification.logisticregression.OnlineLogisticRegressionModel',
  'classification.linearsvc.LinearSVCModel',
  'classification.knn.KnnModel',
  'classification.naivebayes.NaiveBayesModel',
  'clustering.kmeans.KMeansModel',
  'clustering.kmeans.OnlineKMeansModel',
  'regression.linearregression.LinearRegressionModel',
  'feature.countvectorizer.CountVectorizerModel',
  'feature.idf.IDFModel',
  'feature.imputer.ImputerModel',
  'feature.kbinsdiscretizer.KBinsDiscretizerModel',
  'feature.lsh.MinHashLSHModel',
  'feature.maxabsscaler.MaxAbsScalerModel',
  'feature.minmaxscaler.MinMaxScalerModel',
  'feature.onehotencoder.OneHotEncoderModel',
  'feature.robustscaler.RobustScalerModel',
  'feature.standardscaler.StandardScalerModel',
  'feature.standardscaler.OnlineStandardScalerModel',
  'feature.stringindexer.StringIndexerModel',
  'feature.univariatefeatureselector.UnivariateFeatureSelectorModel',
  'feature.variancethresholdselector.VarianceThresholdSelectorModel',
  'feature.vectorindexer.VectorIndexerModel',
].map((c) => ML + c);

const ESTIMATORS = new Set(MODEL_CLASSES.map((c) => c.slice(0, -'Model'.length)));

const ALGO_OPERATORS = new Set(
  [
    'clustering.agglomerativeclustering.AgglomerativeClustering',
    'recommendation.swing.Swing',
    'stats.anovatest.ANOVATest',
    'stats.chisqtest.ChiSqTest',
    'stats.fvaluetest.FValueTest',
    'evaluation.binaryclassification.BinaryClassificationEvaluator',
    'feature.randomsplitter.RandomSplitter',
  ].map((c) => ML + c),
);

/**
 * Why a stage class is known but cannot be served, or `undefined` when it is not one of those:
 * a `GraphModel`, an unfitted `Pipeline`/`Graph`, an estimator (a registered `…Model` class
 * exists, or a Flink ML estimator), or a Flink ML AlgoOperator (aggregates the whole input).
 */
export function unsupportedStageReason(
  className: string,
  isRegistered: (className: string) => boolean,
): string | undefined {
  if (className === `${ML}builder.GraphModel`) {
    return 'GraphModel is not supported (Flink ML has no GraphModel servable either); save the model as a PipelineModel.';
  }
  if (className === `${ML}builder.Pipeline` || className === `${ML}builder.Graph`) {
    return 'this is an estimator (an unfitted Pipeline/Graph), not a model: fit it in Flink ML and save the resulting model.';
  }
  if (ESTIMATORS.has(className) || isRegistered(`${className}Model`)) {
    return `this is an estimator, not a model: fit it in Flink ML and save the ${className.slice(className.lastIndexOf('.') + 1)}Model it returns.`;
  }
  if (ALGO_OPERATORS.has(className)) {
    return 'this is an AlgoOperator that aggregates over its whole input; it has no row-wise serving semantics.';
  }
  return undefined;
}
