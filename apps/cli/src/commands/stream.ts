import { resolve } from 'node:path';
import type { Schema } from '@servable/dataframe';
import { FileModelUpdater, KafkaModelUpdater, silentLogger } from '@servable/model-updaters';
import {
  type AnyServable,
  ModelServable,
  PipelineModelServable,
  type ServableRegistry,
} from '@servable/servable-api';
import {
  type Consumer,
  type IHeaders,
  Kafka,
  type KafkaMessage,
  logLevel,
  type Producer,
} from 'kafkajs';
import type { Logger } from 'pino';
import type { CliIo } from '../cli-io.js';
import { errorCode } from '../errors.js';
import { parseRecordLine } from '../json-lines.js';
import { createLogger } from '../logger.js';
import { modelVersionText } from '../model-versions.js';
import { RecordTransformer } from '../record-transformer.js';
import { createRegistry } from '../registry.js';
import { asUpdatable } from '../updatable.js';

/** Headers `servable stream` writes on result and dead-letter records. */
export const STREAM_HEADERS = {
  /** On results: the model version that produced the result. */
  modelVersion: 'servable-model-version',
  /** On dead letters: why the record failed. */
  error: 'servable-error',
  /** On dead letters: the stable error code (`INPUT_JSON`, `FEATURE_DIMENSION`, …). */
  errorCode: 'servable-error-code',
  /** On dead letters: `topic/partition@offset` of the input record. */
  source: 'servable-source',
} as const;

/** Options of {@link stream}. */
export interface StreamOptions {
  /** Kafka bootstrap brokers. */
  readonly brokers: readonly string[];
  /** The topic of input rows (one JSON object per record). */
  readonly inputTopic: string;
  /** The topic results are written to (same key as the input record). */
  readonly outputTopic: string;
  /** The saved stage or PipelineModel directory. */
  readonly model: string;
  /** Where malformed records go; default `<inputTopic>.dlq`. */
  readonly deadLetterTopic?: string;
  /** The consumer group; default `servable-stream-<inputTopic>`. */
  readonly groupId?: string;
  /** A new group starts at the oldest record instead of the next new one. */
  readonly fromBeginning?: boolean;
  /** Follow a Kafka topic of model data records while streaming. */
  readonly modelTopic?: string;
  /** For a pipeline: the stage model data records are for when they carry no stage header. */
  readonly modelStage?: string;
  /** Follow the model's files on disk while streaming. */
  readonly watch?: boolean;
  /** The input columns (default: derived from the model's params). */
  readonly schema?: Schema;
  /** Keep only these keys in each result. */
  readonly select?: readonly string[];
  /** kafkajs client id; default `servable-stream`. */
  readonly clientId?: string;
  /** pino log level (default `info`). */
  readonly logLevel?: string;
  /** The registry to load with; default Flink ML's algorithms (`servableLib`). */
  readonly registry?: ServableRegistry;
}

/** Counters of a running or finished stream. */
export interface StreamStats {
  /** Results written. */
  processed: number;
  /** Records sent to the dead-letter topic. */
  deadLettered: number;
}

/** A stream started by {@link startStream}. */
export interface RunningStream {
  /** Counters, updated as records are handled. */
  readonly stats: Readonly<StreamStats>;
  /** Stops consuming (the record in hand is finished and committed) and disconnects. */
  close(): Promise<void>;
}

