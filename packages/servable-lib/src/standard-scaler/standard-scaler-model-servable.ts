import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, FmaBLAS, type Vector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  FeatureDimensionError,
  HasInputCol,
  HasOutputCol,
  loadStage,
  ModelServable,
  requireVectorColumn,
} from '@servable/servable-api';
import {
  STANDARD_SCALER_MODEL_DATA_FORMAT,
  type StandardScalerModelData,
} from './standard-scaler-model-data.js';
import { HasWithMean, HasWithStd } from './standard-scaler-params.js';

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/** Per-model precomputed scale factors (`std == 0 ? 0 : 1/std`), computed once per model. */
const SCALES = new WeakMap<StandardScalerModelData, DenseVector>();

function scalesOf(model: StandardScalerModelData): DenseVector {
  let scale = SCALES.get(model);
  if (scale === undefined) {
    const std = model.std.values;
    const values = new Float64Array(std.length);
    for (let i = 0; i < std.length; i++) {
      const s = std[i] as number;
      values[i] = s === 0 ? 0 : 1 / s;
    }
    scale = new DenseVector(values);
    SCALES.set(model, scale);
  }
  return scale;
}

/**
 * Serves a StandardScaler model saved by Flink ML's `StandardScalerModel`.
 *
 * Params: `inputCol` ("input"), `outputCol` ("output"), `withMean` (false), `withStd` (true).
 * For each row: `out = input.clone()`; with `withMean`, `out = out.toDense() − mean`; with
 * `withStd`, `out_i *= (std_i == 0 ? 0 : 1/std_i)` (a sparse input without `withMean` stays
 * sparse). Appends `outputCol` (VECTOR).
 */
export class StandardScalerModelServable extends ModelServable.withParams(
  HasInputCol,
  HasOutputCol,
  HasWithMean,
  HasWithStd,
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
    const vectors = requireVectorColumn(input, inputCol, 'StandardScalerModelServable');
    const withMean = this.getWithMean();
    const withStd = this.getWithStd();
    const mean = model.mean;
    const scale = scalesOf(model);
    const dim = mean.size();
    const n = vectors.length;
    const out = new Array<Vector>(n);
    for (let r = 0; r < n; r++) {
      const v = vectors[r];
      if (v === null || v === undefined) {
        throw new ColumnTypeMismatchError(inputCol, 'VECTOR(DOUBLE)', 'null', r);
      }
      if (v.size() !== dim) throw new FeatureDimensionError(inputCol, r, dim, v.size());
      let result: Vector = v.clone();
      if (withMean) {
        const dense = result.toDense();
        FmaBLAS.axpy(-1, mean, dense);
        result = dense;
      }
      if (withStd) FmaBLAS.hDot(scale, result);
      out[r] = result;
    }
    return input.addColumn(this.getOutputCol(), VECTOR, out);
  }
}
