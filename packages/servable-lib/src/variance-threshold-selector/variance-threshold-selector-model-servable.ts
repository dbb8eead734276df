import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  HasInputCol,
  HasOutputCol,
  JavaFeatureDimensionError,
  loadStage,
  ModelServable,
  mapVectorColumn,
} from '@servable/servable-api';
import {
  SortedIndicesCache,
  selectByIndices,
} from '../univariate-feature-selector/select-by-indices.js';
import {
  VARIANCE_THRESHOLD_SELECTOR_MODEL_DATA_FORMAT,
  type VarianceThresholdSelectorModelData,
} from './variance-threshold-selector-model-data.js';

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/**
 * Serves Flink ML's `VarianceThresholdSelectorModel`: keeps the features whose training variance
 * exceeded the threshold, in ascending index order.
 *
 * - Params: `inputCol` ("input"), `outputCol` ("output").
 * - Every vector must have exactly `numOfFeatures` entries (Java's message `<inputCol> has <n>
 *   features, but VarianceThresholdSelector is expecting <numOfFeatures> features as input.`, as
 *   {@link JavaFeatureDimensionError}); then no index selected → an empty dense vector, else
 *   {@link selectByIndices} (dense → dense, sparse → sparse).
 * - A null vector fails with {@link ColumnTypeMismatchError} (Java: NullPointerException).
 * - Model data whose indices fall outside `[0, numOfFeatures)` is rejected when set (Java would
 *   fail on the first dense row).
 */
export class VarianceThresholdSelectorModelServable extends ModelServable.withParams(
  HasInputCol,
  HasOutputCol,
)<VarianceThresholdSelectorModelData> {
  /** The Java class name of the saved model. */
  static readonly CLASS_NAME =
    'org.apache.flink.ml.feature.variancethresholdselector.VarianceThresholdSelectorModel';
  readonly className: string = VarianceThresholdSelectorModelServable.CLASS_NAME;
  readonly modelDataFormat = VARIANCE_THRESHOLD_SELECTOR_MODEL_DATA_FORMAT;
  private readonly sortedIndices = new SortedIndicesCache();

  /** Loads a VarianceThresholdSelectorModel saved by Flink ML (or by `save`). */
  static load(path: string): Promise<VarianceThresholdSelectorModelServable> {
    return loadStage(path, () => new VarianceThresholdSelectorModelServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const model = this.requireModel();
    const indices = this.sortedIndices.of(model);
    const expected = model.numOfFeatures;
    const column = this.getInputCol();
    const spec = {
      column,
      stage: 'VarianceThresholdSelectorModelServable',
      dimension: expected,
      dimensionError: (r: number, found: number) =>
        new JavaFeatureDimensionError(
          `${column} has ${found} features, but VarianceThresholdSelector is expecting ${expected} features as input.`,
          column,
          r,
          expected,
          found,
        ),
    };
    const out = mapVectorColumn(input, spec, (v) =>
      indices.length === 0 ? new DenseVector(0) : selectByIndices(v, indices),
    );
    return input.addColumn(this.getOutputCol(), VECTOR, out);
  }
}
