import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createInferenceServer, type InferenceServer } from '@servable/inference-server';
import { PipelineModelServable, ServableRegistry } from '@servable/servable-api';
import type { LogisticRegressionModelData } from '@servable/servable-lib';
import { servableLib } from '@servable/servable-lib';
import { BackgroundTraffic, type TrafficReport } from './background-traffic.js';
import { generateDataset } from './dataset.js';
import { DemoError } from './demo-error.js';
import { LOGISTIC_REGRESSION_STAGE, saveDemoPipeline } from './demo-pipeline.js';
import { FileModelChannel } from './file-model-channel.js';
import { isPortFree } from './free-port.js';
import { InferenceClient } from './inference-client.js';
import { KafkaModelChannel } from './kafka-model-channel.js';
import {
  formatSummary,
  formatVersionLine,
  type SamplePrediction,
  type VersionReport,
  versionHeading,
} from './live-view.js';
import { accuracyOf, OnlineLogisticRegressionTrainer } from './logistic-regression-trainer.js';
import type { ModelChannel } from './model-channel.js';
import { chooseSamples } from './sample-selection.js';
import { fitStandardScaler, standardize } from './standard-scaler-fit.js';

/** The model's name on the demo server. */
export const DEMO_MODEL_NAME = 'demo';

/** Options of {@link runDemo}; every field has a default. */
export interface DemoOptions {
  /** Publish through Kafka instead of files. Default `false`. */
  readonly kafka?: boolean;
  /**
   * Brokers of a real Kafka. Default: `KAFKA_BROKERS` when set, else (or for an empty list) a
   * kcat mock cluster is started in Kafka mode.
   */
  readonly brokers?: readonly string[];
  /** The Kafka topic; default `servable-demo`. */
  readonly topic?: string;
  /**
   * The model versions to serve: version 1 is saved with the pipeline, versions 2…N are
   * published while the server runs. Default 10. Ignored with {@link DemoOptions.forever}.
   */
  readonly versions?: number;
  /** Keep publishing until {@link DemoOptions.signal} aborts. Default `false`. */
  readonly forever?: boolean;
  /** Pause between two published versions (ms). Default 2000. */
  readonly intervalMs?: number;
  /** The server's port; default 8080 (a random free port when 8080 is taken); 0 for any. */
  readonly port?: number;
  /** The server's interface; default `127.0.0.1`. */
  readonly host?: string;
  /** Where the pipeline is saved (replacing its content); default a fresh temporary directory, removed at the end. */
  readonly directory?: string;
  /** Gradient steps per version; default 5. */
  readonly stepsPerVersion?: number;
  /** Learning rate of the trainer; default 0.3. */
  readonly learningRate?: number;
  /** Seed of the generated data set; default 289. */
  readonly seed?: number;
  /** How long to wait for a published version to be served before failing (ms). Default 20000. */
  readonly serveTimeoutMs?: number;
  /** Stops the demo early (e.g. Ctrl-C); it then shuts down cleanly and resolves. */
  readonly signal?: AbortSignal;
  /** Where the live view goes, one line per call; default `console.log`. */
  readonly write?: (line: string) => void;
}

/** What a demo run did. */
export interface DemoResult {
  /** The server's address. */
  readonly url: string;
  /** Where the pipeline was saved. */
  readonly directory: string;
  /** How versions travelled. */
  readonly channel: 'files' | 'kafka';
  /** One report per served version, in order. */
  readonly versions: readonly VersionReport[];
  /** The single-row requests sent while versions were swapped. */
  readonly traffic: TrafficReport;
}

