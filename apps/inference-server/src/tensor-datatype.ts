import type { DataType } from '@servable/dataframe';

/** The tensor datatypes of the Open Inference Protocol v2 (KServe / Triton). */
export type TensorDatatype =
  | 'BOOL'
  | 'UINT8'
  | 'UINT16'
  | 'UINT32'
  | 'UINT64'
  | 'INT8'
  | 'INT16'
  | 'INT32'
  | 'INT64'
  | 'FP16'
  | 'FP32'
  | 'FP64'
  | 'BYTES';

/** Every {@link TensorDatatype}, in the protocol's order. */
export const TENSOR_DATATYPES: readonly TensorDatatype[] = [
  'BOOL',
  'UINT8',
  'UINT16',
  'UINT32',
  'UINT64',
  'INT8',
  'INT16',
  'INT32',
  'INT64',
  'FP16',
  'FP32',
  'FP64',
  'BYTES',
];

/** The inclusive value range of each integer datatype (64-bit ones limited to safe integers). */
export const INTEGER_RANGES: Readonly<Partial<Record<TensorDatatype, readonly [number, number]>>> =
  {
    UINT8: [0, 255],
    UINT16: [0, 65535],
    UINT32: [0, 4294967295],
    UINT64: [0, Number.MAX_SAFE_INTEGER],
    INT8: [-128, 127],
    INT16: [-32768, 32767],
    INT32: [-2147483648, 2147483647],
    INT64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  };

/** Whether a datatype carries numbers (every datatype but BOOL and BYTES). */
export function isNumericDatatype(datatype: TensorDatatype): boolean {
  return datatype !== 'BOOL' && datatype !== 'BYTES';
}

/**
 * The tensor datatype a DataFrame column of `type` is exchanged as: DOUBLE → FP64, FLOAT → FP32,
 * LONG → INT64, INT → INT32, SHORT → INT16, BYTE → INT8, BOOLEAN → BOOL, STRING and
 * BYTE_STRING (base64) → BYTES; a vector column → FP64; a MATRIX or ARRAY column → BYTES (one
 * JSON text per row, in the form of `DataFrame.toRecords`).
 */
export function datatypeOf(type: DataType): TensorDatatype {
  switch (type.kind) {
    case 'vector':
      return 'FP64';
    case 'matrix':
    case 'array':
      return 'BYTES';
    case 'scalar':
      switch (type.basicType) {
        case 'DOUBLE':
          return 'FP64';
        case 'FLOAT':
          return 'FP32';
        case 'LONG':
          return 'INT64';
        case 'INT':
          return 'INT32';
        case 'SHORT':
          return 'INT16';
        case 'BYTE':
          return 'INT8';
        case 'BOOLEAN':
          return 'BOOL';
        default:
          return 'BYTES';
      }
  }
}

/**
 * The tensor shape of a column of `type` (`-1` for a variable size): `[-1]` for a scalar
 * column (matrices and arrays included, as BYTES), `[-1, dim]` for a vector column (`dim` when
 * known).
 */
export function shapeOf(type: DataType, dim?: number): number[] {
  switch (type.kind) {
    case 'vector':
      return [-1, dim ?? -1];
    default:
      return [-1];
  }
}
