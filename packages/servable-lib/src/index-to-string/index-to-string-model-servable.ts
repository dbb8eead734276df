import { type DataFrame, DataTypes } from '@servable/dataframe';
import {
  ColumnTypeMismatchError,
  HasInputCols,
  HasOutputCols,
  InvalidInputValueError,
  loadStage,
  ModelServable,
  ParamError,
  requireColumn,
} from '@servable/servable-api';
import {
  STRING_INDEXER_MODEL_DATA_FORMAT,
  type StringIndexerModelData,
} from '../string-indexer/string-indexer-model-data.js';
import { checkSameLength } from '../string-indexer/string-indexer-model-servable.js';

/**
 * Serves Flink ML's `IndexToStringModel`: the inverse of StringIndexerModel, mapping each index
 * in an input column to the string at that position of the model's string array for the column
 * (STRING output column). Same model data format as StringIndexerModel.
 *
 * - Params: `inputCols`, `outputCols` (same length).
 * - Input columns must be of type **INT**: Java casts each value to `Integer`, so a DOUBLE (or
 *   LONG, ...) column fails — here with {@link ColumnTypeMismatchError} (Java: a
 *   `ClassCastException`) — and a null value fails (Java: a `NullPointerException`).
 * - An index outside `[0, length)` → {@link InvalidInputValueError} with Java's message
 *   `The input contains unseen index: <v>.`
 *
 * @example
 * ```ts
 * const s = new IndexToStringModelServable().setInputCols(['i']).setOutputCols(['s'])
 *   .setModel({ stringArrays: [['a', 'b']] });
 * s.transform(DataFrame.fromColumns(['i'], [DataTypes.INT], [[1, 0]])).getValues('s'); // ['b', 'a']
 * ```
 */
export class IndexToStringModelServable extends ModelServable.withParams(
  HasInputCols,
  HasOutputCols,
)<StringIndexerModelData> {
  /** The Java class name of the saved model. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.stringindexer.IndexToStringModel';
  readonly className: string = IndexToStringModelServable.CLASS_NAME;
  readonly modelDataFormat = STRING_INDEXER_MODEL_DATA_FORMAT;

  /** Loads an IndexToStringModel saved by Flink ML (or by {@link IndexToStringModelServable.save}). */
  static load(path: string): Promise<IndexToStringModelServable> {
    return loadStage(path, () => new IndexToStringModelServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const model = this.requireModel();
    const inputCols = this.getInputCols();
    const outputCols = this.getOutputCols();
    checkSameLength(inputCols, outputCols);
    const numCols = inputCols.length;
    if (model.stringArrays.length < numCols) {
      throw new ParamError(
        'MODEL_PARAM_MISMATCH',
        `IndexToStringModel has ${numCols} input columns (inputCols) but its model data holds ` +
          `string arrays for ${model.stringArrays.length} column(s).`,
      );
    }
    const columns = inputCols.map((column) => {
      const index = requireColumn(input, column, 'IndexToStringModelServable');
      const type = input.getDataType(index);
      if (type.kind !== 'scalar' || type.basicType !== 'INT') {
        throw new ColumnTypeMismatchError(column, 'INT', type.toString());
      }
      return input.column(index) as ArrayLike<number | null>;
    });
    const numRows = input.numRows();
    const outputs = inputCols.map(() => new Array<string | null>(numRows));
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numCols; c++) {
        const id = columns[c]![r];
        const column = inputCols[c]!;
        if (id === null || id === undefined)
          throw new ColumnTypeMismatchError(column, 'INT', 'null', r);
        const strings = model.stringArrays[c]!;
        if (id < 0 || id >= strings.length) {
          throw new InvalidInputValueError(`The input contains unseen index: ${id}.`, column, r);
        }
        outputs[c]![r] = strings[id] ?? null;
      }
    }
    let out = input;
    for (let c = 0; c < numCols; c++)
      out = out.addColumn(outputCols[c]!, DataTypes.STRING, outputs[c]!);
    return out;
  }
}
