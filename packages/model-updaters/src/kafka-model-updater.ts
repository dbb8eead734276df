import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  type Admin,
  type Consumer,
  type EachMessagePayload,
  Kafka,
  type KafkaConfig,
} from 'kafkajs';
import { ModelUpdateRejectedError, UpdaterConfigError, UpdaterStateError } from './errors.js';
import { headerText, MODEL_STAGE_HEADER, parseStageRef } from './kafka-headers.js';
import { kafkaLogCreator } from './kafka-logger.js';
import { silentLogger, type UpdaterLogger } from './logger.js';
import { ModelSwapper, type ModelUpdateOutcome } from './model-swapper.js';
import type {
  ModelRejectedEvent,
  ModelStaleEvent,
  ModelUpdatedEvent,
} from './model-update-events.js';
import { formatVersion } from './model-update-order.js';
import { TypedEmitter } from './typed-emitter.js';
import type { StagedServable, StageRef, UpdatableServable } from './updatable-servable.js';

/**
 * Where a {@link KafkaModelUpdater} starts reading:
 * - `'latest'` (default): each partition's newest record, then everything after it: the server
 *   gets the current model at once without replaying history;
 * - `'end'`: only records produced after `start()`;
 * - `'earliest'`: the whole retained history (older versions are still never applied after
 *   newer ones).
 */
export type KafkaStartPosition = 'latest' | 'end' | 'earliest';

/** Options of {@link KafkaModelUpdater}. */
export interface KafkaModelUpdaterOptions {
  /** Bootstrap brokers, `host:port`. */
  readonly brokers: readonly string[];
  /** The model data topic. */
  readonly topic: string;
  /** kafkajs client id; default `servable-model-updater`. */
  readonly clientId?: string;
  /**
   * The consumer group id. Default: unique per updater instance
   * (`servable-model-updater-<host>-<pid>-<uuid>`), so every server instance receives every
   * record (broadcast). Offsets are never committed; positions live in the updater.
   */
  readonly groupId?: string;
  /** See {@link KafkaStartPosition}; default `'latest'`. */
  readonly startFrom?: KafkaStartPosition;
  /**
   * The pipeline stage records are for when they carry no {@link MODEL_STAGE_HEADER} header
   * (the header, when present, wins). Leave unset for a servable that is not a pipeline.
   */
  readonly stage?: StageRef;
  /** The record header naming the stage; default {@link MODEL_STAGE_HEADER}. */
  readonly stageHeader?: string;
  /**
   * The longest time the broker may hold a fetch waiting for new records (ms). Default 20:
   * kafkajs' 5000 would delay new models by seconds on brokers that answer only at the
   * deadline.
   */
  readonly maxWaitTimeInMs?: number;
  /**
   * How long `start()` waits for each partition's newest record to be applied before it
   * resolves anyway (ms). Default 30000.
   */
  readonly startTimeoutMs?: number;
  /**
   * More kafkajs client settings (ssl, sasl, connectionTimeout, requestTimeout, retry,
   * socketFactory). `brokers`, `clientId` and `logCreator` are set by the updater.
   */
  readonly kafka?: Omit<KafkaConfig, 'brokers' | 'clientId' | 'logCreator' | 'logLevel'>;
  /** Where to log (kafkajs' own logs included); default silent. */
  readonly logger?: UpdaterLogger;
}

/** Where a record came from. */
export interface KafkaRecordPosition {
  /** The topic. */
  readonly topic: string;
  /** The partition. */
  readonly partition: number;
  /** The record's offset (a decimal string, as Kafka offsets are 64-bit). */
  readonly offset: string;
}

/** `updated` of a {@link KafkaModelUpdater}: {@link ModelUpdatedEvent} plus the record position. */
export interface KafkaModelUpdatedEvent extends ModelUpdatedEvent, KafkaRecordPosition {}
/** `rejected` of a {@link KafkaModelUpdater}: {@link ModelRejectedEvent} plus the record position. */
export interface KafkaModelRejectedEvent extends ModelRejectedEvent, KafkaRecordPosition {}
/** `stale` of a {@link KafkaModelUpdater}: {@link ModelStaleEvent} plus the record position. */
export interface KafkaModelStaleEvent extends ModelStaleEvent, KafkaRecordPosition {}

