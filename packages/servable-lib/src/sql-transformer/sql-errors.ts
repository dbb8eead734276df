import { ServableError } from '@servable/servable-api';

/**
 * An SQLTransformer statement uses SQL the servable cannot evaluate row by row (joins,
 * aggregates, GROUP BY, windows, unknown functions, …) or is malformed. The message names the
 * construct and its position in the statement.
 */
export class UnsupportedSqlError extends ServableError {
  constructor(
    /** The statement. */
    readonly statement: string,
    /** Character offset of the offending construct. */
    readonly position: number,
    /** What is not supported, e.g. `GROUP BY`. */
    readonly construct: string,
  ) {
    super(
      'UNSUPPORTED_SQL',
      `SQLTransformer statement: ${construct} at position ${position} is not supported (statement: ${statement}).`,
    );
  }
}
