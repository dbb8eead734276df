import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliUsageError, ConfigFileError } from './errors.js';
import { parseInteger, parseList, parseNamedValue } from './option-parsers.js';

/** One model `servable serve` serves. */
export interface ServeModelConfig {
  /** The name in URLs (`/v2/models/{name}`). */
  readonly name: string;
  /** The saved stage or PipelineModel directory (absolute once resolved). */
  readonly path: string;
  /** Follow the model's files on disk (a file updater per model stage). */
  readonly watch?: boolean;
  /** A Kafka topic of model data records to follow (needs `kafkaBrokers`). */
  readonly topic?: string;
  /** For a pipeline: the stage Kafka records are for when they carry no stage header. */
  readonly stage?: string;
}

/** Everything `servable serve` needs, from flags and/or a `--config` file. */
export interface ServeConfig {
  /** The models (at least one). */
  readonly models: readonly ServeModelConfig[];
  /** The interface to listen on (default `127.0.0.1`). */
  readonly host: string;
  /** The port (default 8080; 0 picks a free one). */
  readonly port: number;
  /** Processes serving (node:cluster); 1 (default) serves in this process. */
  readonly workers: number;
  /** Kafka bootstrap brokers for models with a `topic`. */
  readonly kafkaBrokers?: readonly string[];
  /** pino log level (default `info`). */
  readonly logLevel: string;
}

/** The `serve` flags as commander hands them over (all optional, strings). */
export interface ServeFlags {
  readonly model?: readonly string[];
  readonly watch?: boolean;
  readonly kafkaBrokers?: string;
  readonly modelTopic?: readonly string[];
  readonly host?: string;
  readonly port?: string;
  readonly workers?: string;
  readonly config?: string;
  readonly logLevel?: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Builds the serve config: the `--config` file first (paths in it relative to the file), then
 * the flags on top (`--model` adds or replaces a model by name, `--watch` watches every model,
 * `--model-topic name=topic` sets a model's topic, the others replace the file's value).
 *
 * @throws ConfigFileError for an unreadable or malformed file; CliUsageError for bad flags.
 */
export async function resolveServeConfig(flags: ServeFlags, cwd: string): Promise<ServeConfig> {
  const file = flags.config === undefined ? undefined : resolve(cwd, flags.config);
  const base = file === undefined ? {} : await readConfigFile(file);
  const models = new Map<string, ServeModelConfig>();
  for (const m of base.models ?? []) models.set(m.name, m);
  for (const text of flags.model ?? []) {
    const { name, value } = parseNamedValue(text, '--model', 'lr=./models/lr');
    models.set(name, { ...models.get(name), name, path: resolve(cwd, value) });
  }
  if (flags.watch === true) {
    for (const [name, m] of models) models.set(name, { ...m, watch: true });
  }
  for (const text of flags.modelTopic ?? []) {
    const { name, value } = parseNamedValue(text, '--model-topic', 'lr=lr-models');
    const model = models.get(name);
    if (model === undefined) {
      throw new CliUsageError(
        '--model-topic',
        `no model named ${JSON.stringify(name)}; the models are ${[...models.keys()].join(', ') || '(none)'}.`,
      );
    }
    models.set(name, { ...model, topic: value });
  }
  if (models.size === 0) {
    throw new CliUsageError('--model', 'give at least one model: --model name=dir (or --config).');
  }
  const kafkaBrokers =
    flags.kafkaBrokers !== undefined ? parseList(flags.kafkaBrokers) : base.kafkaBrokers;
  const withTopic = [...models.values()].filter((m) => m.topic !== undefined);
  if (withTopic.length > 0 && (kafkaBrokers === undefined || kafkaBrokers.length === 0)) {
    throw new CliUsageError(
      '--kafka-brokers',
      `model ${withTopic[0]?.name} follows topic ${withTopic[0]?.topic}, which needs --kafka-brokers host:port[,host:port].`,
    );
  }
  const logLevel = flags.logLevel ?? base.logLevel ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new CliUsageError(
      '--log-level',
      `expected one of ${LOG_LEVELS.join(', ')}, found ${logLevel}.`,
    );
  }
  return {
    models: [...models.values()],
    host: flags.host ?? base.host ?? '127.0.0.1',
    port:
      flags.port !== undefined ? parseInteger(flags.port, '--port', 0, 65535) : (base.port ?? 8080),
    workers:
      flags.workers !== undefined
        ? parseInteger(flags.workers, '--workers', 1, 256)
        : (base.workers ?? 1),
    ...(kafkaBrokers === undefined ? {} : { kafkaBrokers }),
    logLevel,
  };
}

