import { DenseMatrix, DenseVector, LinalgError, SparseVector } from '@servable/linalg';
import { describeValue } from './column.js';
import type { DataFrame } from './data-frame.js';
import type { DataType } from './data-type.js';
import { DuplicateColumnError, RecordConversionError } from './errors.js';
import type { JsonRecord, JsonValue } from './json-value.js';
import type { Schema } from './schema.js';

/*
 * JSON ⇄ column values. The rules (README "JSON records" lists them for users):
 *   BOOLEAN ⇄ true/false; STRING ⇄ string; BYTE..LONG ⇄ integer number in the type's range;
 *   FLOAT/DOUBLE ⇄ number, with NaN/±Infinity as the strings "NaN", "Infinity", "-Infinity"
 *   (Jackson's convention); BYTE_STRING ⇄ base64 string (Jackson's byte[] form);
 *   VECTOR ⇄ dense: [1, 2] (also read: {"values": [...]});
 *            sparse: {"size", "indices", "values"} (also read: Flink's {"n", "indices", "values"});
 *   MATRIX ⇄ {"numRows", "numCols", "values"} (column-major);
 *   ARRAY(t) ⇄ array of t's JSON form; null / a missing key ⇄ null.
 */

/** A value that does not fit; `path` locates it inside an array value (`[2]`, `[0][1]`). */
class Mismatch extends Error {
  constructor(
    readonly expected: string,
    readonly found: string,
    readonly path: string,
  ) {
    super(`expected ${expected}, found ${found}`);
  }
}

type FromJson = (json: unknown, path: string) => unknown;
type ToJson = (value: unknown) => JsonValue;

const NON_FINITE: ReadonlyMap<string, number> = new Map([
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
]);

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const INT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  BYTE: [-128, 127],
  SHORT: [-32768, 32767],
  INT: [-2147483648, 2147483647],
  LONG: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** Whether a JSON string spells a non-finite double (`"NaN"`, `"Infinity"`, `"-Infinity"`). */
export function isNonFiniteDoubleString(s: string): boolean {
  return NON_FINITE.has(s);
}

/** A short description of a JSON value for error messages: `string "abc"`, `array of length 3`… */
export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
      return `number ${String(value)}`;
    case 'boolean':
      return `boolean ${String(value)}`;
    case 'object': {
      if (Array.isArray(value)) return `array of length ${value.length}`;
      if (!isPlainObject(value)) return describeValue(value);
      const keys = Object.keys(value);
      return keys.length === 0
        ? 'empty object'
        : `object with keys ${keys.map((k) => JSON.stringify(k)).join(', ')}`;
    }
    default:
      return describeValue(value);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** What a column type needs in JSON, for messages. */
function expectedJson(type: DataType): string {
  const t = type.toString();
  switch (type.kind) {
    case 'scalar':
      switch (type.basicType) {
        case 'BOOLEAN':
          return `${t} (true or false)`;
        case 'STRING':
          return `${t} (a string)`;
        case 'BYTE_STRING':
          return `${t} (a base64 string)`;
        case 'FLOAT':
        case 'DOUBLE':
          return `${t} (a number or "NaN", "Infinity", "-Infinity")`;
        case 'LONG':
          return `${t} (a safe integer, |v| <= 2^53-1)`;
        default: {
          const [lo, hi] = INT_RANGES[type.basicType] as readonly [number, number];
          return `${t} (an integer in [${lo}, ${hi}])`;
        }
      }
    case 'vector':
      return `${t} (an array of numbers or {"size","indices","values"})`;
    case 'matrix':
      return `${t} ({"numRows","numCols","values"} with values column-major)`;
    case 'array':
      return `${t} (an array)`;
  }
}

function readDouble(json: unknown): number | undefined {
  if (typeof json === 'number') return json;
  if (typeof json === 'string') return NON_FINITE.get(json);
  return undefined;
}

function readDoubles(json: unknown, what: string, path: string, expected: string): Float64Array {
  if (!Array.isArray(json)) {
    throw new Mismatch(expected, `${what} ${describeJson(json)}`, path);
  }
  const out = new Float64Array(json.length);
  for (let i = 0; i < json.length; i++) {
    const v = readDouble(json[i]);
    if (v === undefined) {
      throw new Mismatch(expected, `${what}[${i}] ${describeJson(json[i])}`, path);
    }
    out[i] = v;
  }
  return out;
}