/** Reported when the connection to the brokers is lost; the updater keeps retrying. */
export interface KafkaDisconnectedEvent {
  /** The error that showed it. */
  readonly error: Error;
  /** When the next attempt is made (ms from now), when known. */
  readonly retryInMs: number | undefined;
}

/** Reported when the updater follows the topic again after an outage. */
export interface KafkaReconnectedEvent {
  /** How long it was not following (ms). */
  readonly downtimeMs: number;
}

/** The events of {@link KafkaModelUpdater}. */
export interface KafkaModelUpdaterEvents {
  /** A record's model data was applied. */
  updated: [KafkaModelUpdatedEvent];
  /** A record failed to decode or validate (or named an unknown stage); the model is unchanged. */
  rejected: [KafkaModelRejectedEvent];
  /** A valid record was older than the serving model and was skipped. */
  stale: [KafkaModelStaleEvent];
  /** The brokers were lost; serving continues with the current model while retrying. */
  disconnected: [KafkaDisconnectedEvent];
  /** The updater follows the topic again. */
  reconnected: [KafkaReconnectedEvent];
}

/**
 * Follows a Kafka topic of model data records and swaps each new model into a live servable
 * (FLIP-289's "ten web servers keep serving while a Flink job keeps training").
 *
 * - **Record format**: a record's value is one complete model data payload, the exact bytes of
 *   the model's data file (Flink ML's encoding). For a pipeline, the stage comes from the
 *   {@link MODEL_STAGE_HEADER} header or {@link KafkaModelUpdaterOptions.stage}.
 * - **Broadcast**: every updater uses its own consumer group, so every server sees every record.
 * - **Start**: by default it reads each partition's newest record (the current model), then
 *   follows; `start()` resolves once those records are applied.
 * - **Order**: a record whose model version (or, without versions, record timestamp) is older
 *   than the serving model's is skipped (`stale`), across partitions. Use
 *   {@link KafkaModelUpdater.rollback} to go back deliberately.
 * - **Failures**: a record that does not decode or validate is `rejected` and the current model
 *   keeps serving; a broker outage is reported (`disconnected`), retried with backoff, and
 *   followed by `reconnected`, resuming right after the last record seen.
 *
 * @example
 * ```ts
 * const updater = new KafkaModelUpdater(servable, { brokers: ['kafka:9092'], topic: 'lr-models' });
 * updater.on('updated', (e) => log.info(e, 'model updated'));
 * updater.on('rejected', (e) => log.warn({ err: e.error, offset: e.offset }, 'bad model'));
 * await updater.start();
 * ```
 */
export class KafkaModelUpdater extends TypedEmitter<KafkaModelUpdaterEvents> {
  /** The consumer group this updater uses (unique per instance unless configured). */
  readonly groupId: string;
  private readonly swapper: ModelSwapper;
  private readonly logger: UpdaterLogger;
  private readonly kafka: Kafka;
  private readonly stageHeader: string;
  private consumer: Consumer | undefined;
  private state: 'new' | 'starting' | 'running' | 'stopped' = 'new';
  /** Next offset to read, per partition (what we seek to after every (re)join). */
  private readonly positions = new Map<number, string>();
  /** Partitions whose newest record at start must be processed before start() resolves. */
  private readonly catchUp = new Map<number, bigint>();
  private caughtUp: (() => void) | undefined;
  private downSince: number | undefined;
  private readonly unsubscribers: (() => void)[] = [];

  constructor(
    /** The servable (or pipeline) to keep up to date. */
    readonly servable: UpdatableServable | StagedServable,
    /** See {@link KafkaModelUpdaterOptions}. */
    readonly options: KafkaModelUpdaterOptions,
  ) {
    super();
    if (!Array.isArray(options.brokers) || options.brokers.length === 0) {
      throw new UpdaterConfigError('brokers', 'expected at least one broker (host:port).');
    }
    if (typeof options.topic !== 'string' || options.topic.length === 0) {
      throw new UpdaterConfigError('topic', 'expected a non-empty topic name.');
    }
    const startFrom = options.startFrom ?? 'latest';
    if (!['latest', 'end', 'earliest'].includes(startFrom)) {
      throw new UpdaterConfigError(
        'startFrom',
        `expected latest, end or earliest, found ${startFrom}.`,
      );
    }
    this.swapper = ModelSwapper.for(servable);
    this.logger = options.logger ?? silentLogger;
    this.stageHeader = options.stageHeader ?? MODEL_STAGE_HEADER;
    this.groupId =
      options.groupId ?? `servable-model-updater-${hostname()}-${process.pid}-${randomUUID()}`;
    this.kafka = new Kafka({
      retry: { initialRetryTime: 100, maxRetryTime: 2000, retries: 5 },
      ...options.kafka,
      clientId: options.clientId ?? 'servable-model-updater',
      brokers: [...options.brokers],
      logCreator: kafkaLogCreator(this.logger),
    });
  }

