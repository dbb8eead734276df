export { robustScale } from './robust-scale.js';
export {
  RobustScalerModelData,
  RobustScalerModelDataCodec,
  validateRobustScalerModelData,
} from './robust-scaler-model-data.js';
export {
  HasWithCentering,
  HasWithScaling,
  ROBUST_SCALER_MODEL_CLASS,
  ROBUST_SCALER_MODEL_DATA_FORMAT,
  RobustScalerModelServable,
  WITH_CENTERING,
  WITH_SCALING,
} from './robust-scaler-model-servable.js';
