import type { JsonValue } from './json-value.js';
import { writeJson } from './json-write.js';
import { InvalidParamError, ParamJsonError } from './param-error.js';
import { type ParamValidator, ParamValidators } from './param-validator.js';

/**
 * A named, typed, validated parameter of a stage, as Flink ML's `Param<T>`.
 *
 * `T` is the type of the values the param holds. **Null convention:** a param whose value may
 * be null (Flink ML params with a null default and an accepting validator, e.g. `weightCol`,
 * `seed`, `modelVersionCol`) is declared with `| null` in `T` (`Param<string | null>`) and a
 * validator that accepts null (`ParamValidators.alwaysTrue()`). A param declared without
 * `| null` must use a validator that rejects null; when no validator is given, the default is
 * `ParamValidators.notNull()` (Flink ML's default is `alwaysTrue`, but a null where a typed
 * value is expected is never meaningful in TypeScript). `defaultValue` may still be null for a
 * non-null `T` (e.g. `inputCols`): such a param must be set before `get()` is called.
 *
 * Param identity is its `name`.
 */
export abstract class Param<T> {
  /** The name, as written in the metadata `paramMap`. */
  readonly name: string;
  /** What the param means. */
  readonly description: string;
  /** The value a new holder starts with. */
  readonly defaultValue: T | null;
  /** Decides which values `set()` accepts. */
  readonly validator: ParamValidator<T>;

  constructor(
    name: string,
    description: string,
    defaultValue: T | null,
    validator: ParamValidator<T> = ParamValidators.notNull<T>(),
  ) {
    this.name = name;
    this.description = description;
    this.defaultValue = defaultValue;
    this.validator = validator;
  }

  /** The Java-flavoured name of the value type, e.g. `int`, `double[][]`, `Vector`. */
  abstract readonly typeName: string;

  /** True if `value` is a non-null value of this param's type (before validation). */
  abstract isValue(value: unknown): value is NonNullable<T>;

  /**
   * Brings a value of the right type into canonical form before it is stored (FloatParam rounds
   * to float precision). The default returns it unchanged.
   */
  normalize(value: NonNullable<T>): NonNullable<T> {
    return value;
  }

  /** The value as JSON, as Flink ML's `Param.jsonEncode` + Jackson write it. */
  abstract jsonEncode(value: T | null): JsonValue;

  /**
   * The value a JSON value stands for.
   *
   * @throws {ParamJsonError} naming this param, the JSON found and what was expected.
   */
  abstract jsonDecode(json: JsonValue): T | null;

  /**
   * The value as Flink ML's error messages print it: Java number formatting, arrays as
   * `{a,b,c}`.
   */
  formatValue(value: T | null): string {
    return String(value);
  }

  /**
   * Checks type and validator as `set()` does and returns the canonical value.
   *
   * @throws {InvalidParamError} for a value of the wrong type, a rejected null or a value the
   *   validator rejects.
   */
  checkValue(value: unknown): T | null {
    if (value === null || value === undefined) {
      if (!this.validator.validate(null)) {
        throw new InvalidParamError(this.name, null, this.validator.rule, 'null');
      }
      return null;
    }
    if (!this.isValue(value)) {
      throw new InvalidParamError(this.name, value, this.typeName, 'type', describeForeign(value));
    }
    const normalized = this.normalize(value);
    if (!this.validator.validate(normalized)) {
      throw new InvalidParamError(
        this.name,
        normalized,
        this.validator.rule,
        'invalid',
        this.formatValue(normalized),
      );
    }
    return normalized;
  }

  /** Builds the error `jsonDecode` throws. */
  protected jsonError(json: JsonValue, expected: string, cause?: unknown): ParamJsonError {
    return new ParamJsonError(
      this.name,
      shorten(safeWrite(json)),
      expected,
      cause === undefined ? undefined : { cause },
    );
  }

  /** The name. */
  toString(): string {
    return this.name;
  }
}

function safeWrite(json: JsonValue): string {
  try {
    return writeJson(json);
  } catch {
    return String(json);
  }
}

/** Cuts long JSON in error messages to 200 characters. */
export function shorten(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max - 3)}...`;
}

/** Describes a value of unexpected type for an error message: `string "3"`, `number 1.5`. */
export function describeForeign(value: unknown): string {
  if (typeof value === 'string') return `string ${JSON.stringify(shorten(value, 60))}`;
  if (typeof value === 'bigint') return `bigint ${value}`;
  if (Array.isArray(value)) return `array of length ${value.length}`;
  if (typeof value === 'object' && value !== null) {
    const name = value.constructor?.name;
    return name !== undefined && name !== 'Object' ? `${name} object` : 'object';
  }
  return `${typeof value} ${String(value)}`;
}
