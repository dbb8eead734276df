import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ModelDataPublisher, publishModelDataDirectory } from '@servable/model-updaters';
import type { ModelVersion, ServableRegistry } from '@servable/servable-api';
import { type CliIo, writeText } from '../cli-io.js';
import { CliError, CliUsageError, errorMessage } from '../errors.js';
import { loadModelStage } from '../model-stage.js';
import { createRegistry } from '../registry.js';

/** Options of {@link publish}. Give `dir`, or `brokers` and `topic`. */
export interface PublishOptions {
  /** The model data file to publish (Flink ML's encoding, e.g. a saved stage's `data/part-…`). */
  readonly file: string;
  /** A watched model directory (a saved stage or PipelineModel) to publish into. */
  readonly dir?: string;
  /** Kafka bootstrap brokers. */
  readonly brokers?: readonly string[];
  /** The Kafka model data topic. */
  readonly topic?: string;
  /** The pipeline stage the data is for (index, class name or `/` path). */
  readonly stage?: string;
  /** The Kafka record key (default `model`). */
  readonly key?: string;
  /**
   * A saved model to check the data against before sending it to Kafka (with `dir` the data is
   * always checked against the model in `dir`).
   */
  readonly model?: string;
  /** The registry to load with; default Flink ML's algorithms (`servableLib`). */
  readonly registry?: ServableRegistry;
}

/**
 * `servable publish`: pushes a new model version either atomically into a watched directory
 * (write-then-rename into the stage's `data/`, so a `--watch`ing server never reads half a
 * file) or to a Kafka topic (one record, stage header for pipelines). The data is decoded and
 * validated against the model first; bad data is never published. Returns the exit code.
 */
export async function publish(options: PublishOptions, io: CliIo): Promise<number> {
  const toDir = options.dir !== undefined;
  const toKafka = options.brokers !== undefined || options.topic !== undefined;
  if (toDir === toKafka) {
    throw new CliUsageError(
      toDir ? '--dir' : '--brokers',
      toDir
        ? 'give either --dir or --brokers/--topic, not both.'
        : 'give --dir model-dir, or --brokers and --topic.',
    );
  }
  const registry = options.registry ?? createRegistry();
  const file = resolve(io.cwd, options.file);
  const bytes = new Uint8Array(await readFile(file));
  const modelDir = options.dir ?? options.model;
  let version: ModelVersion | undefined;
  let stageDir: string | undefined;
  if (modelDir !== undefined) {
    const stage = await loadModelStage(registry, resolve(io.cwd, modelDir), options.stage);
    // Decodes and validates completely without swapping anything in.
    try {
      version = (await stage.servable.prepareModelData(bytes)).version;
    } catch (error) {
      throw new CliError(
        'INVALID_MODEL_DATA',
        `${file} is not valid model data for ${stage.servable.className} (${stage.dir}); nothing was published: ${errorMessage(error)}`,
        { cause: error },
      );
    }
    stageDir = stage.dir;
  }
  const versionText = version === undefined ? '' : ` (model version ${String(version)})`;
  if (stageDir !== undefined && toDir) {
    const written = await publishModelDataDirectory(join(stageDir, 'data'), bytes);
    await writeText(io.stdout, `published ${file}${versionText} to ${written}\n`);
    return 0;
  }
  if (options.brokers === undefined || options.brokers.length === 0) {
    throw new CliUsageError('--brokers', 'give the Kafka bootstrap brokers (host:port,...).');
  }
  if (options.topic === undefined || options.topic === '') {
    throw new CliUsageError('--topic', 'give the model data topic.');
  }
  const publisher = new ModelDataPublisher({
    brokers: options.brokers,
    topic: options.topic,
    ...(options.key === undefined ? {} : { key: options.key }),
  });
  await publisher.connect();
  try {
    const stage = options.stage;
    const record = await publisher.publish(
      bytes,
      stage === undefined ? {} : { stage: /^\d+$/.test(stage) ? Number(stage) : stage },
    );
    await writeText(
      io.stdout,
      `published ${file}${versionText} to ${record.topic}/${record.partition}@${record.offset}\n`,
    );
  } finally {
    await publisher.disconnect();
  }
  return 0;
}
