export { createProgram, EXIT_FAILURE, EXIT_USAGE, runCli } from './cli.js';
export { type CliIo, type OutputStream, processIo } from './cli-io.js';
export {
  describeModel,
  formatDescription,
  type InspectOptions,
  inspect,
  type StageDescription,
} from './commands/inspect.js';
export {
  type OnError,
  type PredictOptions,
  type PredictSummary,
  predict,
} from './commands/predict.js';
export { type PublishOptions, publish } from './commands/publish.js';
export { type RunningServer, serve, startServer } from './commands/serve.js';
export {
  type RunningStream,
  STREAM_HEADERS,
  type StreamOptions,
  type StreamStats,
  startStream,
  stream,
} from './commands/stream.js';
export type { TrainOptions } from './commands/train.js';
export {
  CliError,
  CliUsageError,
  ConfigFileError,
  InputLineError,
  TrainingError,
} from './errors.js';
export { type InputLine, parseRecordLine, readLines } from './json-lines.js';
export { loadModelStage, type ModelStage } from './model-stage.js';
export { modelVersionText, type StageVersion, stageVersions } from './model-versions.js';
export { type RecordFrame, type RecordFrameOptions, readRecordFrame } from './record-frame.js';
export {
  type InputRecord,
  RecordTransformer,
  type RecordTransformerOptions,
  type RowResult,
} from './record-transformer.js';
export { createRegistry } from './registry.js';
export { describeRowError, type RowErrorDescription } from './row-error.js';
export { parseSchemaOption } from './schema-option.js';
export {
  readConfigFile,
  resolveServeConfig,
  type ServeConfig,
  type ServeFlags,
  type ServeModelConfig,
} from './serve-config.js';
export { train } from './train-lazily.js';
export {
  createTrainProgress,
  formatEpochLine,
  formatLoss,
  type TrainProgress,
  type TrainProgressMode,
} from './train-progress.js';
