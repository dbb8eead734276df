import type { DataFrame } from '@servable/dataframe';
import { ParamsHolder } from '../params/index.js';
import type { SaveOptions } from '../transformer-servable.js';
import { PipelineModel, runStage, saveStages } from './pipeline-model.js';
import { isEstimator, type Model, type PipelineStage } from './stage.js';
import { toModel } from './to-model.js';

/**
 * A sequence of stages fitted together (Flink ML's `Pipeline`), in one process.
 *
 * `fit(df)` walks the stages in order: an {@link Estimator} is fitted on the current data and
 * replaced by its model; a model (or servable) is kept as is. Up to the last estimator, each
 * stage's model then transforms the data for the next stage, so every estimator trains on the
 * output of the stages before it. Stages after the last estimator are not applied while
 * fitting (as Flink ML). The result is a {@link PipelineModel} of the models.
 *
 * Each `fit` is eager and self-contained (no global names or job graph), so a pipeline may hold
 * several estimators, including several of the same kind.
 *
 * @example
 * ```ts
 * const pipeline = new Pipeline([new ServableModel(scaler), tfEstimator, otherEstimator]);
 * const model = await pipeline.fit(train);
 * const out = await model.transform(test);
 * ```
 */
export class Pipeline extends ParamsHolder {
  /** The class name Flink ML writes for a Pipeline. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.builder.Pipeline';
  /** See {@link Stage.className}. */
  readonly className: string = Pipeline.CLASS_NAME;

  constructor(
    /** The stages, in order. */
    readonly stages: readonly PipelineStage[],
  ) {
    super([]);
  }

  /**
   * Fits the estimators in order (see the class documentation).
   * @throws PipelineError (code `STAGE_FAILED` naming the stage, or `INVALID_STAGE`).
   */
  async fit(...inputs: DataFrame[]): Promise<PipelineModel> {
    const [first] = inputs;
    if (first === undefined) throw new TypeError('Pipeline.fit needs an input DataFrame.');
    let lastEstimator = -1;
    this.stages.forEach((s, i) => {
      if (isEstimator(s)) lastEstimator = i;
    });
    const models: Model[] = [];
    let df = first;
    for (let i = 0; i < this.stages.length; i++) {
      const stage = this.stages[i] as PipelineStage;
      let model: Model;
      if (isEstimator(stage)) {
        const current = df;
        model = await runStage(i, stage.className, 'fit', () => stage.fit(current));
      } else {
        model = toModel(stage, i);
      }
      models.push(model);
      if (i < lastEstimator) {
        const current = df;
        df = await runStage(i, model.className, 'transform', () => model.transform(current));
      }
    }
    return new PipelineModel(models);
  }

  /**
   * Saves in Flink ML's layout with className `org.apache.flink.ml.builder.Pipeline` (every
   * stage must be savable).
   */
  async save(path: string, options: SaveOptions = {}): Promise<void> {
    await saveStages(path, this.className, this.stages, options);
  }
}
