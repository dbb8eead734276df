export { deriveInputSchema } from './derive-input-schema.js';
export {
  AmbiguousModelDataError,
  ColumnTypeMismatchError,
  FeatureDimensionError,
  InvalidInputValueError,
  JavaFeatureDimensionError,
  MissingColumnError,
  ModelDataError,
  type ModelDataErrorDetails,
  ModelDataMissingError,
  ModelNotLoadedError,
  NoModelDataError,
  ServableError,
  ServableLoadError,
  StageNotFoundError,
  UnknownServableClassError,
  UnsupportedStageError,
} from './errors.js';
export { requireColumn, requireVectorColumn } from './input-columns.js';
export {
  type DimensionRule,
  forEachVector,
  mapVectorColumn,
  type VectorColumnSpec,
} from './map-vector-column.js';
export * from './metadata/index.js';
export {
  isHiddenModelDataFile,
  listModelDataFiles,
  MODEL_DATA_DIR,
  type ModelDataListing,
  missingModelDataReason,
  modelDataFileName,
  readModelDataFiles,
  writeModelDataFiles,
} from './model-data-files.js';
export {
  type DecodedRecords,
  decodeRecords,
  type LatestRecordFormatSpec,
  latestRecordFormat,
  type ModelDataCardinality,
  type ModelDataFormat,
  type MultiRecordFormatSpec,
  multiRecordFormat,
  type SingleRecordFormatSpec,
  singleRecordFormat,
} from './model-data-format.js';
export {
  isNamedModelDataInput,
  type ModelDataBytes,
  type ModelDataChunk,
  type ModelDataInput,
  type NamedModelDataInput,
  readModelDataInput,
} from './model-data-input.js';
export { ModelServable, PreparedModelData, type SavedModelData } from './model-servable.js';
export { type ModelVersion, toModelVersion } from './model-version.js';
export {
  blasNumerics,
  blasOf,
  checkNumerics,
  DEFAULT_NUMERICS,
  InvalidNumericsError,
  isNumericsAware,
  type Numerics,
  type NumericsAware,
} from './numerics.js';
export type { ParamDeclaration } from './param-accessors.js';
export * from './params/index.js';
export * from './pipeline/index.js';
export {
  type LoadPipelineOptions,
  type NamedStage,
  type PipelineModelData,
  PipelineModelServable,
  PreparedPipelineModelData,
} from './pipeline-model-servable.js';
export type { ServableLoader, ServablePlugin } from './servable-plugin.js';
export {
  BUILTIN_PLUGIN,
  DuplicateServableClassError,
  ServableRegistry,
  type ServableRegistryOptions,
} from './servable-registry.js';
export { formatStageCheck, type StageCheck } from './stage-check.js';
export { checkStage, type LoadStageOptions, loadStage, servableLoader } from './stage-loader.js';
export { saveStage } from './stage-writer.js';
export {
  type AnyServable,
  type SaveOptions,
  simpleClassName,
  type TransformerServable,
} from './transformer-servable.js';
export { TransformerServableBase } from './transformer-servable-base.js';
export { withNumerics } from './with-numerics.js';
