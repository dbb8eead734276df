export {
  type LinearRegressionModelData,
  LinearRegressionModelDataCodec,
} from './linear-regression-model-data.js';
export {
  LinearRegressionModelServable,
  LINEAR_REGRESSION_MODEL_DATA_FORMAT,
} from './linear-regression-model-servable.js';
