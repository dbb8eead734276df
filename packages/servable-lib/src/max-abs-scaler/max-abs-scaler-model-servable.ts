import type { DataFrame } from '@servable/dataframe';
import type { Vector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  FeatureDimensionError,
  HasInputCol,
  HasOutputCol,
  loadStage,
  ModelServable,
  requireVectorColumn,
  singleRecordFormat,
} from '@servable/servable-api';
import { scaledClone } from '../java/scaled-clone.js';
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
    const inputCol = this.getInputCol();
    const vectors = requireVectorColumn(input, inputCol, 'MaxAbsScalerModel');
    const out: Vector[] = new Array(vectors.length);
    for (let r = 0; r < vectors.length; r++) {
      const v = vectors[r];
      if (v == null) throw new ColumnTypeMismatchError(inputCol, 'a vector', 'null', r);
      if (v.size() !== scale.length)
        throw new FeatureDimensionError(inputCol, r, scale.length, v.size());
      out[r] = scaledClone(scale, v);
    }
    return input.addColumn(this.getOutputCol(), input.getDataType(inputCol), out);
  }
}
