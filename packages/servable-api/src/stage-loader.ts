import { join } from 'node:path';
import { ModelDataError, ServableError, ServableLoadError } from './errors.js';
import { readStageMetadata, type StageMetadata } from './metadata/index.js';
import { listModelDataFiles, MODEL_DATA_DIR, missingModelDataReason } from './model-data-files.js';
import { ModelServable } from './model-servable.js';
import { isNumericsAware, type Numerics } from './numerics.js';
import { applyParamMapJson } from './params/index.js';
import type { ServableLoader } from './servable-plugin.js';
import type { AnyServable } from './transformer-servable.js';

/** Options of {@link loadStage}. */
export interface LoadStageOptions {
  /** The stage's metadata when already read (otherwise `path/metadata` is read). */
  readonly metadata?: StageMetadata;
  /**
   * The {@link Numerics} to set on a {@link NumericsAware} servable (left at its default when
   * absent). {@link servableLoader} passes its registry's.
   */
  readonly numerics?: Numerics;
}

/**
 * Loads a saved stage into a new servable made by `create`: reads `path/metadata`, checks that
 * its `className` is the servable's, applies every param of `paramMap` (decoded and validated
 * as Flink ML does; unknown names fail), and for a {@link ModelServable} reads `path/data/`.
 * This is what the servables' static `load(path)` methods call.
 *
 * @throws ServableLoadError for a class name mismatch or invalid params.
 * @throws ModelDataError (or its subclasses) for missing, ambiguous or corrupt model data.
 */
export async function loadStage<S extends AnyServable>(
  path: string,
  create: () => S,
  options: LoadStageOptions = {},
): Promise<S> {
  const metadata = options.metadata ?? (await readStageMetadata(path));
  const servable = create();
  if (metadata.className !== servable.className) {
    throw new ServableLoadError(
      path,
      `Class name ${metadata.className} does not match the expected class name ${servable.className}.`,
    );
  }
  applyParams(path, servable, metadata);
  if (options.numerics !== undefined && isNumericsAware(servable)) {
    servable.setNumerics(options.numerics);
  }
  if (servable instanceof ModelServable) {
    const dataDir = join(path, MODEL_DATA_DIR);
    if (servable.savedModelData === 'required') {
      await servable.loadModelDataFiles(dataDir);
    } else {
      const listing = await listModelDataFiles(dataDir);
      if (listing.files.length > 0) await servable.loadModelDataFiles(dataDir);
    }
  }
  return servable;
}

function applyParams(path: string, servable: AnyServable, metadata: StageMetadata): void {
  try {
    applyParamMapJson(servable, metadata.paramMap);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ServableLoadError(
      path,
      `invalid params in ${join(path, 'metadata')}: ${message}`,
      error,
    );
  }
}

/**
 * Checks a saved stage for `create`'s servable without reading model data: class name, params
 * (decoded and validated), and the `data/` directory (missing, not committed yet, or several
 * files for a single-record model). Returns the problems found.
 */
export async function checkStage(
  path: string,
  create: () => AnyServable,
  metadata: StageMetadata,
): Promise<string[]> {
  const problems: string[] = [];
  let servable: AnyServable;
  try {
    servable = create();
  } catch (error) {
    return [`cannot create the servable: ${describe(error)}`];
  }
  if (metadata.className !== servable.className) {
    problems.push(
      `class name ${metadata.className} does not match the servable's class name ${servable.className}`,
    );
  }
  try {
    applyParamMapJson(servable, metadata.paramMap);
  } catch (error) {
    problems.push(`params invalid: ${describe(error)}`);
  }
  if (servable instanceof ModelServable) {
    try {
      const listing = await listModelDataFiles(join(path, MODEL_DATA_DIR));
      const missing = missingModelDataReason(listing);
      if (missing !== undefined && servable.savedModelData === 'required') {
        problems.push(`model data missing: ${missing}`);
      }
      if (servable.modelDataFormat.cardinality === 'single' && listing.files.length > 1) {
        problems.push(
          `model data ambiguous: ${servable.modelDataFormat.name} is a single record but ` +
            `${listing.directory} holds ${listing.files.length} files (${listing.files.join(', ')})`,
        );
      }
    } catch (error) {
      if (!(error instanceof ModelDataError)) throw error;
      problems.push(error.message);
    }
  }
  return problems;
}

/**
 * The standard {@link ServableLoader} of a servable class: `load` = {@link loadStage} (setting
 * the registry's {@link Numerics} on a {@link NumericsAware} servable), `check` =
 * {@link checkStage}.
 *
 * @example
 * ```ts
 * const plugin: ServablePlugin = {
 *   name: 'my-plugin',
 *   servables: { 'com.example.AddConstant': servableLoader(() => new AddConstantServable()) },
 * };
 * ```
 */
export function servableLoader<S extends AnyServable>(create: () => S): ServableLoader<S> {
  return {
    load: (path, metadata, registry) =>
      loadStage(path, create, { metadata, numerics: registry.numerics }),
    check: (path, metadata) => checkStage(path, create, metadata),
  };
}

function describe(error: unknown): string {
  if (error instanceof ServableError || error instanceof Error) return error.message;
  return String(error);
}
