export { BasicType, isNumericBasicType } from './basic-type.js';
export { type DataType, ScalarType, VectorType, MatrixType, ArrayType } from './data-type.js';
export { DataTypes } from './data-types.js';
export { Row } from './row.js';
export { DataFrame, type ColumnRef } from './data-frame.js';
export { type ColumnData, describeValue, valueProblem } from './column.js';
export {
  DataFrameError,
  ColumnNotFoundError,
  ColumnTypeError,
  ShapeError,
  DuplicateColumnError,
} from './errors.js';
