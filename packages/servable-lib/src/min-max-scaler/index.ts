export { type MinMaxScaling, minMaxScale, minMaxScaling } from './min-max-scale.js';
export {
  type MinMaxScalerModelData,
  MinMaxScalerModelDataCodec,
  validateMinMaxScalerModelData,
} from './min-max-scaler-model-data.js';
export {
  HasMax,
  HasMin,
  MAX,
  MIN,
  MIN_MAX_SCALER_MODEL_CLASS,
  MIN_MAX_SCALER_MODEL_DATA_FORMAT,
  MinMaxScalerModelServable,
} from './min-max-scaler-model-servable.js';
