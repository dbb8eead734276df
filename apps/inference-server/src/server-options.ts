import type { AnyServable, ServableRegistry } from '@servable/servable-api';
import type { FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import type { ModelSignatureSpec } from './model-signature.js';
import type { ModelUpdater } from './model-updater.js';

/** Options of the file watching the server sets up for a model loaded from a path. */
export interface WatchOptions {
  /** Poll instead of native file events: `true` or the interval in ms. */
  readonly polling?: boolean | number;
  /** Quiet time after the last file event before reading (ms). */
  readonly settleMs?: number;
}

/** One model the server serves. Give either `servable` or `path`. */
export interface ModelConfig {
  /** The name in URLs (`/v2/models/{name}`): letters, digits, `_`, `-`, `.`. */
  readonly name: string;
  /** The servable, built or loaded by the caller. */
  readonly servable?: AnyServable;
  /** A saved stage or PipelineModel directory, loaded with {@link InferenceServerOptions.registry}. */
  readonly path?: string;
  /** Input columns and outputs, when the derived ones do not fit (see `ModelSignatureSpec`). */
  readonly signature?: ModelSignatureSpec;
  /**
   * Model updaters feeding this model (e.g. `FileModelUpdater`, `KafkaModelUpdater`). The server
   * owns them: it starts them in `start()`/`listen()` and stops them in `close()`.
   */
  readonly updaters?: readonly ModelUpdater[];
  /**
   * Follow the model's files on disk (needs `path`): a `FileModelUpdater` per model stage (for
   * a PipelineModel, per top-level model stage, following `stages/<i>/data`), owned by the
   * server.
   */
  readonly watch?: boolean | WatchOptions;
  /**
   * For a pipeline, the stage whose model version is the model's version (its path of indices,
   * e.g. `'1'` or `'2/0'`). Default: every versioned stage's version, joined with `.`.
   */
  readonly versionStage?: string;
}

/** Options of {@link createInferenceServer}. */
export interface InferenceServerOptions {
  /** The models to serve (at least one; names unique). */
  readonly models: readonly ModelConfig[];
  /** Loads models given by `path` (register your plugins, e.g. `servableLib`, on it). */
  readonly registry?: ServableRegistry;
  /** The largest request body accepted, in bytes (larger: 413). Default 1 MiB. */
  readonly bodyLimit?: number;
  /** The most rows one request may carry (more: 400). Default 10,000. */
  readonly maxBatchSize?: number;
  /**
   * Logging (pino): `false` (default) for none, `true` for info level to stdout, pino options,
   * or a pino logger to write to.
   */
  readonly logger?: boolean | Logger | FastifyServerOptions['logger'];
  /** Log every request (pino, at info). Default `false`: only errors, updates, start and stop. */
  readonly requestLogging?: boolean;
  /** Serve the status page at `/`. Default `true`. */
  readonly statusPage?: boolean;
  /** Also collect prom-client's process metrics (CPU, memory, GC, event loop). Default `false`. */
  readonly processMetrics?: boolean;
}

/** Where {@link InferenceServer.listen} listens. */
export interface ListenOptions {
  /** The port; default 8080, `0` for any free port. */
  readonly port?: number;
  /** The interface; default `127.0.0.1` (use `0.0.0.0` to accept outside connections). */
  readonly host?: string;
}
