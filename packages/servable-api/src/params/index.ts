// Moved to @servable/linalg (next to formatJavaDouble); re-exported here for compatibility.
export { formatJavaFloat } from '@servable/linalg';
export type { ArrayParamOptions } from './array-params.js';
export {
  DoubleArrayArrayParam,
  DoubleArrayParam,
  FloatArrayParam,
  IntArrayParam,
  LongArrayParam,
  StringArrayArrayParam,
  StringArrayParam,
} from './array-params.js';
export type { ParseJsonOptions } from './json-parse.js';
export { parseJson } from './json-parse.js';
export type { JsonObject, JsonValue } from './json-value.js';
export { isJsonObject, JavaDouble, JavaFloat } from './json-value.js';
export { quoteJsonString, writeJson } from './json-write.js';
export { Param } from './param.js';
export type { InvalidParamReason } from './param-error.js';
export {
  InvalidParamError,
  JsonSyntaxError,
  ParamError,
  ParamJsonError,
  UnknownParamError,
} from './param-error.js';
export { applyParamMapJson, paramMapToJson } from './param-map-json.js';
export type { Numeric, ParamValidator } from './param-validator.js';
export { ParamValidators } from './param-validator.js';
export type { MixinInterfaces, ParamMixin, ParamsHolderClass } from './params-holder.js';
export { ParamsHolder, paramMixin } from './params-holder.js';
export {
  BooleanParam,
  DoubleParam,
  FloatParam,
  IntParam,
  LongParam,
  StringParam,
} from './scalar-params.js';
export * from './shared-params.js';
export { VectorParam } from './vector-param.js';
export type { Windows } from './windows.js';
export {
  CountTumblingWindows,
  EventTimeSessionWindows,
  EventTimeTumblingWindows,
  GlobalWindows,
  ProcessingTimeSessionWindows,
  ProcessingTimeTumblingWindows,
  WINDOWS_PACKAGE,
} from './windows.js';
export { WindowsParam } from './windows-param.js';
export type { WithParams } from './with-params.js';
