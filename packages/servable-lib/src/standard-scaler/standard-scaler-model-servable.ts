import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import {
  HasInputCol,
  HasOutputCol,
  loadStage,
  ModelServable,
  withNumerics,
} from '@servable/servable-api';
import {
  STANDARD_SCALER_MODEL_DATA_FORMAT,
  type StandardScalerModelData,
} from './standard-scaler-model-data.js';
import { HasWithMean, HasWithStd } from './standard-scaler-params.js';
import { standardizeColumn, standardScalerScales } from './standardize.js';

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/**
 * Serves a StandardScaler model saved by Flink ML's `StandardScalerModel`.
 *
 * Params: `inputCol` ("input"), `outputCol` ("output"), `withMean` (false), `withStd` (true).
 * For each row: `out = input.clone()`; with `withMean`, `out = out.toDense() − mean`; with
 * `withStd`, `out_i *= (std_i == 0 ? 0 : 1/std_i)` (a sparse input without `withMean` stays
 * sparse). Appends `outputCol` (VECTOR).
 *
 * Numerics (`setNumerics`): both `'fast'` and `'java11'` give the same bits here: the only
 * operation Java 11+ fuses, `axpy(-1, mean, x)`, has exact products, so `x - mean` rounds once
 * either way.
 */
export class StandardScalerModelServable extends withNumerics(
  ModelServable.withParams(HasInputCol, HasOutputCol, HasWithMean, HasWithStd),
)<StandardScalerModelData> {
  /** The Java class name of the saved model. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.standardscaler.StandardScalerModel';
  readonly className: string = StandardScalerModelServable.CLASS_NAME;
  readonly modelDataFormat = STANDARD_SCALER_MODEL_DATA_FORMAT;

  /** Loads a StandardScalerModel saved by Flink ML (or by {@link save}). */
  static load(path: string): Promise<StandardScalerModelServable> {
    return loadStage(path, () => new StandardScalerModelServable());
  }

  /**
   * Appends `outputCol`.
   *
   * @throws ModelNotLoadedError before any model data.
   * @throws MissingColumnError / ColumnTypeMismatchError for a missing or non-vector (or null)
   *   input column.
   * @throws FeatureDimensionError when a row's vector size differs from the model's.
   */
  transform(input: DataFrame): DataFrame {
    const model = this.requireModel();
    const inputCol = this.getInputCol();
    const withMean = this.getWithMean();
    const withStd = this.getWithStd();
    const mean = model.mean;
    const scale = standardScalerScales(model);
    const out = standardizeColumn(
      input,
      inputCol,
      'StandardScalerModelServable',
      mean,
      scale,
      withMean,
      withStd,
    );
    return input.addColumn(this.getOutputCol(), VECTOR, out);
  }
}
