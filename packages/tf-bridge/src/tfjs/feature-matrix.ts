import { type DataFrame, type DataType, DataTypes, parseDataType } from '@servable/dataframe';
import { DenseVector, type Vector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  FeatureDimensionError,
  requireColumn,
} from '@servable/servable-api';
import { TFConfigError, TFDataError } from '../errors.js';

/** Rows of selected columns flattened into one row-major float32 matrix. */
export interface FeatureMatrix {
  /** Row-major values, `rows * width`. */
  readonly data: Float32Array;
  /** Number of rows. */
  readonly rows: number;
  /** Values per row (scalars count 1, vectors their size). */
  readonly width: number;
  /** Width contributed by each selected column. */
  readonly columnWidths: readonly number[];
}

/**
 * Flattens the selected columns of `df` (numeric scalars and vectors) into one float32 matrix,
 * columns side by side in the order given.
 *
 * @throws MissingColumnError / ColumnTypeMismatchError for a missing or non-numeric column.
 * @throws FeatureDimensionError when a vector's size differs from the column's first vector.
 * @throws TFDataError for a null value (naming column and row).
 */
export function featureMatrix(
  df: DataFrame,
  columns: readonly string[],
  servable: string,
): FeatureMatrix {
  const rows = df.numRows();
  const sources = columns.map((name) => {
    const index = requireColumn(df, name, servable);
    const type = df.getDataType(index);
    if (type.kind === 'scalar' && type.isNumeric()) {
      return { name, width: 1, scalars: df.getDoubles(index), vectors: undefined };
    }
    if (type.kind === 'vector') {
      const vectors = df.getVectors(index);
      const first = vectors.find((v) => v !== null);
      return { name, width: first?.size() ?? 0, scalars: undefined, vectors };
    }
    throw new ColumnTypeMismatchError(name, 'a numeric scalar or VECTOR(DOUBLE)', type.toString());
  });
  const width = sources.reduce((n, s) => n + s.width, 0);
  const data = new Float32Array(rows * width);
  let offset = 0;
  for (const s of sources) {
    if (s.scalars !== undefined) {
      for (let r = 0; r < rows; r++) data[r * width + offset] = s.scalars[r] as number;
    } else if (s.vectors !== undefined) {
      for (let r = 0; r < rows; r++) {
        const v = s.vectors[r];
        if (v === null || v === undefined)
          throw new TFDataError(`Column ${s.name}, row ${r}: expected a vector, found null.`);
        if (v.size() !== s.width) throw new FeatureDimensionError(s.name, r, s.width, v.size());
        writeVector(v, data, r * width + offset);
      }
    }
    offset += s.width;
  }
  return { data, rows, width, columnWidths: sources.map((s) => s.width) };
}

function writeVector(v: Vector, out: Float32Array, at: number): void {
  if (v instanceof DenseVector) {
    out.set(v.values, at);
    return;
  }
  const dense = v.toArray();
  for (let i = 0; i < dense.length; i++) out[at + i] = dense[i] as number;
}

const REPORT_TYPE_NAMES: Readonly<Record<string, string>> = {
  FLOAT_64: 'DOUBLE',
  FLOAT_32: 'FLOAT',
  INT_32: 'INT',
  INT_64: 'LONG',
  BOOL: 'BOOLEAN',
  FLOAT_32_ARRAY: 'VECTOR(DOUBLE)',
  FLOAT_64_ARRAY: 'VECTOR(DOUBLE)',
  VECTOR: 'VECTOR(DOUBLE)',
};

/**
 * The data type of an output column from its `outputTypes` name: a Flink ML servable type name
 * (`DOUBLE`, `VECTOR(DOUBLE)`, …) or one of the report's `DataTypes` names (`FLOAT_32`, `INT_64`,
 * `FLOAT_32_ARRAY`, …).
 *
 * @throws TFConfigError for a type that cannot hold model outputs.
 */
