export { StringIndex } from './string-index.js';
export {
  STRING_INDEXER_MODEL_DATA_FORMAT,
  type StringIndexerModelData,
  StringIndexerModelDataCodec,
} from './string-indexer-model-data.js';
export { StringIndexerModelServable } from './string-indexer-model-servable.js';
