export {
  type ExpectedColumns,
  type ExpectedValue,
  findOutputDifference,
} from './compare-output.js';
export {
  DEFAULT_CORRUPTIONS,
  describeServableConformance,
  type ModelDataCorruption,
  type ServableConformanceOptions,
} from './describe-servable-conformance.js';
