export {
  type NaiveBayesModelData,
  NaiveBayesModelDataCodec,
  validateNaiveBayesModelData,
} from './naive-bayes-model-data.js';
export {
  naiveBayesPredict,
  NaiveBayesPredictionError,
  type NaiveBayesPredictionProblem,
  type RowLocation,
} from './naive-bayes-predict.js';
export {
  NaiveBayesModelServable,
  NAIVE_BAYES_MODEL_DATA_FORMAT,
  MODEL_TYPE,
  HasModelType,
  type NaiveBayesModelType,
} from './naive-bayes-model-servable.js';
