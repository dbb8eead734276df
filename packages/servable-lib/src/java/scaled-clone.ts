import type { DataFrame } from '@servable/dataframe';
import { DenseVector, SparseVector, type Vector } from '@servable/linalg';
import { mapVectorColumn } from '@servable/servable-api';

/**
 * Flink ML's `out = input.clone(); BLAS.hDot(scale, out)` with a dense `scale` (IDFModel,
 * MaxAbsScalerModel, StandardScalerModel): a dense input gives a dense output `x_i · scale_i`;
 * a sparse input keeps its indices (explicit zeros included), each stored value multiplied by
 * its feature's scale. The input is not modified. The caller checks that the sizes agree.
 */
export function scaledClone(scale: Float64Array, input: Vector): Vector {
  if (input instanceof DenseVector) {
    const x = input.values;
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = (x[i] as number) * (scale[i] as number);
    return new DenseVector(out);
  }
  const sparse = input as SparseVector;
  const indices = sparse.indices;
  const values = sparse.values;
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) {
    out[k] = (values[k] as number) * (scale[indices[k] as number] as number);
  }
  return new SparseVector(sparse.n, indices.slice(), out);
}

/**
 * Appends `outputCol` to `input`: every vector of `inputCol` as {@link scaledClone} with `scale`,
 * in a column of the input column's type (IDFModel, MaxAbsScalerModel).
 *
 * @throws MissingColumnError / ColumnTypeMismatchError for a missing, non-vector or null input;
 *   FeatureDimensionError when a vector's size differs from `scale`'s length.
 */
export function appendScaledColumn(
  input: DataFrame,
  inputCol: string,
  outputCol: string,
  stage: string,
  scale: Float64Array,
): DataFrame {
  const out = mapVectorColumn(input, { column: inputCol, stage, dimension: scale.length }, (v) =>
    scaledClone(scale, v),
  );
  return input.addColumn(outputCol, input.getDataType(inputCol), out);
}