interface Updater {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the Kafka end-to-end app: consumes input rows, transforms each one as soon as it
 * arrives (nothing is held back for a batch), writes its result, and commits the record's
 * offset only after the result (or dead letter) is acknowledged by Kafka: at-least-once. A
 * record that is not a JSON object, does not fit the model's input columns or that the model
 * rejects goes to the dead-letter topic, its original bytes with the error in headers.
 */
export async function startStream(options: StreamOptions, logger: Logger): Promise<RunningStream> {
  const registry = options.registry ?? createRegistry();
  const servable = await registry.load(options.model);
  const transformer = new RecordTransformer(servable, {
    ...(options.schema === undefined ? {} : { schema: options.schema }),
    ...(options.select === undefined ? {} : { select: options.select }),
  });
  const deadLetterTopic = options.deadLetterTopic ?? `${options.inputTopic}.dlq`;
  const kafka = new Kafka({
    clientId: options.clientId ?? 'servable-stream',
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    logCreator: () => (entry) => {
      logger.warn({ kafka: entry.namespace, ...entry.log }, entry.log.message);
    },
  });
  const producer: Producer = kafka.producer({ allowAutoTopicCreation: true });
  const consumer: Consumer = kafka.consumer({
    groupId: options.groupId ?? `servable-stream-${options.inputTopic}`,
    allowAutoTopicCreation: true,
    maxWaitTimeInMs: 50,
  });
  const updaters = modelUpdaters(servable, options, logger);
  const stats: StreamStats = { processed: 0, deadLettered: 0 };

  await Promise.all(updaters.map((u) => u.start()));
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({
    topics: [options.inputTopic],
    fromBeginning: options.fromBeginning ?? false,
  });

  const handle = async (topic: string, partition: number, message: KafkaMessage): Promise<void> => {
    const source = `${topic}/${partition}@${message.offset}`;
    const text = message.value?.toString('utf8') ?? '';
    const parsed = parseRecordLine(text);
    let failure: { code: string; message: string } | undefined;
    if (typeof parsed === 'string') {
      failure = { code: 'INPUT_JSON', message: parsed };
    } else {
      const [result] = transformer.transform([parsed]);
      if (result?.ok === true) {
        const version = modelVersionText(servable);
        await producer.send({
          topic: options.outputTopic,
          messages: [
            {
              key: message.key,
              value: JSON.stringify(result.record),
              headers: version === undefined ? {} : { [STREAM_HEADERS.modelVersion]: version },
            },
          ],
        });
        stats.processed++;
        return;
      }
      // The record ran as a one-row frame: `reason` drops its meaningless `row 0` (the
      // source header names the record).
      failure =
        result?.ok === false
          ? { code: errorCode(result.error), message: result.reason }
          : { code: 'ERROR', message: 'no result' };
    }
    const headers: IHeaders = {
      [STREAM_HEADERS.error]: failure.message,
      [STREAM_HEADERS.errorCode]: failure.code,
      [STREAM_HEADERS.source]: source,
    };
    await producer.send({
      topic: deadLetterTopic,
      messages: [{ key: message.key, value: message.value, headers }],
    });
    stats.deadLettered++;
    logger.warn(
      { source, code: failure.code, error: failure.message },
      'record sent to the dead-letter topic',
    );
  };

  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ topic, partition, message }) => {
      await handle(topic, partition, message);
      // The result is acknowledged: only now is the input record done (at-least-once).
      await consumer.commitOffsets([
        { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
      ]);
    },
  });
  logger.info(
    { input: options.inputTopic, output: options.outputTopic, deadLetter: deadLetterTopic },
    'servable stream running',
  );

  let closed: Promise<void> | undefined;
  return {
    stats,
    close() {
      closed ??= (async () => {
        await consumer.disconnect();
        await producer.disconnect();
        await Promise.all(updaters.map((u) => u.stop()));
      })();
      return closed;
    },
  };
}

function modelUpdaters(servable: AnyServable, options: StreamOptions, logger: Logger): Updater[] {
  const updaters: Updater[] = [];
  const target = asUpdatable(servable);
  const onUpdate = (source: string) => (e: { version: unknown }) =>
    logger.info({ source, version: String(e.version) }, 'model updated');
  if (options.modelTopic !== undefined) {
    const stage = options.modelStage;
    const updater = new KafkaModelUpdater(target, {
      brokers: options.brokers,
      topic: options.modelTopic,
      logger: silentLogger,
      ...(stage === undefined ? {} : { stage: /^\d+$/.test(stage) ? Number(stage) : stage }),
    });
    updater.on('updated', onUpdate(options.modelTopic));
    updater.on('rejected', (e) => logger.warn({ error: e.error.message }, 'model update rejected'));
    updaters.push(updater);
  }
  if (options.watch === true) {
    const common = { path: options.model, loadOnStart: false };
    const files =
      servable instanceof PipelineModelServable
        ? servable
            .getStages()
            .flatMap((s, i) =>
              s instanceof ModelServable
                ? [new FileModelUpdater(target, { ...common, stage: i })]
                : [],
            )
        : [new FileModelUpdater(target, common)];
    for (const f of files) {
      f.on('updated', onUpdate(options.model));
      updaters.push(f);
    }
  }
  return updaters;
}

/**
 * `servable stream`: runs {@link startStream} until stopped (SIGTERM / SIGINT, or
 * `io.waitForStop`), logging to stdout as JSON lines. Returns the exit code.
 */
export async function stream(options: StreamOptions, io: CliIo): Promise<number> {
  const logger = createLogger(io.stdout, options.logLevel ?? 'info');
  const running = await startStream({ ...options, model: resolve(io.cwd, options.model) }, logger);
  await (io.waitForStop?.() ?? new Promise<void>(() => {}));
  logger.info({ ...running.stats }, 'servable stream stopping');
  await running.close();
  return 0;
}
