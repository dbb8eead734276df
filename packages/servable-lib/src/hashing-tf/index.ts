export {
  type HashingTFElementHasher,
  HashingTFServable,
  hashingTFElementHasher,
  hashingTFIndex,
} from './hashing-tf-servable.js';
