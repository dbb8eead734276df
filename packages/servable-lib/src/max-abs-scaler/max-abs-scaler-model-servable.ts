import type { DataFrame } from '@servable/dataframe';
import {
  HasInputCol,
  HasOutputCol,
  loadStage,
  ModelServable,
  singleRecordFormat,
} from '@servable/servable-api';
import { appendScaledColumn } from '../java/scaled-clone.js';
import {
  type MaxAbsScalerModelData,
  MaxAbsScalerModelDataCodec,
} from './max-abs-scaler-model-data.js';

/** The Java class name of Flink ML's MaxAbsScalerModel. */
export const MAX_ABS_SCALER_MODEL_CLASS =
  'org.apache.flink.ml.feature.maxabsscaler.MaxAbsScalerModel';

/** MaxAbsScalerModel's model data format: one {@link MaxAbsScalerModelData} record. */
export const MAX_ABS_SCALER_MODEL_DATA_FORMAT = singleRecordFormat<MaxAbsScalerModelData>({
  name: 'MaxAbsScalerModelData',
  codec: MaxAbsScalerModelDataCodec,
});

/**
 * Servable of Flink ML's `MaxAbsScalerModel` (§5.14): divides each feature of the `inputCol`
 * vectors by its maximum absolute value (features whose maximum is 0 are left unchanged) and
 * appends the result as `outputCol` (VECTOR). Sparse inputs stay sparse, dense stay dense.
 *
 * Params: `inputCol` (`"input"`), `outputCol` (`"output"`).
 *
 * Deviations: a vector whose size differs from the model's dimension throws
 * FeatureDimensionError (Java: `Vector size mismatched.`); a null vector throws
 * ColumnTypeMismatchError (Java: NullPointerException).
 */
export class MaxAbsScalerModelServable extends ModelServable.withParams(
  HasInputCol,
  HasOutputCol,
)<MaxAbsScalerModelData> {
  /** See {@link MAX_ABS_SCALER_MODEL_CLASS}. */
  readonly className = MAX_ABS_SCALER_MODEL_CLASS;
  /** See {@link MAX_ABS_SCALER_MODEL_DATA_FORMAT}. */
  readonly modelDataFormat = MAX_ABS_SCALER_MODEL_DATA_FORMAT;

  /** Loads a saved MaxAbsScalerModel (metadata and `data/`). */
  static load(path: string): Promise<MaxAbsScalerModelServable> {
    return loadStage(path, () => new MaxAbsScalerModelServable());
  }

  /** Appends `outputCol`: the scaled `inputCol` vectors. */
  transform(input: DataFrame): DataFrame {
    const scale = this.requireModel().scale;
    return appendScaledColumn(
      input,
      this.getInputCol(),
      this.getOutputCol(),
      'MaxAbsScalerModel',
      scale,
    );
  }
}
