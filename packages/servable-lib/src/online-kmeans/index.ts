export {
  ONLINE_KMEANS_MODEL_DATA_FORMAT,
  OnlineKMeansModelServable,
} from './online-kmeans-model-servable.js';
