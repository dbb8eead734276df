/**
 * Base class of every error thrown by `@servable/linalg`. Catch it to handle any linear-algebra
 * or decoding failure; check the subclass (or `code`) for the specific problem.
 */
export class LinalgError extends Error {
  /** A stable, machine-readable identifier of the problem. */
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A vector or matrix was built from inconsistent parts (lengths, indices, dimensions). */
export class InvalidVectorError extends LinalgError {
  constructor(message: string) {
    super('INVALID_VECTOR', message);
  }
}

/** Two operands of a BLAS operation have incompatible sizes. */
export class DimensionMismatchError extends LinalgError {
  /** The size the operation expected. */
  readonly expected: number;
  /** The size it found. */
  readonly found: number;

  constructor(message: string, expected: number, found: number) {
    super('DIMENSION_MISMATCH', message);
    this.expected = expected;
    this.found = found;
  }
}
