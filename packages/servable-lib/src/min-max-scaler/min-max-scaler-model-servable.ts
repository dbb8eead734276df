import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import {
  DoubleParam,
  HasInputCol,
  HasOutputCol,
  loadStage,
  ModelServable,
  mapVectorColumn,
  ParamValidators,
  paramMixin,
  singleRecordFormat,
} from '@servable/servable-api';
import { type MinMaxScaling, minMaxScale, minMaxScaling } from './min-max-scale.js';
import {
  type MinMaxScalerModelData,
  MinMaxScalerModelDataCodec,
  validateMinMaxScalerModelData,
} from './min-max-scaler-model-data.js';

/** The Java class name of Flink ML's MinMaxScalerModel. */
export const MIN_MAX_SCALER_MODEL_CLASS =
  'org.apache.flink.ml.feature.minmaxscaler.MinMaxScalerModel';

/** MinMaxScalerModel's model data format: one {@link MinMaxScalerModelData} record. */
export const MIN_MAX_SCALER_MODEL_DATA_FORMAT = singleRecordFormat<MinMaxScalerModelData>({
  name: 'MinMaxScalerModelData',
  codec: MinMaxScalerModelDataCodec,
  validate: validateMinMaxScalerModelData,
});

/** Param `min`: lower bound of the output range (default 0.0). */
export const MIN = new DoubleParam(
  'min',
  'Lower bound of the output feature range.',
  0.0,
  ParamValidators.notNull(),
);
/** Param `max`: upper bound of the output range (default 1.0). */
export const MAX = new DoubleParam(
  'max',
  'Upper bound of the output feature range.',
  1.0,
  ParamValidators.notNull(),
);

/** Accessors of {@link MIN}. */
export interface HasMin {
  /** The lower bound of the output range. */
  getMin(): number;
  /** Sets the lower bound of the output range. */
  setMin(value: number): this;
}
/** Mixin of {@link MIN}. */
export const HasMin = paramMixin<HasMin>(MIN, 'Min');
/** Accessors of {@link MAX}. */
export interface HasMax {
  /** The upper bound of the output range. */
  getMax(): number;
  /** Sets the upper bound of the output range. */
  setMax(value: number): this;
}
/** Mixin of {@link MAX}. */
export const HasMax = paramMixin<HasMax>(MAX, 'Max');

/**
 * Servable of Flink ML's `MinMaxScalerModel` (§5.15): maps each feature linearly from its
 * training range [minV, maxV] to [`min`, `max`] (a feature whose training range is narrower than
 * 1e-5 maps to the middle of [`min`, `max`]) and appends the result as `outputCol`, always a
 * DenseVector of the model's dimension (sparse inputs are densified).
 *
 * Params: `inputCol` (`"input"`), `outputCol` (`"output"`), `min` (0.0), `max` (1.0).
 *
 * Fidelity: like Java, only the first `dim` features of a longer input are used; a shorter
 * input throws FeatureDimensionError (Java: ArrayIndexOutOfBoundsException); a null vector
 * throws ColumnTypeMismatchError (Java: NullPointerException). Model data whose min and max
 * vectors differ in dimension (never written by Flink ML) is rejected.
 */
export class MinMaxScalerModelServable extends ModelServable.withParams(
  HasInputCol,
  HasOutputCol,
  HasMin,
  HasMax,
)<MinMaxScalerModelData> {
  /** See {@link MIN_MAX_SCALER_MODEL_CLASS}. */
  readonly className = MIN_MAX_SCALER_MODEL_CLASS;
  /** See {@link MIN_MAX_SCALER_MODEL_DATA_FORMAT}. */
  readonly modelDataFormat = MIN_MAX_SCALER_MODEL_DATA_FORMAT;
  private cached:
    | { model: MinMaxScalerModelData; min: number; max: number; scaling: MinMaxScaling }
    | undefined;

  /** Loads a saved MinMaxScalerModel (metadata and `data/`). */
  static load(path: string): Promise<MinMaxScalerModelServable> {
    return loadStage(path, () => new MinMaxScalerModelServable());
  }

  /** Appends `outputCol`: the rescaled `inputCol` vectors (dense). */
  transform(input: DataFrame): DataFrame {
    const model = this.requireModel();
    const scaling = this.scalingFor(model, this.getMin(), this.getMax());
    const dim = scaling.scale.length;
    const inputCol = this.getInputCol();
    const out = mapVectorColumn(
      input,
      { column: inputCol, stage: 'MinMaxScalerModel', dimension: dim, dimensionRule: 'atLeast' },
      (v) => new DenseVector(minMaxScale(scaling, v.toArray())),
    );
    return input.addColumn(this.getOutputCol(), DataTypes.VECTOR(BasicType.DOUBLE), out);
  }

  private scalingFor(model: MinMaxScalerModelData, min: number, max: number): MinMaxScaling {
    const c = this.cached;
    if (c !== undefined && c.model === model && Object.is(c.min, min) && Object.is(c.max, max))
      return c.scaling;
    const scaling = minMaxScaling(model, min, max);
    this.cached = { model, min, max, scaling };
    return scaling;
  }
}
