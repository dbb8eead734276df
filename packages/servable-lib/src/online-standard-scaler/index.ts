export {
  ONLINE_STANDARD_SCALER_MODEL_DATA_FORMAT,
  OnlineStandardScalerModelServable,
} from './online-standard-scaler-model-servable.js';
