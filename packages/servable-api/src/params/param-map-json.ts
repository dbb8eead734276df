import type { JsonValue } from './json-value.js';
import type { Param } from './param.js';
import { UnknownParamError } from './param-error.js';
import type { WithParams } from './with-params.js';

/**
 * Every param of `holder` with its JSON-encoded value (null values included), in definition
 * order: the `paramMap` Flink ML writes into a stage's metadata. Pass it to `writeJson` to get
 * Java's bytes (`1.0` for doubles, `1` for ints).
 */
export function paramMapToJson(holder: WithParams<unknown>): Record<string, JsonValue> {
  const result: Record<string, JsonValue> = {};
  for (const [param, value] of holder.getParamMap()) {
    result[param.name] = param.jsonEncode(value);
  }
  return result;
}

/**
 * Applies a metadata `paramMap` to `holder`: every entry is decoded by the param of that name
 * and set (so it is type-checked and validated). Params absent from `json` keep their values.
 * Either every entry is applied or, on the first error, none is.
 *
 * @throws {UnknownParamError} for a name the holder does not define (Java fails too).
 * @throws {ParamJsonError} for JSON the param cannot decode.
 * @throws {InvalidParamError} for a value the param's validator rejects, e.g. a `null` saved for
 *   an unset `inputCols`.
 */
export function applyParamMapJson<H extends WithParams<unknown>>(
  holder: H,
  json: Readonly<Record<string, JsonValue>>,
): H {
  const params = new Map(holder.getParams().map((p) => [p.name, p] as const));
  const decoded: [Param<unknown>, unknown][] = [];
  for (const name of Object.keys(json)) {
    const param = params.get(name);
    if (param === undefined) {
      throw new UnknownParamError(name, holder.constructor.name, [...params.keys()]);
    }
    const value = param.jsonDecode(json[name] as JsonValue);
    decoded.push([param, param.checkValue(value)]);
  }
  for (const [param, value] of decoded) holder.set(param, value);
  return holder;
}
