export { BasicType, isNumericBasicType } from './basic-type.js';
export { type ColumnData, describeValue, valueProblem } from './column.js';
export { type ColumnRef, DataFrame } from './data-frame.js';
export { ArrayType, type DataType, MatrixType, ScalarType, VectorType } from './data-type.js';
export { DataTypes } from './data-types.js';
export {
  ColumnNotFoundError,
  ColumnTypeError,
  DataFrameError,
  DuplicateColumnError,
  InvalidDataTypeError,
  RecordConversionError,
  ShapeError,
} from './errors.js';
export { inferSchema } from './infer-schema.js';
export type { JsonRecord, JsonValue } from './json-value.js';
export { parseDataType } from './parse-data-type.js';
export { Row } from './row.js';
export { Schema, type SchemaField, type SchemaFieldJson, type SchemaFieldSpec } from './schema.js';
