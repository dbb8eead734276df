export {
  type NaiveBayesModelData,
  NaiveBayesModelDataCodec,
  validateNaiveBayesModelData,
} from './naive-bayes-model-data.js';
export {
  HasModelType,
  MODEL_TYPE,
  NAIVE_BAYES_MODEL_DATA_FORMAT,
  NaiveBayesModelServable,
  type NaiveBayesModelType,
} from './naive-bayes-model-servable.js';
export {
  NaiveBayesPredictionError,
  type NaiveBayesPredictionProblem,
  naiveBayesPredict,
  type RowLocation,
} from './naive-bayes-predict.js';
