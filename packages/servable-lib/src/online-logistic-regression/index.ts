export {
  HasOnlineLRModelVersionCol,
  ONLINE_LOGISTIC_REGRESSION_MODEL_DATA_FORMAT,
  ONLINE_LR_MODEL_VERSION_COL,
  OnlineLogisticRegressionModelServable,
} from './online-logistic-regression-model-servable.js';
