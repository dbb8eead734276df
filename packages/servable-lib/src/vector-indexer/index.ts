export { CategoryMap } from './category-map.js';
export {
  VECTOR_INDEXER_MODEL_DATA_FORMAT,
  type VectorIndexerModelData,
  VectorIndexerModelDataCodec,
} from './vector-indexer-model-data.js';
export { VectorIndexerModelServable } from './vector-indexer-model-servable.js';
