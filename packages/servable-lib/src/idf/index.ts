export { type IDFModelData, IDFModelDataCodec } from './idf-model-data.js';
export { IDF_MODEL_CLASS, IDF_MODEL_DATA_FORMAT, IDFModelServable } from './idf-model-servable.js';
