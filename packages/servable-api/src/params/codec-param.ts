import type { JsonValue } from './json-value.js';
import { Param } from './param.js';
import type { ParamValidator } from './param-validator.js';
import { CodecFailure, type ValueCodec } from './value-codec.js';

/**
 * Internal base of the concrete param classes: type check, encoding, decoding and printing
 * come from a {@link ValueCodec}.
 */
export abstract class CodecParam<T> extends Param<T> {
  private readonly codec: ValueCodec<NonNullable<T>>;

  constructor(
    name: string,
    description: string,
    defaultValue: T | null,
    validator: ParamValidator<T> | undefined,
    codec: ValueCodec<NonNullable<T>>,
  ) {
    super(name, description, defaultValue, validator);
    this.codec = codec;
  }

  get typeName(): string {
    return this.codec.typeName;
  }

  isValue(value: unknown): value is NonNullable<T> {
    return this.codec.is(value);
  }

  override normalize(value: NonNullable<T>): NonNullable<T> {
    return this.codec.normalize(value);
  }

  jsonEncode(value: T | null): JsonValue {
    return value === null || value === undefined ? null : this.codec.encode(value);
  }

  jsonDecode(json: JsonValue): T | null {
    if (json === null) return null;
    try {
      return this.codec.decode(json, '');
    } catch (error) {
      if (error instanceof CodecFailure) throw this.jsonError(json, error.describe(), error);
      throw error;
    }
  }

  override formatValue(value: T | null): string {
    return value === null || value === undefined ? 'null' : this.codec.format(value);
  }
}
