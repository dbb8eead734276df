import { ServableError } from '@servable/servable-api';

/**
 * A value in an input row that the stage cannot transform: an unseen string or index, a value
 * outside every bucket, an unsupported type — the cases where Flink ML's Java `transform` throws
 * a `RuntimeException` (typically with `handleInvalid = 'error'`).
 *
 * The message starts with Java's own message (so logs and tests match Flink ML's) followed by
 * the column and row, e.g.
 * `The input contains unseen string: e. See handleInvalid parameter for more options. (column city, row 2)`.
 */
export class InvalidInputValueError extends ServableError {
  constructor(
    /** Flink ML's (Java) message. */
    readonly javaMessage: string,
    /** The input column holding the value. */
    readonly column: string,
    /** The row (0-based). */
    readonly row: number,
  ) {
    super('INVALID_INPUT_VALUE', `${javaMessage} (column ${column}, row ${row})`);
  }
}
