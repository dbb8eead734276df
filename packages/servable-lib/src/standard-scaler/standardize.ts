import type { DataFrame } from '@servable/dataframe';
import {
  allocFloat64Array,
  DenseVector,
  FmaBLAS,
  type SparseVector,
  type Vector,
} from '@servable/linalg';
import { mapVectorColumn, requireVectorColumn } from '@servable/servable-api';
import type { StandardScalerModelData } from './standard-scaler-model-data.js';

/** Per-model scale factors (`std == 0 ? 0 : 1/std`), computed once per model. */
const SCALES = new WeakMap<StandardScalerModelData, DenseVector>();

/**
 * The scale factors of a StandardScaler model, `std_i == 0 ? 0 : 1 / std_i`, computed once per
 * model object (shared by StandardScalerModel and OnlineStandardScalerModel).
 */
export function standardScalerScales(model: StandardScalerModelData): DenseVector {
  let scale = SCALES.get(model);
  if (scale === undefined) {
    const std = model.std.values;
    const values = new Float64Array(std.length);
    for (let i = 0; i < std.length; i++) {
      const s = std[i] as number;
      values[i] = s === 0 ? 0 : 1 / s;
    }
    scale = new DenseVector(values);
    SCALES.set(model, scale);
  }
  return scale;
}

/**
 * Checks that a StandardScaler model's mean and std have the same size; returns the problem, or
 * `undefined` when valid (a model data format's `validate`).
 */
export function validateStandardScalerModelData(
  model: StandardScalerModelData,
): string | undefined {
  return model.mean.size() === model.std.size()
    ? undefined
    : `mean has ${model.mean.size()} values but std has ${model.std.size()}; they must be the same.`;
}

/**
 * StandardScalerModel's scaling of one vector (as Java's): `out = v.clone()`; with `withMean`,
 * `out = out.toDense() − mean`; with `withStd`, `out_i *= scale_i`. A sparse input without
 * `withMean` stays sparse. `v` is not modified.
 */
export function standardize(
  v: Vector,
  mean: DenseVector,
  scale: DenseVector,
  withMean: boolean,
  withStd: boolean,
): Vector {
  let result: Vector = v.clone();
  if (withMean) {
    const dense = result.toDense();
    FmaBLAS.axpy(-1, mean, dense);
    result = dense;
  }
  if (withStd) FmaBLAS.hDot(scale, result);
  return result;
}

/**
 * StandardScalerModel's transform loop over a vector column: {@link standardize} for each row,
 * with the checks of `mapVectorColumn` (missing or non-vector column, null row, size ≠ the
 * model's: the same errors, naming `stage`).
 *
 * A dense result (a dense row, or any row with `withMean`) is computed in one pass,
 * `out_i = (x_i − mean_i) · scale_i`, which gives the bits of Java's `axpy(−1, mean, x)` then
 * `hDot(scale, x)` under both numerics: `−1 · mean_i` is exact, so the fused and the plain
 * `x_i − mean_i` round once, identically. The dense results of all rows share one
 * `Float64Array(rows · d)` (each row a view; a short one from linalg's `allocFloat64Array` pool):
 * typed arrays above 64 bytes live outside V8's heap, and allocating one per row costs far more
 * than the arithmetic.
 */
export function standardizeColumn(
  input: DataFrame,
  column: string,
  stage: string,
  mean: DenseVector,
  scale: DenseVector,
  withMean: boolean,
  withStd: boolean,
): Vector[] {
  const vectors = requireVectorColumn(input, column, stage);
  const n = vectors.length;
  const d = mean.size();
  let denseRows = 0;
  for (let r = 0; r < n; r++) {
    const v = vectors[r];
    if (v === null || v === undefined || v.size() !== d) {
      // Let mapVectorColumn throw its error for this row.
      mapVectorColumn(input, { column, stage, dimension: d }, (x) => x);
      throw new Error(`unreachable: row ${r} of ${column} passed mapVectorColumn's checks`);
    }
    if (withMean || v instanceof DenseVector) denseRows++;
  }
  // One row's result from linalg's pool (a short array costs far less as a view of a chunk).
  const storage = allocFloat64Array(denseRows * d);
  const m = mean.values;
  const s = scale.values;
  const out = new Array<Vector>(n);
  for (let r = 0, offset = 0; r < n; r++) {
    const v = vectors[r] as Vector;
    if (!withMean && !(v instanceof DenseVector)) {
      out[r] = standardize(v, mean, scale, false, withStd);
      continue;
    }
    const values = n === 1 ? storage : storage.subarray(offset, offset + d);
    offset += d;
    if (v instanceof DenseVector) values.set(v.values);
    else {
      const sparse = v as SparseVector;
      const indices = sparse.indices;
      const stored = sparse.values;
      for (let k = 0; k < indices.length; k++) values[indices[k] as number] = stored[k] as number;
    }
    if (withMean && withStd) {
      for (let i = 0; i < d; i++)
        values[i] = ((values[i] as number) - (m[i] as number)) * (s[i] as number);
    } else if (withMean) {
      for (let i = 0; i < d; i++) values[i] = (values[i] as number) - (m[i] as number);
    } else if (withStd) {
      for (let i = 0; i < d; i++) values[i] = (values[i] as number) * (s[i] as number);
    }
    out[r] = new DenseVector(values);
  }
  return out;
}
