import { type DataFrame, DataTypes } from '@servable/dataframe';
import {
  ColumnTypeMismatchError,
  DoubleParam,
  HasInputCols,
  HasOutputCols,
  loadStage,
  ModelServable,
  paramMixin,
  requireColumn,
  ServableError,
  singleRecordFormat,
} from '@servable/servable-api';
import { type ImputerInputType, imputeColumn } from './impute.js';
import { type ImputerModelData, ImputerModelDataCodec } from './imputer-model-data.js';

/** The Java class name of Flink ML's ImputerModel. */
export const IMPUTER_MODEL_CLASS = 'org.apache.flink.ml.feature.imputer.ImputerModel';

/** ImputerModel's model data format: one {@link ImputerModelData} record. */
export const IMPUTER_MODEL_DATA_FORMAT = singleRecordFormat<ImputerModelData>({
  name: 'ImputerModelData',
  codec: ImputerModelDataCodec,
});

/** Param `missingValue` (default NaN, written as `"NaN"`): the value that marks a missing entry. */
export const MISSING_VALUE = new DoubleParam(
  'missingValue',
  'The placeholder for the missing values. All occurrences of missingValue will be imputed.',
  Number.NaN,
);

/** Accessors of {@link MISSING_VALUE}. */
export interface HasMissingValue {
  /** The value that marks a missing entry. */
  getMissingValue(): number;
  /** Sets the value that marks a missing entry. */
  setMissingValue(value: number): this;
}
/** Mixin of {@link MISSING_VALUE}. */
export const HasMissingValue = paramMixin<HasMissingValue>(MISSING_VALUE, 'MissingValue');

const NUMERIC: ReadonlySet<string> = new Set(['DOUBLE', 'FLOAT', 'LONG', 'INT', 'SHORT', 'BYTE']);

/**
 * Servable of Flink ML's `ImputerModel` (§5.11): for each `inputCols[i]`, appends the DOUBLE
 * column `outputCols[i]` in which nulls and values equal to `missingValue` (Java `Double.equals`:
 * NaN matches NaN, `0.0` does not match `-0.0`) are replaced by the column's surrogate.
 *
 * Params: `inputCols`, `outputCols` (same length), `missingValue` (NaN).
 *
 * **Deviation (read by name).** Flink ML Java reads the value of `inputCols[i]` from the i-th
 * field of the row *by position* (`row.getField(i)`), a bug that gives the right answer only
 * when the input columns are the first columns of the table, in `inputCols` order. This servable
 * reads each input column by its name: identical to Java whenever Java was correct (every model
 * Flink ML Java saved and served correctly gives the same answers), and correct otherwise.
 *
 * Values are converted as Java's `Double.valueOf(value.toString())`: doubles and integers are
 * unchanged, a FLOAT value goes through `Float.toString` (`1.1f` → `1.1`). Input columns must be
 * numeric (DOUBLE, FLOAT, LONG, INT, SHORT, BYTE). Every input column must have a surrogate
 * (Java: `Column <name> is unacceptable for the Imputer model.`); this is checked even on an
 * empty input, where Java checks nothing.
 */
export class ImputerModelServable extends ModelServable.withParams(
  HasInputCols,
  HasOutputCols,
  HasMissingValue,
)<ImputerModelData> {
  /** See {@link IMPUTER_MODEL_CLASS}. */
  readonly className = IMPUTER_MODEL_CLASS;
  /** See {@link IMPUTER_MODEL_DATA_FORMAT}. */
  readonly modelDataFormat = IMPUTER_MODEL_DATA_FORMAT;

  /** Loads a saved ImputerModel (metadata and `data/`). */
  static load(path: string): Promise<ImputerModelServable> {
    return loadStage(path, () => new ImputerModelServable());
  }

  /** Appends one imputed DOUBLE column per input column. */
  transform(input: DataFrame): DataFrame {
    const surrogates = this.requireModel().surrogates;
    const inputCols = this.getInputCols();
    const outputCols = this.getOutputCols();
    if (inputCols.length !== outputCols.length) {
      throw new ServableError(
        'COLUMN_COUNT_MISMATCH',
        `ImputerModel: inputCols has ${inputCols.length} columns but outputCols has ${outputCols.length}; they must be the same.`,
      );
    }
    for (const col of inputCols) {
      if (!surrogates.has(col)) {
        throw new ServableError(
          'UNACCEPTABLE_COLUMN',
          `Column ${col} is unacceptable for the Imputer model.`,
        );
      }
    }
    const missingValue = this.getMissingValue();
    const columns: Float64Array[] = inputCols.map((col) => {
      const index = requireColumn(input, col, 'ImputerModel');
      const type = input.getDataType(index);
      if (type.kind !== 'scalar' || !NUMERIC.has(type.basicType)) {
        throw new ColumnTypeMismatchError(col, 'a numeric column', type.toString());
      }
      const values = input.column(index) as Float64Array | readonly (number | null)[];
      return imputeColumn(
        values,
        type.basicType as ImputerInputType,
        missingValue,
        surrogates.get(col) as number,
      );
    });
    let out = input;
    columns.forEach((values, i) => {
      out = out.addColumn(outputCols[i] as string, DataTypes.DOUBLE, values);
    });
    return out;
  }
}
