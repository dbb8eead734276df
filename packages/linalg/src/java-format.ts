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
  const special = formatSpecial(v);
  if (special !== null) return special;
  const abs = Math.abs(v);
  const sign = v < 0 ? '-' : '';
  // toExponential() without an argument gives the shortest round-tripping digits.
  const [mantissa = '', expText = '0'] = abs.toExponential().split('e');
  const digits = mantissa.replace('.', '');
  if (digits.length > 1) return sign + layout(digits, Number(expText), abs);
  // A single digit: Java (JDK 19+) picks the closest decimal of one or two digits, so
  // Double.MIN_VALUE prints as 4.9E-324, not 5.0E-324.
  const [exactMantissa = '', exactExp = '0'] = abs.toExponential(100).split('e');
  const picked = closestOfLength(
    exactMantissa.replace('.', ''),
    Number(exactExp),
    2,
    abs,
    Number,
  ) ?? { digits, exp: Number(expText) };
  return sign + layout(picked.digits.replace(/0+$/, '') || '0', picked.exp, abs);
}

/**
 * Formats a float exactly as Java's `Float.toString(float)` does since JDK 19 (Raffaello
 * Giulietti's algorithm): the shortest decimal that rounds back to the same float; when that has
 * a single digit, the closest decimal of one or two digits (which is why `Float.MIN_VALUE`
 * prints as `1.4E-45`); ties between equally close candidates go to the even last digit. Laid
 * out like {@link formatJavaDouble}: at least one fractional digit, scientific notation
 * `d.dddE±n` below 1e-3 and from 1e7 on, and `NaN`, `Infinity`, `-Infinity`, `-0.0` spelled out.
 *
 * The argument is rounded to a float (`Math.fround`) first, so passing the double `1.1` formats
 * the float `1.1f` (`'1.1'`).
 *
 * Flink ML leaks this format into outputs: ImputerModel turns a FLOAT input value into a double
 * through `Double.valueOf(value.toString())`, so `1.1f` becomes the double `1.1`, not the
 * widened `1.100000023841858`; Flink ML's JSON params print FLOAT params this way. (JDK 8–18
 * occasionally printed a digit more than needed, e.g. `1.23456792E8` for `1.2345679E8`, which
 * reads back as the same float. A candidate is checked by parsing it to a double and rounding
 * that to a float; a decimal within one double ulp of a float rounding boundary, but not on it,
 * could be misjudged — no such float is known.)
 *
 * @example
 * ```ts
 * formatJavaFloat(1.1);             // '1.1'
 * formatJavaFloat(1e7);             // '1.0E7'
 * formatJavaFloat(1.401298464e-45); // '1.4E-45'
 * ```
 */
export function formatJavaFloat(value: number): string {
  const f = Math.fround(value);
  const special = formatSpecial(f);
  if (special !== null) return special;
  const abs = Math.abs(f);
  const sign = f < 0 ? '-' : '';
  // The exact binary value of f in decimal, correctly rounded to 101 significant digits (every
  // digit that can decide a tie below is exact).
  const [exactMantissa = '', exactExp = '0'] = abs.toExponential(100).split('e');
  const exact = exactMantissa.replace('.', '');
  const exp10 = Number(exactExp);
  for (let p = 1; p <= 9; p++) {
    const shortest = closestOfLength(exact, exp10, p, abs, Math.fround);
    if (shortest === null) continue;
    // With a single digit, Java chooses among lengths 1 and 2; the closest two-digit decimal
    // is always at least as close as any one-digit one.
    const picked =
      p === 1 ? (closestOfLength(exact, exp10, 2, abs, Math.fround) ?? shortest) : shortest;
    return sign + layout(picked.digits.replace(/0+$/, '') || '0', picked.exp, abs);
  }
  // Unreachable: 9 significant digits always identify a float.
  return sign + layout(exact.slice(0, 9).replace(/0+$/, '') || '0', exp10, abs);
}

/** Java's spelling of NaN, the infinities and the zeros; null for any other number. */
function formatSpecial(v: number): string | null {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return 'Infinity';
  if (v === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  return null;
}

/** A decimal `d.ddd × 10^exp` given by its significant digits. */
interface Decimal {
  readonly digits: string;
  readonly exp: number;
}

/**
 * Of the two `p`-digit decimals around the exact value (`exact` digits × 10^`exp10`), the one
 * that reads back as `target` (parsed as a double, then rounded by `round`) and is closest to
 * it (exact ties: even last digit), or null when neither reads back.
 */
function closestOfLength(
  exact: string,
  exp10: number,
  p: number,
  target: number,
  round: (x: number) => number,
): Decimal | null {
  const down: Decimal = { digits: exact.slice(0, p), exp: exp10 };
  const up = increment(down);
  const downOk = readsBackAs(down, target, round);
  const upOk = readsBackAs(up, target, round);
  if (!downOk && !upOk) return null;
  if (downOk !== upOk) return downOk ? down : up;
  const rest = exact.slice(p);
  const first = rest.charCodeAt(0) - 48;
  const tail = /[1-9]/.test(rest.slice(1));
  if (first > 5 || (first === 5 && tail)) return up;
  if (first < 5) return down;
  const last = down.digits.charCodeAt(down.digits.length - 1) - 48;
  return last % 2 === 0 ? down : up;
}

/** The next decimal with the same number of digits (`999e0` → `100e1`). */
function increment(d: Decimal): Decimal {
  const chars = d.digits.split('');
  let i = chars.length - 1;
  while (i >= 0 && chars[i] === '9') {
    chars[i] = '0';
    i--;
  }
  if (i < 0) return { digits: `1${chars.join('').slice(0, -1)}`, exp: d.exp + 1 };
  chars[i] = String.fromCharCode((chars[i] as string).charCodeAt(0) + 1);
  return { digits: chars.join(''), exp: d.exp };
}

function readsBackAs(d: Decimal, target: number, round: (x: number) => number): boolean {
  return round(Number(`${d.digits[0]}.${d.digits.slice(1)}e${d.exp}`)) === target;
}

/**
 * Java's `Double.toString` / `Float.toString` layout of the unsigned decimal `digits` × 10^`exp`
 * (one digit before the point), whose magnitude is `abs`.
 */
function layout(digits: string, exp: number, abs: number): string {
  if (abs >= 1e-3 && abs < 1e7) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      const frac = digits.slice(exp + 1);
      return `${intPart}.${frac === '' ? '0' : frac}`;
    }
    return `0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  const frac = digits.slice(1);
  return `${digits[0]}.${frac === '' ? '0' : frac}E${exp}`;
}
