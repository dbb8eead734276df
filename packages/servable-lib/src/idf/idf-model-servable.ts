import type { DataFrame } from '@servable/dataframe';
import {
  HasInputCol,
  HasOutputCol,
  loadStage,
  ModelServable,
  singleRecordFormat,
} from '@servable/servable-api';
import { appendScaledColumn } from '../java/scaled-clone.js';
import { type IDFModelData, IDFModelDataCodec } from './idf-model-data.js';

/** The Java class name of Flink ML's IDFModel. */
export const IDF_MODEL_CLASS = 'org.apache.flink.ml.feature.idf.IDFModel';

/** IDFModel's model data format: one {@link IDFModelData} record. */
export const IDF_MODEL_DATA_FORMAT = singleRecordFormat<IDFModelData>({
  name: 'IDFModelData',
  codec: IDFModelDataCodec,
  validate: (m) =>
    m.docFreq.length === m.idf.size()
      ? undefined
      : `idf has dimension ${m.idf.size()} but docFreq has ${m.docFreq.length} entries.`,
});

/**
 * Servable of Flink ML's `IDFModel` (§5.10): multiplies each feature of the `inputCol` vectors
 * by its inverse document frequency and appends the result as `outputCol`, with the input
 * column's type. A dense input gives a dense output; a sparse input keeps its indices.
 *
 * Params: `inputCol` (`"input"`), `outputCol` (`"output"`).
 *
 * Deviations: a vector whose size differs from the model's dimension throws
 * FeatureDimensionError (Java: `Vector size mismatched.`); a null vector throws
 * ColumnTypeMismatchError (Java: NullPointerException). Model data whose `docFreq` length differs
 * from the `idf` dimension (never written by Flink ML) is rejected.
 *
 * @example
 * ```ts
 * const idf = await IDFModelServable.load('/models/idf');
 * const out = idf.transform(df); // appends "output"
 * ```
 */
export class IDFModelServable extends ModelServable.withParams(
  HasInputCol,
  HasOutputCol,
)<IDFModelData> {
  /** See {@link IDF_MODEL_CLASS}. */
  readonly className = IDF_MODEL_CLASS;
  /** See {@link IDF_MODEL_DATA_FORMAT}. */
  readonly modelDataFormat = IDF_MODEL_DATA_FORMAT;

  /** Loads a saved IDFModel (metadata and `data/`). */
  static load(path: string): Promise<IDFModelServable> {
    return loadStage(path, () => new IDFModelServable());
  }

  /** Appends `outputCol`: the `inputCol` vectors scaled by the idf. */
  transform(input: DataFrame): DataFrame {
    const idf = this.requireModel().idf.values;
    return appendScaledColumn(input, this.getInputCol(), this.getOutputCol(), 'IDFModel', idf);
  }
}
