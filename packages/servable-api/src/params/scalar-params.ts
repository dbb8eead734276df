import { CodecParam } from './codec-param.js';
import type { ParamValidator } from './param-validator.js';
import {
  booleanCodec,
  doubleCodec,
  floatCodec,
  intCodec,
  longCodec,
  stringCodec,
  type ValueCodec,
} from './value-codec.js';

// Each class takes an optional `| null` in its type argument for params whose value may be null
// (see the null convention on `Param`): `new StringParam<string | null>(...)`.

/**
 * A Java `int` param: a JavaScript integer in [-2^31, 2^31-1]. JSON: an integer.
 *
 * @example
 * ```ts
 * const K = new IntParam('k', 'The number of nearest neighbours.', 5, ParamValidators.gt(1));
 * ```
 */
export class IntParam<T extends number | null = number> extends CodecParam<T> {
  constructor(
    name: string,
    description: string,
    defaultValue: NoInfer<T> | null,
    validator?: ParamValidator<NoInfer<T>>,
  ) {
    super(name, description, defaultValue, validator, intCodec as ValueCodec<NonNullable<T>>);
  }
}

/**
 * A Java `long` param. Values are `bigint` so every long (seeds, `Long.MAX_VALUE`) is exact;
 * `set()` refuses a `number` (the shared-param setters such as `setSeed` accept both). JSON: an
 * integer, written exactly.
 */
export class LongParam<T extends bigint | null = bigint> extends CodecParam<T> {
  constructor(
    name: string,
    description: string,
    defaultValue: NoInfer<T> | null,
    validator?: ParamValidator<NoInfer<T>>,
  ) {
    super(name, description, defaultValue, validator, longCodec as ValueCodec<NonNullable<T>>);
  }
}

/**
 * A Java `float` param: values are rounded to float precision (`Math.fround`) when set or
 * decoded. JSON: a number written as Java's `Float.toString` (`0.1`), `"NaN"`/`"Infinity"`
 * strings for non-finite values.
 */
export class FloatParam<T extends number | null = number> extends CodecParam<T> {
  constructor(
    name: string,
    description: string,
    defaultValue: NoInfer<T> | null,
    validator?: ParamValidator<NoInfer<T>>,
  ) {
    super(name, description, defaultValue, validator, floatCodec as ValueCodec<NonNullable<T>>);
  }
}

/**
 * A Java `double` param. JSON: a number written as Java's `Double.toString` (`1.0`, `1.0E-6`);
 * NaN and ±Infinity as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`. Decoding accepts any
 * JSON number and Java decimal strings.
 */
export class DoubleParam<T extends number | null = number> extends CodecParam<T> {
  constructor(
    name: string,
    description: string,
    defaultValue: NoInfer<T> | null,
    validator?: ParamValidator<NoInfer<T>>,
  ) {
    super(name, description, defaultValue, validator, doubleCodec as ValueCodec<NonNullable<T>>);
  }
}

/** A Java `boolean` param. JSON: `true` / `false`. */
export class BooleanParam<T extends boolean | null = boolean> extends CodecParam<T> {
  constructor(
    name: string,
    description: string,
    defaultValue: NoInfer<T> | null,
    validator?: ParamValidator<NoInfer<T>>,
  ) {
    super(name, description, defaultValue, validator, booleanCodec as ValueCodec<NonNullable<T>>);
  }
}

/** A Java `String` param. JSON: a string. */
export class StringParam<T extends string | null = string> extends CodecParam<T> {
  constructor(
    name: string,
    description: string,
    defaultValue: NoInfer<T> | null,
    validator?: ParamValidator<NoInfer<T>>,
  ) {
    super(name, description, defaultValue, validator, stringCodec as ValueCodec<NonNullable<T>>);
  }
}
