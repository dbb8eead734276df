export { countVectorize } from './count-vectorize.js';
export {
  CountVectorizerModelData,
  CountVectorizerModelDataCodec,
} from './count-vectorizer-model-data.js';
export {
  BINARY,
  COUNT_VECTORIZER_MODEL_CLASS,
  COUNT_VECTORIZER_MODEL_DATA_FORMAT,
  CountVectorizerModelServable,
  HasBinary,
  HasMinTF,
  MIN_TF,
} from './count-vectorizer-model-servable.js';
