export { type LinearSVCModelData, LinearSVCModelDataCodec } from './linear-svc-model-data.js';
export {
  HasThreshold,
  LINEAR_SVC_MODEL_DATA_FORMAT,
  LinearSVCModelServable,
  THRESHOLD,
} from './linear-svc-model-servable.js';
