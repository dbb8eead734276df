const DECIMAL = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;

/**
 * Java's `Double.parseDouble` for decimal input: leading/trailing whitespace (chars ≤ U+0020)
 * trimmed, optional sign, `NaN`, `Infinity`, digits with optional fraction and exponent, and an
 * optional `f`/`F`/`d`/`D` suffix. Returns `undefined` where Java throws a
 * `NumberFormatException`. (Hexadecimal floating-point literals such as `0x1p3` are not
 * supported.)
 */
export function parseJavaDouble(text: string): number | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  const s = text.slice(start, end);
  if (!DECIMAL.test(s)) return undefined;
  const body = /[fFdD]$/.test(s) ? s.slice(0, -1) : s;
  if (body.endsWith('NaN')) return Number.NaN;
  return Number(body);
}
