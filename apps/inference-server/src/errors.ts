/**
 * Base class of every error of `@servable/inference-server`. Each has a stable `code` and the
 * HTTP status it is answered with; its message names what was wrong.
 */
export class InferenceServerError extends Error {
  /** A stable, machine-readable identifier of the problem. */
  readonly code: string;
  /** The HTTP status code the server answers this error with. */
  readonly statusCode: number;

  constructor(code: string, statusCode: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.statusCode = statusCode;
  }
}

/**
 * An inference request the server cannot use: a missing or unexpected input tensor, a wrong
 * datatype, shape or dimension, a value of the wrong type. Answered with 400.
 */
export class InvalidInferenceRequestError extends InferenceServerError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_REQUEST', 400, message, options);
  }
}

/** A request named a model the server does not serve. Answered with 404. */
export class ModelNotFoundError extends InferenceServerError {
  constructor(
    /** The name that was asked for. */
    readonly model: string,
    /** The names the server serves. */
    readonly available: readonly string[],
  ) {
    super(
      'MODEL_NOT_FOUND',
      404,
      `Model ${JSON.stringify(model)} not found; this server serves [${available.join(', ')}].`,
    );
  }
}

/** A request reached a model that cannot answer yet (no model data loaded). Answered with 503. */
export class ModelNotReadyError extends InferenceServerError {
  constructor(
    /** The model's name. */
    readonly model: string,
    reason: string,
  ) {
    super('MODEL_NOT_READY', 503, `Model ${JSON.stringify(model)} is not ready: ${reason}`);
  }
}

/** The server's configuration is invalid (thrown by `createInferenceServer`). */
export class InferenceServerConfigError extends InferenceServerError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONFIG', 500, message, options);
  }
}

/**
 * A model produced an output the tensor protocol cannot express (e.g. vectors of different
 * sizes in one output column). Answered with 500: it is the model's fault, not the client's.
 */
export class OutputEncodingError extends InferenceServerError {
  constructor(message: string) {
    super('OUTPUT_ENCODING', 500, message);
  }
}
