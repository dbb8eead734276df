export { OnlineKMeansModelServable, ONLINE_KMEANS_MODEL_DATA_FORMAT } from './online-kmeans-model-servable.js';
