/**
 * A finite double that must be written the way Java's `Double.toString` spells it (`1.0`,
 * `1.0E-6`), not as a JavaScript number (`1`, `0.000001`). `DoubleParam.jsonEncode` returns
 * these so that {@link writeJson} reproduces Flink ML's metadata bytes.
 *
 * `JSON.stringify` sees it as its plain number (`toJSON`).
 */
export class JavaDouble {
  constructor(
    /** The value. */
    readonly value: number,
  ) {}

  /** The plain number, for `JSON.stringify`. */
  toJSON(): number {
    return this.value;
  }
}

/**
 * A finite float (a `Math.fround` value) to be written the way Java's `Float.toString` spells
 * it: `0.1` for the float nearest 0.1, not `0.10000000149011612`. Returned by
 * `FloatParam.jsonEncode`.
 */
export class JavaFloat {
  constructor(
    /** The value (already rounded to float precision). */
    readonly value: number,
  ) {}

  /** The plain number, for `JSON.stringify`. */
  toJSON(): number {
    return this.value;
  }
}

/**
 * A JSON value as Servable reads and writes it.
 *
 * - Integers outside the safe range (±2^53) are `bigint` so Java longs stay exact.
 * - {@link JavaDouble} / {@link JavaFloat} mark numbers that Java writes as doubles/floats;
 *   the parser never produces them (it returns plain numbers), encoders do.
 * - NaN and ±Infinity are never numbers here: Jackson writes them as the strings `"NaN"`,
 *   `"Infinity"`, `"-Infinity"`.
 */
export type JsonValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | JavaDouble
  | JavaFloat
  | JsonValue[]
  | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** True for a plain JSON object (not an array, null or number marker). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof JavaDouble) &&
    !(value instanceof JavaFloat)
  );
}
