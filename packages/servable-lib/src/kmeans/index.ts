export {
  COSINE_ZERO_NORM_MESSAGE,
  DistanceMeasureError,
  distance,
  findClosest,
  withNorm,
} from './distance-measure.js';
export {
  type KMeansModelData,
  KMeansModelDataCodec,
  validateKMeansModelData,
} from './kmeans-model-data.js';
export {
  HasKMeansK,
  KMEANS_K,
  KMEANS_MODEL_DATA_FORMAT,
  KMeansModelServable,
} from './kmeans-model-servable.js';
export {
  type PreparedCentroids,
  predictClusters,
  prepareCentroids,
  TooManyCentroidsError,
} from './kmeans-predict.js';
