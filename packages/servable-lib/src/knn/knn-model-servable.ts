import { type DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import {
  blasOf,
  forEachVector,
  HasFeaturesCol,
  HasPredictionCol,
  IntParam,
  loadStage,
  ModelServable,
  ParamValidators,
  paramMixin,
  singleRecordFormat,
  withNumerics,
} from '@servable/servable-api';
import { type KnnModelData, KnnModelDataCodec, validateKnnModelData } from './knn-model-data.js';
import { knnPredict } from './knn-predict.js';

/** KnnModel's `k` = 5 (> 0): the number of nearest neighbours that vote. */
export const KNN_K = new IntParam(
  'k',
  'The number of nearest neighbors.',
  5,
  ParamValidators.gt(0),
);

/** Accessors of {@link KNN_K}. */
export interface HasKnnK {
  /** The number of neighbours. */
  getK(): number;
  /** Sets the number of neighbours (> 0). */
  setK(value: number): this;
}

/** Mixin of {@link KNN_K}. */
export const HasKnnK = paramMixin<HasKnnK>(KNN_K, 'K');

/** The model data format of {@link KnnModelServable}: one `KnnModelData` record. */
export const KNN_MODEL_DATA_FORMAT = singleRecordFormat<KnnModelData>({
  name: 'KnnModelData',
  codec: KnnModelDataCodec,
  validate: validateKnnModelData,
});

/**
 * Serves Flink ML's `org.apache.flink.ml.classification.knn.KnnModel`: the label most frequent
 * among the `k` training points nearest (Euclidean) to each row.
 *
 * Params: `featuresCol` ("features"), `predictionCol` ("prediction"), `k` (5). Output:
 * prediction (DOUBLE); `-1.0` when the model has no training points.
 *
 * Fidelity: distances use `FmaBLAS` (`gemv`, `norm2`), bit for bit as Flink ML on Java 11+;
 * ties between equally distant points and between equally frequent labels are broken exactly as
 * Java does, by emulating `java.util.PriorityQueue` and `java.util.HashMap` iteration order
 * (see {@link knnPredict}). One documented limit: the JDK turns a HashMap bucket holding 8
 * colliding labels into a tree when the map has ≥ 64 buckets (k > 32 neighbours); the order of
 * labels inside such a bucket is not emulated.
 *
 * @example
 * ```ts
 * const knn = await KnnModelServable.load('/models/knn');
 * knn.setK(3).transform(df); // df + prediction
 * ```
 */
export class KnnModelServable extends withNumerics(
  ModelServable.withParams(HasFeaturesCol, HasPredictionCol, HasKnnK),
)<KnnModelData> {
  /** The Java class this servable serves. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.classification.knn.KnnModel';
  /** See {@link TransformerServable.className}. */
  readonly className = KnnModelServable.CLASS_NAME;
  /** See {@link ModelServable.modelDataFormat}. */
  readonly modelDataFormat = KNN_MODEL_DATA_FORMAT;

  /** Loads a `KnnModel` saved by Flink ML (or by `save`). */
  static load(path: string): Promise<KnnModelServable> {
    return loadStage(path, () => new KnnModelServable());
  }

  /**
   * Appends the predicted label of every row.
   *
   * @throws ModelNotLoadedError before any model data.
   * @throws MissingColumnError / ColumnTypeMismatchError for a missing or non-vector (or null)
   *   features value; FeatureDimensionError when a vector's size differs from the training
   *   points'.
   */
  transform(input: DataFrame): DataFrame {
    const model = this.requireModel();
    const featuresCol = this.getFeaturesCol();
    const k = this.getK();
    const distances = new DenseVector(model.labels.size());
    const blas = blasOf(this.getNumerics());
    const predictions = new Float64Array(input.numRows());
    const spec = {
      column: featuresCol,
      stage: 'KnnModel',
      dimension: model.packedFeatures.numRows(),
      // Java's gemv fails on a mismatch (unless there are no training points at all).
      dimensionRule: model.labels.size() > 0 ? ('exact' as const) : ('none' as const),
    };
    forEachVector(input, spec, (v, row) => {
      predictions[row] = knnPredict(model, v.toDense(), k, distances, blas);
    });
    return input.addColumn(this.getPredictionCol(), DataTypes.DOUBLE, predictions);
  }
}
