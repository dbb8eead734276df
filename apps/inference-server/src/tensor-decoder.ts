import { DataFrame, type DataType, type Schema } from '@servable/dataframe';
import { allocFloat64Array, DenseVector } from '@servable/linalg';
import { describeValue } from './describe-value.js';
import { InvalidInferenceRequestError } from './errors.js';
import type { RequestInput } from './inference-request.js';
import type { ModelSignature, SignatureColumn } from './model-signature.js';
import { INTEGER_RANGES, isNumericDatatype, type TensorDatatype } from './tensor-datatype.js';

/** Rows and values one request may carry, by default. */
export interface DecodeLimits {
  /** The largest batch (rows) accepted. */
  readonly maxBatchSize: number;
}

/**
 * Converts the input tensors of an OIP v2 request into the model's input DataFrame: one column
 * per tensor. Numeric tensors of shape `[n]` (or `[n, 1]`) become scalar columns, `[n, d]`
 * vector columns (one `Float64Array` of `n·d` values, each row's `DenseVector` a view into it:
 * no per-value boxing beyond JSON parsing), BYTES `[n]` string columns, BOOL `[n]` boolean
 * columns.
 *
 * @throws InvalidInferenceRequestError naming the input, and the index, row and value that is
 *   wrong, or the expected and found datatype, shape or dimension.
 */
export function decodeInputs(
  signature: ModelSignature,
  inputs: readonly RequestInput[],
  limits: DecodeLimits,
): DataFrame {
  const columns = signature.inputs;
  const tensors = new Array<RequestInput | undefined>(columns.length);
  for (const tensor of inputs) {
    let at = -1;
    for (let c = 0; c < columns.length; c++) {
      if ((columns[c] as SignatureColumn).name === tensor.name) {
        at = c;
        break;
      }
    }
    if (at < 0) {
      throw new InvalidInferenceRequestError(
        `Unexpected input ${JSON.stringify(tensor.name)}; the model takes inputs [${signature.describeInputs()}].`,
      );
    }
    if (tensors[at] !== undefined) {
      throw new InvalidInferenceRequestError(
        `Input ${JSON.stringify(tensor.name)} is given twice.`,
      );
    }
    tensors[at] = tensor;
  }
  let rows = -1;
  let firstName = '';
  const values = new Array<ArrayLike<unknown>>(columns.length);
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c] as SignatureColumn;
    const tensor = tensors[c];
    if (tensor === undefined) {
      throw new InvalidInferenceRequestError(
        `Missing input ${JSON.stringify(column.name)}; the model takes inputs [${signature.describeInputs()}].`,
      );
    }
    const n = tensor.shape[0];
    if (n === undefined) {
      throw new InvalidInferenceRequestError(
        `Input ${JSON.stringify(tensor.name)} has shape [] but needs a batch dimension: expected shape [${column.shape.join(', ')}].`,
      );
    }
    if (n > limits.maxBatchSize) {
      throw new InvalidInferenceRequestError(
        `Input ${JSON.stringify(tensor.name)} has ${n} rows; this server accepts at most ${limits.maxBatchSize} rows per request.`,
      );
    }
    if (rows >= 0 && n !== rows) {
      throw new InvalidInferenceRequestError(
        `Inputs disagree on the batch size: ${JSON.stringify(firstName)} has ${rows} rows, ${JSON.stringify(tensor.name)} has ${n}.`,
      );
    }
    rows = n;
    firstName = tensor.name;
    values[c] = decodeColumn(column, tensor, n);
  }
  const { names, types } = frozenColumns(signature.inputSchema);
  return DataFrame.fromColumns(names, types, values, Math.max(rows, 0));
}

/** The input schema's names and types as frozen arrays (which `fromColumns` need not copy). */
const FROZEN_COLUMNS = new WeakMap<
  Schema,
  { readonly names: readonly string[]; readonly types: readonly DataType[] }
