import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import {
  BooleanParam,
  HasInputCol,
  HasOutputCol,
  loadStage,
  ModelServable,
  mapVectorColumn,
  paramMixin,
  singleRecordFormat,
} from '@servable/servable-api';
import { robustScale } from './robust-scale.js';
import {
  type RobustScalerModelData,
  RobustScalerModelDataCodec,
  validateRobustScalerModelData,
} from './robust-scaler-model-data.js';

/** The Java class name of Flink ML's RobustScalerModel. */
export const ROBUST_SCALER_MODEL_CLASS =
  'org.apache.flink.ml.feature.robustscaler.RobustScalerModel';

/** RobustScalerModel's model data format: one {@link RobustScalerModelData} record. */
export const ROBUST_SCALER_MODEL_DATA_FORMAT = singleRecordFormat<RobustScalerModelData>({
  name: 'RobustScalerModelData',
  codec: RobustScalerModelDataCodec,
  validate: validateRobustScalerModelData,
});

/** Param `withCentering`: subtract the median first (default false). */
export const WITH_CENTERING = new BooleanParam(
  'withCentering',
  'Whether to center the data with median before scaling.',
  false,
);
/** Param `withScaling`: divide by the quantile range (default true). */
export const WITH_SCALING = new BooleanParam(
  'withScaling',
  'Whether to scale the data to quantile range.',
  true,
);

/** Accessors of {@link WITH_CENTERING}. */
export interface HasWithCentering {
  /** Whether the median is subtracted. */
  getWithCentering(): boolean;
  /** Sets whether the median is subtracted. */
  setWithCentering(value: boolean): this;
}
/** Mixin of {@link WITH_CENTERING}. */
export const HasWithCentering = paramMixin<HasWithCentering>(WITH_CENTERING, 'WithCentering');
/** Accessors of {@link WITH_SCALING}. */
export interface HasWithScaling {
  /** Whether values are divided by the quantile range. */
  getWithScaling(): boolean;
  /** Sets whether values are divided by the quantile range. */
  setWithScaling(value: boolean): this;
}
/** Mixin of {@link WITH_SCALING}. */
export const HasWithScaling = paramMixin<HasWithScaling>(WITH_SCALING, 'WithScaling');

/**
 * Servable of Flink ML's `RobustScalerModel` (§5.17): optionally subtracts each feature's median
 * (`withCentering`) and multiplies by `1 / range` (`withScaling`; a zero range gives the factor
 * 0, so `-3` becomes `-0.0`, as the Java test asserts), appending the result as `outputCol`,
 * always a DenseVector.
 *
 * Params: `inputCol` (`"input"`), `outputCol` (`"output"`), `withCentering` (false),
 * `withScaling` (true).
 *
 * Errors: a vector of the wrong size throws FeatureDimensionError (Java: `Number of features must
 * be <dim> but got <size>.`); a null vector throws ColumnTypeMismatchError (Java:
 * NullPointerException). Model data whose medians and ranges differ in dimension is rejected.
 */
export class RobustScalerModelServable extends ModelServable.withParams(
  HasInputCol,
  HasOutputCol,
  HasWithCentering,
  HasWithScaling,
)<RobustScalerModelData> {
  /** See {@link ROBUST_SCALER_MODEL_CLASS}. */
  readonly className = ROBUST_SCALER_MODEL_CLASS;
  /** See {@link ROBUST_SCALER_MODEL_DATA_FORMAT}. */
  readonly modelDataFormat = ROBUST_SCALER_MODEL_DATA_FORMAT;

  /** Loads a saved RobustScalerModel (metadata and `data/`). */
  static load(path: string): Promise<RobustScalerModelServable> {
    return loadStage(path, () => new RobustScalerModelServable());
  }

  /** Appends `outputCol`: the centered and/or scaled `inputCol` vectors (dense). */
  transform(input: DataFrame): DataFrame {
    const model = this.requireModel();
    const dim = model.medians.size();
    const withCentering = this.getWithCentering();
    const withScaling = this.getWithScaling();
    const inputCol = this.getInputCol();
    const out = mapVectorColumn(
      input,
      { column: inputCol, stage: 'RobustScalerModel', dimension: dim },
      (v) => new DenseVector(robustScale(model, v.toArray(), withCentering, withScaling)),
    );
    return input.addColumn(this.getOutputCol(), DataTypes.VECTOR(BasicType.DOUBLE), out);
  }
}
