import { type DataFrame, DataTypes } from '@servable/dataframe';
import {
  ColumnTypeMismatchError,
  HasInputCol,
  HasOutputCol,
  IntParam,
  loadStage,
  ModelServable,
  ParamValidators,
  requireColumn,
} from '@servable/servable-api';
import { THRESHOLD_MODEL_DATA_FORMAT, type ThresholdModelData } from './threshold-model-data.js';

/**
 * `elementIndex` = 0: which element of a vector input column is compared with the threshold
 * (ignored for a DOUBLE input column).
 */
export const ELEMENT_INDEX = new IntParam(
  'elementIndex',
  'The element of a vector input compared with the threshold.',
  0,
  ParamValidators.gtEq(0),
);

/**
 * A tiny custom model servable: labels each row 1.0 when its score (a DOUBLE column, or one
 * element of a vector column, e.g. the probability in LogisticRegression's `rawPrediction`) is
 * at or above the model's threshold, else 0.0.
 *
 * It is not a Flink ML class: it saves under its own class name
 * (`com.example.servable.ThresholdModel`), and the plugin registers it under that name.
 */
export class ThresholdModelServable extends ModelServable.withParams(
  HasInputCol,
  HasOutputCol,
  ELEMENT_INDEX,
)<ThresholdModelData> {
  /** The class name written into saved metadata. */
  static readonly CLASS_NAME = 'com.example.servable.ThresholdModel';
  readonly className: string = ThresholdModelServable.CLASS_NAME;
  readonly modelDataFormat = THRESHOLD_MODEL_DATA_FORMAT;

  /** Loads a saved ThresholdModel stage. */
  static load(path: string): Promise<ThresholdModelServable> {
    return loadStage(path, () => new ThresholdModelServable());
  }

  /** Appends `outputCol` (DOUBLE): 1.0 at or above the threshold, else 0.0. */
  transform(input: DataFrame): DataFrame {
    const { threshold } = this.requireModel();
    const column = this.getInputCol();
    const index = requireColumn(input, column, 'ThresholdModelServable');
    const type = input.getDataType(index);
    const n = input.numRows();
    const labels = new Float64Array(n);
    if (type.kind === 'vector') {
      const element = this.get(ELEMENT_INDEX);
      const vectors = input.getVectors(index);
      for (let r = 0; r < n; r++) {
        const v = vectors[r];
        if (v === null || v === undefined) {
          throw new ColumnTypeMismatchError(column, 'VECTOR(DOUBLE)', 'null', r);
        }
        labels[r] = v.get(element) >= threshold ? 1 : 0;
      }
    } else if (type.kind === 'scalar' && type.isNumeric()) {
      const scores = input.getDoubles(index);
      for (let r = 0; r < n; r++) labels[r] = (scores[r] as number) >= threshold ? 1 : 0;
    } else {
      throw new ColumnTypeMismatchError(column, 'DOUBLE or VECTOR(DOUBLE)', type.toString());
    }
    return input.addColumn(this.getOutputCol(), DataTypes.DOUBLE, labels);
  }
}
