export {
  OnlineStandardScalerModelServable,
  ONLINE_STANDARD_SCALER_MODEL_DATA_FORMAT,
} from './online-standard-scaler-model-servable.js';
