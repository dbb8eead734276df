export type { AtomicWriteOptions } from './atomic-model-data-writer.js';
export {
  publishModelDataDirectory,
  writeModelDataFileAtomically,
} from './atomic-model-data-writer.js';
export {
  ModelUpdateRejectedError,
  ModelUpdaterError,
  StageRoutingError,
  UpdaterConfigError,
  UpdaterStateError,
} from './errors.js';
export type { FileModelUpdaterEvents, FileModelUpdaterOptions } from './file-model-updater.js';
export { FileModelUpdater } from './file-model-updater.js';
export { MODEL_CLASS_HEADER, MODEL_STAGE_HEADER } from './kafka-headers.js';
export type {
  KafkaDisconnectedEvent,
  KafkaModelRejectedEvent,
  KafkaModelStaleEvent,
  KafkaModelUpdatedEvent,
  KafkaModelUpdaterEvents,
  KafkaModelUpdaterOptions,
  KafkaReconnectedEvent,
  KafkaRecordPosition,
  KafkaStartPosition,
} from './kafka-model-updater.js';
export { KafkaModelUpdater } from './kafka-model-updater.js';
export type { UpdaterLogger } from './logger.js';
export { silentLogger } from './logger.js';
export type {
  ModelDataPublisherOptions,
  ModelDataSource,
  PublishedRecord,
  PublishOptions,
} from './model-data-publisher.js';
export { ModelDataPublisher } from './model-data-publisher.js';
export type { ModelUpdate, ModelUpdateOutcome } from './model-swapper.js';
export { ModelSwapper } from './model-swapper.js';
export type {
  ModelRejectedEvent,
  ModelStaleEvent,
  ModelUpdatedEvent,
} from './model-update-events.js';
export type { ModelUpdateOrder } from './model-update-order.js';
export { compareUpdateOrder, formatVersion } from './model-update-order.js';
export { TypedEmitter } from './typed-emitter.js';
export type {
  PreparedUpdate,
  StagedServable,
  StageRef,
  UpdatableServable,
} from './updatable-servable.js';
