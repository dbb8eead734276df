/**
 * Java's `Double.compare(a, b)`: a total order in which `-0.0 < 0.0` and NaN is greater than
 * every other value (all NaNs equal). Returns -1, 0 or 1.
 */
export function javaDoubleCompare(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  const aNaN = Number.isNaN(a);
  const bNaN = Number.isNaN(b);
  if (aNaN || bNaN) return aNaN === bNaN ? 0 : aNaN ? 1 : -1;
  // a == b numerically: only the sign of zero can still tell them apart.
  const aNeg = Object.is(a, -0);
  const bNeg = Object.is(b, -0);
  return aNeg === bNeg ? 0 : aNeg ? -1 : 1;
}
