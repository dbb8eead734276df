import type { ModelVersion } from '@servable/servable-api';

/**
 * What decides whether one model data update is newer than another: the model version inside
 * the data when the model has one, then the time the data was produced (a Kafka record's
 * timestamp, a file's modification time) to order updates without a version or with equal ones.
 */
export interface ModelUpdateOrder {
  /** The model version carried by the data (`modelVersion`, `version`), when it has one. */
  readonly version: ModelVersion | undefined;
  /** When the data was produced (ms since epoch), when known. */
  readonly timestamp: number | undefined;
}

/**
 * Compares two update orders: negative when `a` is older than `b`, positive when newer, 0 when
 * neither is known to be older. Versions decide when both have one; timestamps decide otherwise
 * (and break ties between equal versions). Unknown values compare as equal, so an update that
 * carries neither a version nor a timestamp is never considered stale.
 */
export function compareUpdateOrder(a: ModelUpdateOrder, b: ModelUpdateOrder): number {
  if (a.version !== undefined && b.version !== undefined) {
    // `<` and `>` compare numbers and bigints exactly, also mixed (`3n === 3` is false, so no
    // equality test here).
    if (a.version < b.version) return -1;
    if (a.version > b.version) return 1;
  }
  if (a.timestamp !== undefined && b.timestamp !== undefined && a.timestamp !== b.timestamp) {
    return a.timestamp < b.timestamp ? -1 : 1;
  }
  return 0;
}

/** Formats a version for messages (`7`, `9007199254740993n` as `9007199254740993`, `none`). */
export function formatVersion(version: ModelVersion | undefined): string {
  return version === undefined ? 'none' : version.toString();
}
