import type { DataFrame } from '@servable/dataframe';
import { ColumnTypeMismatchError, requireColumn } from '@servable/servable-api';

/**
 * The values of a STRING input column, for the text transformers.
 *
 * @throws MissingColumnError listing the columns the DataFrame has.
 * @throws ColumnTypeMismatchError when the column is not STRING.
 */
export function requireStringColumn(
  df: DataFrame,
  column: string,
  servable: string,
): readonly (string | null)[] {
  const at = requireColumn(df, column, servable);
  const type = df.getDataType(at);
  if (type.kind !== 'scalar' || type.basicType !== 'STRING') {
    throw new ColumnTypeMismatchError(column, 'STRING', type.toString());
  }
  return df.column(at) as readonly (string | null)[];
}
