import { CodecParam } from './codec-param.js';
import type { ParamValidator } from './param-validator.js';
import {
  arrayCodec,
  doubleCodec,
  floatCodec,
  intCodec,
  longCodec,
  nullableCodec,
  stringCodec,
  type ValueCodec,
} from './value-codec.js';

/** Options of the array params. */
export interface ArrayParamOptions {
  /**
   * Allow null elements (Java's boxed arrays can hold them, e.g. StopWordsRemover's stop
   * words). Declare the element type with `| null` to match:
   * `new StringArrayParam<string | null>(..., { nullElements: true })`. Default `false`: a null
   * element is refused by `set()` and `jsonDecode()` with an error naming its index.
   */
  readonly nullElements?: boolean;
}

function elements<E>(codec: ValueCodec<E>, options: ArrayParamOptions | undefined) {
  return options?.nullElements === true ? nullableCodec(codec) : codec;
}

function codecOf<T>(codec: ValueCodec<unknown>): ValueCodec<NonNullable<T>> {
  return codec as ValueCodec<NonNullable<T>>;
}

/** A Java `Integer[]` param. JSON: an array of integers; printed `{1,2,3}`. */
export class IntArrayParam<E extends number | null = number> extends CodecParam<E[]> {
  constructor(
    name: string,
    description: string,
    defaultValue: NoInfer<E>[] | null,
    validator?: ParamValidator<NoInfer<E>[]>,
    options?: ArrayParamOptions,
  ) {
    super(
      name,
      description,
      defaultValue,
      validator,
      codecOf(arrayCodec(elements(intCodec, options))),
    );
  }
}

/** A Java `Long[]` param with `bigint` elements. JSON: an array of integers. */
export class LongArrayParam<E extends bigint | null = bigint> extends CodecParam<E[]> {
  constructor(
    name: string,
    description: string,
    defaultValue: NoInfer<E>[] | null,
    validator?: ParamValidator<NoInfer<E>[]>,
    options?: ArrayParamOptions,
  ) {
    super(
      name,
      description,
      defaultValue,
      validator,
      codecOf(arrayCodec(elements(longCodec, options))),
    );
  }
}

/** A Java `Float[]` param; elements rounded to float precision. */
export class FloatArrayParam<E extends number | null = number> extends CodecParam<E[]> {
  constructor(
    name: string,
    description: string,
    defaultValue: NoInfer<E>[] | null,
    validator?: ParamValidator<NoInfer<E>[]>,
    options?: ArrayParamOptions,
  ) {
    super(
      name,
      description,
      defaultValue,
      validator,
      codecOf(arrayCodec(elements(floatCodec, options))),
    );
  }
}

/**
 * A Java `Double[]` param. JSON: an array of doubles, non-finite ones as `"NaN"`,
 * `"Infinity"`, `"-Infinity"` strings (e.g. `"thresholds":[1.0,1.5,2.5]`).
 */
export class DoubleArrayParam<E extends number | null = number> extends CodecParam<E[]> {
  constructor(
    name: string,
    description: string,
    defaultValue: NoInfer<E>[] | null,
    validator?: ParamValidator<NoInfer<E>[]>,
    options?: ArrayParamOptions,
  ) {
    super(
      name,
      description,
      defaultValue,
      validator,
      codecOf(arrayCodec(elements(doubleCodec, options))),
    );
  }
}

/** A Java `String[]` param. JSON: an array of strings. */
export class StringArrayParam<E extends string | null = string> extends CodecParam<E[]> {
  constructor(
    name: string,
    description: string,
    defaultValue: NoInfer<E>[] | null,
    validator?: ParamValidator<NoInfer<E>[]>,
    options?: ArrayParamOptions,
  ) {
    super(
      name,
      description,
      defaultValue,
      validator,
      codecOf(arrayCodec(elements(stringCodec, options))),
    );
  }
}

/**
 * A Java `Double[][]` param, e.g. Bucketizer's
 * `"splitsArray":[["-Infinity",10.0,"Infinity"],[...]]`.
 */
export class DoubleArrayArrayParam<E extends number | null = number> extends CodecParam<E[][]> {
  constructor(
    name: string,
    description: string,
    defaultValue: NoInfer<E>[][] | null,
    validator?: ParamValidator<NoInfer<E>[][]>,
    options?: ArrayParamOptions,
  ) {
    super(
      name,
      description,
      defaultValue,
      validator,
      codecOf(arrayCodec(arrayCodec(elements(doubleCodec, options)))),
    );
  }
}

/** A Java `String[][]` param. */
export class StringArrayArrayParam<E extends string | null = string> extends CodecParam<E[][]> {
  constructor(
    name: string,
    description: string,
    defaultValue: NoInfer<E>[][] | null,
    validator?: ParamValidator<NoInfer<E>[][]>,
    options?: ArrayParamOptions,
  ) {
    super(
      name,
      description,
      defaultValue,
      validator,
      codecOf(arrayCodec(arrayCodec(elements(stringCodec, options)))),
    );
  }
}
