import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector, type Vector } from '@servable/linalg';
import {
  HasHandleInvalid,
  HasInputCols,
  HasOutputCol,
  IntArrayParam,
  loadStage,
  ParamError,
  ParamValidators,
  paramMixin,
  requireColumn,
  TransformerServableBase,
} from '@servable/servable-api';
import { InvalidInputValueError } from '../errors/invalid-input-value-error.js';

/** `inputSizes` (Integer[], no default): the size of each input column; non-empty, all > 0. */
export const INPUT_SIZES = new IntArrayParam(
  'inputSizes',
  'Sizes of the input elements to be assembled.',
  null,
  ParamValidators.custom<number[]>(
    'non-empty, all > 0',
    (v) => v !== null && v.length > 0 && v.every((x) => x > 0),
  ),
);
/** Accessors of {@link INPUT_SIZES}. */
export interface HasInputSizes {
  /** The size of each input column. */
  getInputSizes(): number[];
  /** Sets the size of each input column. */
  setInputSizes(value: number[]): this;
}
/** Mixin of {@link INPUT_SIZES}. */
export const HasInputSizes = paramMixin<HasInputSizes>(INPUT_SIZES, 'InputSizes');

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/** A Java exception raised while assembling one row: its class and message. */
class AssembleFailure {
  constructor(
    readonly javaClass: string,
    readonly message: string,
    readonly column: string,
  ) {}
}

/** Java's `obj.getClass()` printed for a JavaScript value of an unsupported type. */
function javaClassOf(value: unknown): string {
  if (typeof value === 'string') return 'class java.lang.String';
  if (typeof value === 'boolean') return 'class java.lang.Boolean';
  if (value instanceof Uint8Array) return 'class [B';
  if (Array.isArray(value)) return 'class [Ljava.lang.Object;';
  return `class ${typeof value}`;
}

/**
 * Measures one row. `parts` receives the value of each column (after keep's replacements);
 * returns the total size and nnz, or the {@link AssembleFailure} Java would throw.
 */
function measureRow(
  values: readonly unknown[],
  names: readonly string[],
  sizes: readonly number[],
  keep: boolean,
  parts: (number | Vector)[],
): { size: number; nnz: number } | AssembleFailure {
  let size = 0;
  let nnz = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const expected = sizes[i]!;
    let partSize: number;
    let partNnz: number;
    if (v === null || v === undefined) {
      if (!keep) {
        return new AssembleFailure(
          'java.lang.RuntimeException',
          "Input column value is null. Please check the input data or using handleInvalid = 'keep'.",
          names[i]!,
        );
      }
      parts[i] =
        expected === 1 ? Number.NaN : new DenseVector(new Float64Array(expected).fill(Number.NaN));
      size += expected;
      nnz += expected;
      continue;
    }
    if (typeof v === 'number') {
      if (Number.isNaN(v) && !keep) {
        return new AssembleFailure(
          'java.lang.RuntimeException',
          "Encountered NaN while assembling a row with handleInvalid = 'error'. Consider removing NaNs from dataset or using handleInvalid = 'keep' or 'skip'.",
          names[i]!,
        );
      }
      partSize = 1;
      partNnz = 1;
    } else if (v instanceof SparseVector) {
      partSize = v.n;
      partNnz = v.indices.length;
    } else if (v instanceof DenseVector) {
      partSize = v.values.length;
      partNnz = partSize;
    } else {
      return new AssembleFailure(
        'java.lang.IllegalArgumentException',
        `Input type ${javaClassOf(v)} has not been supported yet. Only Vector and Number types are supported.`,
        names[i]!,
      );
    }
    if (!keep && partSize !== expected) {
      return new AssembleFailure(
        'java.lang.IllegalArgumentException',
        `Input vector/number size does not meet with expected. Expected size: ${expected}, actual size: ${partSize}.`,
        names[i]!,
      );
    }
    parts[i] = v;
    size += partSize;
    nnz += partNnz;
  }
  return { size, nnz };
}

/**
 * Concatenates `parts` (numbers and vectors) into one vector of `size` entries with `nnz`
 * entries to store, choosing the result class as Flink ML does: dense if `nnz · 1.5 > size`,
 * else sparse (the stored entries of sparse parts, every entry of dense parts — zeros included —
 * and every number).
 */
