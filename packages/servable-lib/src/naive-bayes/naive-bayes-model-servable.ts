import { type DataFrame, DataTypes } from '@servable/dataframe';
import {
  forEachVector,
  HasFeaturesCol,
  HasPredictionCol,
  loadStage,
  ModelServable,
  ParamValidators,
  paramMixin,
  StringParam,
  singleRecordFormat,
} from '@servable/servable-api';
import {
  type NaiveBayesModelData,
  NaiveBayesModelDataCodec,
  validateNaiveBayesModelData,
} from './naive-bayes-model-data.js';
import { naiveBayesPredict } from './naive-bayes-predict.js';

/** The values of NaiveBayes' `modelType`. */
export type NaiveBayesModelType = 'multinomial';

/** `modelType` = "multinomial" (the only supported value). */
export const MODEL_TYPE = new StringParam<NaiveBayesModelType>(
  'modelType',
  'The model type.',
  'multinomial',
  ParamValidators.inArray<NaiveBayesModelType>('multinomial'),
);

/** Accessors of {@link MODEL_TYPE}. */
export interface HasModelType {
  /** The model type. */
  getModelType(): NaiveBayesModelType;
  /** Sets the model type. */
  setModelType(value: NaiveBayesModelType): this;
}

/** Mixin of {@link MODEL_TYPE}. */
export const HasModelType = paramMixin<HasModelType>(MODEL_TYPE, 'ModelType');

/** The model data format of {@link NaiveBayesModelServable}: one `NaiveBayesModelData` record. */
export const NAIVE_BAYES_MODEL_DATA_FORMAT = singleRecordFormat<NaiveBayesModelData>({
  name: 'NaiveBayesModelData',
  codec: NaiveBayesModelDataCodec,
  validate: validateNaiveBayesModelData,
});

/**
 * Serves Flink ML's `org.apache.flink.ml.classification.naivebayes.NaiveBayesModel`
 * (multinomial): for each label, the sum of the log probabilities of the row's feature values
 * plus the label's log prior; the label with the largest sum (the first on ties) is predicted.
 *
 * Params: `featuresCol` ("features"), `predictionCol` ("prediction"), `modelType`
 * ("multinomial"). Output: prediction (DOUBLE). Dense and sparse features are accepted (a
 * sparse vector's unstored entries are the value `0.0`).
 *
 * Fidelity decisions:
 * - **Transposed dimensions in Java's decoder.** Model data is read as `theta[label][feature]`,
 *   exactly as Flink ML's encoder writes it (see {@link NaiveBayesModelDataCodec}). Models with
 *   as many labels as features, the only ones Java can load from disk, give the same answers as
 *   on Java; other shapes, which Java's decoder rejects, are served as Java serves them in the
 *   training job.
 * - A feature value the model has never seen fails the transform with
 *   {@link NaiveBayesPredictionError} (`UNSEEN_FEATURE_VALUE`), where Java throws a
 *   `NullPointerException`; keys compare as Java `Double`s (`-0.0` is not `0.0`).
 * - A vector longer than the model's feature count fails with `FeatureDimensionError` (Java:
 *   `ArrayIndexOutOfBoundsException`); a shorter one is scored on its entries only, as in Java.
 *
 * @example
 * ```ts
 * const nb = await NaiveBayesModelServable.load('/models/naive-bayes');
 * nb.transform(df); // df + prediction
 * ```
 */
export class NaiveBayesModelServable extends ModelServable.withParams(
  HasFeaturesCol,
  HasPredictionCol,
  HasModelType,
)<NaiveBayesModelData> {
  /** The Java class this servable serves. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.classification.naivebayes.NaiveBayesModel';
  /** See {@link TransformerServable.className}. */
  readonly className = NaiveBayesModelServable.CLASS_NAME;
  /** See {@link ModelServable.modelDataFormat}. */
  readonly modelDataFormat = NAIVE_BAYES_MODEL_DATA_FORMAT;

  /** Loads a `NaiveBayesModel` saved by Flink ML (or by `save`). */
  static load(path: string): Promise<NaiveBayesModelServable> {
    return loadStage(path, () => new NaiveBayesModelServable());
  }

  /**
   * Appends the predicted label of every row.
   *
   * @throws ModelNotLoadedError before any model data.
   * @throws MissingColumnError / ColumnTypeMismatchError for a missing or non-vector (or null)
   *   features value; FeatureDimensionError for a vector longer than the model's features.
   * @throws NaiveBayesPredictionError for an unseen feature value, or when no label has a
   *   finite score.
   */
  transform(input: DataFrame): DataFrame {
    const model = this.requireModel();
    const column = this.getFeaturesCol();
    const probs = new Float64Array(model.labels.size());
    const predictions = new Float64Array(input.numRows());
    const spec = {
      column,
      stage: 'NaiveBayesModel',
      dimension: model.theta[0]?.length ?? 0,
      dimensionRule: model.theta.length > 0 ? ('atMost' as const) : ('none' as const),
    };
    forEachVector(input, spec, (v, row) => {
      predictions[row] = naiveBayesPredict(model, v, probs, { column, row });
    });
    return input.addColumn(this.getPredictionCol(), DataTypes.DOUBLE, predictions);
  }
}