/**
 * Runs the demo (FLIP-289's online-training scenario, end to end on one machine):
 *
 * 1. generates a labelled data set, fits a StandardScaler and trains version 1 of a
 *    LogisticRegression (a few mini-batch gradient steps);
 * 2. saves the pipeline in Flink ML's format and starts the inference server on it, following
 *    the saved files (or a Kafka topic);
 * 3. every {@link DemoOptions.intervalMs}, trains a few more steps and publishes the next
 *    version (atomically renamed into the data directory, or as a Kafka record), waits until
 *    the server answers with it and prints its held-out accuracy as measured through HTTP,
 *    while single-row requests keep flowing;
 * 4. shuts everything down (server, updaters, Kafka, temporary files).
 *
 * @throws DemoError when Kafka is unavailable or a published version is not served in time.
 * @throws MockKafkaError (code `MOCK_KAFKA_UNAVAILABLE`) in Kafka mode without brokers when kcat
 *   is not installed.
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const write = options.write ?? ((line: string) => console.log(line));
  const versions = options.forever ? Number.POSITIVE_INFINITY : (options.versions ?? 10);
  const intervalMs = options.intervalMs ?? 2000;
  const steps = options.stepsPerVersion ?? 5;
  const serveTimeoutMs = options.serveTimeoutMs ?? 20_000;
  requirePositiveInteger('versions', options.forever ? 1 : versions);
  requirePositiveInteger('stepsPerVersion', steps);
  if (!Number.isFinite(intervalMs) || intervalMs < 0) {
    throw new DemoError('INVALID_OPTION', `intervalMs must be a number >= 0, found ${intervalMs}.`);
  }

  // 1. Data, scaler, first model version.
  const data = generateDataset({ seed: options.seed ?? 289 });
  const scaler = fitStandardScaler(data.train.features);
  const trainScaled = standardize(data.train.features, scaler);
  const testScaled = standardize(data.test.features, scaler);
  const trainer = new OnlineLogisticRegressionTrainer(trainScaled, data.train.labels, {
    learningRate: options.learningRate ?? 0.3,
  });
  let model = trainer.train(steps);
  // A long-trained model only picks which held-out examples the view follows.
  const reference = new OnlineLogisticRegressionTrainer(trainScaled, data.train.labels, {
    learningRate: 0.5,
  }).train(500);
  const sampleIndices = chooseSamples(testScaled, data.test.labels, model, reference);

  // 2. Save, start the server.
  const ownDirectory = options.directory === undefined;
  const directory = options.directory ?? (await mkdtemp(join(tmpdir(), 'servable-demo-')));
  const cleanup: (() => Promise<void>)[] = [];
  if (ownDirectory) cleanup.push(() => rm(directory, { recursive: true, force: true }));
  let server: InferenceServer | undefined;
  let traffic: BackgroundTraffic | undefined;
  try {
    await saveDemoPipeline(directory, scaler, model);
    const channel: ModelChannel = options.kafka
      ? await KafkaModelChannel.open({
          ...(options.brokers === undefined ? {} : { brokers: options.brokers }),
          ...(options.topic === undefined ? {} : { topic: options.topic }),
        })
      : new FileModelChannel(directory);
    cleanup.unshift(() => channel.close());

    const registry = new ServableRegistry().register(servableLib);
    const servable = await registry.load(directory);
    if (!(servable instanceof PipelineModelServable)) {
      throw new DemoError('SERVER_ERROR', `${directory} did not load as a PipelineModel.`);
    }
    server = await createInferenceServer({
      registry,
      models: [
        {
          name: DEMO_MODEL_NAME,
          servable,
          path: directory,
          watch: channel.watchFiles,
          updaters: channel.updatersFor(servable),
          versionStage: String(LOGISTIC_REGRESSION_STAGE),
        },
      ],
    });
    const host = options.host ?? '127.0.0.1';
    const wanted = options.port ?? 8080;
    const port = wanted === 0 || (await isPortFree(wanted, host)) ? wanted : 0;
    const url = await server.listen({ port, host });
    const client = new InferenceClient(url, DEMO_MODEL_NAME);

    write('Servable demo: online training publishing model versions to a live inference server');
    write(
      `  data      ${data.train.features.length} training + ${data.test.features.length} held-out examples; features [${data.train.featureNames.join(', ')}], label "fails"`,
    );
    write(
      `  pipeline  StandardScaler → LogisticRegression, saved in Flink ML's format at ${directory}`,
    );
    write(`  updates   ${channel.description}`);
    if (port !== wanted) write(`  note      port ${wanted} is taken; using ${new URL(url).port}`);
    write(`  server    ${url}   status page: ${url}/   metrics: ${url}/metrics`);
    write('');
    write(versionHeading(data.test.features.length));

    // 3. Version 1 serves; publish the next ones.
    const reports: VersionReport[] = [];
    const measure = async (
      trained: LogisticRegressionModelData,
      publishedAt: number,
    ): Promise<VersionReport> => {
      const report = await waitForVersion(
        client,
        trained,
        data.test.features,
        testScaled,
        data.test.labels,
        sampleIndices,
        publishedAt,
        serveTimeoutMs,
        channel.description,
      );
      reports.push(report);
      write(formatVersionLine(report));
      return report;
    };
    await measure(model, performance.now());
    traffic = new BackgroundTraffic(client, data.test.features);
    traffic.start();
    if (options.forever) write('  (publishing until Ctrl-C)');
    for (let v = 2; v <= versions; v++) {
      if (!(await pause(intervalMs, options.signal))) break;
      model = trainer.train(steps);
      const publishedAt = performance.now();
      await channel.publish(model);
      await measure(model, publishedAt);
    }
    const trafficReport = await traffic.stop();
    traffic = undefined;
    write('');
    for (const line of formatSummary(reports, trafficReport)) write(line);
    return {
      url,
      directory,
      channel: options.kafka ? 'kafka' : 'files',
      versions: reports,
      traffic: trafficReport,
    };
  } finally {
    await traffic?.stop();
    await server?.close();
    for (const step of cleanup) await step();
  }
}

/**
 * Sends the held-out set until the server answers with `trained`'s version, then reports the
 * accuracy it measured.
 */
