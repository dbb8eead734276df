export { type KnnModelData, KnnModelDataCodec, validateKnnModelData } from './knn-model-data.js';
export { knnPredict } from './knn-predict.js';
export { KnnModelServable, KNN_K, HasKnnK, KNN_MODEL_DATA_FORMAT } from './knn-model-servable.js';
