import { describeValue } from './describe-value.js';
import { InvalidInferenceRequestError } from './errors.js';
import type { InferenceRequest } from './inference-request.js';
import { TENSOR_DATATYPES, type TensorDatatype } from './tensor-datatype.js';

const DATATYPES: ReadonlySet<string> = new Set<TensorDatatype>(TENSOR_DATATYPES);
/** The most dimensions a tensor's shape may have. */
const MAX_RANK = 8;

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Marks an error without a found value (a missing property, an empty array). */
const NOTHING = Symbol('nothing found');

function invalid(
  path: string,
  expected: string,
  found: unknown = NOTHING,
): InvalidInferenceRequestError {
  const tail = found === NOTHING ? '' : `, found ${describeValue(found)}`;
  return new InvalidInferenceRequestError(`Invalid request: ${path} ${expected}${tail}.`);
}

function required(object: JsonObject, key: string, path: string): unknown {
  const value = object[key];
  if (value === undefined) throw invalid(path, `must have required property '${key}'`);
  return value;
}

function optionalObject(object: JsonObject, key: string, path: string): void {
  const value = object[key];
  if (value !== undefined && !isObject(value)) {
    throw invalid(`${path}/${key}`, 'must be an object', value);
  }
}

function checkInput(tensor: unknown, path: string): void {
  if (!isObject(tensor)) throw invalid(path, 'must be an object', tensor);
  const name = required(tensor, 'name', path);
  if (typeof name !== 'string' || name.length === 0) {
    throw invalid(`${path}/name`, 'must be a non-empty string', name);
  }
  const shape = required(tensor, 'shape', path);
  if (!Array.isArray(shape)) throw invalid(`${path}/shape`, 'must be an array', shape);
  if (shape.length > MAX_RANK) {
    throw invalid(`${path}/shape`, `must have at most ${MAX_RANK} dimensions`, shape);
  }
  for (let d = 0; d < shape.length; d++) {
    const size: unknown = shape[d];
    if (!Number.isInteger(size) || (size as number) < 0) {
      throw invalid(`${path}/shape/${d}`, 'must be an integer >= 0', size);
    }
  }
  const datatype = required(tensor, 'datatype', path);
  if (typeof datatype !== 'string' || !DATATYPES.has(datatype)) {
    throw invalid(`${path}/datatype`, `must be one of ${TENSOR_DATATYPES.join(', ')}`, datatype);
  }
  const data = required(tensor, 'data', path);
  if (!Array.isArray(data)) throw invalid(`${path}/data`, 'must be an array', data);
  optionalObject(tensor, 'parameters', path);
}

/**
 * Checks the structure of a `POST /v2/models/{name}/infer` body (what the Open Inference
 * Protocol requires of it: an object with a non-empty `inputs` array of `{ name, shape,
 * datatype, data }` tensors, shape entries integers ≥ 0, a known datatype; optional `id`,
 * `parameters` and `outputs: [{ name }]`) and returns it typed. The values in `data` are checked
 * later, against the model's signature, while they are read.
 *
 * One pass over the structure in the handler, instead of fastify's schema validation: the same
 * checks, messages that also name the value found, and about a microsecond less per request.
 *
 * @throws InvalidInferenceRequestError naming the path (`body/inputs/0/shape/1`), what was
 *   expected and what was found.
 */
export function checkInferenceRequest(body: unknown): InferenceRequest {
  if (!isObject(body)) throw invalid('body', 'must be an object', body);
  const id = body.id;
  if (id !== undefined && typeof id !== 'string') throw invalid('body/id', 'must be a string', id);
  optionalObject(body, 'parameters', 'body');
  const inputs = required(body, 'inputs', 'body');
  if (!Array.isArray(inputs)) throw invalid('body/inputs', 'must be an array', inputs);
  if (inputs.length === 0) throw invalid('body/inputs', 'must have at least one input tensor');
  for (let i = 0; i < inputs.length; i++) checkInput(inputs[i], `body/inputs/${i}`);
  const outputs = body.outputs;
  if (outputs !== undefined) {
    if (!Array.isArray(outputs)) throw invalid('body/outputs', 'must be an array', outputs);
    for (let i = 0; i < outputs.length; i++) {
      const output: unknown = outputs[i];
      const path = `body/outputs/${i}`;
      if (!isObject(output)) throw invalid(path, 'must be an object', output);
      const name = required(output, 'name', path);
      if (typeof name !== 'string') throw invalid(`${path}/name`, 'must be a string', name);
      optionalObject(output, 'parameters', path);
    }
  }
  return body as unknown as InferenceRequest;
}
