import {
  type IHeaders,
  Kafka,
  type KafkaConfig,
  Partitioners,
  type Producer,
  type ProducerConfig,
} from 'kafkajs';
import { UpdaterConfigError, UpdaterStateError } from './errors.js';
import { MODEL_CLASS_HEADER, MODEL_STAGE_HEADER } from './kafka-headers.js';
import { kafkaLogCreator } from './kafka-logger.js';
import { silentLogger, type UpdaterLogger } from './logger.js';
import type { StageRef } from './updatable-servable.js';

/** Options of {@link ModelDataPublisher}. */
export interface ModelDataPublisherOptions {
  /** Bootstrap brokers, `host:port`. */
  readonly brokers: readonly string[];
  /** The model data topic. */
  readonly topic: string;
  /** kafkajs client id; default `servable-model-publisher`. */
  readonly clientId?: string;
  /**
   * The record key of every record (default `model`): one key keeps all versions of a model in
   * one partition, in order. Give each independently versioned model its own key.
   */
  readonly key?: string;
  /** More kafkajs client settings (ssl, sasl, retry, ...). */
  readonly kafka?: Omit<KafkaConfig, 'brokers' | 'clientId' | 'logCreator' | 'logLevel'>;
  /** More kafkajs producer settings. */
  readonly producer?: Omit<ProducerConfig, 'createPartitioner'>;
  /** Where to log; default silent. */
  readonly logger?: UpdaterLogger;
}

/** Something whose current model data can be published: any `ModelServable`. */
export interface ModelDataSource {
  /** The encoded model data (the bytes of its data file). */
  getModelData(): Uint8Array;
  /** The Java class name of the model (sent as {@link MODEL_CLASS_HEADER}). */
  readonly className?: string;
}

/** Options of one {@link ModelDataPublisher.publish} call. */
export interface PublishOptions {
  /** The pipeline stage the data is for (sent as the {@link MODEL_STAGE_HEADER} header). */
  readonly stage?: StageRef;
  /** Write to this partition instead of the key's. */
  readonly partition?: number;
  /** The record key; default the publisher's. */
  readonly key?: string;
  /** The record timestamp (ms since epoch); default now. */
  readonly timestamp?: number;
  /** More headers. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Where a published record landed. */
export interface PublishedRecord {
  /** The topic. */
  readonly topic: string;
  /** The partition. */
  readonly partition: number;
  /** The record's offset (decimal string). */
  readonly offset: string;
}

/**
 * The training side of FLIP-289's online scenario: writes model data records (one complete
 * model per record, Flink ML's encoding) to the topic {@link KafkaModelUpdater}s follow.
 *
 * @example
 * ```ts
 * const publisher = new ModelDataPublisher({ brokers: ['kafka:9092'], topic: 'lr-models' });
 * await publisher.connect();
 * await publisher.publish(trainedServable);         // its getModelData() bytes
 * await publisher.publish(bytes, { stage: 'LogisticRegressionModel' });
 * await publisher.disconnect();
 * ```
 */
export class ModelDataPublisher {
  private readonly producer: Producer;
  private connected = false;

  constructor(
    /** See {@link ModelDataPublisherOptions}. */
    readonly options: ModelDataPublisherOptions,
  ) {
    if (!Array.isArray(options.brokers) || options.brokers.length === 0) {
      throw new UpdaterConfigError('brokers', 'expected at least one broker (host:port).');
    }
    if (typeof options.topic !== 'string' || options.topic.length === 0) {
      throw new UpdaterConfigError('topic', 'expected a non-empty topic name.');
    }
    const kafka = new Kafka({
      ...options.kafka,
      clientId: options.clientId ?? 'servable-model-publisher',
      brokers: [...options.brokers],
      logCreator: kafkaLogCreator(options.logger ?? silentLogger),
    });
    this.producer = kafka.producer({
      allowAutoTopicCreation: true,
      ...options.producer,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  /** Connects to the brokers. */
  async connect(): Promise<void> {
    await this.producer.connect();
    this.connected = true;
  }

  /** Disconnects (waits for in-flight records). */
  async disconnect(): Promise<void> {
    this.connected = false;
    await this.producer.disconnect();
  }

  /**
   * Publishes one model: the bytes themselves, or a servable's current model data.
   *
   * @throws UpdaterStateError before {@link ModelDataPublisher.connect}.
   */
  async publish(
    data: Uint8Array | ModelDataSource,
    options: PublishOptions = {},
  ): Promise<PublishedRecord> {
    if (!this.connected)
      throw new UpdaterStateError('ModelDataPublisher.publish() before connect().');
    const bytes = data instanceof Uint8Array ? data : data.getModelData();
    const headers: IHeaders = { ...options.headers };
    if (options.stage !== undefined) headers[MODEL_STAGE_HEADER] = String(options.stage);
    if (!(data instanceof Uint8Array) && data.className !== undefined) {
      headers[MODEL_CLASS_HEADER] = data.className;
    }
    const { topic } = this.options;
    const [meta] = await this.producer.send({
      topic,
      messages: [
        {
          key: options.key ?? this.options.key ?? 'model',
          value: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          headers,
          ...(options.partition === undefined ? {} : { partition: options.partition }),
          timestamp: String(options.timestamp ?? Date.now()),
        },
      ],
    });
    return { topic, partition: meta?.partition ?? -1, offset: meta?.baseOffset ?? '-1' };
  }
}
