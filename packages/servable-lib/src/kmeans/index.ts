export { type KMeansModelData, KMeansModelDataCodec, validateKMeansModelData } from './kmeans-model-data.js';
export {
  COSINE_ZERO_NORM_MESSAGE,
  DistanceMeasureError,
  distance,
  findClosest,
  withNorm,
} from './distance-measure.js';
export {
  TooManyCentroidsError,
  type PreparedCentroids,
  predictClusters,
  prepareCentroids,
} from './kmeans-predict.js';
export {
  KMeansModelServable,
  KMEANS_K,
  HasKMeansK,
  KMEANS_MODEL_DATA_FORMAT,
} from './kmeans-model-servable.js';
