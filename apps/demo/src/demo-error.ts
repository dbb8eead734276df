/** What went wrong in the demo (stable codes for tests and scripts). */
export type DemoErrorCode =
  | 'KAFKA_UNAVAILABLE'
  | 'VERSION_NOT_SERVED'
  | 'SERVER_ERROR'
  | 'INVALID_OPTION';

/** The demo's error: a stable {@link DemoErrorCode} and a message naming what was wrong. */
export class DemoError extends Error {
  override readonly name = 'DemoError';

  constructor(
    /** The stable code. */
    readonly code: DemoErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
