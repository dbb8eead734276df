import type { DataType } from '@servable/dataframe';
import type { Vector } from '@servable/linalg';
import { TFDataError } from '../errors.js';

/** Input coding of rows to the script. */
export type RowCoding = 'csv' | 'json' | 'example';
/** Output coding of the script's rows; `none` = the run has no output. */
export type OutputCoding = 'csv' | 'json' | 'none';

/** How the Python runtime parses a CSV field of a column. */
export type CsvFieldKind = 'number' | 'vector' | 'boolean' | 'string';

/** The CSV field kind of a column type. */
export function csvFieldKind(type: DataType): CsvFieldKind {
  if (type.kind === 'vector') return 'vector';
  if (type.kind === 'scalar') {
    if (type.basicType === 'BOOLEAN') return 'boolean';
    if (type.basicType === 'STRING' || type.basicType === 'BYTE_STRING') return 'string';
    return 'number';
  }
  return 'string';
}

const encoder = new TextEncoder();

function plain(value: unknown): unknown {
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Vector).toArray === 'function'
  ) {
    return Array.from((value as Vector).toArray());
  }
  return value;
}

/**
 * The JSON text of a column value: as `JSON.stringify`, except that a `bigint` (a LONG column)
 * is written as its exact digits, which Python's `json` reads back as the same int (JavaScript's
 * `JSON.stringify` refuses bigints).
 * @throws TFDataError naming the column when the value cannot be written as JSON.
 */
function jsonValue(column: string, v: unknown): string | undefined {
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return `[${v.map((x) => jsonValue(column, x) ?? 'null').join(',')}]`;
  try {
    return JSON.stringify(v);
  } catch (error) {
    throw new TFDataError(
      `Column ${column}: the value cannot be coded as JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

function csvField(value: unknown): string {
  const v = plain(value);
  if (v === null || v === undefined) return '';
  const text = Array.isArray(v) ? v.join(' ') : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Encodes one row (`names[i]` = `values[i]`) in `coding`. */
export function encodeRow(
  coding: RowCoding,
  names: readonly string[],
  values: readonly unknown[],
): Uint8Array {
  if (coding === 'json') {
    let json = '{';
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const value = jsonValue(name, plain(values[i]));
      if (value === undefined) continue; // as JSON.stringify leaves out undefined properties
      json += `${json.length > 1 ? ',' : ''}${JSON.stringify(name)}:${value}`;
    }
    return encoder.encode(`${json}}`);
  }
  if (coding === 'csv') return encoder.encode(values.map(csvField).join(','));
  return encodeExample(names, values);
}

// ---- tf.Example protobuf ----

function varint(out: number[], n: number): void {
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A protobuf varint of an unsigned 64-bit value (a negative int64 as its two's complement). */
function varint64(out: number[], n: bigint): void {
  let v = n;
  while (v > 0x7fn) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
}

function lengthDelimited(out: number[], field: number, bytes: ArrayLike<number>): void {
  varint(out, (field << 3) | 2);
  varint(out, bytes.length);
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i] as number);
}

/** Appends an `int64_list` feature (field 3) holding `values`, packed. */
function int64List(feature: number[], column: string, values: readonly bigint[]): void {
  const packed: number[] = [];
  for (const x of values) {
    if (x < INT64_MIN || x > INT64_MAX) {
      throw new TFDataError(`Column ${column}: ${x} does not fit a tf.Example int64.`);
    }
    varint64(packed, BigInt.asUintN(64, x));
  }
  const intList: number[] = [];
  lengthDelimited(intList, 1, packed);
  lengthDelimited(feature, 3, intList);
}

/**
 * Encodes a row as a serialized `tf.train.Example`: numbers and vectors as `float_list`, LONG
 * values (`bigint`, and arrays of them) as `int64_list` (exact), booleans as `int64_list` 0/1,
 * strings as `bytes_list`; null columns are left out.
 */
export function encodeExample(names: readonly string[], values: readonly unknown[]): Uint8Array {
  const features: number[] = [];
  names.forEach((name, i) => {
    const v = plain(values[i]);
    if (v === null || v === undefined) return;
    const feature: number[] = [];
    if (typeof v === 'number' || (Array.isArray(v) && v.every((x) => typeof x === 'number'))) {
      const list = typeof v === 'number' ? [v] : (v as number[]);
      const floats = new Uint8Array(new Float32Array(list).buffer);
      const floatList: number[] = [];
      lengthDelimited(floatList, 1, floats);
      lengthDelimited(feature, 2, floatList);
    } else if (
      typeof v === 'bigint' ||
      (Array.isArray(v) && v.every((x) => typeof x === 'bigint'))
    ) {
      int64List(feature, name, typeof v === 'bigint' ? [v] : (v as bigint[]));
    } else if (typeof v === 'boolean') {
      int64List(feature, name, [v ? 1n : 0n]);
    } else if (typeof v === 'string' || v instanceof Uint8Array) {
      const bytesList: number[] = [];
      lengthDelimited(bytesList, 1, typeof v === 'string' ? encoder.encode(v) : v);
      lengthDelimited(feature, 1, bytesList);
    } else {
      throw new TFDataError(
        `Column ${name}: a ${typeof v} value cannot be coded as a tf.Example feature.`,
      );
    }
    const entry: number[] = [];
    lengthDelimited(entry, 1, encoder.encode(name));
    lengthDelimited(entry, 2, feature);
    lengthDelimited(features, 1, entry);
  });
  const example: number[] = [];
  lengthDelimited(example, 1, features);
  return Uint8Array.from(example);
}

const decoder = new TextDecoder();

/**
 * Decodes one output frame into the values of the output columns (JSON: an array, or an object
 * keyed by column; CSV: one field per column, vectors space-separated).
 *
 * @throws TFDataError naming the node, the output row and what was wrong (arity, syntax).
 */
export function decodeOutputRow(
  coding: 'csv' | 'json',
  frame: Uint8Array,
  outputCols: readonly string[],
  node: string,
  row: number,
): unknown[] {
  const text = decoder.decode(frame);
  let values: unknown[];
  if (coding === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new TFDataError(
        `Node ${node}, output row ${row}: invalid JSON (${(error as Error).message}): ${text.slice(0, 80)}`,
      );
    }
    values = Array.isArray(parsed)
      ? parsed
      : parsed !== null && typeof parsed === 'object'
        ? outputCols.map((c) => (parsed as Record<string, unknown>)[c] ?? null)
        : [parsed];
  } else {
    values = parseCsvLine(text).map((f) => (f === '' ? null : f));
  }
  if (values.length !== outputCols.length) {
    throw new TFDataError(
      `Node ${node}, output row ${row}: expected ${outputCols.length} values for [${outputCols.join(', ')}], found ${values.length}.`,
    );
  }
  return values;
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}
