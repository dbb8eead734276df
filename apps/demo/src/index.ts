export { BackgroundTraffic, type TrafficReport } from './background-traffic.js';
export {
  type DatasetOptions,
  type DemoDataset,
  FEATURE_NAMES,
  generateDataset,
  type LabelledData,
} from './dataset.js';
export { DemoError, type DemoErrorCode } from './demo-error.js';
export {
  buildDemoPipeline,
  encodeLogisticRegression,
  FEATURES_COL,
  LOGISTIC_REGRESSION_STAGE,
  SCALED_FEATURES_COL,
  saveDemoPipeline,
} from './demo-pipeline.js';
export { FileModelChannel } from './file-model-channel.js';
export { isPortFree } from './free-port.js';
export { type BatchPrediction, InferenceClient } from './inference-client.js';
export { type KafkaChannelOptions, KafkaModelChannel } from './kafka-model-channel.js';
export {
  bar,
  formatSummary,
  formatVersionLine,
  percent,
  type SamplePrediction,
  type VersionReport,
  versionHeading,
} from './live-view.js';
export {
  accuracyOf,
  OnlineLogisticRegressionTrainer,
  type TrainerOptions,
} from './logistic-regression-trainer.js';
export type { ModelChannel } from './model-channel.js';
export { SeededRandom } from './random.js';
export { DEMO_MODEL_NAME, type DemoOptions, type DemoResult, runDemo } from './run-demo.js';
export { fitStandardScaler, standardize } from './standard-scaler-fit.js';
