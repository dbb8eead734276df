export {
  PolynomialSizeError,
  polynomialExpand,
  polynomialSize,
} from './polynomial-expand.js';
export {
  DEGREE,
  HasDegree,
  PolynomialExpansionServable,
} from './polynomial-expansion-servable.js';