async function waitForVersion(
  client: InferenceClient,
  trained: LogisticRegressionModelData,
  rows: readonly Float64Array[],
  scaled: readonly Float64Array[],
  labels: Uint8Array,
  sampleIndices: readonly number[],
  publishedAt: number,
  timeoutMs: number,
  channel: string,
): Promise<VersionReport> {
  const version = String(trained.modelVersion);
  for (;;) {
    const answer = await client.inferBatch(rows);
    if (answer.version === version) {
      const servedAfterMs = performance.now() - publishedAt;
      let correct = 0;
      for (let r = 0; r < rows.length; r++) if (answer.predictions[r] === labels[r]) correct++;
      const samples: SamplePrediction[] = sampleIndices
        .filter((i) => i < rows.length)
        .map((i) => ({
          index: i,
          probability: answer.probabilities[i] as number,
          predicted: answer.predictions[i] as number,
          label: labels[i] as number,
        }));
      return {
        version: Number(trained.modelVersion),
        servedVersion: answer.version,
        accuracy: rows.length === 0 ? 0 : correct / rows.length,
        correct,
        total: rows.length,
        expectedAccuracy: accuracyOf(trained, scaled, labels),
        servedAfterMs,
        samples,
      };
    }
    if (performance.now() - publishedAt > timeoutMs) {
      throw new DemoError(
        'VERSION_NOT_SERVED',
        `Published model version ${version} (${channel}) but the server still answers with version ${answer.version} after ${timeoutMs} ms.`,
      );
    }
    await sleep(10);
  }
}

/** Waits `ms`; resolves `false` when `signal` aborts first. */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return false;
  try {
    await sleep(ms, undefined, signal === undefined ? undefined : { signal });
    return true;
  } catch {
    return false;
  }
}

function requirePositiveInteger(option: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new DemoError('INVALID_OPTION', `${option} must be an integer >= 1, found ${value}.`);
  }
}
