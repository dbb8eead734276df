/**
 * Decides whether a param value is valid. `rule` describes the accepted values for error
 * messages (`> 0`, `in [error, skip, keep]`, `non-empty array`).
 */
export interface ParamValidator<T> {
  /** True if `value` is acceptable (null included: most validators reject it). */
  validate(value: T | null): boolean;
  /** Human-readable description of the accepted values. */
  readonly rule: string;
}

/** A number or a Java long; comparisons are done in double precision, as in Java. */
export type Numeric = number | bigint;

function validator<T>(rule: string, validate: (value: T | null) => boolean): ParamValidator<T> {
  return { rule, validate };
}

function formatBound(value: Numeric): string {
  return String(value);
}

function formatAllowed(values: readonly unknown[]): string {
  return `[${values.map((v) => String(v)).join(', ')}]`;
}

/** Java's `equals` for the scalar values params hold: `Object.is` (NaN equals NaN, 0 ≠ -0). */
function sameValue(a: unknown, b: unknown): boolean {
  return Object.is(a, b);
}

/**
 * The validators of Flink ML's `ParamValidators`, with Java's semantics: every numeric
 * comparison rejects null and compares in double precision (so NaN fails every comparison);
 * `inArray` and `isSubSet` compare with Java `equals` (here `Object.is`).
 *
 * @example
 * ```ts
 * ParamValidators.gt(0).validate(5);                       // true
 * ParamValidators.inArray('error', 'skip', 'keep').rule;   // 'in [error, skip, keep]'
 * ```
 */
export const ParamValidators = {
  /** Accepts every value, null included. */
  alwaysTrue<T>(): ParamValidator<T> {
    return validator('any value', () => true);
  },

  /** Non-null and `> lowerBound`. */
  gt<T extends Numeric>(lowerBound: number): ParamValidator<T> {
    return validator(`> ${formatBound(lowerBound)}`, (v) => v !== null && Number(v) > lowerBound);
  },

  /** Non-null and `>= lowerBound`. */
  gtEq<T extends Numeric>(lowerBound: number): ParamValidator<T> {
    return validator(`>= ${formatBound(lowerBound)}`, (v) => v !== null && Number(v) >= lowerBound);
  },

  /** Non-null and `< upperBound`. */
  lt<T extends Numeric>(upperBound: number): ParamValidator<T> {
    return validator(`< ${formatBound(upperBound)}`, (v) => v !== null && Number(v) < upperBound);
  },

  /** Non-null and `<= upperBound`. */
  ltEq<T extends Numeric>(upperBound: number): ParamValidator<T> {
    return validator(`<= ${formatBound(upperBound)}`, (v) => v !== null && Number(v) <= upperBound);
  },

  /**
   * Non-null and within `[lowerBound, upperBound]`; each end is inclusive unless its flag is
   * false (the rule is written `(0, 1]` etc.).
   */
  inRange<T extends Numeric>(
    lowerBound: number,
    upperBound: number,
    lowerInclusive = true,
    upperInclusive = true,
  ): ParamValidator<T> {
    const rule = `in ${lowerInclusive ? '[' : '('}${formatBound(lowerBound)}, ${formatBound(
      upperBound,
    )}${upperInclusive ? ']' : ')'}`;
    return validator(rule, (v) => {
      if (v === null) return false;
      const x = Number(v);
      const aboveLower = lowerInclusive ? x >= lowerBound : x > lowerBound;
      const belowUpper = upperInclusive ? x <= upperBound : x < upperBound;
      return aboveLower && belowUpper;
    });
  },

  /** Non-null and equal to one of `allowed`. */
  inArray<T>(...allowed: readonly T[]): ParamValidator<T> {
    return validator(`in ${formatAllowed(allowed)}`, (v) => {
      return v !== null && allowed.some((a) => sameValue(a, v));
    });
  },

  /** Not null. */
  notNull<T>(): ParamValidator<T> {
    return validator('not null', (v) => v !== null);
  },

  /** Non-null with at least one element. */
  nonEmptyArray<T extends readonly unknown[]>(): ParamValidator<T> {
    return validator('non-empty array', (v) => v !== null && v.length > 0);
  },

  /** Non-null, and every element is one of `allowed`. */
  isSubSet<E>(...allowed: readonly E[]): ParamValidator<readonly E[]> {
    return validator(`subset of ${formatAllowed(allowed)}`, (v) => {
      if (v === null) return false;
      return v.every((e) => allowed.some((a) => sameValue(a, e)));
    });
  },

  /**
   * An algorithm-specific validator, e.g.
   * `ParamValidators.custom('non-empty, all > 0', (v) => v !== null && v.every((x) => x > 0))`.
   */
  custom<T>(rule: string, validate: (value: T | null) => boolean): ParamValidator<T> {
    return validator(rule, validate);
  },
} as const;
