import { readFileSync } from 'node:fs';
import { DataFrame, DataFrameError, Schema } from '@servable/dataframe';
import { FileModelUpdater } from '@servable/model-updaters';
import {
  type AnyServable,
  deriveInputSchema,
  ModelNotLoadedError,
  ModelServable,
  PipelineModelServable,
  ServableError,
} from '@servable/servable-api';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  LogController,
} from 'fastify';
import { checkInferenceRequest } from './check-inference-request.js';
import {
  InferenceServerConfigError,
  InferenceServerError,
  InvalidInferenceRequestError,
  ModelNotFoundError,
  ModelNotReadyError,
} from './errors.js';
import {
  type InferenceRequest,
  PREDICT_BODY_SCHEMA,
  type PredictRequest,
} from './inference-request.js';
import type { ModelUpdater } from './model-updater.js';
import { type ModelSnapshot, type ModelStatus, ServedModel } from './served-model.js';
import { type InferenceEndpoint, ServerMetrics, UNKNOWN_MODEL_LABEL } from './server-metrics.js';
import type {
  InferenceServerOptions,
  ListenOptions,
  ModelConfig,
  WatchOptions,
} from './server-options.js';
import { decodeInputs } from './tensor-decoder.js';
import { encodeOutputs, type OutputColumn } from './tensor-encoder.js';

/** The server's state as `GET /v2/status` (and the status page) shows it. */
export interface ServerStatus {
  /** The server's name and version (`GET /v2`). */
  readonly server: { readonly name: string; readonly version: string };
  /** When the server was created (ISO 8601). */
  readonly startedAt: string;
  /** Seconds since then. */
  readonly uptimeSeconds: number;
  /** Whether every model can answer and the server is not closing. */
  readonly ready: boolean;
  /** Each model's state. */
  readonly models: readonly ModelStatus[];
}

/** A running (or ready to run) inference server; see {@link createInferenceServer}. */
export interface InferenceServer {
  /** The fastify instance (for `inject` in tests, or to add routes before `listen`). */
  readonly app: FastifyInstance;
  /** The Prometheus metrics `GET /metrics` exposes (this server's own registry). */
  readonly metrics: ServerMetrics;
  /** The served models, by name. */
  readonly models: ReadonlyMap<string, ServedModel>;
  /**
   * Starts the model updaters the server owns (idempotent). `listen` calls it; call it yourself
   * when you only `inject` requests.
   */
  start(): Promise<void>;
  /** Starts the updaters and listens; resolves to the address, e.g. `http://127.0.0.1:8080`. */
  listen(options?: ListenOptions): Promise<string>;
  /**
   * Graceful shutdown: stops accepting connections (and answers 503 to new requests on open
   * ones), lets in-flight requests finish, then stops the updaters the server owns. Idempotent.
   */
  close(): Promise<void>;
  /** The server's state (what the status page shows). */
  status(): ServerStatus;
}

const SERVER_NAME = 'servable';
const SERVER_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
const MODEL_NAME = /^[A-Za-z0-9_.-]+$/;
const DEFAULT_BODY_LIMIT = 1024 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';

interface EndpointConfig {
  readonly endpoint?: InferenceEndpoint;
  /** The model of a route made for one model (its path has no name parameter). */
  readonly model?: string | undefined;
}

/**
 * Creates an Open Inference Protocol v2 server (fastify) for Servable models: loads the models
 * given by path, derives their signatures, sets up the routes, metrics and the status page. It
 * does not listen yet: call {@link InferenceServer.listen}.
 *
 * @example
 * ```ts
 * const registry = new ServableRegistry().register(servableLib);
 * const server = await createInferenceServer({
 *   registry,
 *   models: [{ name: 'fraud', path: '/srv/models/fraud', watch: true }],
 *   logger: true,
 * });
 * console.log(await server.listen({ port: 8080 }));
 * process.on('SIGTERM', () => void server.close());
 * ```
 * @throws InferenceServerConfigError for no models, a duplicate or invalid name, a `path`
 *   without a registry, or inputs that do not fit a servable; the registry's errors for a model
 *   that cannot be loaded.
 */
