import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { formatJavaDouble, formatJavaFloat, SparseVector } from '@servable/linalg';
import {
  BooleanParam,
  ColumnTypeMismatchError,
  HasHandleInvalid,
  HasInputCols,
  HasOutputCols,
  loadStage,
  ModelServable,
  multiRecordFormat,
  paramMixin,
  requireColumn,
  ServableError,
} from '@servable/servable-api';
import {
  type OneHotEncoderModelData,
  OneHotEncoderRecordCodec,
  oneHotEncoderModelDataFromRecords,
  oneHotEncoderRecords,
} from './one-hot-encoder-model-data.js';

/** The Java class name of Flink ML's OneHotEncoderModel. */
export const ONE_HOT_ENCODER_MODEL_CLASS =
  'org.apache.flink.ml.feature.onehotencoder.OneHotEncoderModel';

/**
 * OneHotEncoderModel's model data format: one 8-byte Kryo record per input column, over any
 * number of files, in any order.
 */
export const ONE_HOT_ENCODER_MODEL_DATA_FORMAT = multiRecordFormat({
  name: 'OneHotEncoderModelData',
  codec: OneHotEncoderRecordCodec,
  fromRecords: oneHotEncoderModelDataFromRecords,
  toRecords: oneHotEncoderRecords,
});

/** Param `dropLast` (default true): drop the last category (its vector is all zeros). */
export const DROP_LAST = new BooleanParam('dropLast', 'Whether to drop the last category.', true);

/** Accessors of {@link DROP_LAST}. */
export interface HasDropLast {
  /** Whether the last category is dropped. */
  getDropLast(): boolean;
  /** Sets whether the last category is dropped. */
  setDropLast(value: boolean): this;
}
/** Mixin of {@link DROP_LAST}. */
export const HasDropLast = paramMixin<HasDropLast>(DROP_LAST, 'DropLast');

const NUMERIC: ReadonlySet<string> = new Set(['DOUBLE', 'FLOAT', 'LONG', 'INT', 'SHORT', 'BYTE']);

/**
 * Servable of Flink ML's `OneHotEncoderModel` (§5.16): for each `inputCols[c]` (category
 * indices), appends `outputCols[c]`, a SparseVector of size `maxIndex_c` (`maxIndex_c + 1` when
 * `dropLast` is false) with 1.0 at the category index; the index equal to the size (the last
 * category when dropping it, or an unseen `maxIndex + 1` otherwise) gives the empty vector.
 *
 * Params: `inputCols`, `outputCols`, `handleInvalid` (`"error"`; as in Java, any other value
 * fails at transform), `dropLast` (true).
 *
 * Model data: one record per input column, possibly spread over several `data/` files (all are
 * read). Errors reproduce Java's messages: `Value <v> cannot be parsed as indexed integer.` for
 * a non-integer value, `Index out of bound.` for a negative or too large index; a null value
 * throws ColumnTypeMismatchError (Java: NullPointerException).
 */
export class OneHotEncoderModelServable extends ModelServable.withParams(
  HasInputCols,
  HasOutputCols,
  HasHandleInvalid,
  HasDropLast,
)<OneHotEncoderModelData> {
  /** See {@link ONE_HOT_ENCODER_MODEL_CLASS}. */
  readonly className = ONE_HOT_ENCODER_MODEL_CLASS;
  /** See {@link ONE_HOT_ENCODER_MODEL_DATA_FORMAT}. */
  readonly modelDataFormat = ONE_HOT_ENCODER_MODEL_DATA_FORMAT;

  /** Loads a saved OneHotEncoderModel (metadata and every file of `data/`). */
  static load(path: string): Promise<OneHotEncoderModelServable> {
    return loadStage(path, () => new OneHotEncoderModelServable());
  }

  /** Appends one one-hot SparseVector column per input column. */
  transform(input: DataFrame): DataFrame {
    const maxIndices = this.requireModel().maxIndices;
    const handleInvalid = this.getHandleInvalid();
    if (handleInvalid !== 'error') {
      throw new ServableError(
        'UNSUPPORTED_PARAM',
        `OneHotEncoderModel supports only handleInvalid "error", found ${JSON.stringify(handleInvalid)}.`,
      );
    }
    const inputCols = this.getInputCols();
    const outputCols = this.getOutputCols();
    if (inputCols.length !== outputCols.length || inputCols.length !== maxIndices.length) {
      throw new ServableError(
        'COLUMN_COUNT_MISMATCH',
        `OneHotEncoderModel: inputCols has ${inputCols.length} columns, outputCols ${outputCols.length} and the model data ${maxIndices.length}; they must be the same.`,
      );
    }
    const offset = this.getDropLast() ? 0 : 1;
    const vectorType = DataTypes.VECTOR(BasicType.DOUBLE);
    const columns = inputCols.map((col, c) => {
      const index = requireColumn(input, col, 'OneHotEncoderModel');
      const type = input.getDataType(index);
      if (type.kind !== 'scalar' || !NUMERIC.has(type.basicType)) {
        throw new ColumnTypeMismatchError(col, 'a numeric column', type.toString());
      }
      const size = (maxIndices[c] as number) + offset;
      const values = input.column(index) as Float64Array | readonly (number | null)[];
      const out: SparseVector[] = new Array(values.length);
      const empty = new Int32Array(0);
      for (let r = 0; r < values.length; r++) {
        const v = values[r];
        if (v == null) throw new ColumnTypeMismatchError(col, 'a category index', 'null', r);
        const idx = javaIntValue(v, type.basicType);
        if (idx !== v) {
          throw new ServableError(
            'NOT_AN_INDEX',
            `Column ${col}, row ${r}: Value ${javaToString(v, type.basicType)} cannot be parsed as indexed integer.`,
          );
        }
        if (idx === size) {
          out[r] = new SparseVector(size, empty, new Float64Array(0));
        } else if (idx < 0 || idx > size) {
          throw new ServableError(
            'INDEX_OUT_OF_BOUND',
            `Column ${col}, row ${r}: Index out of bound. (category index ${idx}, vector size ${size})`,
          );
        } else {
          out[r] = new SparseVector(size, Int32Array.of(idx), Float64Array.of(1.0));
        }
      }
      return out;
    });
    let out = input;
    columns.forEach((values, c) => {
      out = out.addColumn(outputCols[c] as string, vectorType, values);
    });
    return out;
  }
}

/** Java's `Number.intValue()`: saturating truncation for doubles/floats (NaN → 0), low 32 bits for longs. */
function javaIntValue(v: number, type: string): number {
  if (type === 'LONG') return Number(BigInt.asIntN(32, BigInt(v)));
  if (Number.isNaN(v)) return 0;
  if (v >= 2147483647) return 2147483647;
  if (v <= -2147483648) return -2147483648;
  return Math.trunc(v) | 0;
}

/** Java's `Number.toString()` of a value of the given column type. */
function javaToString(v: number, type: string): string {
  if (type === 'DOUBLE') return formatJavaDouble(v);
  if (type === 'FLOAT') return formatJavaFloat(v);
  return String(v);
}
