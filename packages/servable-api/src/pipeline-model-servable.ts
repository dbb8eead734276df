import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataFrame } from '@servable/dataframe';
import {
  NoModelDataError,
  ServableError,
  ServableLoadError,
  StageNotFoundError,
} from './errors.js';
import {
  readStageMetadata,
  resolveStageDir,
  type StageMetadata,
  stageDirName,
  writeStageMetadata,
} from './metadata/index.js';
import type { ModelDataInput } from './model-data-input.js';
import { ModelServable, type PreparedModelData } from './model-servable.js';
import {
  checkNumerics,
  DEFAULT_NUMERICS,
  isNumericsAware,
  type Numerics,
  type NumericsAware,
} from './numerics.js';
import { ParamsHolder } from './params/index.js';
import type { ServableRegistry } from './servable-registry.js';
import type { StageCheck } from './stage-check.js';
import {
  type AnyServable,
  type SaveOptions,
  simpleClassName,
  type TransformerServable,
} from './transformer-servable.js';

/** A pipeline stage with a user-given name (see {@link PipelineModelServable}). */
export interface NamedStage {
  /** The name the stage answers to, besides its index. Must not be all digits. */
  readonly name: string;
  /** The stage. */
  readonly servable: AnyServable;
}

/**
 * Model data for several pipeline stages at once: stage reference → one input, or an array of
 * inputs (each element one input). A stage reference is an index (`0`, `'1'`), a stage name
 * (`'LogisticRegressionModel'`, a user-given name) or, for a stage inside a nested pipeline, a
 * path of references joined by `/` (`'2/StandardScalerModel'`).
 */
export type PipelineModelData = Readonly<
  Record<string, ModelDataInput | readonly ModelDataInput[]>
>;

/** Options of {@link PipelineModelServable.load}. */
export interface LoadPipelineOptions {
  /** The pipeline's metadata when already read. */
  readonly metadata?: StageMetadata;
  /** Names for the stages, by index (see {@link NamedStage}). */
  readonly stageNames?: readonly (string | undefined)[];
}

interface PreparedEntry {
  readonly servable: ModelServable<unknown>;
  readonly prepared: PreparedModelData<unknown>;
}

/**
 * Model data for several stages, decoded and validated, not yet swapped in (see
 * {@link PipelineModelServable.prepareModelData}).
 */
export class PreparedPipelineModelData {
  /** @internal */
  constructor(
    /** The pipeline it was prepared for. */
    readonly pipeline: PipelineModelServable,
    /** @internal The prepared stages. */
    readonly entries: readonly PreparedEntry[],
  ) {}
}

/**
 * A chain of servables applied in order (Flink ML's `PipelineModelServable`): the output of
 * stage `i` is the input of stage `i + 1`. Stages may be pipelines themselves.
 *
 * **Stage names.** Every stage answers to its index as a string (`'0'`, `'1'`, …); to its simple
 * class name (`'LogisticRegressionModel'`) when no other stage has the same one; and to a
 * user-given name ({@link NamedStage}, or `stageNames` when loading). Stages of a nested
 * pipeline are reached with `/`-separated paths: `'1/0'`, `'1/StandardScalerModel'`.
 *
 * **Model data.** Flink ML's Java pipeline servable cannot route model data to its stages
 * (FLIP-289 asked for it). Here {@link PipelineModelServable.setStageModelData} updates one
 * stage, and {@link PipelineModelServable.setModelData} updates several stages atomically: all
 * inputs are decoded and validated first; if any fails nothing changes, otherwise every stage
 * is swapped in the same synchronous step, so no transform sees a mix of old and new stages.
 *
 * @example
 * ```ts
 * const pipeline = await registry.load('/models/pipeline') as PipelineModelServable;
 * await pipeline.setModelData({
 *   StandardScalerModel: scalerBytes,
 *   LogisticRegressionModel: lrBytes,
 * });
 * const out = pipeline.transform(df);
 * ```
 */
