import type { MinMaxScalerModelData } from './min-max-scaler-model-data.js';

/** The per-feature affine map of a MinMaxScaler: `out_i = x_i · scale_i + offset_i`. */
export interface MinMaxScaling {
  /** Per feature, the factor. */
  readonly scale: Float64Array;
  /** Per feature, the offset. */
  readonly offset: Float64Array;
}

/**
 * Flink ML MinMaxScalerModel's scaling for output range [`min`, `max`]: a feature whose training
 * minimum and maximum differ by less than 1e-5 maps to the middle `(max + min) / 2`; otherwise
 * `scale = (max − min) / (maxV − minV)` and `offset = min − minV · scale`.
 */
export function minMaxScaling(
  model: MinMaxScalerModelData,
  min: number,
  max: number,
): MinMaxScaling {
  const minV = model.minVector.values;
  const maxV = model.maxVector.values;
  const n = minV.length;
  const scale = new Float64Array(n);
  const offset = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const lo = minV[i] as number;
    const hi = maxV[i] as number;
    if (Math.abs(lo - hi) < 1.0e-5) {
      scale[i] = 0.0;
      offset[i] = (max + min) / 2;
    } else {
      const s = (max - min) / (hi - lo);
      scale[i] = s;
      offset[i] = min - lo * s;
    }
  }
  return { scale, offset };
}

/**
 * Applies a {@link MinMaxScaling} to the first `scale.length` features of `x` (two roundings,
 * `x_i · scale_i` then `+ offset_i`, no fused multiply-add, as Java). The caller checks that `x`
 * has at least that many features.
 */
export function minMaxScale(scaling: MinMaxScaling, x: ArrayLike<number>): Float64Array {
  const { scale, offset } = scaling;
  const out = new Float64Array(scale.length);
  for (let i = 0; i < scale.length; i++) {
    out[i] = (x[i] as number) * (scale[i] as number) + (offset[i] as number);
  }
  return out;
}
