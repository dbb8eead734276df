export {
  VARIANCE_THRESHOLD_SELECTOR_MODEL_DATA_FORMAT,
  type VarianceThresholdSelectorModelData,
  VarianceThresholdSelectorModelDataCodec,
} from './variance-threshold-selector-model-data.js';
export { VarianceThresholdSelectorModelServable } from './variance-threshold-selector-model-servable.js';
