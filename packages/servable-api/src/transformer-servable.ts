import type { DataFrame } from '@servable/dataframe';
import type { WithParams } from './params/index.js';

/** Options of {@link TransformerServable.save}. */
export interface SaveOptions {
  /**
   * Replace an existing saved stage at the path (its `metadata` and `data/`). Default `false`:
   * saving into an existing stage directory fails, as in Flink ML.
   */
  readonly overwrite?: boolean;
  /** The `timestamp` written into the metadata (ms since epoch); default `Date.now()`. */
  readonly timestamp?: number;
}

/**
 * A stage that turns an input DataFrame into an output DataFrame, synchronously and without
 * Flink (FLIP-289's `TransformerServable`).
 *
 * Unlike Java, `transform` never mutates its input: it returns a new DataFrame (usually the
 * input plus appended columns, sharing the input's column storage).
 *
 * @typeParam T the concrete servable type (returned by the param setters of {@link WithParams}).
 */
export interface TransformerServable<T = unknown> extends WithParams<T> {
  /**
   * The class name written into (and expected in) the saved `metadata`: the Java class of the
   * Flink ML stage this servable serves (e.g.
   * `org.apache.flink.ml.classification.logisticregression.LogisticRegressionModel`), or a
   * plugin's own class name.
   */
  readonly className: string;

  /**
   * Applies the stage to every row of `input` and returns the result.
   *
   * @throws ServableError subclasses for bad input (missing column, wrong column type, wrong
   *   vector dimension) or, for model servables, when no model data is loaded.
   */
  transform(input: DataFrame): DataFrame;

  /**
   * Writes the stage in Flink ML's saved format (`path/metadata` and, for models,
   * `path/data/part-<uuid>-0`) so that Flink ML Java and {@link ServableRegistry.load} can read it.
   */
  save(path: string, options?: SaveOptions): Promise<void>;
}

/** Any transformer servable, whatever its concrete type. */
export type AnyServable = TransformerServable<unknown>;

/** The simple class name of a fully qualified one: `a.b.LogisticRegressionModel` → `LogisticRegressionModel`. */
export function simpleClassName(className: string): string {
  const dot = className.lastIndexOf('.');
  return dot < 0 ? className : className.slice(dot + 1);
}
