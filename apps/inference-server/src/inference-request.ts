import type { TensorDatatype } from './tensor-datatype.js';

/** One input tensor of an OIP v2 inference request. */
export interface RequestInput {
  /** The input's name: the DataFrame column it becomes. */
  readonly name: string;
  /** Its shape: `[n]` for n scalars, `[n, d]` for n vectors of dimension d. */
  readonly shape: readonly number[];
  /** Its datatype. */
  readonly datatype: TensorDatatype;
  /** Its values, row-major: flat (`[1, 2, 3, 4]`) or nested (`[[1, 2], [3, 4]]`). */
  readonly data: readonly unknown[];
  /** Protocol parameters (ignored). */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

/** An output an OIP v2 request asks for. */
export interface RequestOutput {
  /** The output's name. */
  readonly name: string;
  /** Protocol parameters (ignored). */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

/** The body of `POST /v2/models/{name}/infer`. */
export interface InferenceRequest {
  /** An identifier echoed in the response. */
  readonly id?: string;
  /** Protocol parameters (ignored). */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** One tensor per model input. */
  readonly inputs: readonly RequestInput[];
  /** The outputs wanted (default: every output of the model's signature). */
  readonly outputs?: readonly RequestOutput[];
}

/** One output tensor of an OIP v2 inference response. */
export interface ResponseOutput {
  /** The output's name (a DataFrame column of the result). */
  readonly name: string;
  /** Its datatype. */
  readonly datatype: TensorDatatype;
  /** Its shape. */
  readonly shape: readonly number[];
  /** Its values, flat and row-major. */
  readonly data: readonly unknown[];
}

/** The body of an OIP v2 inference response. */
export interface InferenceResponse {
  /** The model's name. */
  readonly model_name: string;
  /** The model version that answered. */
  readonly model_version: string;
  /** The request's `id`, when it had one. */
  readonly id?: string;
  /** The output tensors. */
  readonly outputs: readonly ResponseOutput[];
}

/** The body of `POST /v1/models/{name}:predict`. */
export interface PredictRequest {
  /** One record per row, keyed by input column; for a one-input model a bare value is allowed. */
  readonly instances: readonly unknown[];
}

/** The answer of `POST /v1/models/{name}:predict`. */
export interface PredictResponse {
  /** One record of output columns per row (in `DataFrame.toRecords` form). */
  readonly predictions: readonly Readonly<Record<string, unknown>>[];
  /** The model's name. */
  readonly model_name: string;
  /** The model version that answered. */
  readonly model_version: string;
}

/** The JSON schema of `POST /v1/models/{name}:predict` bodies (structure only). */
export const PREDICT_BODY_SCHEMA = {
  type: 'object',
  required: ['instances'],
  properties: { instances: { type: 'array' } },
} as const;
