import { type DataFrame, DataTypes } from '@servable/dataframe';
import {
  ColumnTypeMismatchError,
  DoubleArrayArrayParam,
  HasHandleInvalid,
  HasInputCols,
  HasOutputCols,
  InvalidInputValueError,
  KEEP_INVALID,
  loadStage,
  ParamError,
  ParamValidators,
  paramMixin,
  requireColumn,
  SKIP_INVALID,
  TransformerServableBase,
} from '@servable/servable-api';
import { javaBinarySearch } from '../java/binary-search.js';

/**
 * Flink ML's `SplitsArrayValidator`: non-null and non-empty, every array has at least 3 split
 * points and `splits[j] <= splits[j-1]` is false for every `j` (so, as in Java, a NaN split
 * point is not caught).
 */
export function isValidSplitsArray(splitsArray: readonly (readonly number[])[] | null): boolean {
  if (splitsArray === null || splitsArray.length === 0) return false;
  for (const splits of splitsArray) {
    if (splits.length < 3) return false;
    for (let j = 1; j < splits.length; j++) if (splits[j]! <= splits[j - 1]!) return false;
  }
  return true;
}

/** `splitsArray` (Double[][], no default): the split points per input column. */
export const SPLITS_ARRAY = new DoubleArrayArrayParam(
  'splitsArray',
  'Array of split points for mapping continuous features into buckets.',
  null,
  ParamValidators.custom<number[][]>(
    'non-empty; each array has >= 3 strictly increasing split points',
    isValidSplitsArray,
  ),
);
/** Accessors of {@link SPLITS_ARRAY}. */
export interface HasSplitsArray {
  /** The split points per input column. */
  getSplitsArray(): number[][];
  /** Sets the split points per input column. */
  setSplitsArray(value: number[][]): this;
}
/** Mixin of {@link SPLITS_ARRAY}. */
export const HasSplitsArray = paramMixin<HasSplitsArray>(SPLITS_ARRAY, 'SplitsArray');

/**
 * The bucket of `value` for `splits` as Flink ML computes it, or -1 when the value is invalid
 * (NaN, or outside `[splits[0], splits[last]]`). Uses Java's `Arrays.binarySearch` (so `-0.0`
 * sorts before `0.0`); a value equal to the last split point falls into the last bucket.
 */
export function findBucket(splits: ArrayLike<number>, value: number): number {
  if (Number.isNaN(value)) return -1;
  const len = splits.length;
  const i = javaBinarySearch(splits, value);
  if (i >= 0) return i === len - 1 ? len - 2 : i;
  const p = -i - 1;
  return p === 0 || p === len ? -1 : p - 1;
}

/**
 * Serves Flink ML's `Bucketizer` (a Transformer: params only): maps each numeric input column to
 * the index of its bucket (DOUBLE output column). Bucket `i` holds `[splits[i], splits[i+1])`,
 * the last bucket also its upper bound.
 *
 * - Params: `inputCols`, `outputCols`, `splitsArray` (same lengths), `handleInvalid` (`error`).
 * - NaN or a value outside the splits is invalid: `error` → {@link InvalidInputValueError} with
 *   Java's message `The input contains invalid value. See handleInvalid parameter for more
 *   options.`; `skip` → the whole row is dropped; `keep` → bucket `splits.length - 1`.
 * - Input columns must be numeric (Java casts to `Number`); a null value fails with
 *   {@link ColumnTypeMismatchError}. Rows are processed in order, columns within a row in
 *   `inputCols` order, as in Java.
 */
export class BucketizerServable extends TransformerServableBase.withParams(
  HasInputCols,
  HasOutputCols,
  HasHandleInvalid,
  HasSplitsArray,
) {
  /** The Java class name of the saved stage. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.bucketizer.Bucketizer';
  readonly className: string = BucketizerServable.CLASS_NAME;

  /** Loads a Bucketizer saved by Flink ML (or by `save`). */
  static load(path: string): Promise<BucketizerServable> {
    return loadStage(path, () => new BucketizerServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const inputCols = this.getInputCols();
    const outputCols = this.getOutputCols();
    const splitsArray = this.getSplitsArray();
    if (inputCols.length !== outputCols.length || inputCols.length !== splitsArray.length) {
      throw new ParamError(
        'PARAM_LENGTH_MISMATCH',
        `Bucketizer needs as many outputCols and splitsArray entries as inputCols: inputCols has ${inputCols.length}, outputCols ${outputCols.length}, splitsArray ${splitsArray.length}.`,
      );
    }
    const handleInvalid = this.getHandleInvalid();
    const numCols = inputCols.length;
    const columns = inputCols.map((column) => {
      const index = requireColumn(input, column, 'BucketizerServable');
      const type = input.getDataType(index);
      if (type.kind !== 'scalar' || !type.isNumeric()) {
        throw new ColumnTypeMismatchError(column, 'a numeric type', type.toString());
      }
      return input.column(index) as ArrayLike<number | null>;
    });
    const splits = splitsArray.map((s) => Float64Array.from(s));
    const numRows = input.numRows();
    const outputs = inputCols.map(() => new Float64Array(numRows));
    const keep = new Uint8Array(numRows).fill(1);
    let dropped = false;
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numCols; c++) {
        const value = columns[c]![r];
        if (value === null || value === undefined) {
          throw new ColumnTypeMismatchError(inputCols[c]!, 'a number', 'null', r);
        }
        const s = splits[c]!;
        let bucket = findBucket(s, value);
        if (bucket < 0) {
          if (handleInvalid === SKIP_INVALID) {
            keep[r] = 0;
            dropped = true;
            break;
          }
          if (handleInvalid !== KEEP_INVALID) {
            throw new InvalidInputValueError(
              'The input contains invalid value. See handleInvalid parameter for more options.',
              inputCols[c]!,
              r,
            );
          }
          bucket = s.length - 1;
        }
        outputs[c]![r] = bucket;
      }
    }
    let out = input;
    for (let c = 0; c < numCols; c++)
      out = out.addColumn(outputCols[c]!, DataTypes.DOUBLE, outputs[c]!);
    return dropped ? out.filterRows(keep) : out;
  }
}
