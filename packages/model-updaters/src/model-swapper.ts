import type { ModelDataInput, ModelVersion } from '@servable/servable-api';
import { ModelUpdateRejectedError, StageRoutingError } from './errors.js';
import { compareUpdateOrder, type ModelUpdateOrder } from './model-update-order.js';
import type {
  PreparedUpdate,
  StagedServable,
  StageRef,
  UpdatableServable,
} from './updatable-servable.js';

/** One model data update handed to {@link ModelSwapper.apply}. */
export interface ModelUpdate {
  /**
   * The model data (one complete payload: a record's value, a file's bytes). Pass
   * `{ source, data }` inputs so that the servable's decode errors name where the bytes came
   * from (the rejection's message then needs no prefix).
   */
  readonly inputs: readonly ModelDataInput[];
  /** Where it came from, for events and errors (`topic/partition@offset`, a file path). */
  readonly source: string;
  /** The pipeline stage it is for; `undefined` for a servable that is not a pipeline. */
  readonly stage?: StageRef | undefined;
  /** When it was produced (ms since epoch), to order updates that carry no version. */
  readonly timestamp?: number | undefined;
  /**
   * Apply even when it is older than the serving model (a deliberate rollback). Default
   * `false`: older updates are skipped.
   */
  readonly allowOlder?: boolean | undefined;
}

/** What {@link ModelSwapper.apply} did with an update that decoded and validated. */
export type ModelUpdateOutcome =
  | {
      /** The new model serves now. */
      readonly status: 'applied';
      /** Its version. */
      readonly version: ModelVersion | undefined;
      /** The version that served before. */
      readonly previousVersion: ModelVersion | undefined;
    }
  | {
      /** The update was older than the serving model and was not applied. */
      readonly status: 'stale';
      /** Its version. */
      readonly version: ModelVersion | undefined;
      /** The version that keeps serving. */
      readonly currentVersion: ModelVersion | undefined;
    };

interface TargetState {
  /** Order of the last applied update; `undefined` until the first one. */
  order: ModelUpdateOrder | undefined;
}

const swappers = new WeakMap<object, ModelSwapper>();

/**
 * Applies model data updates to one servable, one at a time, in a defined order: each update
 * is decoded and validated completely (`prepareModelData`) before it is swapped in
 * (`commitModelData`, one assignment, so concurrent `transform` calls see the old or the new
 * model, never a mix). An update that fails is rejected and the serving model stays; an update
 * older than the serving model (by version, then by timestamp) is skipped unless `allowOlder`.
 *
 * Every updater of the same servable shares one swapper ({@link ModelSwapper.for}), so a file
 * updater and a Kafka updater feeding the same servable still apply in order.
 */
export class ModelSwapper {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly targets = new Map<UpdatableServable, TargetState>();

  private constructor(
    /** The servable updates go to. */
    readonly servable: UpdatableServable | StagedServable,
  ) {}

  /** The swapper of `servable` (created on first use, shared by every updater). */
  static for(servable: UpdatableServable | StagedServable): ModelSwapper {
    let swapper = swappers.get(servable);
    if (swapper === undefined) {
      swapper = new ModelSwapper(servable);
      swappers.set(servable, swapper);
    }
    return swapper;
  }

  /**
   * Queues `update` behind the updates before it and applies it.
   *
   * @returns whether it was applied or skipped as stale.
   * @throws ModelUpdateRejectedError when it does not decode or validate, or names an unknown
   *   stage; the serving model is unchanged.
   */
  apply(update: ModelUpdate): Promise<ModelUpdateOutcome> {
    const result = this.queue.then(() => this.applyNow(update));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** The version serving now in `stage` (or the servable), when known. */
  currentVersion(stage?: StageRef): ModelVersion | undefined {
    try {
      return this.resolve(stage).getModelVersion();
    } catch {
      return undefined;
    }
  }

  private async applyNow(update: ModelUpdate): Promise<ModelUpdateOutcome> {
    let target: UpdatableServable;
    let prepared: PreparedUpdate;
    try {
      target = this.resolve(update.stage);
      prepared = await target.prepareModelData(...update.inputs);
    } catch (error) {
      throw new ModelUpdateRejectedError(update.source, error);
    }
    const state = this.stateOf(target);
    const order: ModelUpdateOrder = { version: prepared.version, timestamp: update.timestamp };
    const previousVersion = target.getModelVersion();
    if (
      !update.allowOlder &&
      state.order !== undefined &&
      compareUpdateOrder(order, state.order) < 0
    ) {
      return { status: 'stale', version: prepared.version, currentVersion: previousVersion };
    }
    if (!target.commitModelData(prepared)) {
      // Someone called setModelData on the servable directly, after we prepared: theirs wins.
      return {
        status: 'stale',
        version: prepared.version,
        currentVersion: target.getModelVersion(),
      };
    }
    state.order = order;
    return { status: 'applied', version: prepared.version, previousVersion };
  }

  private stateOf(target: UpdatableServable): TargetState {
    let state = this.targets.get(target);
    if (state === undefined) {
      // A model loaded before the updater started (from a saved model) sets the floor.
      const version = target.getModelVersion();
      state = { order: version === undefined ? undefined : { version, timestamp: undefined } };
      this.targets.set(target, state);
    }
    return state;
  }

  private resolve(stage: StageRef | undefined): UpdatableServable {
    const servable = this.servable;
    if (stage === undefined) {
      if (isUpdatable(servable)) return servable;
      throw new StageRoutingError(
        '',
        'the servable is a pipeline: name the stage the model data is for (by index or name).',
      );
    }
    if (!isStaged(servable)) {
      throw new StageRoutingError(
        String(stage),
        'the servable is not a pipeline, it has no stages.',
      );
    }
    const found = servable.getStage(stage);
    if (!isUpdatable(found)) {
      throw new StageRoutingError(String(stage), 'this pipeline stage takes no model data.');
    }
    return found;
  }
}

function isUpdatable(s: object): s is UpdatableServable {
  return (
    typeof (s as UpdatableServable).prepareModelData === 'function' &&
    typeof (s as UpdatableServable).commitModelData === 'function' &&
    // A pipeline also has prepare/commit, but takes a stage → data map: route to a stage instead.
    typeof (s as StagedServable).getStage !== 'function'
  );
}

function isStaged(s: object): s is StagedServable {
  return typeof (s as StagedServable).getStage === 'function';
}
