import type { BasicType } from '@servable/dataframe';
import { formatJavaDouble, formatJavaFloat } from '@servable/linalg';

/**
 * Java's `String.valueOf(Object)` of a number held in a column of the given numeric type:
 * `Double.toString` for DOUBLE (`2.0`, `1.0E7`, `-0.0`, `NaN`), `Float.toString` for FLOAT,
 * plain decimal digits for INT, LONG, SHORT and BYTE (`2`, `-7`).
 *
 * Flink ML turns numbers into strings this way when it looks them up in string-keyed model data
 * (StringIndexerModel), so `2.0` in a DOUBLE column and `2` in an INT column are different keys.
 */
export function javaNumberToString(value: number, type: BasicType): string {
  switch (type) {
    case 'DOUBLE':
      return formatJavaDouble(value);
    case 'FLOAT':
      return formatJavaFloat(value);
    default:
      // Integral types: a -0 cannot occur in a Java int/long; String(-0) is '0' as well.
      return String(value);
  }
}
