export {
  FeatureHasherServable,
  featureHasherIndex,
  featureHasherIndexOfHash,
} from './feature-hasher-servable.js';
