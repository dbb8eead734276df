import { ServableError } from '../errors.js';

/** The problems {@link MetadataError} reports, as its `code`. */
export type MetadataErrorCode =
  | 'METADATA_NOT_FOUND'
  | 'METADATA_JSON'
  | 'METADATA_INVALID'
  | 'CLASS_NAME_MISMATCH'
  | 'METADATA_EXISTS'
  | 'METADATA_IO'
  | 'STAGE_NOT_FOUND'
  | 'INVALID_STAGE_INDEX';

/** Where in a metadata file a {@link MetadataError} was found. */
export interface MetadataErrorDetails {
  /** 1-based line in the file. */
  readonly line?: number | undefined;
  /** 1-based column in that line. */
  readonly column?: number | undefined;
  /** The underlying error. */
  readonly cause?: unknown;
}

/**
 * A stage's `metadata` file (or a pipeline's stage directory) is missing, unreadable, not JSON,
 * or lacks what Flink ML's loader needs. The message names the file and the problem, e.g.
 * `Metadata file /m/metadata: invalid JSON at line 1, column 17: unexpected character '}'`.
 */
export class MetadataError extends ServableError {
  /** The file or directory concerned. */
  readonly path: string;
  /** 1-based line of a JSON problem, when known. */
  readonly line: number | undefined;
  /** 1-based column of a JSON problem, when known. */
  readonly column: number | undefined;

  constructor(
    code: MetadataErrorCode,
    path: string,
    message: string,
    details: MetadataErrorDetails = {},
  ) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.path = path;
    this.line = details.line;
    this.column = details.column;
  }
}
