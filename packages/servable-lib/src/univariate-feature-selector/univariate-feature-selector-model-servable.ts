import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, type Vector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  HasFeaturesCol,
  HasOutputCol,
  JavaFeatureDimensionError,
  loadStage,
  ModelServable,
  mapVectorColumn,
  requireVectorColumn,
} from '@servable/servable-api';
import { SortedIndicesCache, selectByIndices } from './select-by-indices.js';
import {
  UNIVARIATE_FEATURE_SELECTOR_MODEL_DATA_FORMAT,
  type UnivariateFeatureSelectorModelData,
} from './univariate-feature-selector-model-data.js';

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/**
 * Serves Flink ML's `UnivariateFeatureSelectorModel`: keeps the selected features of each
 * vector, in ascending index order.
 *
 * - Params: `featuresCol` ("features"), `outputCol` ("output").
 * - The model's indices are sorted once. No index selected → every row gets an empty dense
 *   vector (whatever the input). Otherwise each vector must have more than `max(index)` entries
 *   (Java's message `Input <n> features, but UnivariateFeatureSelector is expecting at least
 *   <max+1> features as input.`, as {@link JavaFeatureDimensionError}); dense input gives a dense
 *   output, sparse input a sparse one (see {@link selectByIndices}).
 * - A null vector fails with {@link ColumnTypeMismatchError} (Java: NullPointerException).
 */
export class UnivariateFeatureSelectorModelServable extends ModelServable.withParams(
  HasFeaturesCol,
  HasOutputCol,
)<UnivariateFeatureSelectorModelData> {
  /** The Java class name of the saved model. */
  static readonly CLASS_NAME =
    'org.apache.flink.ml.feature.univariatefeatureselector.UnivariateFeatureSelectorModel';
  readonly className: string = UnivariateFeatureSelectorModelServable.CLASS_NAME;
  readonly modelDataFormat = UNIVARIATE_FEATURE_SELECTOR_MODEL_DATA_FORMAT;
  private readonly sortedIndices = new SortedIndicesCache();

  /** Loads a UnivariateFeatureSelectorModel saved by Flink ML (or by `save`). */
  static load(path: string): Promise<UnivariateFeatureSelectorModelServable> {
    return loadStage(path, () => new UnivariateFeatureSelectorModelServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const indices = this.sortedIndices.of(this.requireModel());
    const column = this.getFeaturesCol();
    const stage = 'UnivariateFeatureSelectorModelServable';
    let out: Vector[];
    if (indices.length === 0) {
      // Every row selects nothing (null rows included, as in Java).
      const n = requireVectorColumn(input, column, stage).length;
      out = new Array<Vector>(n);
      for (let r = 0; r < n; r++) out[r] = new DenseVector(0);
    } else {
      const needed = indices[indices.length - 1]! + 1;
      const spec = {
        column,
        stage,
        dimension: needed,
        dimensionRule: 'atLeast' as const,
        dimensionError: (r: number, found: number) =>
          new JavaFeatureDimensionError(
            `Input ${found} features, but UnivariateFeatureSelector is expecting at least ${needed} features as input.`,
            column,
            r,
            needed,
            found,
          ),
      };
      out = mapVectorColumn(input, spec, (v) => selectByIndices(v, indices));
    }
    return input.addColumn(this.getOutputCol(), VECTOR, out);
  }
}
