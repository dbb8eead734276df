import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import {
  HasInputCol,
  HasOutputCol,
  loadStage,
  ModelServable,
  mapVectorColumn,
  singleRecordFormat,
} from '@servable/servable-api';
import { discretize } from './discretize.js';
import {
  type KBinsDiscretizerModelData,
  KBinsDiscretizerModelDataCodec,
} from './k-bins-discretizer-model-data.js';

/** The Java class name of Flink ML's KBinsDiscretizerModel. */
export const K_BINS_DISCRETIZER_MODEL_CLASS =
  'org.apache.flink.ml.feature.kbinsdiscretizer.KBinsDiscretizerModel';

/** KBinsDiscretizerModel's model data format: one {@link KBinsDiscretizerModelData} record. */
export const K_BINS_DISCRETIZER_MODEL_DATA_FORMAT = singleRecordFormat<KBinsDiscretizerModelData>({
  name: 'KBinsDiscretizerModelData',
  codec: KBinsDiscretizerModelDataCodec,
});

/**
 * Servable of Flink ML's `KBinsDiscretizerModel` (§5.12): replaces each feature of the
 * `inputCol` vectors by the index of its bin (Java `Arrays.binarySearch` over the feature's
 * edges, clamped to the first and last bin; NaN falls in the last bin) and appends the result as
 * `outputCol`, a DenseVector of the input's size.
 *
 * Params: `inputCol` (`"input"`), `outputCol` (`"output"`).
 *
 * Fidelity: like Java, an input with fewer features than the model is discretized feature by
 * feature; one with more throws FeatureDimensionError (Java: ArrayIndexOutOfBoundsException); a
 * null vector throws ColumnTypeMismatchError (Java: NullPointerException).
 */
export class KBinsDiscretizerModelServable extends ModelServable.withParams(
  HasInputCol,
  HasOutputCol,
)<KBinsDiscretizerModelData> {
  /** See {@link K_BINS_DISCRETIZER_MODEL_CLASS}. */
  readonly className = K_BINS_DISCRETIZER_MODEL_CLASS;
  /** See {@link K_BINS_DISCRETIZER_MODEL_DATA_FORMAT}. */
  readonly modelDataFormat = K_BINS_DISCRETIZER_MODEL_DATA_FORMAT;

  /** Loads a saved KBinsDiscretizerModel (metadata and `data/`). */
  static load(path: string): Promise<KBinsDiscretizerModelServable> {
    return loadStage(path, () => new KBinsDiscretizerModelServable());
  }

  /** Appends `outputCol`: the bin index of every feature. */
  transform(input: DataFrame): DataFrame {
    const edges = this.requireModel().binEdges;
    const inputCol = this.getInputCol();
    const out = mapVectorColumn(
      input,
      {
        column: inputCol,
        stage: 'KBinsDiscretizerModel',
        dimension: edges.length,
        dimensionRule: 'atMost',
      },
      (v) => discretize(edges, v),
    );
    return input.addColumn(this.getOutputCol(), DataTypes.VECTOR(BasicType.DOUBLE), out);
  }
}
