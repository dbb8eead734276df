export {
  BUNDLE_FORMAT_VERSION,
  BUNDLE_HEADER_BYTES,
  BUNDLE_MAGIC,
  type DecodedBundle,
  decodeTFModelBundle,
  encodeTFModelBundle,
} from './bundle/bundle-codec.js';
export type { TFModelBundle, TFModelJson, TFModelKind } from './bundle/tf-model-bundle.js';
export { TF_MODEL_BUNDLE_FORMAT } from './bundle/tf-model-bundle-format.js';
export { TFBridgeError, TFConfigError, TFDataError, TFNodeError } from './errors.js';
export {
  PYTHON_RUNTIME,
  type PythonRunSpec,
  pythonExecutable,
  runPythonCluster,
  type WorkerIO,
} from './python/python-cluster.js';
export type { TFFailedRow, TransformStreamOptions } from './python/python-stream.js';
export {
  MAX_RESTART_BACKOFF_MS,
  RestartBudget,
  type RestartPolicy,
  type TFNodeRestart,
} from './python/restart-policy.js';
export {
  decodeOutputRow,
  encodeExample,
  encodeRow,
  type OutputCoding,
  type RowCoding,
} from './python/row-coding.js';
export { directorySnapshotSink, type ModelSnapshotSink } from './stream/model-snapshot-sink.js';
export { tfBridgePlugin } from './tf-bridge-plugin.js';
export {
  buildTFConfig,
  parseHyperParams,
  type TFBatch,
  type TFConfig,
  type TFContext,
  type TFNodeType,
  type TFProgress,
  type TFRunMode,
} from './tf-context.js';
export { type FitStreamOptions, TF_ESTIMATOR_CLASS_NAME, TFEstimator } from './tf-estimator.js';
export { TF_SCRIPT_MODEL_CLASS_NAME, TFModel } from './tf-model.js';
export { TF_MODEL_CLASS_NAME } from './tf-model-class-name.js';
export { predictBlocks, TFModelNotReadyError, TFModelServable } from './tf-model-servable.js';
export * from './tf-param-mixins.js';
export * from './tf-params.js';
export { fileSystemIO } from './tfjs/file-system-io.js';
export {
  bundleFromArtifacts,
  bundleFromModel,
  loadBundleModel,
  type TFJSModel,
} from './tfjs/load-model.js';
export {
  type TfjsBackendChoice,
  type TfjsBackendName,
  type TfjsBackendState,
  tf,
  type UseTfjsBackendOptions,
  useTfjsBackend,
} from './tfjs/tfjs-backend.js';
export { batchIndices, type Remainder } from './training/batches.js';
export { checkpointName, latestCheckpoint, readModelBundle } from './training/checkpoints.js';
export { weightsDigest } from './training/data-parallel-trainer.js';
