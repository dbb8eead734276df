export { selectByIndices } from './select-by-indices.js';
export {
  UNIVARIATE_FEATURE_SELECTOR_MODEL_DATA_FORMAT,
  type UnivariateFeatureSelectorModelData,
  UnivariateFeatureSelectorModelDataCodec,
} from './univariate-feature-selector-model-data.js';
export { UnivariateFeatureSelectorModelServable } from './univariate-feature-selector-model-servable.js';
