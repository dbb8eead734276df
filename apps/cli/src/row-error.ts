/** Why one input row failed, worded for a caller that names the row itself (an input line). */
export interface RowErrorDescription {
  /**
   * The error's message without its row position, e.g. `column features: the vector has
   * dimension 2 but the model expects dimension 3.` for `Column features, row 0: the vector
   * has dimension 2 …`.
   */
  readonly reason: string;
  /** The input column the error names (its `column` field, else the one in its message). */
  readonly column: string | undefined;
}

/** `Column c, row 0: rest` (servables, `@servable/dataframe`'s value checks). */
const COLUMN_ROW_PREFIX = /^Column (.+?), row 0: /s;
/** `rest (column c, row 0)` (Flink ML's own messages: `InvalidInputValueError`, …). */
const COLUMN_ROW_SUFFIX = /^(.*) \(column (.+?), row 0\)(\.?)$/s;
/** `Row 0, column "c" (detail): rest` (`RecordConversionError`). */
const ROW_COLUMN_PREFIX = /^Row 0, column ("(?:[^"\\]|\\.)*")/s;
/** `Row 0: rest` (`RecordConversionError` without a column: the record is not an object). */
const ROW_PREFIX = /^Row 0: /s;
/** ` (row 0)` anywhere (`ShapeError`). */
const ROW_PAREN = / \(row 0\)/g;

/**
 * Describes the error of a row that was transformed as a one-row DataFrame (how
 * `RecordTransformer` runs a failing batch's rows): its message says `row 0` whatever the row's
 * place in the input, so the row position is removed and the caller names the row (an input
 * line, a Kafka offset). The error itself is not changed: its typed fields (`row` 0, `column`,
 * `expected`, `found`, `code`) still describe the one-row frame it was thrown for.
 *
 * Messages in none of the known shapes are returned unchanged.
 */
export function describeRowError(error: Error): RowErrorDescription {
  const field = (error as { column?: unknown }).column;
  let column = typeof field === 'string' ? field : undefined;
  const message = error.message;

  const prefix = COLUMN_ROW_PREFIX.exec(message);
  if (prefix !== null) {
    const name = prefix[1] as string;
    column ??= name;
    return { reason: `column ${name}: ${message.slice(prefix[0].length)}`, column };
  }
  const suffix = COLUMN_ROW_SUFFIX.exec(message);
  if (suffix !== null) {
    const name = suffix[2] as string;
    column ??= name;
    return { reason: `${suffix[1]} (column ${name})${suffix[3]}`, column };
  }
  const rowColumn = ROW_COLUMN_PREFIX.exec(message);
  if (rowColumn !== null) {
    const quoted = rowColumn[1] as string;
    column ??= JSON.parse(quoted) as string;
    return { reason: `column ${quoted}${message.slice(rowColumn[0].length)}`, column };
  }
  const row = ROW_PREFIX.exec(message);
  if (row !== null) return { reason: message.slice(row[0].length), column };
  return { reason: message.replace(ROW_PAREN, ''), column };
}
