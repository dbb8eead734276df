import type { ModelDataInput, ModelVersion } from '@servable/servable-api';

/** Model data that was decoded and validated but not yet swapped in, and its version. */
export interface PreparedUpdate {
  /** The version carried by the prepared data, when it has one. */
  readonly version: ModelVersion | undefined;
}

/**
 * What an updater needs from a servable: the two-phase model data swap of `@servable/servable-api`'s
 * `ModelServable` (every model servable satisfies it). Preparing decodes and validates
 * completely without touching the serving model; committing swaps in one assignment.
 */
export interface UpdatableServable<P extends PreparedUpdate = PreparedUpdate> {
  /** Reads, decodes and validates model data without swapping it in. */
  prepareModelData(...inputs: ModelDataInput[]): Promise<P>;
  /** Swaps prepared data in; `false` when a later call was committed already. */
  commitModelData(prepared: P): boolean;
  /** The version of the model serving now, if any. */
  getModelVersion(): ModelVersion | undefined;
}

/**
 * A servable made of stages whose model data is routed by stage index or name (a
 * `PipelineModelServable`). The updater resolves the stage once per update and treats it as an
 * {@link UpdatableServable}.
 */
export interface StagedServable {
  /**
   * The stage at `stage` (0-based index, a name the stage answers to, or a `/`-separated path
   * into nested pipelines).
   * @throws when no stage matches.
   */
  getStage(stage: StageRef): object;
}

/** A pipeline stage reference: its 0-based index or a name. */
export type StageRef = number | string;
