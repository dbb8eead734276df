/**
 * The element types of Flink ML's servable data model (`org.apache.flink.ml.servable.types.BasicType`).
 *
 * JavaScript values per type: BOOLEAN → `boolean`; BYTE, SHORT, INT, LONG, FLOAT, DOUBLE →
 * `number` (LONG must be a safe integer, |v| ≤ 2^53−1); STRING → `string`; BYTE_STRING →
 * `Uint8Array`.
 */
export const BasicType = {
  BOOLEAN: 'BOOLEAN',
  BYTE: 'BYTE',
  SHORT: 'SHORT',
  INT: 'INT',
  LONG: 'LONG',
  FLOAT: 'FLOAT',
  DOUBLE: 'DOUBLE',
  STRING: 'STRING',
  BYTE_STRING: 'BYTE_STRING',
} as const;

/** One of the {@link BasicType} names. */
export type BasicType = (typeof BasicType)[keyof typeof BasicType];

/** Whether values of the basic type are JavaScript numbers. */
export function isNumericBasicType(t: BasicType): boolean {
  return t !== 'BOOLEAN' && t !== 'STRING' && t !== 'BYTE_STRING';
}
