export {
  type LinearRegressionModelData,
  LinearRegressionModelDataCodec,
} from './linear-regression-model-data.js';
export {
  LINEAR_REGRESSION_MODEL_DATA_FORMAT,
  LinearRegressionModelServable,
} from './linear-regression-model-servable.js';
