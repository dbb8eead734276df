import { formatJavaDouble } from '@servable/linalg';

/**
 * Formats a float (a `Math.fround` value) as Java's `Float.toString` does: the shortest decimal
 * that rounds back to the same float, with Java's layout (`0.1`, `1.0`, `1.0E-4`, `1.0E7`,
 * `NaN`, `Infinity`, `-0.0`). This is the JDK 19+ algorithm; older JDKs occasionally print one
 * more digit (`1.23456792E8` instead of `1.2345679E8`), which reads back as the same float.
 *
 * @example
 * ```ts
 * formatJavaFloat(Math.fround(0.1)); // '0.1'
 * formatJavaFloat(3);                // '3.0'
 * ```
 */
export function formatJavaFloat(value: number): string {
  if (!Number.isFinite(value) || value === 0) return formatJavaDouble(value);
  const f = Math.fround(value);
  for (let precision = 1; precision < 9; precision++) {
    const candidate = Number(f.toPrecision(precision));
    if (Math.fround(candidate) === f) return formatJavaDouble(candidate);
  }
  return formatJavaDouble(Number(f.toPrecision(9)));
}
