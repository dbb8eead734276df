import { formatJavaFloat } from '@servable/linalg';

/** The numeric column types Imputer reads, each converted as Java's `value.toString()` reads back. */
export type ImputerInputType = 'DOUBLE' | 'FLOAT' | 'LONG' | 'INT' | 'SHORT' | 'BYTE';

/**
 * Flink ML ImputerModel's conversion of an input value: `Double.valueOf(value.toString())`.
 * Doubles and integers come out unchanged; a FLOAT value goes through `Float.toString`, so
 * `1.1f` becomes the double `1.1` (not the widened `1.100000023841858`).
 */
export function imputerValueToDouble(value: number, type: ImputerInputType): number {
  return type === 'FLOAT' ? Number(formatJavaFloat(value)) : value;
}

/**
 * Imputes one column: each value that is null, or whose double (see
 * {@link imputerValueToDouble}) equals `missingValue` by Java's `Double.equals` (bitwise: NaN
 * matches NaN, `0.0` does not match `-0.0`), becomes `surrogate`; every other value becomes its
 * double.
 */
export function imputeColumn(
  values: Float64Array | readonly (number | null)[],
  type: ImputerInputType,
  missingValue: number,
  surrogate: number,
): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (values instanceof Float64Array && type !== 'FLOAT') {
    for (let r = 0; r < n; r++) {
      const v = values[r] as number;
      out[r] = Object.is(v, missingValue) ? surrogate : v;
    }
    return out;
  }
  for (let r = 0; r < n; r++) {
    const v = values[r];
    if (v === null || v === undefined) {
      out[r] = surrogate;
      continue;
    }
    const d = imputerValueToDouble(v, type);
    out[r] = Object.is(d, missingValue) ? surrogate : d;
  }
  return out;
}
