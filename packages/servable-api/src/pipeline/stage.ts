import type { DataFrame } from '@servable/dataframe';
import type { WithParams } from '../params/index.js';
import type { AnyServable, SaveOptions } from '../transformer-servable.js';

/**
 * A stage of a {@link Pipeline} (Flink ML's `Stage`): it has params and a class name, and can
 * be saved in Flink ML's layout.
 */
export interface Stage extends WithParams<unknown> {
  /** The class name written into the saved `metadata`. */
  readonly className: string;
  /** Writes the stage in Flink ML's saved format. */
  save(path: string, options?: SaveOptions): Promise<void>;
}

/**
 * A stage that maps a DataFrame to a DataFrame (Flink ML's `AlgoOperator`/`Transformer`).
 * `transform` may be asynchronous (a model may run a child process or a worker thread).
 */
export interface Transformer extends Stage {
  /** Applies the stage to every row of `input`. Never mutates `input`. */
  transform(input: DataFrame): Promise<DataFrame> | DataFrame;
}

/**
 * A fitted stage (Flink ML's `Model`): a {@link Transformer} that may also have a servable form,
 * a synchronous {@link TransformerServable} that serves it without the training machinery.
 */
export interface Model extends Transformer {
  /** Whether {@link Model.toServable} is available (Flink ML's `supportServable`). */
  supportServable(): boolean;
  /**
   * The servable form of the model, transforming as {@link Model.transform} does.
   * @throws PipelineError (code `NOT_SERVABLE`) when {@link Model.supportServable} is false.
   */
  toServable(): AnyServable;
}

/**
 * A stage that trains a {@link Model} from data (Flink ML's `Estimator`). `fit` is eager and
 * self-contained: it finishes training before it resolves, so several estimators may be fitted
 * one after another in one process.
 */
export interface Estimator<M extends Model = Model> extends Stage {
  /** Trains a model on the inputs (usually one DataFrame). */
  fit(...inputs: DataFrame[]): Promise<M>;
}

/** Anything a {@link Pipeline} accepts as a stage: an estimator, a model or a servable. */
export type PipelineStage = Estimator | Model | Transformer | AnyServable;

/** True when `stage` is an {@link Estimator} (it has a `fit` method). */
export function isEstimator(stage: unknown): stage is Estimator {
  return typeof (stage as Estimator | null)?.fit === 'function';
}

/** True when `stage` is a {@link Model} (it has `supportServable` and `toServable`). */
export function isModel(stage: unknown): stage is Model {
  const m = stage as Model | null;
  return (
    typeof m?.supportServable === 'function' &&
    typeof m.toServable === 'function' &&
    typeof m.transform === 'function'
  );
}
