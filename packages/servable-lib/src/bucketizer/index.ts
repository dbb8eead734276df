export {
  BucketizerServable,
  findBucket,
  HasSplitsArray,
  isValidSplitsArray,
  SPLITS_ARRAY,
} from './bucketizer-servable.js';