  /**
   * Connects, finds where to start on each partition, applies the current model (each
   * partition's newest record, by default) and follows the topic. Resolves once following;
   * records rejected on the way are reported as events, not thrown.
   *
   * @throws the kafkajs error when the brokers cannot be reached at all (after kafkajs' retries).
   */
  async start(): Promise<void> {
    if (this.state !== 'new')
      throw new UpdaterStateError('KafkaModelUpdater.start() was already called.');
    this.state = 'starting';
    const { topic } = this.options;
    const startFrom = this.options.startFrom ?? 'latest';
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        const high = BigInt(p.high);
        const low = BigInt(p.low);
        if (startFrom === 'earliest') this.positions.set(p.partition, p.low);
        else if (startFrom === 'end' || high <= low) this.positions.set(p.partition, p.high);
        else {
          this.positions.set(p.partition, (high - 1n).toString());
          this.catchUp.set(p.partition, high - 1n);
        }
        if (startFrom === 'earliest' && high > low) this.catchUp.set(p.partition, high - 1n);
      }
    } finally {
      await admin.disconnect();
    }
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? 20,
      minBytes: 1,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      retry: {
        initialRetryTime: 100,
        maxRetryTime: 2000,
        retries: 5,
        ...this.options.kafka?.retry,
        // Never give up: a broker outage must not end the updater.
        restartOnFailure: async () => true,
      },
    });
    this.consumer = consumer;
    this.listen(consumer);
    const caughtUp = new Promise<void>((resolve) => {
      this.caughtUp = resolve;
      if (this.catchUp.size === 0) resolve();
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: startFrom === 'earliest' });
    await consumer.run({
      autoCommit: false,
      eachMessage: (payload) => this.onMessage(payload),
    });
    const timeoutMs = this.options.startTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.logger.warn(
          { topic, timeoutMs },
          'start: the newest records were not all read in time',
        );
        resolve();
      }, timeoutMs);
    });
    await Promise.race([caughtUp, timedOut]);
    clearTimeout(timer);
    if (this.state === 'starting') this.state = 'running';
    this.logger.info({ topic, groupId: this.groupId, startFrom }, 'following model data topic');
  }

  /** Stops following and disconnects. The serving model stays. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    this.caughtUp?.();
    for (const remove of this.unsubscribers.splice(0)) remove();
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  /**
   * Applies `bytes` even if its model version is older than the serving one: a deliberate
   * rollback (e.g. to a record re-read from the topic, or a saved data file). Records that
   * arrive later are compared with the rolled-back version.
   *
   * @throws ModelUpdateRejectedError when the data does not decode or validate.
   */
  async rollback(
    bytes: Uint8Array,
    options: { readonly stage?: StageRef; readonly source?: string } = {},
  ): Promise<ModelUpdateOutcome> {
    const source = options.source ?? 'rollback';
    return this.swapper.apply({
      inputs: [{ source, data: bytes }],
      source,
      stage: options.stage ?? this.options.stage,
      allowOlder: true,
    });
  }

  /** The next offset this updater reads per partition (for monitoring). */
  getPositions(): ReadonlyMap<number, string> {
    return new Map(this.positions);
  }

  private listen(consumer: Consumer): void {
    const { topic } = this.options;
    this.unsubscribers.push(
      consumer.on(consumer.events.GROUP_JOIN, (event) => {
        const partitions = event.payload.memberAssignment[topic] ?? [];
        // A fresh group (first start, or a restart after an outage) knows no offsets: put every
        // partition where this updater wants to read next.
        for (const partition of partitions) {
          const offset = this.positions.get(partition);
          if (offset !== undefined) consumer.seek({ topic, partition, offset });
        }
        if (this.downSince !== undefined) {
          const downtimeMs = Date.now() - this.downSince;
          this.downSince = undefined;
          this.logger.info({ topic, downtimeMs }, 'following model data topic again');
          this.emit('reconnected', { downtimeMs });
        }
      }),
      consumer.on(consumer.events.CRASH, (event) => {
        if (this.state === 'stopped') return;
        const error = event.payload.error;
        this.downSince ??= Date.now();
        const retryInMs = (error as { retryTime?: number }).retryTime;
        this.logger.warn({ err: error, topic, restart: event.payload.restart }, 'lost the brokers');
        this.emit('disconnected', { error, retryInMs });
        if (!event.payload.restart) void this.restart();
      }),
    );
  }

  /** Restarts the consumer after a crash kafkajs does not restart by itself. */
  private async restart(): Promise<void> {
    let delay = 200;
    while (!this.stopped()) {
      await new Promise((r) => setTimeout(r, delay));
      if (this.stopped()) return;
      try {
        const consumer = this.consumer!;
        await consumer.disconnect().catch(() => undefined);
        await consumer.connect();
        await consumer.subscribe({ topic: this.options.topic });
        await consumer.run({ autoCommit: false, eachMessage: (p) => this.onMessage(p) });
        return;
      } catch (error) {
        this.emit('disconnected', { error: error as Error, retryInMs: delay * 2 });
        delay = Math.min(delay * 2, 5000);
      }
    }
  }

  private stopped(): boolean {
    return this.state === 'stopped';
  }

  private async onMessage({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const offset = message.offset;
    const expected = this.positions.get(partition);
    if (expected !== undefined && BigInt(offset) < BigInt(expected)) {
      // Delivered again (a fetch that was in flight across a rebalance or restart): seen already.
      this.logger.debug({ topic, partition, offset }, 'duplicate record skipped');
      return;
    }
    this.positions.set(partition, (BigInt(offset) + 1n).toString());
    const source = `${topic}/${partition}@${offset}`;
    const position = { topic, partition, offset };
    const timestamp = Number(message.timestamp);
    const stageText = headerText(message.headers?.[this.stageHeader]);
    const stage = stageText !== undefined ? parseStageRef(stageText) : this.options.stage;
    try {
      if (message.value === null) {
        throw new ModelUpdateRejectedError(
          source,
          new Error('the record has no value (a tombstone).'),
        );
      }
      const outcome = await this.swapper.apply({
        // Named, so a decode error says `Cannot decode model data from <topic>/<p>@<offset>`.
        inputs: [{ source, data: message.value }],
        source,
        stage,
        timestamp: Number.isFinite(timestamp) ? timestamp : undefined,
      });
      if (outcome.status === 'applied') {
        const latencyMs = Number.isFinite(timestamp) ? Math.max(0, Date.now() - timestamp) : 0;
        this.logger.info(
          { source, version: formatVersion(outcome.version), latencyMs },
          'model updated',
        );
        this.emit('updated', {
          ...position,
          version: outcome.version,
          previousVersion: outcome.previousVersion,
          source,
          stage,
          latencyMs,
        });
      } else {
        this.logger.warn(
          {
            source,
            version: formatVersion(outcome.version),
            current: formatVersion(outcome.currentVersion),
          },
          'stale model data skipped',
        );
        this.emit('stale', {
          ...position,
          version: outcome.version,
          currentVersion: outcome.currentVersion,
          source,
        });
      }
    } catch (error) {
      const rejected =
        error instanceof ModelUpdateRejectedError
          ? error
          : new ModelUpdateRejectedError(source, error);
      this.logger.warn({ err: rejected, source }, 'model data rejected');
      this.emit('rejected', { ...position, error: rejected, source });
    } finally {
      this.markCaughtUp(partition, BigInt(offset));
    }
  }

  private markCaughtUp(partition: number, offset: bigint): void {
    const target = this.catchUp.get(partition);
    if (target === undefined || offset < target) return;
    this.catchUp.delete(partition);
    if (this.catchUp.size === 0) this.caughtUp?.();
  }
}
