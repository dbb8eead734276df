import type { DataType } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import { TFDataError } from '../errors.js';

function badOutput(value: unknown, type: DataType, column: string, row: number): TFDataError {
  return new TFDataError(
    `Output column ${column}, row ${row}: expected ${type.toString()}, found ${JSON.stringify(value)}.`,
  );
}

/**
 * Turns one decoded output value of a Python script into a value of the output column's type
 * (null stays null; vectors from lists or space-separated CSV fields).
 *
 * @throws TFDataError naming the column, the row and the value when it does not fit the type.
 */
export function coerceOutputValue(
  value: unknown,
  type: DataType,
  column: string,
  row: number,
): unknown {
  if (value === null || value === undefined) return null;
  if (type.kind === 'vector') {
    const list = typeof value === 'string' ? value.split(' ').map(Number) : value;
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'number' && !Number.isNaN(x)))
      throw badOutput(value, type, column, row);
    return new DenseVector(Float64Array.from(list as number[]));
  }
  if (type.kind !== 'scalar') throw badOutput(value, type, column, row);
  switch (type.basicType) {
    case 'STRING':
      return String(value);
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'True' || value === 1 || value === '1') return true;
      if (value === 'false' || value === 'False' || value === 0 || value === '0') return false;
      throw badOutput(value, type, column, row);
    default: {
      const x = typeof value === 'number' ? value : Number(value);
      if (typeof value !== 'number' && (typeof value !== 'string' || Number.isNaN(x)))
        throw badOutput(value, type, column, row);
      return type.basicType === 'DOUBLE' || type.basicType === 'FLOAT' ? x : Math.round(x);
    }
  }
}