export async function createInferenceServer(
  options: InferenceServerOptions,
): Promise<InferenceServer> {
  if (options.models.length === 0) {
    throw new InferenceServerConfigError('The server needs at least one model; `models` is empty.');
  }
  const metrics = new ServerMetrics(options.processMetrics ?? false);
  const models = new Map<string, ServedModel>();
  const updaters: ModelUpdater[] = [];
  const app = buildFastify(options);
  for (const config of options.models) {
    const model = await loadModel(config, options, metrics, app);
    models.set(model.name, model);
    updaters.push(...model.updaters);
  }
  const limits = { maxBatchSize: options.maxBatchSize ?? 10_000 };
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const startedAt = Date.now();
  let closing = false;
  let started: Promise<void> | undefined;
  let closed: Promise<void> | undefined;

  const lookup = (name: string): ServedModel => {
    const model = models.get(name);
    if (model === undefined) throw new ModelNotFoundError(name, [...models.keys()]);
    return model;
  };
  const readySnapshot = (model: ServedModel): ModelSnapshot => {
    const snap = model.current();
    if (!snap.ready)
      throw new ModelNotReadyError(model.name, snap.notReadyReason ?? 'no model data');
    return snap;
  };
  const status = (): ServerStatus => {
    const list = [...models.values()].map((m) => m.status());
    return {
      server: { name: SERVER_NAME, version: SERVER_VERSION },
      startedAt: new Date(startedAt).toISOString(),
      uptimeSeconds: (Date.now() - startedAt) / 1000,
      ready: !closing && list.every((m) => m.ready),
      models: list,
    };
  };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { statusCode, code, message } = describeError(
      error,
      bodyLimit,
      request.headers['content-type'],
    );
    if (statusCode >= 500) request.log.error({ err: error }, 'request failed');
    const config = request.routeOptions.config as EndpointConfig;
    const endpoint = config.endpoint;
    if (endpoint !== undefined) {
      const name = config.model ?? (request.params as { name?: string } | undefined)?.name;
      const model = name === undefined ? undefined : models.get(modelNameOf(name, endpoint));
      metrics.failure(model?.name ?? UNKNOWN_MODEL_LABEL, endpoint, statusCode, code);
      model?.recent.record(reply.elapsedTime, true);
    }
    void reply
      .code(statusCode)
      .type(JSON_TYPE)
      .send(JSON.stringify({ error: message }));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .type(JSON_TYPE)
      .send(
        JSON.stringify({
          error: `No route ${request.method} ${request.url.split('?')[0]}; see GET /v2 and /v2/models/{name}.`,
        }),
      );
  });

  app.get('/v2/health/live', async () => ({ live: true }));
  app.get('/v2/health/ready', async (_request, reply) => {
    const ready = !closing && [...models.values()].every((m) => m.current().ready);
    return reply.code(ready ? 200 : 503).send({ ready });
  });
  app.get('/v2', async () => ({ name: SERVER_NAME, version: SERVER_VERSION, extensions: [] }));
  app.get<{ Params: { name: string } }>('/v2/models/:name', async (request) =>
    modelMetadata(lookup(request.params.name)),
  );
  app.get<{ Params: { name: string; version: string } }>(
    '/v2/models/:name/versions/:version',
    async (request) =>
      modelMetadata(lookupVersion(lookup(request.params.name), request.params.version)),
  );
  app.get<{ Params: { name: string } }>('/v2/models/:name/ready', async (request, reply) => {
    const model = lookup(request.params.name);
    const ready = model.current().ready;
    return reply.code(ready ? 200 : 503).send({ name: model.name, ready });
  });

  const infer = (model: ServedModel, body: InferenceRequest, reply: FastifyReply): void => {
    const snap = readySnapshot(model);
    const input = decodeInputs(snap.signature, body.inputs, limits);
    const result = model.servable.transform(input);
    const outputs = selectOutputs(snap, body.outputs, result);
    let json = snap.responseHead;
    if (body.id !== undefined) json += `,"id":${JSON.stringify(body.id)}`;
    json += `,"outputs":${encodeOutputs(result, outputs)}}`;
    const ms = reply.elapsedTime;
    snap.inferMetrics.observe(ms / 1000);
    model.recent.record(ms, false);
    reply.type(JSON_TYPE).send(json);
  };
  // No fastify schema: `checkInferenceRequest` checks the body's structure in the handler.
  const inferOptions = (model?: string) => ({
    config: { endpoint: 'infer', model } satisfies EndpointConfig,
  });
  // The infer handlers are synchronous (they answer before returning): no promise per request.
  // Each model gets a static route (the router matches it without extracting parameters); the
  // parametric routes answer for names no model has (404 naming the models there are).
  for (const model of models.values()) {
    app.post(`/v2/models/${model.name}/infer`, inferOptions(model.name), (request, reply) =>
      infer(model, checkInferenceRequest(request.body), reply),
    );
  }
  app.post<{ Params: { name: string } }>(
    '/v2/models/:name/infer',
    inferOptions(),
    (request, reply) =>
      infer(lookup(request.params.name), checkInferenceRequest(request.body), reply),
  );
  app.post<{ Params: { name: string; version: string } }>(
    '/v2/models/:name/versions/:version/infer',
    inferOptions(),
    (request, reply) =>
      infer(
        lookupVersion(lookup(request.params.name), request.params.version),
        checkInferenceRequest(request.body),
        reply,
      ),
  );

  app.post<{ Params: { name: string }; Body: PredictRequest }>(
    '/v1/models/:name',
    { schema: { body: PREDICT_BODY_SCHEMA }, config: { endpoint: 'predict' } },
    (request, reply) => {
      const name = modelNameOf(request.params.name, 'predict');
      if (!request.params.name.endsWith(':predict')) {
        throw new InvalidInferenceRequestError(
          `Unknown verb in ${JSON.stringify(request.params.name)}: use POST /v1/models/{name}:predict.`,
        );
      }
      const model = lookup(name);
      const snap = readySnapshot(model);
      const schema = snap.signature.inputSchema;
      const instances = request.body.instances;
      if (instances.length > limits.maxBatchSize) {
        throw new InvalidInferenceRequestError(
          `The request has ${instances.length} instances; this server accepts at most ${limits.maxBatchSize} rows per request.`,
        );
      }
      const records = instances.map((instance, row) => toRecord(instance, row, schema));
      const input = DataFrame.fromRecords(records, schema);
      const result = model.servable.transform(input);
      const outputs = snap.signature.outputs.map((c) => c.name);
      const predictions = result.select(outputs).toRecords();
      const json = `${snap.responseHead},"predictions":${JSON.stringify(predictions)}}`;
      const ms = reply.elapsedTime;
      snap.predictMetrics.observe(ms / 1000);
      model.recent.record(ms, false);
      reply.type(JSON_TYPE).send(json);
    },
  );

  app.get('/metrics', async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(text);
  });
  app.get('/v2/status', async () => status());
  if (options.statusPage ?? true) {
    const page = readFileSync(new URL('../static/status.html', import.meta.url), 'utf8');
    app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
  }

  const start = (): Promise<void> => {
    started ??= (async () => {
      await Promise.all(updaters.map((u) => u.start()));
      app.log.info({ models: [...models.keys()] }, 'inference server started');
    })();
    return started;
  };

  return {
    app,
    metrics,
    models,
    start,
    async listen(listenOptions: ListenOptions = {}): Promise<string> {
      await start();
      return app.listen({
        port: listenOptions.port ?? 8080,
        host: listenOptions.host ?? '127.0.0.1',
      });
    },
    close(): Promise<void> {
      closed ??= (async () => {
        closing = true;
        await app.close();
        await started?.catch(() => undefined);
        await Promise.all(updaters.map((u) => u.stop()));
      })();
      return closed;
    },
    status,
  };
}

