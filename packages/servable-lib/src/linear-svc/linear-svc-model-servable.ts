import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import {
  DoubleParam,
  forEachVector,
  HasFeaturesCol,
  HasPredictionCol,
  HasRawPredictionCol,
  loadStage,
  ModelServable,
  ParamValidators,
  paramMixin,
  singleRecordFormat,
  withNumerics,
} from '@servable/servable-api';
import { coefficientDot } from '../logistic-regression/coefficient-dot.js';
import { type LinearSVCModelData, LinearSVCModelDataCodec } from './linear-svc-model-data.js';

/** `threshold` = 0.0 (not null): the decision threshold applied to the raw prediction. */
export const THRESHOLD = new DoubleParam(
  'threshold',
  'Threshold in binary classification prediction applied to rawPrediction.',
  0.0,
  ParamValidators.notNull(),
);

/** Accessors of {@link THRESHOLD}. */
export interface HasThreshold {
  /** The decision threshold. */
  getThreshold(): number;
  /** Sets the decision threshold. */
  setThreshold(value: number): this;
}

/** Mixin of {@link THRESHOLD}. */
export const HasThreshold = paramMixin<HasThreshold>(THRESHOLD, 'Threshold');

/** The model data format of {@link LinearSVCModelServable}: one `LinearSVCModelData` record. */
export const LINEAR_SVC_MODEL_DATA_FORMAT = singleRecordFormat<LinearSVCModelData>({
  name: 'LinearSVCModelData',
  codec: LinearSVCModelDataCodec,
});

/**
 * Serves Flink ML's `org.apache.flink.ml.classification.linearsvc.LinearSVCModel`.
 *
 * For each row: `dot = features · coefficient` (the features densified first, as Java does),
 * `prediction = dot >= threshold ? 1.0 : 0.0`, `rawPrediction = [dot, -dot]` (dense).
 *
 * Params: `featuresCol` ("features"), `predictionCol` ("prediction"), `rawPredictionCol`
 * ("rawPrediction"), `threshold` (0.0). Output columns: prediction (DOUBLE), rawPrediction
 * (VECTOR, dense).
 *
 * Fidelity: the dot product uses `FmaBLAS` (netlib's `ddot` with fused multiply-adds), bit for
 * bit what Flink ML computes on Java 11+.
 *
 * @example
 * ```ts
 * const svc = new LinearSVCModelServable().setModel({ coefficient: Vectors.dense(1, -1) });
 * svc.transform(df); // df + prediction + rawPrediction
 * ```
 */
export class LinearSVCModelServable extends withNumerics(
  ModelServable.withParams(HasFeaturesCol, HasPredictionCol, HasRawPredictionCol, HasThreshold),
)<LinearSVCModelData> {
  /** The Java class this servable serves. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.classification.linearsvc.LinearSVCModel';
  /** See {@link TransformerServable.className}. */
  readonly className = LinearSVCModelServable.CLASS_NAME;
  /** See {@link ModelServable.modelDataFormat}. */
  readonly modelDataFormat = LINEAR_SVC_MODEL_DATA_FORMAT;

  /** Loads a `LinearSVCModel` saved by Flink ML (or by {@link LinearSVCModelServable.save}). */
  static load(path: string): Promise<LinearSVCModelServable> {
    return loadStage(path, () => new LinearSVCModelServable());
  }

  /**
   * Appends the prediction and raw prediction of every row.
   *
   * @throws ModelNotLoadedError before any model data.
   * @throws MissingColumnError / ColumnTypeMismatchError for a missing or non-vector (or null)
   *   features value; FeatureDimensionError when a vector's size differs from the coefficient's.
   */
  transform(input: DataFrame): DataFrame {
    const model = this.requireModel();
    const featuresCol = this.getFeaturesCol();
    const threshold = this.getThreshold();
    const coefficient = model.coefficient;
    const n = input.numRows();
    const predictions = new Float64Array(n);
    const rawValues = new Float64Array(2 * n);
    const raw = new Array<DenseVector>(n);
    const prepared = coefficientDot(coefficient, this.getNumerics());
    const spec = { column: featuresCol, stage: 'LinearSVCModel', dimension: coefficient.size() };
    forEachVector(input, spec, (v, row) => {
      // Java densifies the features first (so a sparse row gets the dense, fused kernel).
      const dot = prepared.denseDot(v.toDense().values);
      predictions[row] = dot >= threshold ? 1.0 : 0.0;
      rawValues[2 * row] = dot;
      rawValues[2 * row + 1] = -dot;
      raw[row] = new DenseVector(rawValues.subarray(2 * row, 2 * row + 2));
    });
    return input
      .addColumn(this.getPredictionCol(), DataTypes.DOUBLE, predictions)
      .addColumn(this.getRawPredictionCol(), DataTypes.VECTOR(BasicType.DOUBLE), raw);
  }
}