function readVector(json: unknown, path: string, expected: string): DenseVector | SparseVector {
  if (Array.isArray(json)) return new DenseVector(readDoubles(json, 'element', path, expected));
  if (!isPlainObject(json)) throw new Mismatch(expected, describeJson(json), path);
  for (const key of Object.keys(json)) {
    if (key !== 'size' && key !== 'n' && key !== 'indices' && key !== 'values') {
      throw new Mismatch(expected, `object with unexpected key ${JSON.stringify(key)}`, path);
    }
  }
  const values = own(json, 'values');
  const size = own(json, 'size');
  const n = own(json, 'n');
  const indices = own(json, 'indices');
  if (size === undefined && n === undefined && indices === undefined) {
    // Jackson's form of Flink's DenseVector: {"values": [...]}.
    return new DenseVector(readDoubles(values, 'values', path, expected));
  }
  if (size !== undefined && n !== undefined && size !== n) {
    throw new Mismatch(expected, `object with "size" ${String(size)} and "n" ${String(n)}`, path);
  }
  const dim = size ?? n;
  if (!Number.isInteger(dim) || (dim as number) < 0) {
    throw new Mismatch(expected, `"size" ${describeJson(dim ?? null)}`, path);
  }
  if (!Array.isArray(indices)) {
    throw new Mismatch(expected, `"indices" ${describeJson(indices ?? null)}`, path);
  }
  for (let i = 0; i < indices.length; i++) {
    if (!Number.isInteger(indices[i])) {
      throw new Mismatch(expected, `"indices"[${i}] ${describeJson(indices[i])}`, path);
    }
  }
  const vals = readDoubles(values ?? null, '"values"', path, expected);
  try {
    return SparseVector.fromUnsorted(dim as number, indices as number[], vals);
  } catch (e) {
    if (e instanceof LinalgError)
      throw new Mismatch(expected, `invalid sparse vector: ${e.message}`, path);
    throw e;
  }
}

function readMatrix(json: unknown, path: string, expected: string): DenseMatrix {
  if (!isPlainObject(json)) throw new Mismatch(expected, describeJson(json), path);
  const rows = own(json, 'numRows');
  const cols = own(json, 'numCols');
  for (const key of Object.keys(json)) {
    if (key !== 'numRows' && key !== 'numCols' && key !== 'values') {
      throw new Mismatch(expected, `object with unexpected key ${JSON.stringify(key)}`, path);
    }
  }
  if (!Number.isInteger(rows) || (rows as number) < 0) {
    throw new Mismatch(expected, `"numRows" ${describeJson(rows ?? null)}`, path);
  }
  if (!Number.isInteger(cols) || (cols as number) < 0) {
    throw new Mismatch(expected, `"numCols" ${describeJson(cols ?? null)}`, path);
  }
  const values = readDoubles(own(json, 'values') ?? null, '"values"', path, expected);
  if (values.length !== (rows as number) * (cols as number)) {
    throw new Mismatch(expected, `${values.length} values for a ${rows}x${cols} matrix`, path);
  }
  return new DenseMatrix(rows as number, cols as number, values);
}

/** The converter from JSON to a column value of `type` (`null` stays `null`). */
function fromJsonConverter(type: DataType): FromJson {
  const expected = expectedJson(type);
  switch (type.kind) {
    case 'scalar':
      switch (type.basicType) {
        case 'BOOLEAN':
        case 'STRING': {
          const js = type.basicType === 'BOOLEAN' ? 'boolean' : 'string';
          return (json, path) => {
            if (json === null || typeof json === js) return json;
            throw new Mismatch(expected, describeJson(json), path);
          };
        }
        case 'BYTE_STRING':
          return (json, path) => {
            if (json === null) return null;
            if (typeof json === 'string' && BASE64.test(json)) {
              return new Uint8Array(Buffer.from(json, 'base64'));
            }
            throw new Mismatch(expected, describeJson(json), path);
          };
        case 'FLOAT':
        case 'DOUBLE':
          return (json, path) => {
            if (json === null) return null;
            const v = readDouble(json);
            if (v === undefined) throw new Mismatch(expected, describeJson(json), path);
            return v;
          };
        default: {
          const [lo, hi] = INT_RANGES[type.basicType] as readonly [number, number];
          return (json, path) => {
            if (json === null) return null;
            if (Number.isInteger(json) && (json as number) >= lo && (json as number) <= hi) {
              return json;
            }
            throw new Mismatch(expected, describeJson(json), path);
          };
        }
      }
    case 'vector':
      return (json, path) => (json === null ? null : readVector(json, path, expected));
    case 'matrix':
      return (json, path) => (json === null ? null : readMatrix(json, path, expected));
    case 'array': {
      const element = fromJsonConverter(type.elementType);
      return (json, path) => {
        if (json === null) return null;
        if (!Array.isArray(json)) throw new Mismatch(expected, describeJson(json), path);
        const out = new Array<unknown>(json.length);
        for (let i = 0; i < json.length; i++) out[i] = element(json[i] ?? null, `${path}[${i}]`);
        return out;
      };
    }
  }
}