export class PipelineModelServable
  extends ParamsHolder
  implements TransformerServable<PipelineModelServable>, NumericsAware
{
  /** The Java class name of a saved PipelineModel. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.builder.PipelineModel';

  /** See {@link TransformerServable.className}. */
  readonly className: string = PipelineModelServable.CLASS_NAME;

  private readonly stages: readonly AnyServable[];
  private readonly names: readonly (readonly string[])[];

  /**
   * @param stages the stages in order; wrap one in {@link NamedStage} to give it a name.
   * @throws ServableError (code `INVALID_STAGE_NAME`) for a name that is all digits or used twice.
   */
  constructor(stages: readonly (AnyServable | NamedStage)[]) {
    super([]);
    const entries = stages.map((s) => (isNamedStage(s) ? s : { name: undefined, servable: s }));
    this.stages = entries.map((e) => e.servable);
    this.names = assignNames(entries);
  }

  private numerics: Numerics = DEFAULT_NUMERICS;

  /**
   * Sets the {@link Numerics} of every {@link NumericsAware} stage (nested pipelines included).
   * A registry sets it on each stage as it loads them; this changes them all afterwards.
   *
   * @throws InvalidNumericsError for an unknown value.
   */
  setNumerics(numerics: Numerics): this {
    this.numerics = checkNumerics(numerics);
    for (const stage of this.stages) if (isNumericsAware(stage)) stage.setNumerics(numerics);
    return this;
  }

  /** The numerics last set with {@link PipelineModelServable.setNumerics} (default `'fast'`). */
  getNumerics(): Numerics {
    return this.numerics;
  }

  /** The stages, in order. */
  getStages(): readonly AnyServable[] {
    return this.stages;
  }

  /** The names stage `index` answers to (its index first). */
  getStageNames(index: number): readonly string[] {
    const names = this.names[index];
    if (names === undefined) throw new StageNotFoundError(index, this.allNames());
    return names;
  }

  /**
   * The stage a reference points to: an index, a name, or a `/`-separated path into nested
   * pipelines.
   *
   * @throws StageNotFoundError naming the reference and the available names.
   */
  getStage(stage: number | string): AnyServable {
    const segments = typeof stage === 'number' ? [String(stage)] : stage.split('/');
    let current: AnyServable = this.stageAt(segments[0] as string, stage);
    for (let i = 1; i < segments.length; i++) {
      if (!(current instanceof PipelineModelServable)) {
        throw new StageNotFoundError(
          stage,
          this.allNames(),
          `${segments.slice(0, i).join('/')} is not a PipelineModel, so it has no stage ${segments[i]}`,
        );
      }
      current = current.stageAt(segments[i] as string, stage);
    }
    return current;
  }

  /** Applies every stage in order. */
  transform(input: DataFrame): DataFrame {
    const stages = this.stages;
    let df = input;
    for (let i = 0; i < stages.length; i++) df = (stages[i] as AnyServable).transform(df);
    return df;
  }

  /**
   * Decodes and validates model data for the referenced stages without swapping anything in.
   * Commit the result with {@link PipelineModelServable.commitModelData}.
   *
   * @throws StageNotFoundError for an unknown reference, or two references to the same stage.
   * @throws NoModelDataError when a referenced stage takes no model data (or is a pipeline).
   * @throws ModelDataError when any input fails to decode or validate.
   */
  async prepareModelData(inputs: PipelineModelData): Promise<PreparedPipelineModelData> {
    const targets: { servable: ModelServable<unknown>; inputs: ModelDataInput[] }[] = [];
    const seen = new Map<AnyServable, string>();
    for (const [ref, value] of Object.entries(inputs)) {
      const servable = this.modelStage(ref);
      const previous = seen.get(servable);
      if (previous !== undefined) {
        throw new StageNotFoundError(
          ref,
          this.allNames(),
          `refers to the same stage as ${JSON.stringify(previous)}; give each stage's model data once`,
        );
      }
      seen.set(servable, ref);
      targets.push({
        servable,
        inputs: Array.isArray(value) ? [...value] : [value as ModelDataInput],
      });
    }
    // Every prepare call is made now, synchronously, so their call order is fixed here.
    const prepared = await Promise.all(
      targets.map(async (t) => ({
        servable: t.servable,
        prepared: await t.servable.prepareModelData(...t.inputs),
      })),
    );
    return new PreparedPipelineModelData(this, prepared);
  }

  /**
   * Swaps in prepared model data for all its stages in one synchronous step. A stage whose
   * model was replaced by a later call in the meantime keeps that newer model.
   */
  commitModelData(prepared: PreparedPipelineModelData): void {
    if (prepared.pipeline !== this) {
      throw new TypeError('commitModelData: the prepared model data belongs to another pipeline.');
    }
    for (const entry of prepared.entries) entry.servable.commitModelData(entry.prepared);
  }

  /**
   * Replaces the model data of several stages atomically (see the class documentation).
   *
   * @example
   * ```ts
   * await pipeline.setModelData({ 0: scalerBytes, LogisticRegressionModel: lrStream });
   * ```
   */
  async setModelData(inputs: PipelineModelData): Promise<this> {
    this.commitModelData(await this.prepareModelData(inputs));
    return this;
  }

  /** Replaces the model data of one stage (index, name or path). */
  async setStageModelData(stage: number | string, ...inputs: ModelDataInput[]): Promise<this> {
    await this.modelStage(String(stage)).setModelData(...inputs);
    return this;
  }

  /**
   * Saves the pipeline in Flink ML's layout: `path/metadata` (className
   * `org.apache.flink.ml.builder.PipelineModel`, `numStages`, `paramMap: {}`) and each stage in
   * `path/stages/<i>` (index zero-padded to the digits of the stage count).
   */
  async save(path: string, options: SaveOptions = {}): Promise<void> {
    const numStages = this.stages.length;
    if (options.overwrite) await rm(join(path, 'stages'), { recursive: true, force: true });
    await writeStageMetadata(
      path,
      {
        className: this.className,
        timestamp: options.timestamp ?? Date.now(),
        paramMap: {},
        numStages,
      },
      { overwrite: options.overwrite ?? false },
    );
    for (let i = 0; i < numStages; i++) {
      await (this.stages[i] as AnyServable).save(join(path, stageDirName(i, numStages)), options);
    }
  }

  /**
   * Loads a saved PipelineModel: reads `numStages` and loads `stages/<i>` through `registry`.
   *
   * @throws ServableLoadError when the metadata is not a PipelineModel's or lacks `numStages`;
   *   the errors of {@link ServableRegistry.load} for a stage.
   */
  static async load(
    path: string,
    registry: ServableRegistry,
    options: LoadPipelineOptions = {},
  ): Promise<PipelineModelServable> {
    const metadata = options.metadata ?? (await readStageMetadata(path));
    const numStages = checkPipelineMetadata(path, metadata);
    const stages: (AnyServable | NamedStage)[] = [];
    for (let i = 0; i < numStages; i++) {
      const servable = await registry.load(await resolveStageDir(path, i, numStages));
      const name = options.stageNames?.[i];
      stages.push(name === undefined ? servable : { name, servable });
    }
    const pipeline = new PipelineModelServable(stages);
    pipeline.numerics = registry.numerics;
    return pipeline;
  }

  /** Checks a saved PipelineModel stage by stage (see {@link ServableRegistry.check}). */
  static async check(
    path: string,
    registry: ServableRegistry,
    metadata: StageMetadata,
  ): Promise<StageCheck> {
    let numStages: number;
    try {
      numStages = checkPipelineMetadata(path, metadata);
    } catch (error) {
      return {
        path,
        className: metadata.className,
        plugin: 'builtin',
        servable: false,
        problems: [(error as Error).message],
      };
    }
    const stages: StageCheck[] = [];
    for (let i = 0; i < numStages; i++) {
      let dir: string;
      try {
        dir = await resolveStageDir(path, i, numStages);
      } catch (error) {
        const missing = join(path, stageDirName(i, numStages));
        stages.push({
          path: missing,
          className: undefined,
          plugin: undefined,
          servable: false,
          problems: [(error as Error).message],
        });
        continue;
      }
      stages.push(await registry.check(dir));
    }
    const problems = stages.some((s) => !s.servable) ? ['some stages cannot be served'] : [];
    return {
      path,
      className: metadata.className,
      plugin: 'builtin',
      servable: problems.length === 0,
      problems,
      stages,
    };
  }

  private stageAt(segment: string, ref: number | string): AnyServable {
    const matches: number[] = [];
    this.names.forEach((names, i) => {
      if (names.includes(segment)) matches.push(i);
    });
    if (matches.length === 0) {
      throw new StageNotFoundError(
        ref,
        this.allNames(),
        `no stage is named ${JSON.stringify(segment)}`,
      );
    }
    return this.stages[matches[0] as number] as AnyServable;
  }

  private modelStage(ref: string): ModelServable<unknown> {
    const stage = this.getStage(ref);
    if (stage instanceof PipelineModelServable) {
      throw new StageNotFoundError(
        ref,
        this.allNames(),
        `is a PipelineModel; address one of its stages as '${ref}/<stage>'`,
      );
    }
    if (!(stage instanceof ModelServable)) throw new NoModelDataError(stage.className);
    return stage;
  }

  private allNames(): string[] {
    return this.names.map((names) => names.join('|'));
  }
}

