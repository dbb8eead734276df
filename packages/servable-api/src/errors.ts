import type { DecodeError } from '@servable/linalg';

/**
 * Base class of every error thrown by `@servable/servable-api` and the servables built on it.
 * Catch it to handle any serving failure; check the subclass (or the stable `code`) for the
 * specific problem.
 */
export class ServableError extends Error {
  /** A stable, machine-readable identifier of the problem. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Where a {@link ModelDataError} happened and what was wrong. */
export interface ModelDataErrorDetails {
  /** The file (or `setModelData` input, e.g. `input #0`) the bytes came from. */
  readonly source?: string | undefined;
  /** Byte offset in that file where the failing record or read started. */
  readonly offset?: number | undefined;
  /** What the decoder expected there. */
  readonly expected?: string | undefined;
  /** What it found instead. */
  readonly found?: string | undefined;
  /** The underlying error (e.g. `@servable/linalg`'s `DecodeError`). */
  readonly cause?: unknown;
}

/**
 * Model data could not be used: truncated or extended bytes, a record that fails validation,
 * more or fewer records than the model needs. The message names the file (or input), the byte
 * offset and what was expected versus found whenever they are known.
 *
 * A failed `setModelData` throws this error and leaves the previous model serving.
 */
export class ModelDataError extends ServableError {
  /** The file (or input) the bytes came from, when known. */
  readonly source: string | undefined;
  /** Byte offset where the problem was detected, when known. */
  readonly offset: number | undefined;
  /** What was expected, when known. */
  readonly expected: string | undefined;
  /** What was found, when known. */
  readonly found: string | undefined;

  constructor(message: string, details: ModelDataErrorDetails = {}, code = 'MODEL_DATA') {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.source = details.source;
    this.offset = details.offset;
    this.expected = details.expected;
    this.found = details.found;
  }

  /**
   * Wraps a linalg {@link DecodeError} (byte offset relative to `baseOffset` within the source)
   * into a ModelDataError naming the source, e.g.
   * `Model data file data/part-0: expected 8 bytes for a double at offset 44, found only 3 bytes`.
   */
  static fromDecodeError(error: DecodeError, source: string, baseOffset = 0): ModelDataError {
    const offset = baseOffset + error.offset;
    return new ModelDataError(
      `Cannot decode model data from ${source}: expected ${error.expected} at byte offset ${offset}, found ${error.found}.`,
      { source, offset, expected: error.expected, found: error.found, cause: error },
      'MODEL_DATA_DECODE',
    );
  }
}

/**
 * A stage's model data is not where it should be: no `data/` directory, an empty one, or one
 * holding only hidden/in-progress files ("model data not committed yet").
 */
export class ModelDataMissingError extends ModelDataError {
  /** The directory that was looked at. */
  readonly directory: string;

  constructor(directory: string, message: string) {
    super(message, { source: directory }, 'MODEL_DATA_MISSING');
    this.directory = directory;
  }
}

/**
 * A model that takes exactly one model data record found several (in one file or spread over
 * several files). Flink ML Java would silently use an arbitrary one; this error names them all.
 */
export class AmbiguousModelDataError extends ModelDataError {
  /** The files (or inputs) and how many records each held. */
  readonly sources: readonly { readonly source: string; readonly records: number }[];

  constructor(
    what: string,
    sources: readonly { readonly source: string; readonly records: number }[],
  ) {
    const total = sources.reduce((n, s) => n + s.records, 0);
    const list = sources.map(
      (s) => `${s.source} (${s.records} record${s.records === 1 ? '' : 's'})`,
    );
    super(
      `${what} expects exactly one model data record, found ${total} in ${sources.length} ` +
        `source${sources.length === 1 ? '' : 's'}: ${list.join(', ')}.`,
      { expected: '1 record', found: `${total} records` },
      'MODEL_DATA_AMBIGUOUS',
    );
    this.sources = sources;
  }
}

/** `transform` (or `getModelData`) was called on a model servable that has no model data yet. */
export class ModelNotLoadedError extends ServableError {
  /** The servable's class name. */
  readonly servable: string;

