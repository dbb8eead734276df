import type { DataFrame } from '@servable/dataframe';
import type { Vector } from '@servable/linalg';
import { ColumnTypeMismatchError, MissingColumnError } from './errors.js';

/**
 * The position of input column `column`, for a servable's `transform`.
 *
 * @param servable named in the error (e.g. `LogisticRegressionModelServable`).
 * @throws MissingColumnError listing the columns the DataFrame has.
 */
export function requireColumn(df: DataFrame, column: string, servable?: string): number {
  if (!df.hasColumn(column)) throw new MissingColumnError(column, df.getColumnNames(), servable);
  return df.getIndex(column);
}

/**
 * The values of a vector input column (one `Vector` or null per row), for a servable's
 * `transform`.
 *
 * @throws MissingColumnError listing the columns the DataFrame has.
 * @throws ColumnTypeMismatchError naming the expected (`VECTOR(DOUBLE)`) and found types.
 */
export function requireVectorColumn(
  df: DataFrame,
  column: string,
  servable?: string,
): readonly (Vector | null)[] {
  const index = requireColumn(df, column, servable);
  const type = df.getDataType(index);
  if (type.kind !== 'vector') {
    throw new ColumnTypeMismatchError(column, 'VECTOR(DOUBLE)', type.toString());
  }
  return df.getVectors(index);
}
