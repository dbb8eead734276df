export { type ImputerInputType, imputeColumn, imputerValueToDouble } from './impute.js';
export { type ImputerModelData, ImputerModelDataCodec } from './imputer-model-data.js';
export {
  HasMissingValue,
  IMPUTER_MODEL_CLASS,
  IMPUTER_MODEL_DATA_FORMAT,
  ImputerModelServable,
  MISSING_VALUE,
} from './imputer-model-servable.js';