export function outputDataType(name: string): DataType {
  const text = REPORT_TYPE_NAMES[name.toUpperCase()] ?? name;
  let type: DataType;
  try {
    type = parseDataType(text);
  } catch (error) {
    throw new TFConfigError(
      'outputTypes',
      `unknown type ${JSON.stringify(name)}: ${(error as Error).message}`,
    );
  }
  if (
    type.kind === 'vector' ||
    (type.kind === 'scalar' &&
      (type.isNumeric() || type.basicType === 'BOOLEAN' || type.basicType === 'STRING'))
  ) {
    return type;
  }
  throw new TFConfigError(
    'outputTypes',
    `type ${type.toString()} cannot hold a model output; use a numeric, BOOLEAN, STRING or VECTOR(DOUBLE) type.`,
  );
}

/** One model output tensor, read back: row-major values with `width` values per row. */
export interface OutputBlock {
  /** The values. */
  readonly values: Float32Array | Int32Array | Uint8Array;
  /** Values per row. */
  readonly width: number;
}

/**
 * Turns model outputs into output columns: one block per output column, or one block split
 * over several scalar columns (one value per column), or one block into one vector column.
 *
 * @throws TFDataError when the outputs' shapes do not match `outputCols`/`outputTypes`.
 */
export function outputColumns(
  blocks: readonly OutputBlock[],
  rows: number,
  outputCols: readonly string[],
  outputTypes: readonly DataType[],
): unknown[][] {
  if (outputTypes.length !== outputCols.length) {
    throw new TFConfigError(
      'outputTypes',
      `${outputTypes.length} types for ${outputCols.length} output columns [${outputCols.join(', ')}].`,
    );
  }
  const columns: unknown[][] = [];
  if (blocks.length === outputCols.length) {
    blocks.forEach((b, i) => {
      columns.push(
        toColumn(b, 0, b.width, rows, outputCols[i] as string, outputTypes[i] as DataType),
      );
    });
    return columns;
  }
  const [only] = blocks;
  if (
    blocks.length === 1 &&
    only !== undefined &&
    only.width === outputCols.length &&
    outputTypes.every((t) => t.kind === 'scalar')
  ) {
    outputCols.forEach((name, j) => {
      columns.push(toColumn(only, j, 1, rows, name, outputTypes[j] as DataType));
    });
    return columns;
  }
  throw new TFDataError(
    `The model has ${blocks.length} output(s) of width(s) [${blocks.map((b) => b.width).join(', ')}], which do not map onto the output columns [${outputCols.join(', ')}]: give one column per output, or one scalar column per output value.`,
  );
}

function toColumn(
  block: OutputBlock,
  from: number,
  count: number,
  rows: number,
  name: string,
  type: DataType,
): unknown[] {
  const out = new Array<unknown>(rows);
  const { values, width } = block;
  if (type.kind === 'vector') {
    for (let r = 0; r < rows; r++) {
      const v = new Float64Array(count);
      for (let k = 0; k < count; k++) v[k] = values[r * width + from + k] as number;
      out[r] = new DenseVector(v);
    }
    return out;
  }
  if (count !== 1) {
    throw new TFDataError(
      `Output column ${name} has type ${type.toString()} but the model output has ${count} values per row; use VECTOR(DOUBLE).`,
    );
  }
  const basic = type.kind === 'scalar' ? type.basicType : 'DOUBLE';
  for (let r = 0; r < rows; r++) {
    const x = values[r * width + from] as number;
    out[r] =
      basic === 'BOOLEAN'
        ? x >= 0.5
        : basic === 'STRING'
          ? String(x)
          : basic === 'DOUBLE' || basic === 'FLOAT'
            ? x
            : Math.round(x);
  }
  return out;
}

/** `DataTypes.DOUBLE`, re-exported for defaults. */
export const DEFAULT_OUTPUT_TYPE = DataTypes.DOUBLE;
