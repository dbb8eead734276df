export {
  MaxAbsScalerModelData,
  MaxAbsScalerModelDataCodec,
  maxAbsScalerModelData,
} from './max-abs-scaler-model-data.js';
export {
  MAX_ABS_SCALER_MODEL_CLASS,
  MAX_ABS_SCALER_MODEL_DATA_FORMAT,
  MaxAbsScalerModelServable,
} from './max-abs-scaler-model-servable.js';
