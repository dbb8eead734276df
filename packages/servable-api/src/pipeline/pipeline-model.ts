import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataFrame } from '@servable/dataframe';
import { stageDirName, writeStageMetadata } from '../metadata/index.js';
import { ParamsHolder } from '../params/index.js';
import { PipelineModelServable } from '../pipeline-model-servable.js';
import { type SaveOptions, simpleClassName } from '../transformer-servable.js';
import { PipelineError } from './pipeline-error.js';
import type { Model } from './stage.js';

/**
 * A chain of fitted models (Flink ML's `PipelineModel`), usually the result of
 * {@link Pipeline.fit}: `transform` applies the models in order, the output of model `i` being
 * the input of model `i + 1`.
 *
 * It saves in Flink ML's PipelineModel layout (`metadata` with `numStages`, `stages/<i>/`), which
 * {@link ServableRegistry.load} reads back as a {@link PipelineModelServable}; and when every
 * stage has a servable form, {@link PipelineModel.toServable} builds that servable in memory.
 *
 * @example
 * ```ts
 * const model = await new Pipeline([scalerEstimator, tfEstimator]).fit(train);
 * const scored = await model.transform(test);
 * await model.save('/models/pipeline');
 * const servable = model.toServable(); // PipelineModelServable
 * ```
 */
export class PipelineModel extends ParamsHolder implements Model {
  /** The class name Flink ML writes for a PipelineModel. */
  static readonly CLASS_NAME = PipelineModelServable.CLASS_NAME;
  /** See {@link Stage.className}. */
  readonly className: string = PipelineModel.CLASS_NAME;

  constructor(
    /** The models, in order. */
    readonly stages: readonly Model[],
  ) {
    super([]);
  }

  /**
   * Applies every model in order.
   * @throws PipelineError (code `STAGE_FAILED`) naming the stage that failed; `cause` is its error.
   */
  async transform(input: DataFrame): Promise<DataFrame> {
    let df = input;
    for (let i = 0; i < this.stages.length; i++) {
      const stage = this.stages[i] as Model;
      df = await runStage(i, stage.className, 'transform', () => stage.transform(df));
    }
    return df;
  }

  /** True when every stage has a servable form. */
  supportServable(): boolean {
    return this.stages.every((s) => s.supportServable());
  }

  /**
   * A {@link PipelineModelServable} of the stages' servable forms.
   * @throws PipelineError (code `NOT_SERVABLE`) naming the first stage without one.
   */
  toServable(): PipelineModelServable {
    const servables = this.stages.map((s, i) => {
      if (!s.supportServable()) {
        throw new PipelineError(
          'NOT_SERVABLE',
          `Stage ${i} (${simpleClassName(s.className)}) has no servable form, so the PipelineModel cannot be served.`,
          i,
        );
      }
      return s.toServable();
    });
    return new PipelineModelServable(servables);
  }

  /**
   * Saves in Flink ML's layout: `path/metadata` (className
   * `org.apache.flink.ml.builder.PipelineModel`, `numStages`, `paramMap: {}`) and stage `i` in
   * `path/stages/<i>` (index zero-padded to the digits of the stage count).
   */
  async save(path: string, options: SaveOptions = {}): Promise<void> {
    await saveStages(path, this.className, this.stages, options);
  }
}

/** Writes a pipeline's metadata and its stages (shared by Pipeline and PipelineModel). */
export async function saveStages(
  path: string,
  className: string,
  stages: readonly { save(path: string, options?: SaveOptions): Promise<void> }[],
  options: SaveOptions,
): Promise<void> {
  const numStages = stages.length;
  if (options.overwrite) await rm(join(path, 'stages'), { recursive: true, force: true });
  await writeStageMetadata(
    path,
    { className, timestamp: options.timestamp ?? Date.now(), paramMap: {}, numStages },
    { overwrite: options.overwrite ?? false },
  );
  for (let i = 0; i < numStages; i++) {
    await stages[i]?.save(join(path, stageDirName(i, numStages)), options);
  }
}

/** Runs one stage's step, wrapping its failure into a PipelineError naming the stage. */
export async function runStage<T>(
  index: number,
  className: string,
  step: 'fit' | 'transform',
  run: () => Promise<T> | T,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new PipelineError(
      'STAGE_FAILED',
      `Stage ${index} (${simpleClassName(className)}) failed in ${step}: ${message}`,
      index,
      { cause: error },
    );
  }
}
