/** A value that `JSON.stringify` writes and `JSON.parse` returns unchanged. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

/** One JSON record: a row as an object keyed by column name. */
export type JsonRecord = Record<string, JsonValue>;