function conversionError(row: number, column: string, m: Mismatch): RecordConversionError {
  return new RecordConversionError(
    row,
    column,
    m.expected,
    m.found,
    m.path === '' ? undefined : `element ${m.path}`,
  );
}

/**
 * Converts JSON records to one storage array per schema column (a `Float64Array` for a numeric
 * column without nulls). Keys not in the schema are ignored; a missing key reads as null.
 * @internal Used by `DataFrame.fromRecords`.
 * @throws RecordConversionError naming the row and column of the first value that does not fit.
 */
export function recordsToColumns(
  records: readonly Readonly<Record<string, unknown>>[],
  schema: Schema,
): (Float64Array | unknown[])[] {
  const n = records.length;
  for (let r = 0; r < n; r++) {
    if (!isPlainObject(records[r])) {
      throw new RecordConversionError(
        r,
        undefined,
        'a JSON object (a record)',
        describeJson(records[r]),
      );
    }
  }
  const rows = records as readonly Record<string, unknown>[];
  return schema.fields.map(({ name, type }) => {
    const convert = fromJsonConverter(type);
    let r = 0;
    try {
      if (type.kind === 'scalar' && type.isNumeric()) {
        const doubles = new Float64Array(n);
        for (; r < n; r++) {
          const json = own(rows[r] as Record<string, unknown>, name) ?? null;
          if (json === null) break;
          doubles[r] = convert(json, '') as number;
        }
        if (r === n) return doubles;
        // A null: fall back to an array of values (nullable numeric column).
        const boxed: unknown[] = Array.from(doubles.subarray(0, r));
        for (; r < n; r++)
          boxed.push(convert(own(rows[r] as Record<string, unknown>, name) ?? null, ''));
        return boxed;
      }
      const out = new Array<unknown>(n);
      for (; r < n; r++)
        out[r] = convert(own(rows[r] as Record<string, unknown>, name) ?? null, '');
      return out;
    } catch (e) {
      if (e instanceof Mismatch) throw conversionError(r, name, e);
      throw e;
    }
  });
}

function doubleToJson(v: number): number | string {
  if (Number.isFinite(v)) return v;
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

function doublesToJson(values: Float64Array): (number | string)[] {
  const out = new Array<number | string>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = doubleToJson(values[i] as number);
  return out;
}

/** The converter from a column value of `type` to JSON (`null` stays `null`). */
function toJsonConverter(type: DataType): ToJson {
  switch (type.kind) {
    case 'scalar':
      switch (type.basicType) {
        case 'FLOAT':
        case 'DOUBLE':
          return (v) => (v === null ? null : doubleToJson(v as number));
        case 'BYTE_STRING':
          return (v) => {
            if (v === null) return null;
            const bytes = v as Uint8Array;
            return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
          };
        default:
          return (v) => v as JsonValue;
      }
    case 'vector':
      return (v) => {
        if (v === null) return null;
        if (v instanceof SparseVector) {
          return { size: v.n, indices: Array.from(v.indices), values: doublesToJson(v.values) };
        }
        return doublesToJson((v as DenseVector).toArray());
      };
    case 'matrix':
      return (v) => {
        if (v === null) return null;
        const m = v as DenseMatrix;
        return { numRows: m.numRows(), numCols: m.numCols(), values: doublesToJson(m.values) };
      };
    case 'array': {
      const element = toJsonConverter(type.elementType);
      return (v) => (v === null ? null : (v as readonly unknown[]).map((e) => element(e ?? null)));
    }
  }
}

/**
 * Converts a DataFrame to JSON records, one object per row with a key per column in column
 * order. @internal Used by `DataFrame.toRecords`.
 * @throws DuplicateColumnError when two columns share a name.
 */
export function dataFrameToRecords(df: DataFrame): JsonRecord[] {
  const names = df.getColumnNames();
  const types = df.getDataTypes();
  if (new Set(names).size !== names.length) {
    throw new DuplicateColumnError(names.find((n, i) => names.indexOf(n) !== i) as string);
  }
  const n = df.numRows();
  const records: JsonRecord[] = new Array(n);
  for (let r = 0; r < n; r++) records[r] = {};
  names.forEach((name, c) => {
    const data = df.column(c);
    const type = types[c] as DataType;
    if (data instanceof Float64Array) {
      const fin =
        type.kind === 'scalar' && (type.basicType === 'DOUBLE' || type.basicType === 'FLOAT');
      for (let r = 0; r < n; r++) {
        const v = data[r] as number;
        setKey(records[r] as JsonRecord, name, fin ? doubleToJson(v) : v);
      }
      return;
    }
    const convert = toJsonConverter(type);
    for (let r = 0; r < n; r++) setKey(records[r] as JsonRecord, name, convert(data[r] ?? null));
  });
  return records;
}

function setKey(record: JsonRecord, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    record[key] = value;
  }
}
