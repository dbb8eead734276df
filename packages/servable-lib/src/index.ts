export {
  LOGISTIC_REGRESSION_MODEL_DATA_FORMAT,
  type LogisticRegressionModelData,
  LogisticRegressionModelDataCodec,
} from './logistic-regression/logistic-regression-model-data.js';
export { LogisticRegressionModelServable } from './logistic-regression/logistic-regression-model-servable.js';
export { servableLib } from './servable-lib.js';
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
