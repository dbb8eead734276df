import { formatJavaDouble, formatJavaFloat } from '@servable/linalg';
import { JavaDouble, JavaFloat, type JsonValue } from './json-value.js';
import { writeJson } from './json-write.js';
import { describeForeign, shorten } from './param.js';

/**
 * Internal: how one kind of (non-null) value is type-checked, encoded, decoded and printed.
 * Params and arrays of params are built from these.
 */
export interface ValueCodec<V> {
  /** Java-flavoured type name: `int`, `double`, `String[]`. */
  readonly typeName: string;
  /** What a decodable JSON value looks like, for error messages. */
  readonly expected: string;
  is(value: unknown): value is V;
  normalize(value: V): V;
  encode(value: V): JsonValue;
  /** @throws {CodecFailure} */
  decode(json: JsonValue, path: string): V;
  format(value: V): string;
}

/** Internal: a JSON value (at `path` inside the param's JSON) that a codec cannot decode. */
export class CodecFailure extends Error {
  constructor(
    readonly path: string,
    readonly found: string,
    readonly expected: string,
    /** True when `found` is just the failing JSON value, written out. */
    readonly foundIsJson = false,
  ) {
    super(`${path === '' ? '' : `at ${path}: `}${expected}, found ${found}`);
  }

  /** The failure as the `expected` part of a ParamJsonError. */
  describe(): string {
    if (this.path !== '') return `${this.expected} at element ${this.path} (found ${this.found})`;
    return this.foundIsJson ? this.expected : `${this.expected}; found ${this.found}`;
  }
}

function fail(json: JsonValue, path: string, expected: string): never {
  let found: string;
  try {
    found = shorten(writeJson(json), 60);
  } catch {
    found = describeForeign(json);
  }
  throw new CodecFailure(path, found, expected, true);
}

const JAVA_DECIMAL = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;

/** A JSON number (or Java double string) as a double; undefined if it is none. */
export function jsonToDouble(json: JsonValue): number | undefined {
  if (typeof json === 'number') return json;
  if (typeof json === 'bigint') return Number(json);
  if (json instanceof JavaDouble || json instanceof JavaFloat) return json.value;
  if (typeof json === 'string') {
    const s = json.trim();
    if (!JAVA_DECIMAL.test(s)) return undefined;
    const body = s.replace(/[fFdD]$/, '');
    if (body.endsWith('NaN')) return Number.NaN;
    return Number(body);
  }
  return undefined;
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= INT_MIN && v <= INT_MAX;
}

export const intCodec: ValueCodec<number> = {
  typeName: 'int',
  expected: 'an int (a 32-bit integer)',
  is: isInt,
  normalize: (v) => (v === 0 ? 0 : v),
  encode: (v) => v,
  decode(json, path) {
    const n = typeof json === 'bigint' ? Number(json) : json;
    if (isInt(n)) return n === 0 ? 0 : n;
    return fail(json, path, this.expected);
  },
  format: (v) => String(v),
};

function isLong(v: unknown): v is bigint {
  return typeof v === 'bigint' && v >= LONG_MIN && v <= LONG_MAX;
}

export const longCodec: ValueCodec<bigint> = {
  typeName: 'long',
  expected: 'a long (a 64-bit integer)',
  is: isLong,
  normalize: (v) => v,
  encode: (v) =>
    v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v,
  decode(json, path) {
    if (typeof json === 'number' && Number.isSafeInteger(json)) return BigInt(json);
    if (isLong(json)) return json;
    return fail(json, path, this.expected);
  },
  format: (v) => v.toString(),
};

export const doubleCodec: ValueCodec<number> = {
  typeName: 'double',
  expected: 'a double (a number, or "NaN", "Infinity", "-Infinity")',
  is: (v): v is number => typeof v === 'number',
  normalize: (v) => v,
  encode: (v) => (Number.isFinite(v) ? new JavaDouble(v) : formatJavaDouble(v)),
  decode(json, path) {
    const d = jsonToDouble(json);
    if (d === undefined) return fail(json, path, this.expected);
    return d;
  },
  format: formatJavaDouble,
};

export const floatCodec: ValueCodec<number> = {
  typeName: 'float',
  expected: 'a float (a number, or "NaN", "Infinity", "-Infinity")',
  is: (v): v is number => typeof v === 'number',
  normalize: (v) => Math.fround(v),
  encode: (v) => (Number.isFinite(v) ? new JavaFloat(v) : formatJavaDouble(v)),
  decode(json, path) {
    const d = jsonToDouble(json);
    if (d === undefined) return fail(json, path, this.expected);
    return Math.fround(d);
  },
  format: formatJavaFloat,
};

export const booleanCodec: ValueCodec<boolean> = {
  typeName: 'boolean',
  expected: 'a boolean (true or false)',
  is: (v): v is boolean => typeof v === 'boolean',
  normalize: (v) => v,
  encode: (v) => v,
  decode(json, path) {
    if (typeof json === 'boolean') return json;
    return fail(json, path, this.expected);
  },
  format: (v) => String(v),
};

export const stringCodec: ValueCodec<string> = {
  typeName: 'String',
  expected: 'a string',
  is: (v): v is string => typeof v === 'string',
  normalize: (v) => v,
  encode: (v) => v,
  decode(json, path) {
    if (typeof json === 'string') return json;
    return fail(json, path, this.expected);
  },
  format: (v) => v,
};

/** A codec that also accepts null (for arrays whose elements may be null). */
export function nullableCodec<V>(codec: ValueCodec<V>): ValueCodec<V | null> {
  return {
    typeName: codec.typeName,
    expected: `${codec.expected} or null`,
    is: (v): v is V | null => v === null || codec.is(v),
    normalize: (v) => (v === null ? null : codec.normalize(v)),
    encode: (v) => (v === null ? null : codec.encode(v)),
    decode: (json, path) => (json === null ? null : codec.decode(json, path)),
    format: (v) => (v === null ? 'null' : codec.format(v)),
  };
}

/** Arrays of `element` (Java `E[]`), written as JSON arrays and printed as `{a,b,c}`. */
export function arrayCodec<E>(element: ValueCodec<E>): ValueCodec<E[]> {
  return {
    typeName: `${element.typeName}[]`,
    expected: `a JSON array of ${element.typeName}`,
    is: (v): v is E[] => Array.isArray(v) && v.every((e) => element.is(e)),
    normalize: (v) => v.map((e) => element.normalize(e)),
    encode: (v) => v.map((e) => element.encode(e)),
    decode(json, path) {
      if (!Array.isArray(json)) return fail(json, path, this.expected);
      return json.map((e, i) => element.decode(e, `${path}[${i}]`));
    },
    format: (v) => `{${v.map((e) => element.format(e)).join(',')}}`,
  };
}