function buildFastify(options: InferenceServerOptions): FastifyInstance {
  const logger = options.logger ?? false;
  const isInstance =
    typeof logger === 'object' &&
    logger !== null &&
    typeof (logger as { child?: unknown }).child === 'function';
  return Fastify({
    ...(isInstance
      ? { loggerInstance: logger as FastifyInstance['log'] }
      : { logger: logger as boolean | Record<string, unknown> }),
    logController: new LogController({ disableRequestLogging: !(options.requestLogging ?? false) }),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    return503OnClosing: true,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  }) as unknown as FastifyInstance;
}

async function loadModel(
  config: ModelConfig,
  options: InferenceServerOptions,
  metrics: ServerMetrics,
  app: FastifyInstance,
): Promise<ServedModel> {
  const name = config.name;
  if (typeof name !== 'string' || !MODEL_NAME.test(name)) {
    throw new InferenceServerConfigError(
      `Model name ${JSON.stringify(name)} is not allowed: use letters, digits, '_', '-' and '.'.`,
    );
  }
  const duplicates = options.models.filter((m) => m.name === name).length;
  if (duplicates > 1) {
    throw new InferenceServerConfigError(
      `Model name ${JSON.stringify(name)} is used ${duplicates} times.`,
    );
  }
  let servable: AnyServable;
  if (config.servable !== undefined) {
    servable = config.servable;
  } else if (config.path !== undefined) {
    if (options.registry === undefined) {
      throw new InferenceServerConfigError(
        `Model ${JSON.stringify(name)} is given by path (${config.path}), which needs a \`registry\` with the plugins that serve it.`,
      );
    }
    servable = await options.registry.load(config.path);
  } else {
    throw new InferenceServerConfigError(
      `Model ${JSON.stringify(name)} needs a \`servable\` or a \`path\`.`,
    );
  }
  const inputSchema =
    config.signature?.inputs !== undefined
      ? new Schema(config.signature.inputs)
      : deriveInputSchema(servable);
  if (inputSchema.size() === 0) {
    throw new InferenceServerConfigError(
      `Model ${JSON.stringify(name)}: no input column could be derived from its params; configure the signature's inputs.`,
    );
  }
  const updaters = [...(config.updaters ?? [])];
  if (config.watch !== undefined && config.watch !== false) {
    if (config.path === undefined) {
      throw new InferenceServerConfigError(
        `Model ${JSON.stringify(name)}: \`watch\` follows the model's files and needs its \`path\`.`,
      );
    }
    updaters.push(
      ...fileUpdaters(servable, config.path, config.watch === true ? {} : config.watch, app),
    );
  }
  return new ServedModel(
    name,
    servable,
    inputSchema,
    config.signature ?? {},
    updaters,
    metrics,
    config.versionStage,
  );
}

