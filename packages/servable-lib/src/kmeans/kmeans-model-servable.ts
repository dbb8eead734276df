import { type DataFrame, DataTypes } from '@servable/dataframe';
import type { Blas } from '@servable/linalg';
import {
  blasOf,
  HasDistanceMeasure,
  HasFeaturesCol,
  HasPredictionCol,
  IntParam,
  loadStage,
  type ModelDataFormat,
  ModelServable,
  ParamValidators,
  paramMixin,
  simpleClassName,
  singleRecordFormat,
  withNumerics,
} from '@servable/servable-api';
import {
  type KMeansModelData,
  KMeansModelDataCodec,
  validateKMeansModelData,
} from './kmeans-model-data.js';
import { type PreparedCentroids, predictClusters, prepareCentroids } from './kmeans-predict.js';

/** KMeans' `k` = 2 (> 1): the maximum number of clusters. */
export const KMEANS_K = new IntParam(
  'k',
  'The max number of clusters to create.',
  2,
  ParamValidators.gt(1),
);

/** Accessors of {@link KMEANS_K}. */
export interface HasKMeansK {
  /** The maximum number of clusters. */
  getK(): number;
  /** Sets the maximum number of clusters (> 1). */
  setK(value: number): this;
}

/** Mixin of {@link KMEANS_K}. */
export const HasKMeansK = paramMixin<HasKMeansK>(KMEANS_K, 'K');

/** The model data format of KMeans servables: one `KMeansModelData` record. */
export const KMEANS_MODEL_DATA_FORMAT = singleRecordFormat<KMeansModelData>({
  name: 'KMeansModelData',
  codec: KMeansModelDataCodec,
  validate: validateKMeansModelData,
});

/**
 * Serves Flink ML's `org.apache.flink.ml.clustering.kmeans.KMeansModel`: the index of the
 * nearest centroid of every row.
 *
 * Params: `featuresCol` ("features"), `predictionCol` ("prediction"), `k` (2),
 * `distanceMeasure` ("euclidean" | "manhattan" | "cosine"). Output: prediction (**INT**).
 *
 * Fidelity: Java's `findClosest` rules (euclidean lower-bound skip, first of equals, 0 for
 * all-NaN distances; manhattan/cosine give −1 for NaN distances); norms and dots with `FmaBLAS`
 * (Java 11+ bit parity). A model with more centroids than `k` fails at transform, as in Java.
 *
 * @example
 * ```ts
 * const km = await KMeansModelServable.load('/models/kmeans');
 * km.transform(df).getDoubles('prediction'); // cluster ids
 * ```
 */
export class KMeansModelServable extends withNumerics(
  ModelServable.withParams(HasFeaturesCol, HasPredictionCol, HasKMeansK, HasDistanceMeasure),
)<KMeansModelData> {
  /** The Java class this servable serves. */
  static readonly CLASS_NAME: string = 'org.apache.flink.ml.clustering.kmeans.KMeansModel';
  /** See {@link TransformerServable.className}. */
  readonly className: string = KMeansModelServable.CLASS_NAME;
  /** See {@link ModelServable.modelDataFormat}. */
  readonly modelDataFormat: ModelDataFormat<KMeansModelData> = KMEANS_MODEL_DATA_FORMAT;
  private prepared:
    | { model: KMeansModelData; blas: Blas; centroids: PreparedCentroids }
    | undefined;

  /** Loads a `KMeansModel` saved by Flink ML (or by `save`). */
  static load(path: string): Promise<KMeansModelServable> {
    return loadStage(path, () => new KMeansModelServable());
  }

  /**
   * Appends the cluster id (INT) of every row.
   *
   * @throws ModelNotLoadedError before any model data.
   * @throws TooManyCentroidsError when the model has more than `k` centroids.
   * @throws MissingColumnError / ColumnTypeMismatchError / FeatureDimensionError for bad input;
   *   DistanceMeasureError for a zero vector with the cosine measure.
   */
  transform(input: DataFrame): DataFrame {
    const model = this.requireModel();
    let prepared = this.prepared;
    const blas = blasOf(this.getNumerics());
    if (prepared === undefined || prepared.model !== model || prepared.blas !== blas) {
      prepared = { model, blas, centroids: prepareCentroids(model, blas) };
      this.prepared = prepared;
    }
    const ids = predictClusters(
      input,
      this.getFeaturesCol(),
      prepared.centroids,
      this.getDistanceMeasure(),
      this.getK(),
      blas,
      simpleClassName(this.className),
    );
    return input.addColumn(this.getPredictionCol(), DataTypes.INT, ids);
  }
}
