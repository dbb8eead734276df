/**
 * Formats a double exactly as Java's `Double.toString` does: the shortest decimal that
 * round-trips, with at least one fractional digit, in scientific notation `d.dddE±n` when the
 * magnitude is below 1e-3 or at least 1e7; `NaN`, `Infinity`, `-Infinity`, `-0.0` spelled out.
 *
 * Flink ML leaks this format into outputs (StringIndexer keys, FeatureHasher feature names,
 * error messages), so servables that turn numbers into strings use it.
 *
 * @example
 * ```ts
 * formatJavaDouble(1);       // '1.0'
 * formatJavaDouble(1e7);     // '1.0E7'
 * formatJavaDouble(0.0001);  // '1.0E-4'
 * ```
 */
export function formatJavaDouble(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return 'Infinity';
  if (v === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(v);
  const sign = v < 0 ? '-' : '';
  // toExponential() without an argument gives the shortest round-tripping digits.
  const [mantissa = '', expText = '0'] = abs.toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  if (abs >= 1e-3 && abs < 1e7) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      const frac = digits.slice(exp + 1);
      return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
    }
    return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  const frac = digits.slice(1);
  return `${sign}${digits[0]}.${frac === '' ? '0' : frac}E${exp}`;
}
