/**
 * A model version (a Java `long` in Flink ML's model data): a `number` when it is a safe
 * integer (|v| ≤ 2^53 − 1, which covers every version Flink ML's trainers emit), otherwise the
 * exact `bigint`.
 */
export type ModelVersion = number | bigint;

/** Converts an exact 64-bit value to a {@link ModelVersion}: a number when safe, else the bigint. */
export function toModelVersion(value: bigint): ModelVersion {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value;
}
