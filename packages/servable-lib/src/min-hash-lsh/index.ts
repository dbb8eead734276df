export { EmptyMinHashInputError, minHash, minHashKeyDistance, minHashSet } from './min-hash.js';
export {
  MIN_HASH_PRIME,
  type MinHashLSHModelData,
  MinHashLSHModelDataCodec,
  validateMinHashLSHModelData,
} from './min-hash-lsh-model-data.js';
export {
  EmptyHashInputError,
  MIN_HASH_LSH_MODEL_CLASS,
  MIN_HASH_LSH_MODEL_DATA_FORMAT,
  MIN_HASH_OUTPUT_TYPE,
  MinHashLSHModelServable,
} from './min-hash-lsh-model-servable.js';
