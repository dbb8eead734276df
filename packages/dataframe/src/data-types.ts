import { BasicType } from './basic-type.js';
import { ArrayType, type DataType, MatrixType, ScalarType, VectorType } from './data-type.js';

/**
 * Constants and factories for data types, as Flink ML's `DataTypes`.
 *
 * @example
 * ```ts
 * DataTypes.DOUBLE;                       // a scalar DOUBLE column
 * DataTypes.VECTOR(BasicType.DOUBLE);     // a vector column
 * DataTypes.ARRAY(DataTypes.STRING);      // a column of string lists
 * ```
 */
export const DataTypes = {
  BOOLEAN: new ScalarType(BasicType.BOOLEAN),
  BYTE: new ScalarType(BasicType.BYTE),
  SHORT: new ScalarType(BasicType.SHORT),
  INT: new ScalarType(BasicType.INT),
  LONG: new ScalarType(BasicType.LONG),
  FLOAT: new ScalarType(BasicType.FLOAT),
  DOUBLE: new ScalarType(BasicType.DOUBLE),
  STRING: new ScalarType(BasicType.STRING),
  BYTE_STRING: new ScalarType(BasicType.BYTE_STRING),
  /** A vector column with the given element type (DOUBLE in practice). */
  VECTOR(elementType: BasicType): VectorType {
    return new VectorType(elementType);
  },
  /** A matrix column with the given element type. */
  MATRIX(elementType: BasicType): MatrixType {
    return new MatrixType(elementType);
  },
  /** A column whose values are arrays of `elementType` values. */
  ARRAY(elementType: DataType): ArrayType {
    return new ArrayType(elementType);
  },
} as const;
