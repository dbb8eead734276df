import cluster, { type Worker } from 'node:cluster';
import type { AddressInfo } from 'node:net';
import {
  createInferenceServer,
  type InferenceServer,
  type ModelConfig,
  type ModelUpdater,
} from '@servable/inference-server';
import { KafkaModelUpdater } from '@servable/model-updaters';
import type { ServableRegistry } from '@servable/servable-api';
import type { Logger } from 'pino';
import type { CliIo } from '../cli-io.js';
import { createLogger } from '../logger.js';
import { createRegistry } from '../registry.js';
import type { ServeConfig } from '../serve-config.js';
import { asUpdatable } from '../updatable.js';

/** A server started by {@link startServer}. */
export interface RunningServer {
  /** The address it listens on (`http://127.0.0.1:8080`). */
  readonly url: string;
  /** The inference server. */
  readonly server: InferenceServer;
  /** Stops listening (in-flight requests finish) and stops the model updaters. */
  close(): Promise<void>;
}

/**
 * Starts one inference server for the configured models in this process: loads each model,
 * attaches a file updater per model stage when `watch` is on and a Kafka updater when the model
 * has a `topic`, and listens.
 */
export async function startServer(
  config: ServeConfig,
  logger: Logger,
  registry: ServableRegistry = createRegistry(),
): Promise<RunningServer> {
  const models: ModelConfig[] = [];
  for (const m of config.models) {
    const servable = await registry.load(m.path);
    const updaters: ModelUpdater[] = [];
    if (m.topic !== undefined) {
      const updater = new KafkaModelUpdater(asUpdatable(servable), {
        brokers: config.kafkaBrokers ?? [],
        topic: m.topic,
        logger: logger.child({ model: m.name, topic: m.topic }),
        ...(m.stage === undefined
          ? {}
          : { stage: /^\d+$/.test(m.stage) ? Number(m.stage) : m.stage }),
      });
      updaters.push(updater);
    }
    models.push({
      name: m.name,
      servable,
      path: m.path,
      ...(m.watch === true ? { watch: true } : {}),
      ...(updaters.length === 0 ? {} : { updaters }),
    });
  }
  const server = await createInferenceServer({ models, registry, logger });
  for (const [name, model] of server.models) {
    for (const u of model.updaters) {
      u.on('updated', (e) =>
        logger.info({ model: name, version: String(e.version) }, 'model updated'),
      );
    }
  }
  const url = await server.listen({ host: config.host, port: config.port });
  logger.info({ url, models: config.models.map((m) => m.name) }, 'servable serve listening');
  return { url, server, close: () => server.close() };
}

/**
 * `servable serve`: serves the models until stopped (SIGTERM / SIGINT, or `io.waitForStop`).
 * With `workers > 1` this process becomes a node:cluster primary that forks that many workers
 * (running the same command line), each serving on the same port and following model updates
 * itself; a stop signal drains and stops them all. Returns the exit code.
 */
export async function serve(config: ServeConfig, io: CliIo): Promise<number> {
  const logger = createLogger(io.stdout, config.logLevel);
  if (config.workers > 1 && cluster.isPrimary) return runPrimary(config, io, logger);
  const running = await startServer(config, logger);
  await (io.waitForStop?.() ?? new Promise<void>(() => {}));
  logger.info({}, 'servable serve stopping');
  await running.close();
  logger.info({}, 'servable serve stopped');
  return 0;
}

async function runPrimary(config: ServeConfig, io: CliIo, logger: Logger): Promise<number> {
  const workers = new Set<Worker>();
  let stopping = false;
  let failed = false;
  let listening = 0;
  let address: AddressInfo | undefined;
  let announce: () => void = () => {};
  const allListening = new Promise<void>((resolve) => {
    announce = resolve;
  });
  let allExited: () => void = () => {};
  const exited = new Promise<void>((resolve) => {
    allExited = resolve;
  });

  const fork = (): void => {
    const worker = cluster.fork();
    workers.add(worker);
    let up = false;
    worker.on('listening', (a: AddressInfo) => {
      up = true;
      address = a;
      if (++listening === config.workers) announce();
    });
    worker.on('exit', (code, signal) => {
      workers.delete(worker);
      if (!stopping) {
        if (!up) {
          // A worker that never listened (a model that does not load, a port in use) would
          // fail again: stop everything instead of restarting in a loop.
          logger.error(
            { worker: worker.process.pid, code, signal },
            'worker failed to start; stopping',
          );
          failed = true;
          stop();
        } else {
          logger.warn(
            { worker: worker.process.pid, code, signal },
            'worker died; starting another',
          );
          fork();
        }
      }
      if (stopping && workers.size === 0) allExited();
    });
  };
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    announce();
    if (workers.size === 0) allExited();
    for (const w of workers) w.process.kill('SIGTERM');
  };

  logger.info({ workers: config.workers }, 'servable serve starting workers');
  for (let i = 0; i < config.workers; i++) fork();
  void (io.waitForStop?.() ?? new Promise<void>(() => {})).then(stop);
  await allListening;
  if (!stopping && address !== undefined) {
    const host = address.address.includes(':') ? `[${address.address}]` : address.address;
    logger.info(
      { url: `http://${host}:${address.port}`, workers: config.workers },
      'servable serve listening',
    );
  }
  await exited;
  logger.info({}, 'servable serve stopped');
  return failed ? 1 : 0;
}
