import type { ModelVersion } from '@servable/servable-api';
import type { ModelUpdateRejectedError } from './errors.js';
import type { StageRef } from './updatable-servable.js';

/** Reported when new model data was swapped in and serves from now on. */
export interface ModelUpdatedEvent {
  /** The version of the model that serves now (when its data carries one). */
  readonly version: ModelVersion | undefined;
  /** The version that served before. */
  readonly previousVersion: ModelVersion | undefined;
  /** Where the data came from: `topic/partition@offset` or a file path. */
  readonly source: string;
  /** The pipeline stage updated, when the servable is a pipeline. */
  readonly stage: StageRef | undefined;
  /**
   * Milliseconds from when the data was produced (the Kafka record's timestamp, the file's
   * modification time) until it was applied.
   */
  readonly latencyMs: number;
}

/** Reported when model data was rejected; the previous model keeps serving. */
export interface ModelRejectedEvent {
  /** Why (the cause is the servable's `ModelDataError`, naming byte offset, expected and found). */
  readonly error: ModelUpdateRejectedError;
  /** Where the data came from: `topic/partition@offset` or a file path. */
  readonly source: string;
}

/** Reported when valid model data was skipped because a newer model already serves. */
export interface ModelStaleEvent {
  /** The version of the skipped data. */
  readonly version: ModelVersion | undefined;
  /** The version that keeps serving. */
  readonly currentVersion: ModelVersion | undefined;
  /** Where the data came from. */
  readonly source: string;
}