function fileUpdaters(
  servable: AnyServable,
  path: string,
  watch: WatchOptions,
  app: FastifyInstance,
): ModelUpdater[] {
  const common = {
    path,
    loadOnStart: false,
    logger: app.log,
    ...(watch.polling === undefined ? {} : { polling: watch.polling }),
    ...(watch.settleMs === undefined ? {} : { settleMs: watch.settleMs }),
  };
  if (servable instanceof ModelServable) return [new FileModelUpdater(servable, common)];
  if (servable instanceof PipelineModelServable) {
    return servable
      .getStages()
      .flatMap((stage, i) =>
        stage instanceof ModelServable
          ? [new FileModelUpdater(servable, { ...common, stage: i })]
          : [],
      );
  }
  return [];
}

function lookupVersion(model: ServedModel, version: string): ServedModel {
  const current = model.version();
  if (version !== current) {
    throw new InferenceServerError(
      'VERSION_NOT_FOUND',
      404,
      `Model ${JSON.stringify(model.name)} has no version ${JSON.stringify(version)}; it serves version ${JSON.stringify(current)}.`,
    );
  }
  return model;
}

function modelMetadata(model: ServedModel) {
  const snap = model.current();
  return {
    name: model.name,
    versions: [snap.version],
    platform: 'servable',
    inputs: snap.signature.inputMetadata(),
    outputs: snap.signature.outputMetadata(),
  };
}

function modelNameOf(param: string, endpoint: InferenceEndpoint): string {
  return endpoint === 'predict' && param.endsWith(':predict')
    ? param.slice(0, -':predict'.length)
    : param;
}

function selectOutputs(
  snap: ModelSnapshot,
  requested: InferenceRequest['outputs'],
  result: DataFrame,
): readonly OutputColumn[] {
  if (requested === undefined) return snap.signature.outputs;
  return requested.map(({ name }) => {
    const known = snap.signature.outputs.find((c) => c.name === name);
    if (known !== undefined) return known;
    if (result.hasColumn(name)) return { name, type: result.getDataType(name) };
    throw new InvalidInferenceRequestError(
      `Unknown output ${JSON.stringify(name)}; the model has outputs [${snap.signature.outputs.map((c) => c.name).join(', ')}].`,
    );
  });
}

function toRecord(
  instance: unknown,
  row: number,
  schema: Schema,
): Readonly<Record<string, unknown>> {
  if (typeof instance === 'object' && instance !== null && !Array.isArray(instance)) {
    return instance as Record<string, unknown>;
  }
  if (schema.size() === 1) return { [schema.fields[0]!.name]: instance };
  throw new InvalidInferenceRequestError(
    `instances[${row}] must be an object keyed by input column (${schema.getColumnNames().join(', ')}), found ${Array.isArray(instance) ? 'an array' : JSON.stringify(instance)}.`,
  );
}

/** Maps an error to the HTTP status, stable code and message the client gets. */
function describeError(
  error: unknown,
  bodyLimit: number,
  contentType: string | undefined,
): { statusCode: number; code: string; message: string } {
  if (error instanceof InferenceServerError) {
    return { statusCode: error.statusCode, code: error.code, message: error.message };
  }
  if (error instanceof ModelNotLoadedError) {
    return { statusCode: 503, code: error.code, message: error.message };
  }
  if (error instanceof ServableError || error instanceof DataFrameError) {
    return { statusCode: 400, code: error.code, message: error.message };
  }
  const e = error as Partial<FastifyError> & { validation?: unknown; validationContext?: string };
  if (e.validation !== undefined) {
    return {
      statusCode: 400,
      code: 'INVALID_REQUEST',
      message: `Invalid request ${e.message ?? ''}`.trim(),
    };
  }
  const statusCode = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      statusCode,
      code: e.code,
      message: `Request body is too large: this server accepts at most ${bodyLimit} bytes (option bodyLimit).`,
    };
  }
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return {
      statusCode,
      code: e.code,
      message: `Unsupported Media Type: ${contentType ?? '(none)'}; send application/json.`,
    };
  }
  if (statusCode >= 400 && statusCode < 500) {
    return { statusCode, code: e.code ?? 'BAD_REQUEST', message: e.message ?? 'Bad request.' };
  }
  return {
    statusCode: 500,
    code: 'INTERNAL',
    message: `Internal server error: ${error instanceof Error ? error.message : String(error)}`,
  };
}
