export {
  HasIndices,
  INDICES,
  sliceVector,
  VectorSlicerServable,
} from './vector-slicer-servable.js';
