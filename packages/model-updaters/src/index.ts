export {
  ModelUpdaterError,
  UpdaterConfigError,
  ModelUpdateRejectedError,
  StageRoutingError,
  UpdaterStateError,
} from './errors.js';
export type { UpdaterLogger } from './logger.js';
export { silentLogger } from './logger.js';
export { TypedEmitter } from './typed-emitter.js';
export type {
  ModelUpdatedEvent,
  ModelRejectedEvent,
  ModelStaleEvent,
} from './model-update-events.js';
export type { ModelUpdateOrder } from './model-update-order.js';
export { compareUpdateOrder, formatVersion } from './model-update-order.js';
export type {
  UpdatableServable,
  StagedServable,
  StageRef,
  PreparedUpdate,
} from './updatable-servable.js';
export { ModelSwapper } from './model-swapper.js';
export type { ModelUpdate, ModelUpdateOutcome } from './model-swapper.js';
export {
  writeModelDataFileAtomically,
  publishModelDataDirectory,
} from './atomic-model-data-writer.js';
export type { AtomicWriteOptions } from './atomic-model-data-writer.js';
export { FileModelUpdater } from './file-model-updater.js';
export type { FileModelUpdaterOptions, FileModelUpdaterEvents } from './file-model-updater.js';
export { KafkaModelUpdater } from './kafka-model-updater.js';
export type {
  KafkaModelUpdaterOptions,
  KafkaModelUpdaterEvents,
  KafkaStartPosition,
  KafkaRecordPosition,
  KafkaModelUpdatedEvent,
  KafkaModelRejectedEvent,
  KafkaModelStaleEvent,
  KafkaDisconnectedEvent,
  KafkaReconnectedEvent,
} from './kafka-model-updater.js';
export { ModelDataPublisher } from './model-data-publisher.js';
export type {
  ModelDataPublisherOptions,
  ModelDataSource,
  PublishOptions,
  PublishedRecord,
} from './model-data-publisher.js';
export { MODEL_STAGE_HEADER, MODEL_CLASS_HEADER } from './kafka-headers.js';
