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

/** An argument is outside the domain an operation accepts (e.g. `p < 1` for a p-norm). */
export class InvalidArgumentError extends LinalgError {
  constructor(message: string) {
    super('INVALID_ARGUMENT', message);
  }
}

/** What a {@link DecodeError} reports: where decoding failed and what it expected there. */
export interface DecodeErrorDetails {
  /** Byte offset (from the start of the decoded bytes) where the failing read started. */
  readonly offset: number;
  /** What the decoder expected, e.g. `'8 bytes for a double'`. */
  readonly expected: string;
  /** What it found instead, e.g. `'only 3 bytes'`. */
  readonly found: string;
  /** The file (or stream) the bytes came from, when known. */
  readonly source?: string | undefined;
}

/**
 * Bytes could not be decoded: they ended early (truncated record) or held a value a valid
 * encoding cannot contain (negative length, out-of-range index, malformed string, ...).
 *
 * The message names the byte offset, what was expected and what was found, e.g.
 * `expected 8 bytes for a double at offset 44, found only 3 bytes`. Callers that know the file
 * the bytes came from can set {@link DecodeError.source}; the message then starts with it.
 * Decoders throw this error instead of returning a partially filled value.
 */
export class DecodeError extends LinalgError {
  /** Byte offset where the failing read started. */
  readonly offset: number;
  /** What the decoder expected at {@link DecodeError.offset}. */
  readonly expected: string;
  /** What it found instead. */
  readonly found: string;
  private src: string | undefined;

  constructor(details: DecodeErrorDetails) {
    super('DECODE_ERROR', renderDecodeMessage(details));
    this.offset = details.offset;
    this.expected = details.expected;
    this.found = details.found;
    this.src = details.source;
  }

  /** The file or stream the bytes came from; setting it rewrites the message to name it. */
  get source(): string | undefined {
    return this.src;
  }

  set source(source: string | undefined) {
    this.src = source;
    this.message = renderDecodeMessage({
      offset: this.offset,
      expected: this.expected,
      found: this.found,
      source,
    });
  }
}

function renderDecodeMessage(d: DecodeErrorDetails): string {
  const where = d.source === undefined ? '' : `${d.source}: `;
  return `${where}expected ${d.expected} at offset ${d.offset}, found ${d.found}`;
}

/** A value cannot be encoded in the requested binary layout (e.g. a non-integer `int`). */
export class EncodeError extends LinalgError {
  constructor(message: string) {
    super('ENCODE_ERROR', message);
  }
}
