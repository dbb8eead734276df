import { DenseVector, SparseVector, type Vector } from '@servable/linalg';
import { CodecParam } from './codec-param.js';
import { isJsonObject, type JsonValue } from './json-value.js';
import type { ParamValidator } from './param-validator.js';
import { CodecFailure, doubleCodec, intCodec, type ValueCodec } from './value-codec.js';

const INVALID = 'Vector parameter is invalid.';
const EXPECTED = `a vector, {"values":[...]} or {"n":N,"indices":[...],"values":[...]} (${INVALID})`;

function doubles(json: JsonValue | undefined, path: string): number[] {
  if (!Array.isArray(json))
    throw new CodecFailure(path, String(json), `an array of doubles (${INVALID})`);
  return json.map((e, i) => doubleCodec.decode(e, `${path}[${i}]`));
}

function ints(json: JsonValue | undefined, path: string): number[] {
  if (!Array.isArray(json))
    throw new CodecFailure(path, String(json), `an array of ints (${INVALID})`);
  return json.map((e, i) => intCodec.decode(e, `${path}[${i}]`));
}

const vectorCodec: ValueCodec<Vector> = {
  typeName: 'Vector',
  expected: EXPECTED,
  is: (v): v is Vector => v instanceof DenseVector || v instanceof SparseVector,
  normalize: (v) => v,
  encode(v): JsonValue {
    if (v instanceof SparseVector) {
      const values = Array.from(v.values, (x) => doubleCodec.encode(x));
      return { n: v.n, indices: Array.from(v.indices), values };
    }
    return { values: Array.from(v.toArray(), (x) => doubleCodec.encode(x)) };
  },
  decode(json, path) {
    if (!isJsonObject(json)) throw new CodecFailure(path, String(json), EXPECTED);
    const keys = Object.keys(json);
    if (keys.length === 1 && keys[0] === 'values') {
      return new DenseVector(doubles(json.values, `${path}.values`));
    }
    if (keys.length === 3 && 'n' in json && 'indices' in json && 'values' in json) {
      const n = intCodec.decode(json.n as JsonValue, `${path}.n`);
      const indices = ints(json.indices, `${path}.indices`);
      const values = doubles(json.values, `${path}.values`);
      try {
        return SparseVector.fromUnsorted(n, indices, values);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new CodecFailure(path, `an invalid sparse vector (${message})`, EXPECTED);
      }
    }
    throw new CodecFailure(path, `an object with keys [${keys.join(', ')}]`, EXPECTED);
  },
  format: (v) => v.toString(),
};

/**
 * A {@link Vector} param. JSON as Jackson writes Flink ML's vector beans: a DenseVector is
 * `{"values":[1.0,2.0]}`, a SparseVector `{"n":4,"indices":[1,3],"values":[0.5,2.0]}`. Any
 * other shape is refused with Flink ML's "Vector parameter is invalid." Unlike Java, decoding
 * accepts `"NaN"`/`"Infinity"` element strings, so every vector round-trips.
 */
export class VectorParam<T extends Vector | null = Vector> extends CodecParam<T> {
  constructor(
    name: string,
    description: string,
    defaultValue: NoInfer<T> | null,
    validator?: ParamValidator<NoInfer<T>>,
  ) {
    super(name, description, defaultValue, validator, vectorCodec as ValueCodec<NonNullable<T>>);
  }
}
