import { formatJavaDouble, formatJavaFloat } from '@servable/linalg';
import { JavaDouble, JavaFloat, type JsonValue } from './json-value.js';

/**
 * Writes a JSON value exactly as Flink ML's Jackson `ObjectMapper.writeValueAsString` does:
 *
 * - compact: no spaces, no line breaks;
 * - {@link JavaDouble} via Java's `Double.toString` (`1.0`, `1.0E-6`), {@link JavaFloat} via
 *   `Float.toString`;
 * - a plain `number` that is a safe integer is written as an integer (`1`); any other plain
 *   number (a fraction, `-0`, or beyond 2^53) is a Java double (`1.5`, `-0.0`, `1.0E21`);
 * - NaN and ±Infinity (plain or marked) as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`
 *   (Jackson's `WRITE_NAN_AS_STRINGS`);
 * - `bigint` digits exactly;
 * - strings: `"` and `\` escaped, control characters as `\b \t \n \f \r` or `\u00XX`, all other
 *   characters (including non-ASCII) raw.
 *
 * Object keys keep their insertion order.
 *
 * @example
 * ```ts
 * writeJson({ tol: new JavaDouble(1e-6), maxIter: 20, x: new JavaDouble(1) });
 * // '{"tol":1.0E-6,"maxIter":20,"x":1.0}'
 * ```
 */
export function writeJson(value: JsonValue): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

function write(value: JsonValue, out: string[]): void {
  if (value === null) {
    out.push('null');
  } else if (typeof value === 'boolean') {
    out.push(value ? 'true' : 'false');
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`"${formatJavaDouble(value)}"`);
    else if (Number.isSafeInteger(value) && !Object.is(value, -0)) out.push(String(value));
    else out.push(formatJavaDouble(value));
  } else if (typeof value === 'bigint') {
    out.push(value.toString());
  } else if (typeof value === 'string') {
    out.push(quoteJsonString(value));
  } else if (value instanceof JavaDouble) {
    const text = formatJavaDouble(value.value);
    out.push(Number.isFinite(value.value) ? text : `"${text}"`);
  } else if (value instanceof JavaFloat) {
    const text = formatJavaFloat(value.value);
    out.push(Number.isFinite(value.value) ? text : `"${text}"`);
  } else if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      write(value[i] as JsonValue, out);
    }
    out.push(']');
  } else {
    out.push('{');
    let first = true;
    for (const key of Object.keys(value)) {
      if (!first) out.push(',');
      first = false;
      out.push(quoteJsonString(key), ':');
      write(value[key] as JsonValue, out);
    }
    out.push('}');
  }
}

const SHORT_ESCAPES: Record<number, string> = {
  8: '\\b',
  9: '\\t',
  10: '\\n',
  12: '\\f',
  13: '\\r',
  34: '\\"',
  92: '\\\\',
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the characters to escape
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

/** Quotes a string as Jackson does (see {@link writeJson}). */
export function quoteJsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c) {
      out += SHORT_ESCAPES[c] ?? `\\u00${c.toString(16).toUpperCase().padStart(2, '0')}`;
    } else {
      out += s[i];
    }
  }
  return `${out}"`;
}
