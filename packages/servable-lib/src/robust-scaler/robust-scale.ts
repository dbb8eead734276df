import type { RobustScalerModelData } from './robust-scaler-model-data.js';

/**
 * Flink ML RobustScalerModel's transform of one vector's values (`input.clone().toDense()`),
 * into a new array: `x − medians` when `withCentering` (Java `axpy(-1, …)`: exact subtraction),
 * then `· scale` when `withScaling`. A zero range gives `x · 0`, keeping the sign (`-3 · 0 =
 * -0.0`). The caller checks the dimension.
 */
export function robustScale(
  model: RobustScalerModelData,
  x: ArrayLike<number>,
  withCentering: boolean,
  withScaling: boolean,
): Float64Array {
  const n = x.length;
  const out = Float64Array.from(x);
  if (withCentering) {
    const m = model.medians.values;
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) - (m[i] as number);
  }
  if (withScaling) {
    const s = model.scale;
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) * (s[i] as number);
  }
  return out;
}
