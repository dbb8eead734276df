export {
  BinarizerServable,
  binarizeVector,
  HasThresholds,
  THRESHOLDS,
} from './binarizer-servable.js';