>();

function frozenColumns(schema: Schema): {
  readonly names: readonly string[];
  readonly types: readonly DataType[];
} {
  let entry = FROZEN_COLUMNS.get(schema);
  if (entry === undefined) {
    entry = {
      names: Object.freeze(schema.getColumnNames()),
      types: Object.freeze(schema.getDataTypes()),
    };
    FROZEN_COLUMNS.set(schema, entry);
  }
  return entry;
}

function decodeColumn(
  column: SignatureColumn,
  tensor: RequestInput,
  n: number,
): ArrayLike<unknown> {
  const type = column.type;
  const shape = tensor.shape;
  const data = flatData(tensor);
  switch (type.kind) {
    case 'vector': {
      requireNumeric(tensor, type);
      if (shape.length !== 2) {
        throw shapeError(tensor, `[n, ${column.dim ?? 'd'}] (n vectors)`);
      }
      const d = shape[1] as number;
      if (column.dim !== undefined && d !== column.dim) {
        throw new InvalidInferenceRequestError(
          `Input ${JSON.stringify(tensor.name)} has shape [${shape.join(', ')}]: vectors of dimension ${d}, but the model expects dimension ${column.dim} (shape [n, ${column.dim}]).`,
        );
      }
      const flat = readNumbers(tensor, data, n * d, d);
      const vectors = new Array<DenseVector>(n);
      // One row: the array itself (a view would be one more allocation).
      if (n === 1) vectors[0] = new DenseVector(flat);
      else
        for (let r = 0; r < n; r++) vectors[r] = new DenseVector(flat.subarray(r * d, r * d + d));
      return vectors;
    }
    case 'scalar': {
      if (shape.length !== 1 && !(shape.length === 2 && shape[1] === 1)) {
        throw shapeError(tensor, '[n] (n scalars)');
      }
      switch (type.basicType) {
        case 'STRING':
          requireDatatype(tensor, type, 'BYTES');
          checkLength(tensor, data, n);
          return readTyped(tensor, data, 'string', 1);
        case 'BOOLEAN':
          requireDatatype(tensor, type, 'BOOL');
          checkLength(tensor, data, n);
          return readTyped(tensor, data, 'boolean', 1);
        case 'BYTE_STRING': {
          requireDatatype(tensor, type, 'BYTES');
          checkLength(tensor, data, n);
          const strings = readTyped(tensor, data, 'string', 1) as string[];
          return strings.map((s) => new Uint8Array(Buffer.from(s, 'base64')));
        }
        default:
          requireNumeric(tensor, type);
          return readNumbers(tensor, data, n, 1);
      }
    }
    default:
      throw new InvalidInferenceRequestError(
        `Input ${JSON.stringify(tensor.name)} is a ${type.toString()} column, which tensors cannot carry; post rows to /v1/models/{name}:predict instead.`,
      );
  }
}

function flatData(tensor: RequestInput): readonly unknown[] {
  const data = tensor.data;
  if (data.length === 0 || !Array.isArray(data[0])) return data;
  const out: unknown[] = [];
  const walk = (values: readonly unknown[], depth: number): void => {
    for (const v of values) {
      if (Array.isArray(v)) {
        if (depth >= tensor.shape.length) {
          throw new InvalidInferenceRequestError(
            `Input ${JSON.stringify(tensor.name)}: data is nested deeper than its shape [${tensor.shape.join(', ')}].`,
          );
        }
        walk(v, depth + 1);
      } else out.push(v);
    }
  };
  walk(data, 1);
  return out;
}

function checkLength(tensor: RequestInput, data: readonly unknown[], expected: number): void {
  if (data.length !== expected) {
    throw new InvalidInferenceRequestError(
      `Input ${JSON.stringify(tensor.name)} has shape [${tensor.shape.join(', ')}], which holds ${expected} values, but its data has ${data.length}.`,
    );
  }
}

