import { type DenseVector, type PreparedDot, prepareDot } from '@servable/linalg';
import { blasNumerics, type Numerics } from '@servable/servable-api';

interface Prepared {
  fast?: PreparedDot;
  java11?: PreparedDot;
}

/** Prepared dots per coefficient vector object (model data is never modified in place). */
const PREPARED = new WeakMap<DenseVector, Prepared>();

/**
 * The {@link PreparedDot} of a model's coefficient vector for `numerics`, prepared once per
 * coefficient object and numerics (shared by the linear models: LogisticRegression, its online
 * variant, LinearSVC, LinearRegression). Bit-identical to `blasOf(numerics).dot(x, coefficient)`.
 */
export function coefficientDot(coefficient: DenseVector, numerics: Numerics): PreparedDot {
  let entry = PREPARED.get(coefficient);
  if (entry === undefined) {
    entry = {};
    PREPARED.set(coefficient, entry);
  }
  let dot = entry[numerics];
  if (dot === undefined) {
    dot = prepareDot(coefficient, blasNumerics(numerics));
    entry[numerics] = dot;
  }
  return dot;
}
