/**
 * Base class of every error thrown or reported by `@servable/model-updaters`. Check the
 * subclass or the stable `code` for the specific problem.
 */
export class ModelUpdaterError extends Error {
  /** A stable, machine-readable identifier of the problem. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** An updater was configured wrongly (no brokers, an empty topic, a bad path, ...). */
export class UpdaterConfigError extends ModelUpdaterError {
  constructor(
    /** The option that is wrong, e.g. `brokers`. */
    readonly option: string,
    message: string,
  ) {
    super('UPDATER_CONFIG', `Invalid option ${option}: ${message}`);
  }
}

/**
 * A model data update was not applied because it was rejected: it failed to decode or to
 * validate, or it named a stage the servable does not have. The previous model keeps serving.
 * `source` names where the data came from (`topic/partition@offset` or a file path); `cause`
 * holds the servable's error (usually a `ModelDataError` with byte offset, expected and found).
 *
 * The updaters hand the source to the servable, so a decode error already reads e.g.
 * `Cannot decode model data from models/2@17: expected ... at byte offset 12, found ...`; that
 * message is used as it is. A cause whose message does not name the source (an unknown stage, a
 * tombstone record) is prefixed: `Model data from models/2@17 was rejected: ...`.
 */
export class ModelUpdateRejectedError extends ModelUpdaterError {
  constructor(
    /** Where the rejected data came from, e.g. `models/2@1041` or `/srv/model/data/part-0`. */
    readonly source: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const message = reason.includes(source)
      ? reason
      : `Model data from ${source} was rejected: ${reason}`;
    super('MODEL_UPDATE_REJECTED', message, { cause });
  }
}

/**
 * A Kafka record cannot be routed: its stage header (or the configured stage) is not a stage
 * index or name, or the servable is not a pipeline.
 */
export class StageRoutingError extends ModelUpdaterError {
  constructor(
    /** The stage reference that was found (header value or option). */
    readonly stage: string,
    message: string,
  ) {
    super('STAGE_ROUTING', `Stage ${JSON.stringify(stage)}: ${message}`);
  }
}

/** An updater was used in the wrong state, e.g. `start()` after `stop()`. */
export class UpdaterStateError extends ModelUpdaterError {
  constructor(message: string) {
    super('UPDATER_STATE', message);
  }
}
