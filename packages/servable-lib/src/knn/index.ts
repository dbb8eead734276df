export { type KnnModelData, KnnModelDataCodec, validateKnnModelData } from './knn-model-data.js';
export { HasKnnK, KNN_K, KNN_MODEL_DATA_FORMAT, KnnModelServable } from './knn-model-servable.js';
export { knnPredict } from './knn-predict.js';
