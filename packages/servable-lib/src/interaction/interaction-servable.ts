import { BasicType, type DataFrame, type DataType, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector, type Vector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  HasInputCols,
  HasOutputCol,
  loadStage,
  requireColumn,
  TransformerServableBase,
} from '@servable/servable-api';
import { InvalidInputValueError } from '../errors/invalid-input-value-error.js';
import { parseJavaDouble } from '../java/parse-double.js';

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/** One factor of an interaction: a vector or a scalar (a vector of size 1). */
export type InteractionFactor = Vector | number;

/**
 * The interaction (flattened outer product) of `factors`, as Flink ML computes it: the first
 * factor varies slowest (output index `Σ idx_c · Π_{d>c} size_d`), each value is the product
 * `((1.0 · v_last) · v_{last−1}) · … · v_first` of the selected entries. Vectors contribute every
 * entry (dense) or their stored entries (sparse); a number is a vector of size 1.
 *
 * The result is a SparseVector if any factor is sparse (holding one entry per combination of
 * contributed entries — zeros of dense factors included), otherwise a DenseVector.
 */
export function interact(factors: readonly InteractionFactor[]): Vector {
  let indices: number[] = [0];
  let values: number[] = [1.0];
  let size = 1;
  let sparse = false;
  for (let c = factors.length - 1; c >= 0; c--) {
    const f = factors[c]!;
    let fIdx: ArrayLike<number> | null = null;
    let fVal: ArrayLike<number>;
    let fSize: number;
    if (typeof f === 'number') {
      fVal = [f];
      fSize = 1;
    } else if (f instanceof SparseVector) {
      sparse = true;
      fIdx = f.indices;
      fVal = f.values;
      fSize = f.n;
    } else {
      fVal = (f as DenseVector).values;
      fSize = fVal.length;
    }
    const nextIdx = new Array<number>(fVal.length * indices.length);
    const nextVal = new Array<number>(fVal.length * indices.length);
    let k = 0;
    for (let e = 0; e < fVal.length; e++) {
      const base = (fIdx === null ? e : fIdx[e]!) * size;
      const v = fVal[e]!;
      for (let j = 0; j < indices.length; j++) {
        nextIdx[k] = base + indices[j]!;
        nextVal[k] = values[j]! * v;
        k++;
      }
    }
    indices = nextIdx;
    values = nextVal;
    size *= fSize;
  }
  if (sparse) return new SparseVector(size, Int32Array.from(indices), Float64Array.from(values));
  return new DenseVector(Float64Array.from(values));
}

/**
 * Serves Flink ML's `Interaction` (a Transformer: params only): the interaction of several
 * vector and numeric columns (see {@link interact}).
 *
 * - Params: `inputCols`, `outputCol` ("output").
 * - Input columns: vectors, numbers, or strings (parsed as Java's `Double.parseDouble`, since
 *   Java converts every non-vector with `Double.parseDouble(value.toString())`).
 * - Output: VECTOR, sparse if any input is sparse; null when any input of the row is null.
 * - Unparsable values fail with {@link InvalidInputValueError}; list or byte columns with
 *   {@link ColumnTypeMismatchError}.
 */
export class InteractionServable extends TransformerServableBase.withParams(
  HasInputCols,
  HasOutputCol,
) {
  /** The Java class name of the saved stage. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.interaction.Interaction';
  readonly className: string = InteractionServable.CLASS_NAME;

  /** Loads an Interaction saved by Flink ML (or by `save`). */
  static load(path: string): Promise<InteractionServable> {
    return loadStage(path, () => new InteractionServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const cols = this.getInputCols().map((name) => {
      const at = requireColumn(input, name, 'InteractionServable');
      const type: DataType = input.getDataType(at);
      const ok =
        type.kind === 'vector' || (type.kind === 'scalar' && type.basicType !== 'BYTE_STRING');
      if (!ok) {
        throw new ColumnTypeMismatchError(
          name,
          'a vector, numeric or string column',
          type.toString(),
        );
      }
      return { name, data: input.column(at) };
    });
    const n = input.numRows();
    const out = new Array<Vector | null>(n);
    const factors = new Array<InteractionFactor>(cols.length);
    rows: for (let r = 0; r < n; r++) {
      for (let c = 0; c < cols.length; c++) {
        const { name, data } = cols[c]!;
        const v = data[r];
        if (v === null || v === undefined) {
          out[r] = null;
          continue rows;
        }
        if (typeof v === 'number' || v instanceof DenseVector || v instanceof SparseVector) {
          factors[c] = v;
          continue;
        }
        const parsed = parseJavaDouble(String(v));
        if (parsed === undefined) {
          throw new InvalidInputValueError(`For input string: "${String(v)}"`, name, r);
        }
        factors[c] = parsed;
      }
      out[r] = interact(factors);
    }
    return input.addColumn(this.getOutputCol(), VECTOR, out);
  }
}
