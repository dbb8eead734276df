import { DenseVector } from '@servable/linalg';
import type { StandardScalerModelData } from '@servable/servable-lib';

/** Flink ML's batch StandardScaler writes this timestamp (Java's `Long.MAX_VALUE`). */
const BATCH_TIMESTAMP = 9223372036854775807n;

/**
 * Computes StandardScaler model data as Flink ML's batch `StandardScaler` does: `mean = sum/n`,
 * `std = sqrt((sumSq − n·mean²)/(n − 1))` (0 when n is 1), version 0, timestamp `Long.MAX_VALUE`.
 *
 * @throws RangeError when `rows` is empty or the rows differ in length.
 */
export function fitStandardScaler(rows: readonly Float64Array[]): StandardScalerModelData {
  const first = rows[0];
  if (first === undefined) throw new RangeError('fitStandardScaler: no rows to fit.');
  const dim = first.length;
  const n = rows.length;
  const sum = new Float64Array(dim);
  const sumSq = new Float64Array(dim);
  rows.forEach((row, r) => {
    if (row.length !== dim) {
      throw new RangeError(
        `fitStandardScaler: row ${r} has ${row.length} features, expected ${dim}.`,
      );
    }
    for (let i = 0; i < dim; i++) {
      const v = row[i] as number;
      sum[i] = (sum[i] as number) + v;
      sumSq[i] = (sumSq[i] as number) + v * v;
    }
  });
  const mean = new Float64Array(dim);
  const std = new Float64Array(dim);
  for (let i = 0; i < dim; i++) {
    const m = (sum[i] as number) / n;
    mean[i] = m;
    std[i] = n === 1 ? 0 : Math.sqrt(Math.max(0, ((sumSq[i] as number) - n * m * m) / (n - 1)));
  }
  return {
    mean: new DenseVector(mean),
    std: new DenseVector(std),
    version: 0n,
    timestamp: BATCH_TIMESTAMP,
  };
}

/**
 * Standardises rows with scaler model data (`(x − mean) · (1/std)`, 0 where std is 0), as the
 * served StandardScaler does with `withMean` and `withStd`.
 */
export function standardize(
  rows: readonly Float64Array[],
  model: StandardScalerModelData,
): Float64Array[] {
  const mean = model.mean.values;
  const scale = Float64Array.from(model.std.values, (s) => (s === 0 ? 0 : 1 / s));
  return rows.map((row) => {
    const out = new Float64Array(row.length);
    for (let i = 0; i < row.length; i++) {
      out[i] = ((row[i] as number) - (mean[i] as number)) * (scale[i] as number);
    }
    return out;
  });
}
