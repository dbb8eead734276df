import { BasicType, type DataFrame, type DataType, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector, type Vector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  DoubleArrayParam,
  HasInputCols,
  HasOutputCols,
  InvalidInputValueError,
  loadStage,
  mapVectorColumn,
  ParamError,
  ParamValidators,
  paramMixin,
  requireColumn,
  TransformerServableBase,
} from '@servable/servable-api';
import { parseJavaDouble } from '../java/parse-double.js';

/** `thresholds` (Double[], no default, non-empty): one threshold per input column. */
export const THRESHOLDS = new DoubleArrayParam(
  'thresholds',
  'The thresholds used to binarize continuous features. Each threshold would be used against one input column. If the value of a continuous feature is greater than the threshold, it will be binarized as 1.0. If the value is equal to or less than the threshold, it will be binarized as 0.0.',
  null,
  ParamValidators.nonEmptyArray<number[]>(),
);
/** Accessors of {@link THRESHOLDS}. */
export interface HasThresholds {
  /** The threshold per input column. */
  getThresholds(): number[];
  /** Sets the threshold per input column. */
  setThresholds(value: number[]): this;
}
/** Mixin of {@link THRESHOLDS}. */
export const HasThresholds = paramMixin<HasThresholds>(THRESHOLDS, 'Thresholds');

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/**
 * Serves Flink ML's `Binarizer` (a Transformer: params only, no model data): for each input
 * column `i`, values greater than `thresholds[i]` become 1.0, the others 0.0.
 *
 * - Params: `inputCols`, `outputCols`, `thresholds` (same lengths).
 * - Vector columns: dense → dense of 0/1; sparse → sparse holding only the stored entries above
 *   the threshold (value 1.0) — implicit zeros stay 0 even for a negative threshold, as in Java.
 *   Output type VECTOR.
 * - Other columns: numbers compared directly; strings parsed as Java's `Double.parseDouble` does
 *   (Java converts every non-vector value with `Double.parseDouble(value.toString())`); anything
 *   unparsable (booleans, text) fails with {@link InvalidInputValueError} (Java: a
 *   `NumberFormatException`). Output type DOUBLE. A null value fails with
 *   {@link ColumnTypeMismatchError} (Java: NullPointerException).
 */
export class BinarizerServable extends TransformerServableBase.withParams(
  HasInputCols,
  HasOutputCols,
  HasThresholds,
) {
  /** The Java class name of the saved stage. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.binarizer.Binarizer';
  readonly className: string = BinarizerServable.CLASS_NAME;

  /** Loads a Binarizer saved by Flink ML (or by `save`). */
  static load(path: string): Promise<BinarizerServable> {
    return loadStage(path, () => new BinarizerServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const inputCols = this.getInputCols();
    const outputCols = this.getOutputCols();
    const thresholds = this.getThresholds();
    if (inputCols.length !== outputCols.length || inputCols.length !== thresholds.length) {
      throw new ParamError(
        'PARAM_LENGTH_MISMATCH',
        `Binarizer needs as many outputCols and thresholds as inputCols: inputCols has ${inputCols.length}, outputCols ${outputCols.length}, thresholds ${thresholds.length}.`,
      );
    }
    let out = input;
    for (let c = 0; c < inputCols.length; c++) {
      const column = inputCols[c]!;
      const index = requireColumn(input, column, 'BinarizerServable');
      const type = input.getDataType(index);
      const [outType, values] = binarizeColumn(input, index, column, type, thresholds[c]!);
      out = out.addColumn(outputCols[c]!, outType, values);
    }
    return out;
  }
}

function binarizeColumn(
  df: DataFrame,
  index: number,
  column: string,
  type: DataType,
  threshold: number,
): [DataType, ArrayLike<unknown>] {
  if (type.kind === 'vector') {
    const out = mapVectorColumn(df, { column, stage: 'BinarizerServable' }, (v) =>
      binarizeVector(v, threshold),
    );
    return [VECTOR, out];
  }
  const data = df.column(index);
  const n = df.numRows();
  const out = new Float64Array(n);
  if (data instanceof Float64Array) {
    for (let r = 0; r < n; r++) out[r] = data[r]! > threshold ? 1 : 0;
    return [DataTypes.DOUBLE, out];
  }
  for (let r = 0; r < n; r++) {
    const v = data[r];
    if (v === null || v === undefined)
      throw new ColumnTypeMismatchError(column, type.toString(), 'null', r);
    const x = typeof v === 'number' ? v : parseJavaDouble(String(v));
    if (x === undefined) {
      throw new InvalidInputValueError(`For input string: "${String(v)}"`, column, r);
    }
    out[r] = x > threshold ? 1 : 0;
  }
  return [DataTypes.DOUBLE, out];
}

/** One vector binarized as Flink ML does (see {@link BinarizerServable}). */
export function binarizeVector(v: Vector, threshold: number): Vector {
  if (v instanceof DenseVector) {
    const src = v.values;
    const out = new Float64Array(src.length);
    for (let i = 0; i < src.length; i++) out[i] = src[i]! > threshold ? 1 : 0;
    return new DenseVector(out);
  }
  const s = v as SparseVector;
  let nnz = 0;
  for (let k = 0; k < s.values.length; k++) if (s.values[k]! > threshold) nnz++;
  const idx = new Int32Array(nnz);
  const vals = new Float64Array(nnz).fill(1);
  for (let k = 0, j = 0; k < s.values.length; k++)
    if (s.values[k]! > threshold) idx[j++] = s.indices[k]!;
  return new SparseVector(s.n, idx, vals);
}
