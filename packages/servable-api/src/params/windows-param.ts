import { CodecParam } from './codec-param.js';
import { isJsonObject, type JsonValue } from './json-value.js';
import type { ParamValidator } from './param-validator.js';
import { CodecFailure, type ValueCodec } from './value-codec.js';
import {
  CountTumblingWindows,
  EventTimeSessionWindows,
  EventTimeTumblingWindows,
  GlobalWindows,
  ProcessingTimeSessionWindows,
  ProcessingTimeTumblingWindows,
  WINDOWS_PACKAGE,
  type Windows,
} from './windows.js';

const EXPECTED = `a windows object {"class":"${WINDOWS_PACKAGE}<GlobalWindows|CountTumblingWindows|ProcessingTimeTumblingWindows|EventTimeTumblingWindows|ProcessingTimeSessionWindows|EventTimeSessionWindows>", plus "size" or "gap"}`;

function long(json: JsonValue | undefined, path: string, key: string): number {
  const value =
    typeof json === 'bigint' ? Number(json) : typeof json === 'number' ? Math.trunc(json) : null;
  if (value === null || !Number.isSafeInteger(value)) {
    throw new CodecFailure(
      `${path}.${key}`,
      json === undefined ? 'nothing' : String(json),
      `a number "${key}"`,
    );
  }
  return value;
}

function isWindows(v: unknown): v is Windows {
  return (
    v instanceof GlobalWindows ||
    v instanceof CountTumblingWindows ||
    v instanceof ProcessingTimeTumblingWindows ||
    v instanceof EventTimeTumblingWindows ||
    v instanceof ProcessingTimeSessionWindows ||
    v instanceof EventTimeSessionWindows
  );
}

const windowsCodec: ValueCodec<Windows> = {
  typeName: 'Windows',
  expected: EXPECTED,
  is: isWindows,
  normalize: (v) => v,
  encode(w): JsonValue {
    const cls = WINDOWS_PACKAGE + w.kind;
    switch (w.kind) {
      case 'GlobalWindows':
        return { class: cls };
      case 'CountTumblingWindows':
        return { class: cls, size: w.size };
      case 'ProcessingTimeTumblingWindows':
      case 'EventTimeTumblingWindows':
        return { class: cls, size: w.sizeMs };
      case 'ProcessingTimeSessionWindows':
      case 'EventTimeSessionWindows':
        return { class: cls, gap: w.gapMs };
    }
  },
  decode(json, path) {
    if (!isJsonObject(json) || typeof json.class !== 'string') {
      throw new CodecFailure(path, 'no "class" string', EXPECTED);
    }
    switch (json.class) {
      case `${WINDOWS_PACKAGE}GlobalWindows`:
        return GlobalWindows.INSTANCE;
      case `${WINDOWS_PACKAGE}CountTumblingWindows`:
        return new CountTumblingWindows(long(json.size, path, 'size'));
      case `${WINDOWS_PACKAGE}ProcessingTimeTumblingWindows`:
        return new ProcessingTimeTumblingWindows(long(json.size, path, 'size'));
      case `${WINDOWS_PACKAGE}EventTimeTumblingWindows`:
        return new EventTimeTumblingWindows(long(json.size, path, 'size'));
      case `${WINDOWS_PACKAGE}ProcessingTimeSessionWindows`:
        return new ProcessingTimeSessionWindows(long(json.gap, path, 'gap'));
      case `${WINDOWS_PACKAGE}EventTimeSessionWindows`:
        return new EventTimeSessionWindows(long(json.gap, path, 'gap'));
      default:
        throw new CodecFailure(path, `class ${json.class}`, EXPECTED);
    }
  },
  format: (w) => w.toString(),
};

/**
 * A {@link Windows} param (Flink ML's `WindowsParam`). JSON: `{"class":"<java class>"}` plus
 * `"size"` (tumbling windows) or `"gap"` (session windows), e.g.
 * `{"class":"org.apache.flink.ml.common.window.EventTimeTumblingWindows","size":3000}`.
 */
export class WindowsParam<T extends Windows | null = Windows> extends CodecParam<T> {
  constructor(
    name: string,
    description: string,
    defaultValue: NoInfer<T> | null,
    validator?: ParamValidator<NoInfer<T>>,
  ) {
    super(name, description, defaultValue, validator, windowsCodec as ValueCodec<NonNullable<T>>);
  }
}
