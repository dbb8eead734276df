import type { StageMetadata } from './metadata/index.js';
import type { ServableRegistry } from './servable-registry.js';
import type { AnyServable } from './transformer-servable.js';

/**
 * Knows how to build one kind of servable from a saved stage directory. Most servables get one
 * from {@link servableLoader} (`servableLoader(() => new MyServable())`); write one by hand only
 * for stages that are laid out differently.
 */
export interface ServableLoader<S extends AnyServable = AnyServable> {
  /**
   * Builds the servable from the stage at `path`, whose `metadata` has already been read:
   * create it, apply `metadata.paramMap`, load the model data.
   */
  load(path: string, metadata: StageMetadata, registry: ServableRegistry): Promise<S>;
  /**
   * Checks the stage without loading model data; returns the problems found (empty when the
   * stage can be served). Omitted → the registry reports only that the class is known.
   */
  check?(
    path: string,
    metadata: StageMetadata,
    registry: ServableRegistry,
  ): Promise<readonly string[]>;
}

/**
 * A set of servables, registered with {@link ServableRegistry.register}. A third-party npm
 * package exports one (e.g. `export const myPlugin: ServablePlugin`).
 *
 * @example
 * ```ts
 * export const myPlugin: ServablePlugin = {
 *   name: 'my-plugin',
 *   servables: { 'com.example.AddConstant': servableLoader(() => new AddConstantServable()) },
 * };
 * ```
 */
export interface ServablePlugin {
  /** The plugin's name (named in errors listing the registered plugins). */
  readonly name: string;
  /**
   * Loaders by class name: the `className` found in the saved `metadata` (Flink ML's Java
   * class name, or the plugin's own class name for its own stages).
   */
  readonly servables: Readonly<Record<string, ServableLoader>>;
}