function shapeError(tensor: RequestInput, expected: string): InvalidInferenceRequestError {
  return new InvalidInferenceRequestError(
    `Input ${JSON.stringify(tensor.name)} has shape [${tensor.shape.join(', ')}]; expected ${expected}.`,
  );
}

function requireNumeric(tensor: RequestInput, type: DataType): void {
  if (!isNumericDatatype(tensor.datatype)) {
    throw new InvalidInferenceRequestError(
      `Input ${JSON.stringify(tensor.name)} has datatype ${tensor.datatype}, but column ${JSON.stringify(tensor.name)} is ${type.toString()}: expected a numeric datatype (FP64, FP32, INT64, …).`,
    );
  }
}

function requireDatatype(tensor: RequestInput, type: DataType, datatype: TensorDatatype): void {
  if (tensor.datatype !== datatype) {
    throw new InvalidInferenceRequestError(
      `Input ${JSON.stringify(tensor.name)} has datatype ${tensor.datatype}, but column ${JSON.stringify(tensor.name)} is ${type.toString()}: expected ${datatype}.`,
    );
  }
}

function position(i: number, width: number): string {
  return width === 1 ? `row ${i}` : `row ${Math.floor(i / width)}, element ${i % width}`;
}

/**
 * Reads `count` numbers into a new Float64Array, checking each against the datatype: one pass
 * over `data`, no intermediate arrays, the datatype's range hoisted out of the loop.
 */
function readNumbers(
  tensor: RequestInput,
  data: readonly unknown[],
  count: number,
  width: number,
): Float64Array {
  checkLength(tensor, data, count);
  // Short arrays (one row's vector) come from linalg's pool: a view is far cheaper to create.
  const out = allocFloat64Array(count);
  const range = INTEGER_RANGES[tensor.datatype];
  if (range === undefined) {
    for (let i = 0; i < count; i++) {
      const v = data[i];
      out[i] = typeof v === 'number' ? v : nonFinite(tensor, v, i, width);
    }
    return out;
  }
  const lo = range[0];
  const hi = range[1];
  for (let i = 0; i < count; i++) {
    const v = data[i];
    if (typeof v !== 'number') throw notANumber(tensor, v, i, width);
    // `!(v >= lo && v <= hi)` also rejects NaN.
    if (!(v >= lo && v <= hi) || !Number.isInteger(v)) {
      throw new InvalidInferenceRequestError(
        `Input ${JSON.stringify(tensor.name)}, data[${i}] (${position(i, width)}): ${v} is not a ${tensor.datatype} value (an integer in ${lo}…${hi}).`,
      );
    }
    out[i] = v;
  }
  return out;
}

/** A non-number in a floating-point tensor: Jackson's spelling of a non-finite double, or an error. */
function nonFinite(tensor: RequestInput, v: unknown, i: number, width: number): number {
  if (v === 'NaN') return Number.NaN;
  if (v === 'Infinity') return Number.POSITIVE_INFINITY;
  if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
  throw notANumber(tensor, v, i, width);
}

function notANumber(
  tensor: RequestInput,
  v: unknown,
  i: number,
  width: number,
): InvalidInferenceRequestError {
  return new InvalidInferenceRequestError(
    `Input ${JSON.stringify(tensor.name)}, data[${i}] (${position(i, width)}): expected a number (${tensor.datatype}), found ${describeValue(v)}.`,
  );
}

function readTyped(
  tensor: RequestInput,
  data: readonly unknown[],
  kind: 'string' | 'boolean',
  width: number,
): unknown[] {
  const out = new Array<unknown>(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v !== kind) {
      throw new InvalidInferenceRequestError(
        `Input ${JSON.stringify(tensor.name)}, data[${i}] (${position(i, width)}): expected a ${kind} (${tensor.datatype}), found ${describeValue(v)}.`,
      );
    }
    out[i] = v;
  }
  return out;
}