interface FileConfig {
  models?: ServeModelConfig[];
  host?: string;
  port?: number;
  workers?: number;
  kafkaBrokers?: string[];
  logLevel?: string;
}

/**
 * Reads a serve config file (JSON):
 * `{ "models": [{ "name", "path", "watch"?, "topic"?, "stage"? }], "host"?, "port"?,
 * "workers"?, "kafkaBrokers"?: string[] | "a:9092,b:9092", "watch"?: true, "logLevel"? }`.
 * A top-level `"watch": true` watches every model.
 */
export async function readConfigFile(file: string): Promise<FileConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigFileError(file, `cannot read it (${(error as Error).message}).`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigFileError(file, `invalid JSON: ${(error as Error).message}.`, { cause: error });
  }
  if (!isObject(json))
    throw new ConfigFileError(file, `expected a JSON object, found ${kind(json)}.`);
  const known = ['models', 'host', 'port', 'workers', 'kafkaBrokers', 'watch', 'logLevel'];
  for (const key of Object.keys(json)) {
    if (!known.includes(key)) {
      throw new ConfigFileError(
        file,
        `unknown key ${JSON.stringify(key)}; known keys: ${known.join(', ')}.`,
      );
    }
  }
  const dir = dirname(file);
  const out: FileConfig = {};
  const watchAll = optional(file, json, 'watch', 'boolean') as boolean | undefined;
  if (json.models !== undefined) {
    if (!Array.isArray(json.models)) {
      throw new ConfigFileError(file, `"models" must be an array, found ${kind(json.models)}.`);
    }
    out.models = json.models.map((m, i) => readModel(file, dir, m, i, watchAll === true));
  }
  const host = optional(file, json, 'host', 'string');
  if (host !== undefined) out.host = host as string;
  const port = optional(file, json, 'port', 'number');
  if (port !== undefined) out.port = integer(file, 'port', port as number, 0, 65535);
  const workers = optional(file, json, 'workers', 'number');
  if (workers !== undefined) out.workers = integer(file, 'workers', workers as number, 1, 256);
  const logLevel = optional(file, json, 'logLevel', 'string');
  if (logLevel !== undefined) out.logLevel = logLevel as string;
  const brokers = json.kafkaBrokers;
  if (typeof brokers === 'string') out.kafkaBrokers = parseList(brokers);
  else if (Array.isArray(brokers) && brokers.every((b) => typeof b === 'string')) {
    out.kafkaBrokers = brokers as string[];
  } else if (brokers !== undefined) {
    throw new ConfigFileError(
      file,
      `"kafkaBrokers" must be a list of host:port strings, found ${kind(brokers)}.`,
    );
  }
  return out;
}

function readModel(
  file: string,
  dir: string,
  value: unknown,
  index: number,
  watchAll: boolean,
): ServeModelConfig {
  const at = `models[${index}]`;
  if (!isObject(value))
    throw new ConfigFileError(file, `${at} must be an object, found ${kind(value)}.`);
  const name = value.name;
  const path = value.path;
  if (typeof name !== 'string' || name === '') {
    throw new ConfigFileError(file, `${at}.name must be a non-empty string, found ${kind(name)}.`);
  }
  if (typeof path !== 'string' || path === '') {
    throw new ConfigFileError(file, `${at}.path must be a non-empty string, found ${kind(path)}.`);
  }
  const watch = optional(file, value, 'watch', 'boolean', at) as boolean | undefined;
  const topic = optional(file, value, 'topic', 'string', at) as string | undefined;
  const stage = value.stage;
  if (stage !== undefined && typeof stage !== 'string' && typeof stage !== 'number') {
    throw new ConfigFileError(
      file,
      `${at}.stage must be an index or a stage name, found ${kind(stage)}.`,
    );
  }
  return {
    name,
    path: resolve(dir, path),
    ...(watch === true || watchAll ? { watch: true } : {}),
    ...(topic === undefined ? {} : { topic }),
    ...(stage === undefined ? {} : { stage: String(stage) }),
  };
}

function optional(
  file: string,
  obj: Record<string, unknown>,
  key: string,
  type: 'string' | 'number' | 'boolean',
  at = '',
): unknown {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== type) {
    const where = at === '' ? key : `${at}.${key}`;
    throw new ConfigFileError(file, `"${where}" must be a ${type}, found ${kind(value)}.`);
  }
  return value;
}

function integer(file: string, key: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigFileError(
      file,
      `"${key}" must be a whole number from ${min} to ${max}, found ${value}.`,
    );
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string ${JSON.stringify(value)}` : typeof value;
}
