import type { Row } from '@servable/dataframe';
import { DenseVector, type Vector } from '@servable/linalg';
import { TFDataError } from '../errors.js';

/** Where the selected columns sit in the rows of a stream. */
export interface RowLayout {
  /** The stream's column names, in row order. */
  readonly columnNames: readonly string[];
}

/**
 * Writes the values of the given columns of `row` (numbers, vectors or number arrays) side by
 * side into `out` from `at`; returns the width written.
 *
 * @throws TFDataError naming the column and row number for a value that is not numeric.
 */
export function writeRowValues(
  row: Row | readonly unknown[],
  indexes: readonly number[],
  names: readonly string[],
  rowNumber: number,
  out: Float32Array | number[],
  at: number,
): number {
  let w = 0;
  indexes.forEach((c, k) => {
    const value = Array.isArray(row) ? row[c] : (row as Row).get(c);
    if (typeof value === 'number') {
      out[at + w++] = value;
    } else if (value instanceof DenseVector) {
      for (const v of value.values) out[at + w++] = v;
    } else if (
      value !== null &&
      typeof value === 'object' &&
      typeof (value as Vector).toArray === 'function'
    ) {
      for (const v of (value as Vector).toArray()) out[at + w++] = v;
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'number')) {
      for (const v of value as number[]) out[at + w++] = v;
    } else {
      throw new TFDataError(
        `Column ${names[k]}, row ${rowNumber}: expected a number or a vector, found ${value === null ? 'null' : typeof value}.`,
      );
    }
  });
  return w;
}

/** The width the given columns of `row` take. */
export function rowWidth(
  row: Row | readonly unknown[],
  indexes: readonly number[],
  names: readonly string[],
  rowNumber: number,
): number {
  const scratch: number[] = [];
  return writeRowValues(row, indexes, names, rowNumber, scratch, 0);
}

/** The positions of `wanted` among `columnNames`. @throws TFDataError for a missing column. */
export function columnIndexes(columnNames: readonly string[], wanted: readonly string[]): number[] {
  return wanted.map((name) => {
    const i = columnNames.indexOf(name);
    if (i < 0)
      throw new TFDataError(
        `Input column ${name} not found; the rows have columns [${columnNames.join(', ')}].`,
      );
    return i;
  });
}
