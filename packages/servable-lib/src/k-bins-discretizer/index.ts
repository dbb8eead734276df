export { discretize } from './discretize.js';
export {
  type KBinsDiscretizerModelData,
  KBinsDiscretizerModelDataCodec,
} from './k-bins-discretizer-model-data.js';
export {
  K_BINS_DISCRETIZER_MODEL_CLASS,
  K_BINS_DISCRETIZER_MODEL_DATA_FORMAT,
  KBinsDiscretizerModelServable,
} from './k-bins-discretizer-model-servable.js';
