/** Base class of every error thrown by `@servable/dataframe`; `code` identifies the problem. */
export class DataFrameError extends Error {
  /** A stable, machine-readable identifier of the problem. */
  readonly code: string;
  /**
   * @param code a stable identifier such as `'COLUMN_NOT_FOUND'`.
   * @param message a human-readable description naming what was wrong.
   */
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A column name that the DataFrame (or schema) does not have. */
export class ColumnNotFoundError extends DataFrameError {
  /**
   * @param column the missing name.
   * @param available the names that do exist, listed in the message.
   */
  constructor(
    readonly column: string,
    readonly available: readonly string[],
  ) {
    super(
      'COLUMN_NOT_FOUND',
      `Failed to find the column with the name ${column}. Available columns: [${available.join(', ')}].`,
    );
  }
}

/** A value (or a whole column) whose type differs from the column's declared type. */
export class ColumnTypeError extends DataFrameError {
  /**
   * @param message the full message.
   * @param column the column's name.
   * @param row the row of the offending value, or `undefined` when the whole column is at fault.
   * @param expected the expected type, e.g. `'DOUBLE'`.
   * @param found what was found, e.g. `'string'`.
   */
  constructor(
    message: string,
    readonly column: string,
    readonly row: number | undefined,
    readonly expected: string,
    readonly found: string,
  ) {
    super('COLUMN_TYPE', message);
  }
}

/** Inconsistent sizes: rows vs columns, values vs rows, types vs names. */
export class ShapeError extends DataFrameError {
  /** @param message names the sizes that differ. */
  constructor(message: string) {
    super('SHAPE', message);
  }
}

/** Adding a column whose name the DataFrame (or schema) already has. */
export class DuplicateColumnError extends DataFrameError {
  /** @param column the duplicated name. */
  constructor(readonly column: string) {
    super('DUPLICATE_COLUMN', `The DataFrame already has a column named ${column}.`);
  }
}

/**
 * A data type that does not exist: an unknown basic type given to a type's constructor, or a
 * type string that {@link parseDataType} cannot read (the message names the position).
 */
export class InvalidDataTypeError extends DataFrameError {
  /**
   * @param message the full message.
   * @param input the offending input (a type string or a basic-type name).
   * @param position the character offset in `input` where parsing failed, when parsing.
   */
  constructor(
    message: string,
    readonly input: string,
    readonly position: number | undefined = undefined,
  ) {
    super('INVALID_DATA_TYPE', message);
  }
}

/**
 * A JSON record could not be converted to a DataFrame row (or inferred): the message names the
 * row, the column, what was expected and what was found, e.g.
 * `Row 3, column "features": expected VECTOR(DOUBLE) (an array of numbers or {"size","indices","values"}), found string "abc".`
 */
export class RecordConversionError extends DataFrameError {
  /**
   * @param row the record's position in the input (0-based).
   * @param column the column's name, or `undefined` when the record itself is malformed.
   * @param expected what the column's type needs.
   * @param found a description of the value found.
   * @param detail optional extra context appended to the message (e.g. the element index).
   */
  constructor(
    readonly row: number,
    readonly column: string | undefined,
    readonly expected: string,
    readonly found: string,
    detail?: string,
  ) {
    const where =
      column === undefined ? `Row ${row}` : `Row ${row}, column ${JSON.stringify(column)}`;
    const extra = detail === undefined ? '' : ` (${detail})`;
    super('RECORD_CONVERSION', `${where}${extra}: expected ${expected}, found ${found}.`);
  }
}
