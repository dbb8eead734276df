import type { ModelUpdater } from '@servable/inference-server';
import { KafkaModelUpdater, ModelDataPublisher } from '@servable/model-updaters';
import { startKafka, type TestKafka } from '@servable/model-updaters/testing';
import type { PipelineModelServable } from '@servable/servable-api';
import type { LogisticRegressionModelData } from '@servable/servable-lib';
import { Kafka, logLevel } from 'kafkajs';
import { DemoError } from './demo-error.js';
import { encodeLogisticRegression, LOGISTIC_REGRESSION_STAGE } from './demo-pipeline.js';
import type { ModelChannel } from './model-channel.js';

/** Options of {@link KafkaModelChannel.open}. */
export interface KafkaChannelOptions {
  /**
   * Bootstrap brokers of a real cluster. Default: the comma-separated `KAFKA_BROKERS`
   * environment variable when set; otherwise (or for an empty list) librdkafka's mock cluster is
   * started with `kcat` (`startKafka()` of `@servable/model-updaters/testing`) and stopped by
   * {@link KafkaModelChannel.close}.
   */
  readonly brokers?: readonly string[];
  /** The model data topic; default `servable-demo`. */
  readonly topic?: string;
}

/**
 * Publishes each model version as a Kafka record (`ModelDataPublisher`, the stage named in the
 * record's header) which the server follows with a `KafkaModelUpdater`, as FLIP-289's online
 * training scenario has it: the trainer and any number of servers only share a topic.
 */
export class KafkaModelChannel implements ModelChannel {
  readonly watchFiles = false;
  readonly description: string;

  private constructor(
    /** The bootstrap brokers in use. */
    readonly brokers: readonly string[],
    /** The topic in use. */
    readonly topic: string,
    private readonly publisher: ModelDataPublisher,
    private readonly cluster: TestKafka,
  ) {
    const where = cluster.external ? 'Kafka' : 'the kcat mock Kafka cluster';
    this.description = `Kafka: records on topic ${topic} at ${brokers.join(',')} (${where})`;
  }

  /**
   * Connects to the brokers (starting the mock cluster when none are given, see
   * {@link KafkaChannelOptions.brokers}), makes sure the topic exists and connects the publisher.
   *
   * @throws MockKafkaError (code `MOCK_KAFKA_UNAVAILABLE`, from `@servable/model-updaters/testing`)
   *   when a mock cluster is needed and kcat is missing; its message says to install kcat or set
   *   `KAFKA_BROKERS`.
   * @throws DemoError `KAFKA_UNAVAILABLE` when the brokers cannot be reached (the message names
   *   them and the topic).
   */
  static async open(options: KafkaChannelOptions = {}): Promise<KafkaModelChannel> {
    const topic = options.topic ?? 'servable-demo';
    const cluster = await startKafka(
      options.brokers === undefined ? {} : { brokers: options.brokers },
    );
    const brokers = cluster.brokers;
    try {
      await ensureTopic(brokers, topic, cluster.external);
      const publisher = new ModelDataPublisher({
        brokers,
        topic,
        clientId: 'servable-demo-trainer',
      });
      await publisher.connect();
      return new KafkaModelChannel(brokers, topic, publisher, cluster);
    } catch (error) {
      await cluster.stop();
      if (error instanceof DemoError) throw error;
      throw new DemoError(
        'KAFKA_UNAVAILABLE',
        `Cannot use Kafka at ${brokers.join(',')} (topic ${topic}): ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }

  updatersFor(servable: PipelineModelServable): readonly ModelUpdater[] {
    return [
      new KafkaModelUpdater(servable, {
        brokers: this.brokers,
        topic: this.topic,
        clientId: 'servable-demo-server',
        stage: LOGISTIC_REGRESSION_STAGE,
        // The server starts with the saved pipeline; earlier runs' records on a shared topic
        // must not be replayed.
        startFrom: 'end',
      }),
    ];
  }

  async publish(model: LogisticRegressionModelData): Promise<void> {
    await this.publisher.publish(encodeLogisticRegression(model), {
      stage: LOGISTIC_REGRESSION_STAGE,
    });
  }

  async close(): Promise<void> {
    try {
      await this.publisher.disconnect();
    } finally {
      await this.cluster.stop();
    }
  }
}

/**
 * Creates the topic on a real cluster (one partition keeps all versions in order; an existing
 * topic is kept); the mock cluster cannot create topics on request but creates them on first
 * metadata request.
 */
async function ensureTopic(
  brokers: readonly string[],
  topic: string,
  external: boolean,
): Promise<void> {
  const admin = new Kafka({
    clientId: 'servable-demo-admin',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 3 },
  }).admin();
  await admin.connect();
  try {
    if (external) {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    } else {
      await admin.fetchTopicMetadata({ topics: [topic] });
    }
  } finally {
    await admin.disconnect();
  }
}
