import {
  DataFrame,
  type DataType,
  Row,
  Schema,
  type SchemaField,
  type SchemaFieldSpec,
} from '@servable/dataframe';
import { DenseVector } from '@servable/linalg';
import {
  type AnyServable,
  FeatureDimensionError,
  ModelNotLoadedError,
  ServableError,
} from '@servable/servable-api';
import { InferenceServerConfigError } from './errors.js';
import { datatypeOf, shapeOf, type TensorDatatype } from './tensor-datatype.js';

/** A tensor as `GET /v2/models/{name}` describes it. */
export interface TensorMetadata {
  /** The tensor's (and DataFrame column's) name. */
  readonly name: string;
  /** Its datatype. */
  readonly datatype: TensorDatatype;
  /** Its shape; `-1` marks a variable size (the batch dimension always is). */
  readonly shape: readonly number[];
}

/**
 * What a model's signature is configured as (all optional). Servables do not declare their
 * input columns, so by default they are derived from the servables' params (see
 * `deriveInputSchema` in `@servable/servable-api`).
 */
export interface ModelSignatureSpec {
  /**
   * The input columns and their types (`'VECTOR(DOUBLE)'`, `'DOUBLE'`, `'STRING'`, …). When
   * given, it replaces the derived inputs entirely.
   */
  readonly inputs?: readonly SchemaFieldSpec[];
  /**
   * The output columns, in order. Default: every column the model adds to its input. Input
   * columns may be listed too (they are echoed back).
   */
  readonly outputs?: readonly string[];
}

/** One input or output column of a {@link ModelSignature}. */
export interface SignatureColumn extends TensorMetadata {
  /** The DataFrame column type. */
  readonly type: DataType;
  /** For a vector column, the dimension the model expects, when known. */
  readonly dim: number | undefined;
}

/**
 * A model's *signature*: its input columns (name, DataFrame type, tensor datatype and shape,
 * vector dimension when known) and its output columns. Inputs come from the configuration or
 * from the servables' params; outputs and vector dimensions are found by running the model on
 * an empty DataFrame and on one all-zero row (see {@link probeSignature}).
 */
export class ModelSignature {
  /** The inputs as a DataFrame schema (what requests are converted to). */
  readonly inputSchema: Schema;

  constructor(
    /** The input columns, in order. */
    readonly inputs: readonly SignatureColumn[],
    /** The output columns, in order (empty until the model has data). */
    readonly outputs: readonly SignatureColumn[],
  ) {
    this.inputSchema = new Schema(inputs.map((c) => ({ name: c.name, type: c.type })));
  }

  /** The input tensors, as OIP model metadata lists them. */
  inputMetadata(): TensorMetadata[] {
    return this.inputs.map(metadataOf);
  }

  /** The output tensors, as OIP model metadata lists them. */
  outputMetadata(): TensorMetadata[] {
    return this.outputs.map(metadataOf);
  }

  /** `features FP64 [-1, 5]`, … for error messages. */
  describeInputs(): string {
    return this.inputs.map((c) => `${c.name} ${c.datatype} [${c.shape.join(', ')}]`).join(', ');
  }
}

function metadataOf(c: SignatureColumn): TensorMetadata {
  return { name: c.name, datatype: c.datatype, shape: c.shape };
}

/** The result of {@link probeSignature}. */
export type SignatureProbe =
  | { readonly ready: true; readonly signature: ModelSignature }
  | { readonly ready: false; readonly signature: ModelSignature; readonly reason: string };

/**
 * Finds a model's outputs by transforming an empty DataFrame of `inputs`, and the dimension of
 * each vector input by transforming one all-zero row (a {@link FeatureDimensionError} names the
 * dimension the model expects).
 *
 * @param model the model's name, for messages.
 * @returns `ready: false` when the model has no model data yet (its outputs are then unknown).
 * @throws InferenceServerConfigError when the inputs do not fit the servable (a missing column,
 *   a wrong type) or a configured output is not produced.
 */
export function probeSignature(
  model: string,
  servable: AnyServable,
  inputs: Schema,
  outputs?: readonly string[],
): SignatureProbe {
  const fields = inputs.fields;
  const empty = DataFrame.fromColumns(
    inputs.getColumnNames(),
    inputs.getDataTypes(),
    fields.map(() => []),
    0,
  );
  let result: DataFrame;
  try {
    result = servable.transform(empty);
  } catch (error) {
    const unready = inputColumns(fields, new Map());
    if (error instanceof ModelNotLoadedError) {
      return { ready: false, signature: new ModelSignature(unready, []), reason: error.message };
    }
    throw new InferenceServerConfigError(
      `Model ${JSON.stringify(model)}: its inputs [${inputs.toString()}] do not fit the servable: ` +
        `${error instanceof Error ? error.message : String(error)} Configure the signature's inputs.`,
      { cause: error },
    );
  }
  const resultSchema = result.getSchema();
  const outputNames =
    outputs ?? resultSchema.getColumnNames().filter((name) => !inputs.hasColumn(name));
  const outputColumns = outputNames.map((name): SignatureColumn => {
    if (!resultSchema.hasColumn(name)) {
      throw new InferenceServerConfigError(
        `Model ${JSON.stringify(model)}: output ${JSON.stringify(name)} is not produced; the ` +
          `model's result has columns [${resultSchema.getColumnNames().join(', ')}].`,
      );
    }
    const type = resultSchema.getDataType(name);
    return { name, type, datatype: datatypeOf(type), shape: shapeOf(type), dim: undefined };
  });
  const dims = probeDimensions(servable, fields);
  return {
    ready: true,
    signature: new ModelSignature(inputColumns(fields, dims), outputColumns),
  };
}

function inputColumns(
  fields: readonly SchemaField[],
  dims: ReadonlyMap<string, number>,
): SignatureColumn[] {
  return fields.map(({ name, type }) => {
    const dim = dims.get(name);
    return { name, type, datatype: datatypeOf(type), shape: shapeOf(type, dim), dim };
  });
}

/** Learns vector input dimensions from the FeatureDimensionErrors of one all-zero row. */
function probeDimensions(
  servable: AnyServable,
  fields: readonly SchemaField[],
): Map<string, number> {
  const dims = new Map<string, number>();
  const vectorFields = fields.filter((f) => f.type.kind === 'vector');
  if (vectorFields.length === 0 || vectorFields.length !== fields.length) return dims;
  for (let attempt = 0; attempt <= vectorFields.length; attempt++) {
    const row = new Row(fields.map((f) => new DenseVector(dims.get(f.name) ?? 0)));
    const df = new DataFrame(
      fields.map((f) => f.name),
      fields.map((f) => f.type),
      [row],
    );
    try {
      servable.transform(df);
      return dims;
    } catch (error) {
      if (!(error instanceof FeatureDimensionError) || dims.has(error.column)) break;
      if (!vectorFields.some((f) => f.name === error.column)) break;
      dims.set(error.column, error.expected);
    }
  }
  // Dimensions that could not be confirmed by a successful transform are still the model's
  // expectations (each came from the model's own error), so keep them.
  return dims;
}

/** Whether `error` is a servable's complaint about its input (the client's fault). */
export function isInputError(error: unknown): boolean {
  return error instanceof ServableError && !(error instanceof ModelNotLoadedError);
}
