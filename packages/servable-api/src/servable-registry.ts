import { ServableError, UnknownServableClassError, UnsupportedStageError } from './errors.js';
import { readStageMetadata, type StageMetadata } from './metadata/index.js';
import { checkNumerics, DEFAULT_NUMERICS, isNumericsAware, type Numerics } from './numerics.js';
import { PipelineModelServable } from './pipeline-model-servable.js';
import type { ServableLoader, ServablePlugin } from './servable-plugin.js';
import type { StageCheck } from './stage-check.js';
import type { AnyServable } from './transformer-servable.js';
import { unsupportedStageReason } from './unsupported-stages.js';

/** Thrown by {@link ServableRegistry.register} when two plugins serve the same class. */
export class DuplicateServableClassError extends ServableError {
  constructor(
    /** The class name registered twice. */
    readonly className: string,
    /** The plugin that registered it first. */
    readonly existingPlugin: string,
    /** The plugin that tried again. */
    readonly plugin: string,
  ) {
    super(
      'DUPLICATE_SERVABLE_CLASS',
      `Plugin ${plugin} registers ${className}, which plugin ${existingPlugin} already serves.`,
    );
  }
}

interface Entry {
  readonly plugin: string;
  readonly loader: ServableLoader;
}

/** Options of {@link ServableRegistry}. */
export interface ServableRegistryOptions {
  /**
   * The {@link Numerics} applied to every {@link NumericsAware} servable this registry loads
   * (pipeline stages included). Default `'fast'`.
   */
  readonly numerics?: Numerics;
}

/** The name under which the built-in PipelineModel loader is reported. */
export const BUILTIN_PLUGIN = 'builtin';

/**
 * Maps saved stages' class names to servables, from registered {@link ServablePlugin}s, and
 * loads saved stages and PipelineModels (built in) from disk.
 *
 * @example
 * ```ts
 * const registry = new ServableRegistry().register(servableLib);
 * const servable = await registry.load('/models/lr');   // a stage or a PipelineModel
 * // Bit-identical with a Flink ML job on Java 11+ (slower):
 * const exact = new ServableRegistry({ numerics: 'java11' }).register(servableLib);
 * const report = await registry.check('/models/pipeline');
 * ```
 */
export class ServableRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly pluginNames: string[] = [];
  /** The numerics applied to the numerics-aware servables this registry loads. */
  readonly numerics: Numerics;

  /** @throws InvalidNumericsError for an unknown `options.numerics`. */
  constructor(options: ServableRegistryOptions = {}) {
    this.numerics = checkNumerics(options.numerics ?? DEFAULT_NUMERICS);
  }

  /**
   * Adds every servable of a plugin. Returns the registry (chainable).
   * @throws DuplicateServableClassError when a class is already served by another plugin.
   */
  register(plugin: ServablePlugin): this {
    const classes = Object.keys(plugin.servables);
    for (const className of classes) {
      if (className === PipelineModelServable.CLASS_NAME) {
        throw new DuplicateServableClassError(className, BUILTIN_PLUGIN, plugin.name);
      }
      const existing = this.entries.get(className);
      if (existing) throw new DuplicateServableClassError(className, existing.plugin, plugin.name);
    }
    for (const className of classes) {
      this.entries.set(className, {
        plugin: plugin.name,
        loader: plugin.servables[className] as ServableLoader,
      });
    }
    this.pluginNames.push(plugin.name);
    return this;
  }

  /** The names of the registered plugins, in registration order. */
  plugins(): readonly string[] {
    return [...this.pluginNames];
  }

  /** The class names that can be loaded (PipelineModel included). */
  classNames(): string[] {
    return [PipelineModelServable.CLASS_NAME, ...this.entries.keys()];
  }

  /** Whether a class can be loaded. */
  has(className: string): boolean {
    return className === PipelineModelServable.CLASS_NAME || this.entries.has(className);
  }

  /** The loader registered for a class, if any. */
  getLoader(className: string): ServableLoader | undefined {
    return this.entries.get(className)?.loader;
  }

  /**
   * Loads the saved stage or PipelineModel at `path` (reads `path/metadata`, dispatches on its
   * `className`).
   *
   * @throws UnknownServableClassError naming the class, the path and the registered plugins.
   * @throws UnsupportedStageError for estimators, Pipelines, GraphModels and AlgoOperators.
   * @throws MetadataError, ServableLoadError, ModelDataError for unreadable stages.
   */
  async load(path: string): Promise<AnyServable> {
    return this.loadStage(path, await readStageMetadata(path));
  }

  /** Like {@link ServableRegistry.load}, with the stage's metadata already read. */
  async loadStage(path: string, metadata: StageMetadata): Promise<AnyServable> {
    const className = metadata.className;
    if (className === PipelineModelServable.CLASS_NAME) {
      return PipelineModelServable.load(path, this, { metadata });
    }
    const entry = this.entries.get(className);
    if (entry) {
      // Loaders made by servableLoader apply it already; hand-written ones may not.
      const servable = await entry.loader.load(path, metadata, this);
      if (isNumericsAware(servable) && servable.getNumerics() !== this.numerics) {
        servable.setNumerics(this.numerics);
      }
      return servable;
    }
    const reason = unsupportedStageReason(className, (c) => this.has(c));
    if (reason !== undefined) throw new UnsupportedStageError(className, path, reason);
    throw new UnknownServableClassError(className, path, this.pluginNames);
  }

  /**
   * Checks, without loading model data, whether the stage or PipelineModel at `path` can be
   * served: for every stage its class name, whether it is servable and why not (unknown class,
   * estimator, GraphModel, invalid params, model data missing or ambiguous). Never throws for a
   * problem in the saved files; it reports it.
   */
  async check(path: string): Promise<StageCheck> {
    let metadata: StageMetadata;
    try {
      metadata = await readStageMetadata(path);
    } catch (error) {
      return {
        path,
        className: undefined,
        plugin: undefined,
        servable: false,
        problems: [
          `cannot read metadata: ${error instanceof Error ? error.message : String(error)}`,
        ],
      };
    }
    return this.checkStage(path, metadata);
  }

  /** Like {@link ServableRegistry.check}, with the stage's metadata already read. */
  async checkStage(path: string, metadata: StageMetadata): Promise<StageCheck> {
    const className = metadata.className;
    if (className === PipelineModelServable.CLASS_NAME) {
      return PipelineModelServable.check(path, this, metadata);
    }
    const entry = this.entries.get(className);
    if (!entry) {
      const reason = unsupportedStageReason(className, (c) => this.has(c));
      const problem =
        reason ?? new UnknownServableClassError(className, path, this.pluginNames).message;
      return { path, className, plugin: undefined, servable: false, problems: [problem] };
    }
    let problems: readonly string[] = [];
    try {
      problems = (await entry.loader.check?.(path, metadata, this)) ?? [];
    } catch (error) {
      problems = [`check failed: ${error instanceof Error ? error.message : String(error)}`];
    }
    return { path, className, plugin: entry.plugin, servable: problems.length === 0, problems };
  }
}
