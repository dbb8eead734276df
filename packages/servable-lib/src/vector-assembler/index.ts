export {
  assembleVector,
  HasInputSizes,
  INPUT_SIZES,
  VectorAssemblerServable,
} from './vector-assembler-servable.js';