function checkPipelineMetadata(path: string, metadata: StageMetadata): number {
  if (metadata.className !== PipelineModelServable.CLASS_NAME) {
    throw new ServableLoadError(
      path,
      `Class name ${metadata.className} does not match the expected class name ${PipelineModelServable.CLASS_NAME}.`,
    );
  }
  const n = metadata.numStages;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new ServableLoadError(
      path,
      `the PipelineModel metadata needs a non-negative integer numStages, found ${String(n)}.`,
    );
  }
  return n;
}

function isNamedStage(s: AnyServable | NamedStage): s is NamedStage {
  return (
    typeof (s as NamedStage).name === 'string' &&
    typeof (s as NamedStage).servable === 'object' &&
    !('transform' in s)
  );
}

function assignNames(
  entries: readonly { readonly name: string | undefined; readonly servable: AnyServable }[],
): string[][] {
  const given = new Set<string>();
  for (const e of entries) {
    if (e.name === undefined) continue;
    if (/^\d+$/.test(e.name) || e.name.includes('/') || e.name === '') {
      throw new ServableError(
        'INVALID_STAGE_NAME',
        `Stage name ${JSON.stringify(e.name)} is not allowed: names must be non-empty, not all digits (those are indices) and contain no '/'.`,
      );
    }
    if (given.has(e.name)) {
      throw new ServableError(
        'INVALID_STAGE_NAME',
        `Stage name ${JSON.stringify(e.name)} is used twice.`,
      );
    }
    given.add(e.name);
  }
  const classCounts = new Map<string, number>();
  for (const e of entries) {
    const simple = simpleClassName(e.servable.className);
    classCounts.set(simple, (classCounts.get(simple) ?? 0) + 1);
  }
  return entries.map((e, i) => {
    const names = [String(i)];
    const simple = simpleClassName(e.servable.className);
    if (classCounts.get(simple) === 1 && !given.has(simple)) names.push(simple);
    if (e.name !== undefined) names.push(e.name);
    return names;
  });
}
