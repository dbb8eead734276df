export {
  type OneHotEncoderModelData,
  type OneHotEncoderRecord,
  OneHotEncoderRecordCodec,
  oneHotEncoderModelDataFromRecords,
  oneHotEncoderRecords,
} from './one-hot-encoder-model-data.js';
export {
  DROP_LAST,
  HasDropLast,
  ONE_HOT_ENCODER_MODEL_CLASS,
  ONE_HOT_ENCODER_MODEL_DATA_FORMAT,
  OneHotEncoderModelServable,
} from './one-hot-encoder-model-servable.js';
