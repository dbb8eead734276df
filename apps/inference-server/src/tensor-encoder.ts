import type { DataFrame, DataType } from '@servable/dataframe';
import { DenseVector, type Vector } from '@servable/linalg';
import { OutputEncodingError } from './errors.js';
import { datatypeOf } from './tensor-datatype.js';

/** An output column to encode: its name and type in the model's result. */
export interface OutputColumn {
  /** The column's name. */
  readonly name: string;
  /** The column's type. */
  readonly type: DataType;
}

/**
 * Encodes result columns as the JSON text of an OIP v2 `outputs` array, written straight from
 * the columns' storage (a scalar column's `Float64Array`, each vector's values) without building
 * intermediate objects. Scalars give shape `[n]`, vectors `[n, d]` (sparse vectors written
 * dense), strings, byte strings (base64) and booleans `[n]`; matrix and array columns are
 * BYTES of one JSON text per row. Non-finite doubles are written as the strings `"NaN"`,
 * `"Infinity"`, `"-Infinity"` (JSON has no such numbers); nulls as `null`.
 *
 * @throws OutputEncodingError when a vector column holds vectors of different sizes.
 */
export function encodeOutputs(df: DataFrame, columns: readonly OutputColumn[]): string {
  let json = '[';
  for (let c = 0; c < columns.length; c++) {
    if (c > 0) json += ',';
    json += encodeColumn(df, columns[c] as OutputColumn);
  }
  return `${json}]`;
}

/** `{"name":…,"datatype":…,` per output column, built once per signature column object. */
const HEADS = new WeakMap<OutputColumn, string>();

function headOf(column: OutputColumn): string {
  let head = HEADS.get(column);
  if (head === undefined) {
    head = `{"name":${JSON.stringify(column.name)},"datatype":"${datatypeOf(column.type)}",`;
    HEADS.set(column, head);
  }
  return head;
}

function encodeColumn(df: DataFrame, column: OutputColumn): string {
  const { name, type } = column;
  const n = df.numRows();
  const head = headOf(column);
  if (type.kind === 'vector') {
    const vectors = df.getVectors(name);
    let dim = -1;
    let data = '';
    for (let r = 0; r < n; r++) {
      const v = vectors[r] as Vector | null;
      if (v === null) {
        throw new OutputEncodingError(
          `Output ${JSON.stringify(name)}, row ${r}: the vector is null, which an FP64 tensor cannot hold.`,
        );
      }
      const size = v.size();
      if (dim < 0) dim = size;
      else if (size !== dim) {
        throw new OutputEncodingError(
          `Output ${JSON.stringify(name)}: row 0 has a vector of size ${dim} but row ${r} one of size ${size}; a tensor needs one size.`,
        );
      }
      const values = v instanceof DenseVector ? v.values : v.toDense().values;
      for (let i = 0; i < size; i++) {
        if (r > 0 || i > 0) data += ',';
        data += number(values[i] as number);
      }
    }
    return `${head}"shape":[${n},${Math.max(dim, 0)}],"data":[${data}]}`;
  }
  let data = '';
  if (type.kind === 'scalar') {
    const storage = df.column(name);
    if (storage instanceof Float64Array) {
      for (let r = 0; r < n; r++) {
        if (r > 0) data += ',';
        data += number(storage[r] as number);
      }
    } else if (type.basicType === 'BYTE_STRING') {
      for (let r = 0; r < n; r++) {
        if (r > 0) data += ',';
        const v = storage[r];
        data += v instanceof Uint8Array ? `"${Buffer.from(v).toString('base64')}"` : 'null';
      }
    } else {
      for (let r = 0; r < n; r++) {
        if (r > 0) data += ',';
        const v = storage[r];
        data += typeof v === 'number' ? number(v) : (JSON.stringify(v) ?? 'null');
      }
    }
  } else {
    const records = df.select([name]).toRecords();
    for (let r = 0; r < n; r++) {
      if (r > 0) data += ',';
      const v = records[r]?.[name];
      data += v === null || v === undefined ? 'null' : JSON.stringify(JSON.stringify(v));
    }
  }
  return `${head}"shape":[${n}],"data":[${data}]}`;
}

function number(v: number): string {
  if (Number.isFinite(v)) return v === 0 ? '0' : String(v);
  return Number.isNaN(v) ? '"NaN"' : v > 0 ? '"Infinity"' : '"-Infinity"';
}
