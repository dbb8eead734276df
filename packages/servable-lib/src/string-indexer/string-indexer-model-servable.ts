import { type BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import {
  HasHandleInvalid,
  HasInputCols,
  HasOutputCols,
  InvalidInputValueError,
  KEEP_INVALID,
  loadStage,
  ModelServable,
  ParamError,
  requireColumn,
  SKIP_INVALID,
} from '@servable/servable-api';
import { javaNumberToString } from '../java/string-value-of.js';
import { NumericKeyIndex } from './numeric-key-index.js';
import { StringIndex } from './string-index.js';
import {
  STRING_INDEXER_MODEL_DATA_FORMAT,
  type StringIndexerModelData,
} from './string-indexer-model-data.js';

/** One input column prepared for lookups: the position of a row's value, and its key text. */
interface ColumnLookup {
  /** The position of row `r`'s value in the model strings, or -1 when unseen. */
  position(r: number): number;
  /** Row `r`'s lookup key (for the unseen-value message). */
  key(r: number): string | null;
}

/**
 * Serves Flink ML's `StringIndexerModel`: maps the values of each input column to the index of
 * that value in the model's string array for the column, as a DOUBLE output column.
 *
 * - Params: `inputCols`, `outputCols` (same length), `handleInvalid` (`error` | `skip` | `keep`,
 *   default `error`).
 * - STRING values are looked up as they are; numbers as Java's `String.valueOf` prints them, so
 *   the column type matters: `2.0` in a DOUBLE column is the key `"2.0"`, `2` in an INT column
 *   the key `"2"` (FLOAT uses `Float.toString`). A null value is the key null. Values of other
 *   types (booleans, vectors, ...) fail with Java's message.
 * - A value the model has not seen: `error` → {@link InvalidInputValueError} with Java's message
 *   `The input contains unseen string: <s>. See handleInvalid parameter for more options.`;
 *   `skip` → the **whole row** is dropped; `keep` → the number of distinct strings of the
 *   column.
 * - A string listed twice in the model data maps to its last position (Java's `HashMap.put`).
 *
 * Rows are processed in order and, within a row, columns in `inputCols` order, so the error
 * raised for an input with several problems is the one Java raises.
 *
 * @example
 * ```ts
 * const indexer = new StringIndexerModelServable()
 *   .setInputCols(['city']).setOutputCols(['cityIndex']).setHandleInvalid('keep')
 *   .setModel({ stringArrays: [['paris', 'rome']] });
 * indexer.transform(df).getDoubles('cityIndex'); // Float64Array [1, 0, 2]
 * ```
 */
export class StringIndexerModelServable extends ModelServable.withParams(
  HasInputCols,
  HasOutputCols,
  HasHandleInvalid,
)<StringIndexerModelData> {
  /** The Java class name of the saved model. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.stringindexer.StringIndexerModel';
  readonly className: string = StringIndexerModelServable.CLASS_NAME;
  readonly modelDataFormat = STRING_INDEXER_MODEL_DATA_FORMAT;
  private lookup:
    | { readonly model: StringIndexerModelData; readonly indexes: StringIndex[] }
    | undefined;
  /** Per model string array and numeric column type, its {@link NumericKeyIndex}. */
  private numericIndexes: NumericIndexCache | undefined;

  /**
   * Loads a StringIndexerModel saved by Flink ML (or by {@link StringIndexerModelServable.save}).
   * @throws ServableLoadError / ModelDataError, see `loadStage`.
   */
  static load(path: string): Promise<StringIndexerModelServable> {
    return loadStage(path, () => new StringIndexerModelServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const model = this.requireModel();
    const inputCols = this.getInputCols();
    const outputCols = this.getOutputCols();
    checkSameLength(inputCols, outputCols);
    const indexes = this.indexesFor(model, inputCols.length);
    const handleInvalid = this.getHandleInvalid();
    const lookups = inputCols.map((column, c) =>
      columnLookup(input, column, model.stringArrays[c]!, indexes[c]!, this.numericIndexes!),
    );
    const numRows = input.numRows();
    const numCols = inputCols.length;
    const outputs = inputCols.map(() => new Float64Array(numRows));
    const keep = new Uint8Array(numRows).fill(1);
    let dropped = false;
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numCols; c++) {
        const lookup = lookups[c]!;
        let position = lookup.position(r);
        if (position < 0) {
          if (handleInvalid === SKIP_INVALID) {
            keep[r] = 0;
            dropped = true;
            break;
          }
          if (handleInvalid !== KEEP_INVALID) {
            throw new InvalidInputValueError(
              `The input contains unseen string: ${lookup.key(r)}. See handleInvalid parameter for more options.`,
              inputCols[c]!,
              r,
            );
          }
          position = indexes[c]!.size;
        }
        outputs[c]![r] = position;
      }
    }
    let out = input;
    for (let c = 0; c < numCols; c++)
      out = out.addColumn(outputCols[c]!, DataTypes.DOUBLE, outputs[c]!);
    return dropped ? out.filterRows(keep) : out;
  }

  private indexesFor(model: StringIndexerModelData, numCols: number): StringIndex[] {
    if (model.stringArrays.length < numCols) {
      throw new ParamError(
        'MODEL_PARAM_MISMATCH',
        `StringIndexerModel has ${numCols} input columns (inputCols) but its model data holds ` +
          `string arrays for ${model.stringArrays.length} column(s).`,
      );
    }
    if (this.lookup?.model !== model) {
      this.lookup = { model, indexes: model.stringArrays.map((s) => new StringIndex(s)) };
      this.numericIndexes = new Map();
    }
    return this.lookup.indexes;
  }
}

