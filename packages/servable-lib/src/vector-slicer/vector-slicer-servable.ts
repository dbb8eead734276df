import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector, type Vector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  HasInputCol,
  HasOutputCol,
  IntArrayParam,
  loadStage,
  ParamValidators,
  paramMixin,
  requireVectorColumn,
  TransformerServableBase,
} from '@servable/servable-api';
import { JavaFeatureDimensionError } from '../errors/java-feature-dimension-error.js';

/**
 * `indices` (Integer[], no default): the positions to keep, in output order; non-empty, all
 * ≥ 0, no duplicates.
 */
export const INDICES = new IntArrayParam(
  'indices',
  'An array of indices to select features from a vector column.',
  null,
  ParamValidators.custom<number[]>(
    'non-empty, all >= 0, no duplicates',
    (v) => v !== null && v.length > 0 && v.every((i) => i >= 0) && new Set(v).size === v.length,
  ),
);
/** Accessors of {@link INDICES}. */
export interface HasIndices {
  /** The positions to keep. */
  getIndices(): number[];
  /** Sets the positions to keep. */
  setIndices(value: number[]): this;
}
/** Mixin of {@link INDICES}. */
export const HasIndices = paramMixin<HasIndices>(INDICES, 'Indices');

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/**
 * The entries of `v` at `indices` (in that order), as Flink ML's VectorSlicer: dense → dense;
 * sparse → a SparseVector of size `indices.length` storing the non-zero picks (NaN kept). The
 * caller checks that every index is below `v.size()`.
 */
export function sliceVector(v: Vector, indices: readonly number[]): Vector {
  if (v instanceof DenseVector) {
    const out = new Float64Array(indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = v.values[indices[i]!]!;
    return new DenseVector(out);
  }
  const idx: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < indices.length; i++) {
    const x = v.get(indices[i]!);
    if (x !== 0) {
      idx.push(i);
      vals.push(x);
    }
  }
  return new SparseVector(indices.length, Int32Array.from(idx), Float64Array.from(vals));
}

/**
 * Serves Flink ML's `VectorSlicer` (a Transformer: params only): picks the entries at
 * `indices` of each vector (see {@link sliceVector}).
 *
 * - Params: `inputCol` ("input"), `outputCol` ("output"), `indices` (required).
 * - Output: VECTOR of size `indices.length`, of the input's kind.
 * - A vector too short for the largest index fails with {@link JavaFeatureDimensionError}
 *   carrying Java's message `Index value <max> is greater than vector size:<size>`; a null
 *   vector with {@link ColumnTypeMismatchError} (Java: NullPointerException).
 */
export class VectorSlicerServable extends TransformerServableBase.withParams(
  HasInputCol,
  HasOutputCol,
  HasIndices,
) {
  /** The Java class name of the saved stage. */
  static readonly CLASS_NAME = 'org.apache.flink.ml.feature.vectorslicer.VectorSlicer';
  readonly className: string = VectorSlicerServable.CLASS_NAME;

  /** Loads a VectorSlicer saved by Flink ML (or by `save`). */
  static load(path: string): Promise<VectorSlicerServable> {
    return loadStage(path, () => new VectorSlicerServable());
  }

  /** See {@link TransformerServable.transform}. */
  transform(input: DataFrame): DataFrame {
    const column = this.getInputCol();
    const indices = this.getIndices();
    const max = Math.max(...indices);
    const vectors = requireVectorColumn(input, column, 'VectorSlicerServable');
    const out = new Array<Vector>(vectors.length);
    for (let r = 0; r < vectors.length; r++) {
      const v = vectors[r];
      if (v === null || v === undefined) {
        throw new ColumnTypeMismatchError(column, 'VECTOR(DOUBLE)', 'null', r);
      }
      if (max >= v.size()) {
        throw new JavaFeatureDimensionError(
          `Index value ${max} is greater than vector size:${v.size()}`,
          column,
          r,
          max + 1,
          v.size(),
        );
      }
      out[r] = sliceVector(v, indices);
    }
    return input.addColumn(this.getOutputCol(), VECTOR, out);
  }
}
