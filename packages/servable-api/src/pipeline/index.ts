export { Pipeline } from './pipeline.js';
export { PipelineError, type PipelineErrorCode } from './pipeline-error.js';
export { PipelineModel } from './pipeline-model.js';
export { ServableModel } from './servable-model.js';
export {
  type Estimator,
  isEstimator,
  isModel,
  type Model,
  type PipelineStage,
  type Stage,
  type Transformer,
} from './stage.js';
export { toModel } from './to-model.js';
