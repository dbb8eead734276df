import { ServableError } from '../errors.js';

/** Codes of {@link PipelineError}. */
export type PipelineErrorCode = 'NOT_SERVABLE' | 'INVALID_STAGE' | 'STAGE_FAILED';

/**
 * A problem with a {@link Pipeline} or {@link PipelineModel}: a stage of an unknown kind, a model
 * without a servable form asked for one, or a stage that failed while fitting or transforming
 * (the message names the stage index and class; `cause` holds the stage's error).
 */
export class PipelineError extends ServableError {
  constructor(
    code: PipelineErrorCode,
    message: string,
    /** The index of the stage concerned, when one is. */
    readonly stage?: number,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}
