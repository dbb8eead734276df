import { DenseVector, FmaBLAS, type Vector } from '@servable/linalg';
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