/** Java checks `inputCols.length == outputCols.length` before transforming. */
export function checkSameLength(inputCols: readonly string[], outputCols: readonly string[]): void {
  if (inputCols.length !== outputCols.length) {
    throw new ParamError(
      'PARAM_LENGTH_MISMATCH',
      `inputCols has ${inputCols.length} columns but outputCols has ${outputCols.length}; they must have the same length.`,
    );
  }
}

/** {@link NumericKeyIndex}es by string array and numeric type, for one model. */
type NumericIndexCache = Map<StringIndex, Map<BasicType, NumericKeyIndex>>;

/**
 * How one input column's values are looked up: strings as they are, numbers as Java's
 * `String.valueOf` spells them (through a {@link NumericKeyIndex}, so nothing is printed unless
 * a value is unseen), anything else but null fails.
 */
function columnLookup(
  df: DataFrame,
  column: string,
  strings: readonly (string | null)[],
  index: StringIndex,
  cache: NumericIndexCache,
): ColumnLookup {
  const at = requireColumn(df, column, 'StringIndexerModelServable');
  const type = df.getDataType(at);
  const data = df.column(at);
  if (type.kind === 'scalar' && type.basicType === 'STRING') {
    const values = data as readonly (string | null)[];
    return { position: (r) => index.indexOf(values[r] ?? null), key: (r) => values[r] ?? null };
  }
  if (type.kind === 'scalar' && type.isNumeric()) {
    const basic = type.basicType;
    let byType = cache.get(index);
    if (byType === undefined) {
      byType = new Map();
      cache.set(index, byType);
    }
    let numeric = byType.get(basic);
    if (numeric === undefined) {
      numeric = new NumericKeyIndex(strings, index, basic);
      byType.set(basic, numeric);
    }
    const numbers = numeric;
    if (data instanceof Float64Array) {
      return {
        position: (r) => numbers.positionOf(data[r]!),
        key: (r) => javaNumberToString(data[r]!, basic),
      };
    }
    const values = data as readonly (number | null)[];
    return {
      position: (r) => {
        const v = values[r];
        return v === null || v === undefined ? index.indexOf(null) : numbers.positionOf(v);
      },
      key: (r) => {
        const v = values[r];
        return v === null || v === undefined ? null : javaNumberToString(v, basic);
      },
    };
  }
  const fail = (r: number): never => {
    throw new InvalidInputValueError(
      'The input column only supports string and numeric type.',
      column,
      r,
    );
  };
  return {
    position: (r) => (data[r] === null || data[r] === undefined ? index.indexOf(null) : fail(r)),
    key: () => null,
  };
}