  constructor(servable: string) {
    super(
      'MODEL_NOT_LOADED',
      `${servable} has no model data yet: call setModelData(...) or load it from a saved ` +
        'model directory before transform().',
    );
    this.servable = servable;
  }
}

/** A row's vector has a different dimension than the model expects. */
export class FeatureDimensionError extends ServableError {
  constructor(
    /** The input column. */
    readonly column: string,
    /** The row index (0-based). */
    readonly row: number,
    /** The dimension the model expects. */
    readonly expected: number,
    /** The dimension of the row's vector. */
    readonly found: number,
  ) {
    super(
      'FEATURE_DIMENSION',
      `Column ${column}, row ${row}: the vector has dimension ${found} but the model expects dimension ${expected}.`,
    );
  }
}

/**
 * A {@link FeatureDimensionError} whose message is Flink ML's own (Java's `Preconditions`
 * message) followed by the column and row, e.g.
 * `Input 2 features, but UnivariateFeatureSelector is expecting at least 3 features as input. (column features, row 0)`.
 * `expected` and `found` keep the dimensions for programs.
 */
export class JavaFeatureDimensionError extends FeatureDimensionError {
  constructor(
    /** Flink ML's (Java) message. */
    readonly javaMessage: string,
    column: string,
    row: number,
    expected: number,
    found: number,
  ) {
    super(column, row, expected, found);
    this.message = `${javaMessage} (column ${column}, row ${row})`;
  }
}

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

/** An input column a servable needs is not in the DataFrame. */
export class MissingColumnError extends ServableError {
  constructor(
    /** The missing column. */
    readonly column: string,
    /** The columns the DataFrame has. */
    readonly available: readonly string[],
    /** The servable that needed it. */
    readonly servable?: string,
  ) {
    super(
      'MISSING_COLUMN',
      `${servable === undefined ? '' : `${servable}: `}input column ${column} not found; ` +
        `the DataFrame has columns [${available.join(', ')}].`,
    );
  }
}

/** An input column has the wrong data type (e.g. DOUBLE where a vector column is needed). */
export class ColumnTypeMismatchError extends ServableError {
  constructor(
    /** The column. */
    readonly column: string,
    /** The expected type, e.g. `VECTOR(DOUBLE)`. */
    readonly expected: string,
    /** The type found, e.g. `DOUBLE`; for a bad value, the value's type. */
    readonly found: string,
    /** The row, when one value (rather than the column type) is wrong. */
    readonly row?: number,
  ) {
    super(
      'COLUMN_TYPE_MISMATCH',
      `Column ${column}${row === undefined ? '' : `, row ${row}`}: expected ${expected}, found ${found}.`,
    );
  }
}

/** No registered plugin serves the `className` found in a stage's metadata. */
export class UnknownServableClassError extends ServableError {
  constructor(
    /** The class name from the metadata. */
    readonly className: string,
    /** The stage directory. */
    readonly path: string,
    /** The names of the plugins that were registered. */
    readonly plugins: readonly string[],
  ) {
    super(
      'UNKNOWN_SERVABLE_CLASS',
      `No servable is registered for class ${className} (stage ${path}). Registered plugins: ` +
        `${plugins.length === 0 ? '(none)' : plugins.join(', ')}.`,
    );
  }
}

/**
 * A stage is of a known kind that cannot be served: an estimator saved inside a `Pipeline`, a
 * `GraphModel`, or a `Pipeline` (not fitted).
 */
export class UnsupportedStageError extends ServableError {
  constructor(
    /** The class name from the metadata. */
    readonly className: string,
    /** The stage directory. */
    readonly path: string,
    /** Why it cannot be served. */
    readonly reason: string,
  ) {
    super('UNSUPPORTED_STAGE', `Cannot serve ${className} (stage ${path}): ${reason}`);
  }
}

/** Loading a saved stage failed; `cause` holds the underlying error. */
export class ServableLoadError extends ServableError {
  constructor(
    /** The stage directory. */
    readonly path: string,
    message: string,
    cause?: unknown,
  ) {
    super('SERVABLE_LOAD', `Failed to load the servable at ${path}: ${message}`, { cause });
  }
}

/** A pipeline stage reference (index or name) that matches no stage, or matches several. */
export class StageNotFoundError extends ServableError {
  constructor(
    /** The reference that was given. */
    readonly stage: string | number,
    /** The names the pipeline's stages answer to. */
    readonly available: readonly string[],
    detail = 'no such stage',
  ) {
    super(
      'STAGE_NOT_FOUND',
      `Pipeline stage ${JSON.stringify(stage)}: ${detail}. Stages: [${available.join(', ')}].`,
    );
  }
}

/** `setModelData` was called on a servable (or pipeline stage) that takes no model data. */
export class NoModelDataError extends ServableError {
  constructor(
    /** The servable's class name. */
    readonly servable: string,
  ) {
    super('NO_MODEL_DATA', `${servable} takes no model data; setModelData is not supported.`);
  }
}
