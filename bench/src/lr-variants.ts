/**
 * The LogisticRegression transform loop as it was before prepared dots and shared
 * `rawPrediction` storage (one `Blas.dot` call and one `DenseVector` with its own array per
 * row), kept for the LR benchmark as the before/after reference. Nothing here is used by the
 * servables.
 */
import { BasicType, type DataFrame, DataTypes } from '@servable/dataframe';
import { type Blas, DenseVector } from '@servable/linalg';
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
