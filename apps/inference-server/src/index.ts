export { checkInferenceRequest } from './check-inference-request.js';
export {
  InferenceServerConfigError,
  InferenceServerError,
  InvalidInferenceRequestError,
  ModelNotFoundError,
  ModelNotReadyError,
  OutputEncodingError,
} from './errors.js';
export type {
  InferenceRequest,
  InferenceResponse,
  PredictRequest,
  PredictResponse,
  RequestInput,
  RequestOutput,
  ResponseOutput,
} from './inference-request.js';
export {
  createInferenceServer,
  type InferenceServer,
  type ServerStatus,
} from './inference-server.js';
export {
  ModelSignature,
  type ModelSignatureSpec,
  probeSignature,
  type SignatureColumn,
  type SignatureProbe,
  type TensorMetadata,
} from './model-signature.js';
export type { ModelUpdater } from './model-updater.js';
export { RateWindow, type RecentStats } from './rate-window.js';
export { type ModelSnapshot, type ModelStatus, ServedModel } from './served-model.js';
export { type EndpointMetrics, type InferenceEndpoint, ServerMetrics } from './server-metrics.js';
export type {
  InferenceServerOptions,
  ListenOptions,
  ModelConfig,
  WatchOptions,
} from './server-options.js';
export {
  datatypeOf,
  isNumericDatatype,
  shapeOf,
  TENSOR_DATATYPES,
  type TensorDatatype,
} from './tensor-datatype.js';
export { type DecodeLimits, decodeInputs } from './tensor-decoder.js';
export { encodeOutputs, type OutputColumn } from './tensor-encoder.js';
