import type { ModelRejectedEvent, ModelUpdatedEvent } from '@servable/model-updaters';

/**
 * What the server needs from a model updater (`@servable/model-updaters`' `FileModelUpdater`
 * and `KafkaModelUpdater` fit): start, stop, and `updated` / `rejected` events. The server owns
 * the updaters it is given: it starts them with the server and stops them on `close()`.
 */
export interface ModelUpdater {
  /** Starts following model data. */
  start(): Promise<void>;
  /** Stops following model data. */
  stop(): Promise<void>;
  /** Subscribes to applied updates. */
  on(event: 'updated', listener: (event: ModelUpdatedEvent) => void): unknown;
  /** Subscribes to rejected updates. */
  on(event: 'rejected', listener: (event: ModelRejectedEvent) => void): unknown;
}
