import { resolve } from 'node:path';
import {
  type AnyServable,
  type JsonValue,
  ModelServable,
  PipelineModelServable,
  readStageMetadata,
  type ServableRegistry,
  type StageCheck,
  simpleClassName,
  writeJson,
} from '@servable/servable-api';
import { type CliIo, writeText } from '../cli-io.js';
import { errorMessage } from '../errors.js';
import { createRegistry } from '../registry.js';

/** Options of {@link inspect}. */
export interface InspectOptions {
  /** Print one JSON document instead of text for people. */
  readonly json?: boolean;
  /** The registry to check and load with; default Flink ML's algorithms (`servableLib`). */
  readonly registry?: ServableRegistry;
}

/** What `servable inspect` reports about one saved stage (and, for a pipeline, its stages). */
export interface StageDescription {
  /** The stage directory. */
  readonly path: string;
  /** The Java class name in its metadata (`null` when the metadata cannot be read). */
  readonly className: string | null;
  /** The simple class name (`LogisticRegressionModel`). */
  readonly name: string | null;
  /** The plugin serving the class (`builtin` for PipelineModel), `null` when none does. */
  readonly plugin: string | null;
  /** Whether it can be served (for a pipeline: every stage can). */
  readonly servable: boolean;
  /** Why it cannot be served (the registry's `check`). */
  readonly problems: readonly string[];
  /** The params saved in its metadata (`paramMap`), as JSON. */
  readonly params: Readonly<Record<string, JsonValue>>;
  /**
   * The version carried by its model data, as text (Java longs may exceed 2^53); `null` for
   * stages without model data, data without a version, or when the model could not be loaded.
   */
  readonly modelVersion: string | null;
  /** For a PipelineModel: its stages, in order. */
  readonly stages?: readonly StageDescription[];
}

/**
 * Describes the saved stage or PipelineModel at `dir`: the registry's check (never throws for a
 * problem in the files) plus each stage's params and, when the model loads, its model versions.
 */
export async function describeModel(
  dir: string,
  registry: ServableRegistry = createRegistry(),
): Promise<StageDescription> {
  const check = await registry.check(dir);
  let servable: AnyServable | undefined;
  let loadProblem: string | undefined;
  if (check.servable) {
    try {
      servable = await registry.load(dir);
    } catch (error) {
      // check() reads no model data; data that does not decode only shows when loading.
      loadProblem = `cannot load: ${errorMessage(error)}`;
    }
  }
  const description = await describeCheck(check, servable);
  return loadProblem === undefined
    ? description
    : { ...description, servable: false, problems: [...description.problems, loadProblem] };
}

async function describeCheck(
  check: StageCheck,
  servable: AnyServable | undefined,
): Promise<StageDescription> {
  let params: Record<string, JsonValue> = {};
  try {
    params = (await readStageMetadata(check.path)).paramMap;
  } catch {
    // The check already reports unreadable metadata.
  }
  const children = check.stages ?? [];
  const pipelineStages =
    servable instanceof PipelineModelServable ? servable.getStages() : undefined;
  const stages =
    check.stages === undefined
      ? undefined
      : await Promise.all(children.map((c, i) => describeCheck(c, pipelineStages?.[i])));
  const version = servable instanceof ModelServable ? servable.getModelVersion() : undefined;
  return {
    path: check.path,
    className: check.className ?? null,
    name: check.className === undefined ? null : simpleClassName(check.className),
    plugin: check.plugin ?? null,
    servable: check.servable,
    problems: check.problems,
    params,
    modelVersion: version === undefined ? null : String(version),
    ...(stages === undefined ? {} : { stages }),
  };
}

/** Renders a {@link StageDescription} as indented text for people. */
export function formatDescription(d: StageDescription, indent = '', label = ''): string {
  const status = d.servable ? 'OK  ' : 'FAIL';
  const version = d.modelVersion === null ? '' : `  version ${d.modelVersion}`;
  const lines = [
    `${indent}${status} ${label}${d.name ?? '(no metadata)'}${version}  ${d.path}`,
    `${indent}       class:  ${d.className ?? '-'}${d.plugin === null ? '' : `  (plugin ${d.plugin})`}`,
  ];
  const params = Object.keys(d.params)
    .sort()
    .map((k) => `${k}=${writeJson(d.params[k] as JsonValue)}`);
  if (params.length > 0) lines.push(`${indent}       params: ${params.join(', ')}`);
  for (const p of d.problems) lines.push(`${indent}       - ${p}`);
  (d.stages ?? []).forEach((s, i) => {
    lines.push(formatDescription(s, `${indent}  `, `[${i}] `));
  });
  return lines.join('\n');
}

/**
 * `servable inspect <dir>`: prints what the saved stage or PipelineModel is. Returns the exit
 * code: 0 when it can be served, 1 when not (the report says why).
 */
export async function inspect(dir: string, options: InspectOptions, io: CliIo): Promise<number> {
  const description = await describeModel(resolve(io.cwd, dir), options.registry);
  const text = options.json
    ? writeJson(description as unknown as JsonValue)
    : formatDescription(description);
  await writeText(io.stdout, `${text}\n`);
  return description.servable ? 0 : 1;
}
