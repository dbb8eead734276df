export { type LinearSVCModelData, LinearSVCModelDataCodec } from './linear-svc-model-data.js';
export {
  LinearSVCModelServable,
  LINEAR_SVC_MODEL_DATA_FORMAT,
  THRESHOLD,
  HasThreshold,
} from './linear-svc-model-servable.js';
