/**
 * Local experiment copies of `LogisticRegressionModelServable.transform`, for the LR benchmark
 * only: the same loop with the plain `BLAS` instead of `FmaBLAS`, and variants showing what
 * changes to the servable would buy. Nothing here is used by the servables.
 */
import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { BLAS, type Blas, DenseVector, SparseVector } from '@servable/linalg';
import { requireVectorColumn } from '@servable/servable-api';

const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

/**
 * The servable's transform loop (column lookup, null and dimension checks, dot, sigmoid, one
 * `DenseVector` per row for `rawPrediction`) with a chosen BLAS.
 */
export function lrTransformWith(
  blas: Blas,
  coefficient: DenseVector,
  input: DataFrame,
  featuresCol = 'features',
): DataFrame {
  const vectors = requireVectorColumn(input, featuresCol);
  const dim = coefficient.size();
  const n = vectors.length;
  const predictions = new Float64Array(n);
  const raw = new Array<DenseVector>(n);
  for (let r = 0; r < n; r++) {
    const features = vectors[r];
    if (features === null || features === undefined) throw new Error(`null at row ${r}`);
    if (features.size() !== dim) throw new Error(`dimension at row ${r}`);
    const dot = blas.dot(features, coefficient);
    const prob = 1 - 1 / (1 + Math.exp(dot));
    predictions[r] = dot >= 0 ? 1 : 0;
    raw[r] = new DenseVector(Float64Array.of(1 - prob, prob));
  }
  return input
    .addColumn('prediction', DataTypes.DOUBLE, predictions)
    .addColumn('rawPrediction', VECTOR, raw);
}

/** Plain `BLAS` transform (what the servable would cost without bit-exact fma). */
export function lrTransformPlain(coefficient: DenseVector, input: DataFrame): DataFrame {
  return lrTransformWith(BLAS, coefficient, input);
}

/**
 * Plain dot with the dot inlined (monomorphic: no `Blas` dispatch, no `size()` calls per row),
 * `rawPrediction` vectors as views into one shared `Float64Array(2n)`.
 */
export function lrTransformInlined(coefficient: DenseVector, input: DataFrame): DataFrame {
  const vectors = requireVectorColumn(input, 'features');
  const coef = coefficient.values;
  const dim = coef.length;
  const n = vectors.length;
  const predictions = new Float64Array(n);
  const rawValues = new Float64Array(2 * n);
  const raw = new Array<DenseVector>(n);
  for (let r = 0; r < n; r++) {
    const features = vectors[r];
    if (features === null || features === undefined) throw new Error(`null at row ${r}`);
    let dot = 0;
    if (features instanceof DenseVector) {
      const x = features.values;
      if (x.length !== dim) throw new Error(`dimension at row ${r}`);
      // netlib ddot's order: four accumulators.
      const bound = dim - (dim % 4);
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let i = 0;
      for (; i < bound; i += 4) {
        s0 += x[i]! * coef[i]!;
        s1 += x[i + 1]! * coef[i + 1]!;
        s2 += x[i + 2]! * coef[i + 2]!;
        s3 += x[i + 3]! * coef[i + 3]!;
      }
      dot = s0 + s1 + s2 + s3;
      for (; i < dim; i++) dot += x[i]! * coef[i]!;
    } else if (features instanceof SparseVector) {
      if (features.size() !== dim) throw new Error(`dimension at row ${r}`);
      const idx = features.indices;
      const val = features.values;
      for (let k = 0; k < idx.length; k++) dot += val[k]! * coef[idx[k]!]!;
    }
    const prob = 1 - 1 / (1 + Math.exp(dot));
    predictions[r] = dot >= 0 ? 1 : 0;
    rawValues[2 * r] = 1 - prob;
    rawValues[2 * r + 1] = prob;
    raw[r] = new DenseVector(rawValues.subarray(2 * r, 2 * r + 2));
  }
  return input
    .addColumn('prediction', DataTypes.DOUBLE, predictions)
    .addColumn('rawPrediction', VECTOR, raw);
}