export function assembleVector(
  parts: readonly (number | Vector)[],
  size: number,
  nnz: number,
): Vector {
  if (nnz * 1.5 > size) {
    const out = new Float64Array(size);
    let offset = 0;
    for (const p of parts) {
      if (typeof p === 'number') out[offset++] = p;
      else if (p instanceof DenseVector) {
        out.set(p.values, offset);
        offset += p.values.length;
      } else {
        const s = p as SparseVector;
        for (let k = 0; k < s.indices.length; k++) out[offset + s.indices[k]!] = s.values[k]!;
        offset += s.n;
      }
    }
    return new DenseVector(out);
  }
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let offset = 0;
  let k = 0;
  for (const p of parts) {
    if (typeof p === 'number') {
      indices[k] = offset++;
      values[k++] = p;
    } else if (p instanceof DenseVector) {
      for (let j = 0; j < p.values.length; j++) {
        indices[k] = offset + j;
        values[k++] = p.values[j]!;
      }
      offset += p.values.length;
    } else {
      const s = p as SparseVector;
      for (let j = 0; j < s.indices.length; j++) {
        indices[k] = offset + s.indices[j]!;
        values[k++] = s.values[j]!;
      }
      offset += s.n;
    }
  }
  return new SparseVector(size, indices, values);
}

/**
 * Serves Flink ML's `VectorAssembler` (a Transformer: params only): concatenates numeric and
 * vector columns into one vector.
 *
 * - Params: `inputCols`, `outputCol` ("output"), `handleInvalid` ("error"), `inputSizes`
 *   (required, one per input column, all > 0).
 * - Per row: a number counts as size 1; a vector as its size (nnz = stored entries for sparse,
 *   size for dense). Unless `keep`, each size must equal `inputSizes[i]` and a NaN number is
 *   invalid. A null value is invalid unless `keep`, which replaces it with NaN
 *   (`inputSizes[i] = 1`) or a dense vector of `inputSizes[i]` NaNs.
 * - Result: DenseVector if `nnz · 1.5 > size`, else SparseVector (see {@link assembleVector}).
 * - Invalid rows: `error` → {@link InvalidInputValueError} with Java's message
 *   (`Vector assembler failed with exception : java.lang.RuntimeException: …`) and the column
 *   and row; `skip` **and `keep`** drop the row silently (Flink ML swallows every exception,
 *   wrong value types included, in both modes).
 */
export class VectorAssemblerServable extends TransformerServableBase.withParams(
  HasInputCols,
  HasOutputCol,
  HasHandleInvalid,
  HasInputSizes,
) {
  /** The Java class name of the saved stage. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.vectorassembler.VectorAssembler';
  readonly className: string = VectorAssemblerServable.CLASS_NAME;

  /** Loads a VectorAssembler saved by Flink ML (or by `save`). */
  static load(path: string): Promise<VectorAssemblerServable> {
    return loadStage(path, () => new VectorAssemblerServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const names = this.getInputCols();
    const sizes = this.getInputSizes();
    const handleInvalid = this.getHandleInvalid();
    if (names.length !== sizes.length) {
      throw new ParamError(
        'PARAM_LENGTH_MISMATCH',
        `VectorAssembler needs one inputSizes entry per input column: inputCols has ${names.length}, inputSizes ${sizes.length}.`,
      );
    }
    const columns = names.map((name) =>
      input.column(requireColumn(input, name, 'VectorAssemblerServable')),
    );
    const keep = handleInvalid === 'keep';
    const n = input.numRows();
    const out = new Array<Vector>(n);
    const kept = new Uint8Array(n);
    let dropped = 0;
    const rowValues = new Array<unknown>(names.length);
    const parts = new Array<number | Vector>(names.length);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < columns.length; c++) rowValues[c] = columns[c]![r];
      const measured = measureRow(rowValues, names, sizes, keep, parts);
      if (measured instanceof AssembleFailure) {
        if (handleInvalid === 'error') {
          throw new InvalidInputValueError(
            `Vector assembler failed with exception : ${measured.javaClass}: ${measured.message}`,
            measured.column,
            r,
          );
        }
        dropped++;
        continue;
      }
      out[r - dropped] = assembleVector(parts, measured.size, measured.nnz);
      kept[r] = 1;
    }
    if (dropped === 0) return input.addColumn(this.getOutputCol(), VECTOR, out);
    out.length = n - dropped;
    return input.filterRows(kept).addColumn(this.getOutputCol(), VECTOR, out);
  }
}
