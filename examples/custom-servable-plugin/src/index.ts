export { examplePlugin } from './example-plugin.js';
export {
  THRESHOLD_MODEL_DATA_FORMAT,
  type ThresholdModelData,
  ThresholdModelDataCodec,
} from './threshold-model-data.js';
export { ELEMENT_INDEX, ThresholdModelServable } from './threshold-model-servable.js';
