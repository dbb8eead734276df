import { DenseMatrix, DenseVector, SparseVector } from '@servable/linalg';
import type { DataType } from './data-type.js';
import { ColumnTypeError } from './errors.js';

/**
 * How a DataFrame stores one column: a `Float64Array` for a numeric scalar column without
 * nulls (so numeric work never boxes a value), otherwise an array of values.
 */
export type ColumnData = Float64Array | readonly unknown[];

/** A short description of a value's type for error messages: `number`, `DenseVector`, `null`… */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}

/**
 * Checks one value against a column type; returns a problem description or `undefined` when it
 * fits. `null` fits every type (and every array element).
 *
 * Rules: BOOLEAN → `boolean`; STRING → `string`; BYTE_STRING → `Uint8Array`; FLOAT, DOUBLE →
 * any `number` (NaN and ±Infinity included; FLOAT values are not rounded to 32 bits); LONG →
 * a safe integer (|v| ≤ 2^53−1); INT, SHORT, BYTE → an integer in the Java range
 * (−2^31…2^31−1, −32768…32767, −128…127); VECTOR → `DenseVector` or `SparseVector`; MATRIX →
 * `DenseMatrix`; ARRAY(t) → a JavaScript array whose elements fit `t`.
 */
export function valueProblem(type: DataType, value: unknown): string | undefined {
  if (value === null) return undefined;
  switch (type.kind) {
    case 'scalar':
      switch (type.basicType) {
        case 'BOOLEAN':
          return typeof value === 'boolean' ? undefined : 'boolean';
        case 'STRING':
          return typeof value === 'string' ? undefined : 'string';
        case 'BYTE_STRING':
          return value instanceof Uint8Array ? undefined : 'Uint8Array';
        case 'DOUBLE':
        case 'FLOAT':
          return typeof value === 'number' ? undefined : 'number';
        case 'LONG':
          return Number.isSafeInteger(value) ? undefined : 'safe integer (LONG)';
        case 'INT':
          return isIntegerIn(value, -2147483648, 2147483647) ? undefined : '32-bit integer (INT)';
        case 'SHORT':
          return isIntegerIn(value, -32768, 32767) ? undefined : '16-bit integer (SHORT)';
        case 'BYTE':
          return isIntegerIn(value, -128, 127) ? undefined : '8-bit integer (BYTE)';
      }
      return undefined;
    case 'vector':
      return value instanceof DenseVector || value instanceof SparseVector ? undefined : 'Vector';
    case 'matrix':
      return value instanceof DenseMatrix ? undefined : 'Matrix';
    case 'array': {
      if (!Array.isArray(value)) return 'array';
      for (const element of value) {
        const problem = valueProblem(type.elementType, element);
        if (problem !== undefined) return `array of ${problem}`;
      }
      return undefined;
    }
  }
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** Throws {@link ColumnTypeError} if `value` does not fit `type`. */
export function checkValue(type: DataType, value: unknown, column: string, row: number): void {
  const problem = valueProblem(type, value);
  if (problem !== undefined) {
    const found = describeValue(value);
    throw new ColumnTypeError(
      `Column ${column}, row ${row}: expected ${type.toString()} (${problem}), found ${found}.`,
      column,
      row,
      type.toString(),
      found,
    );
  }
}

/**
 * Builds the storage of a column from its values (validating each one): numeric scalar columns
 * without nulls become a `Float64Array`; anything else is kept as an array.
 */
export function toColumnData(
  type: DataType,
  values: ArrayLike<unknown>,
  column: string,
): ColumnData {
  if (values instanceof Float64Array) {
    if (type.kind !== 'scalar' || !type.isNumeric()) {
      throw new ColumnTypeError(
        `Column ${column}: a Float64Array can only hold a numeric column, not ${type.toString()}.`,
        column,
        undefined,
        type.toString(),
        'Float64Array',
      );
    }
    if (type.basicType !== 'DOUBLE' && type.basicType !== 'FLOAT') {
      for (let i = 0; i < values.length; i++) checkValue(type, values[i], column, i);
    }
    return values;
  }
  const n = values.length;
  if (type.kind === 'vector') return copyVectors(type, values, column);
  if (type.kind === 'scalar' && type.basicType === 'STRING') {
    return copyStrings(type, values, column);
  }
  if (
    type.kind === 'array' &&
    type.elementType.kind === 'scalar' &&
    type.elementType.basicType === 'STRING'
  ) {
    return copyStringArrays(type, values, column);
  }
  if (type.kind === 'scalar' && type.isNumeric()) {
    const out = new Float64Array(n);
    const exact = type.basicType === 'DOUBLE' || type.basicType === 'FLOAT';
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (typeof v === 'number' && exact) {
        out[i] = v;
        continue;
      }
      if (v === null || v === undefined) return copyChecked(type, values, column);
      checkValue(type, v, column, i);
      out[i] = v as number;
    }
    return out;
  }
  return copyChecked(type, values, column);
}

function copyChecked(type: DataType, values: ArrayLike<unknown>, column: string): unknown[] {
  const out = new Array<unknown>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] === undefined ? null : values[i];
    checkValue(type, v, column, i);
    out[i] = v;
  }
  return out;
}

/**
 * {@link copyChecked} for a vector column, the output of most servables: one `instanceof` test
 * per value instead of the generic type dispatch (same rules and errors).
 */
function copyVectors(type: DataType, values: ArrayLike<unknown>, column: string): unknown[] {
  const n = values.length;
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v instanceof DenseVector || v instanceof SparseVector || v === null) out[i] = v;
    else if (v === undefined) out[i] = null;
    else {
      checkValue(type, v, column, i);
      out[i] = v;
    }
  }
  return out;
}

/**
 * {@link copyChecked} for a STRING column (text servables' input and output): one `typeof` test
 * per value instead of the generic type dispatch; any other value goes to {@link checkValue}
 * (same rules and errors).
 */
function copyStrings(type: DataType, values: ArrayLike<unknown>, column: string): unknown[] {
  const n = values.length;
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v === 'string' || v === null) out[i] = v;
    else if (v === undefined) out[i] = null;
    else {
      checkValue(type, v, column, i);
      out[i] = v;
    }
  }
  return out;
}

/**
 * {@link copyChecked} for an ARRAY(STRING) column (tokenizers' output): an array of strings
 * passes with one `typeof` test per element; any other value (an array holding a null or a
 * non-string, a non-array) goes to {@link checkValue} (same rules and errors).
 */
function copyStringArrays(type: DataType, values: ArrayLike<unknown>, column: string): unknown[] {
  const n = values.length;
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Array.isArray(v) && allStrings(v)) out[i] = v;
    else if (v === undefined) out[i] = null;
    else {
      checkValue(type, v, column, i);
      out[i] = v;
    }
  }
  return out;
}

/** Whether every element of `items` is a string (a hole reads as `undefined`: no). */
function allStrings(items: readonly unknown[]): boolean {
  for (let j = 0; j < items.length; j++) if (typeof items[j] !== 'string') return false;
  return true;
}
