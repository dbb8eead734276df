export {
  ElementwiseProductServable,
  HasScalingVec,
  SCALING_VEC,
} from './elementwise-product-servable.js';
