import type { DataType } from './data-type.js';
import { DataTypes } from './data-types.js';
import { RecordConversionError } from './errors.js';
import { describeJson, isNonFiniteDoubleString } from './json-records.js';
import { Schema } from './schema.js';

/** The types inference can pick, in the order ties are broken. */
const CANDIDATES = [
  'STRING',
  'DOUBLE',
  'BOOLEAN',
  'ARRAY(STRING)',
  'VECTOR(DOUBLE)',
  'ARRAY(BOOLEAN)',
  'ARRAY(VECTOR(DOUBLE))',
] as const;
type Candidate = (typeof CANDIDATES)[number];

const TYPES: Readonly<Record<Candidate, DataType>> = {
  STRING: DataTypes.STRING,
  DOUBLE: DataTypes.DOUBLE,
  BOOLEAN: DataTypes.BOOLEAN,
  'VECTOR(DOUBLE)': DataTypes.VECTOR('DOUBLE'),
  'ARRAY(STRING)': DataTypes.ARRAY(DataTypes.STRING),
  'ARRAY(BOOLEAN)': DataTypes.ARRAY(DataTypes.BOOLEAN),
  'ARRAY(VECTOR(DOUBLE))': DataTypes.ARRAY(DataTypes.VECTOR('DOUBLE')),
};

type Kinds = ReadonlySet<Candidate>;
const ALL_ARRAYS: Kinds = new Set<Candidate>([
  'VECTOR(DOUBLE)',
  'ARRAY(STRING)',
  'ARRAY(BOOLEAN)',
  'ARRAY(VECTOR(DOUBLE))',
]);

function intersect(a: Kinds, b: Kinds): Set<Candidate> {
  return new Set([...a].filter((k) => b.has(k)));
}

function isSparseShape(v: Record<string, unknown>): boolean {
  return (
    Array.isArray(v.indices) &&
    Array.isArray(v.values) &&
    (typeof v.size === 'number' || typeof v.n === 'number')
  );
}

/** Whether `v` looks like a vector's JSON form (array of numbers or a sparse object). */
function isVectorLike(v: unknown): boolean {
  if (Array.isArray(v)) {
    return v.every(
      (e) => typeof e === 'number' || (typeof e === 'string' && isNonFiniteDoubleString(e)),
    );
  }
  return typeof v === 'object' && v !== null && isSparseShape(v as Record<string, unknown>);
}

/** The types a single (non-null) JSON value is compatible with; empty when none. */
function kindsOf(value: unknown): Kinds {
  switch (typeof value) {
    case 'number':
      return new Set(['DOUBLE']);
    case 'boolean':
      return new Set(['BOOLEAN']);
    case 'string':
      return new Set(isNonFiniteDoubleString(value) ? ['STRING', 'DOUBLE'] : ['STRING']);
    case 'object': {
      if (value === null) return new Set();
      if (!Array.isArray(value)) {
        return isSparseShape(value as Record<string, unknown>)
          ? new Set(['VECTOR(DOUBLE)'])
          : new Set();
      }
      let kinds: Kinds = ALL_ARRAYS;
      for (const e of value) {
        const k = new Set<Candidate>();
        if (e === null) {
          k.add('ARRAY(STRING)').add('ARRAY(BOOLEAN)').add('ARRAY(VECTOR(DOUBLE))');
        } else if (typeof e === 'number') {
          k.add('VECTOR(DOUBLE)');
        } else if (typeof e === 'string') {
          k.add('ARRAY(STRING)');
          if (isNonFiniteDoubleString(e)) k.add('VECTOR(DOUBLE)');
        } else if (typeof e === 'boolean') {
          k.add('ARRAY(BOOLEAN)');
        } else if (isVectorLike(e)) {
          k.add('ARRAY(VECTOR(DOUBLE))');
        }
        kinds = intersect(kinds, k);
        if (kinds.size === 0) break;
      }
      return kinds;
    }
    default:
      return new Set();
  }
}

function describeKinds(kinds: Kinds): string {
  return [...kinds].join(' or ');
}

/**
 * Guesses a schema from JSON records, for quick experiments and tools; servers and pipelines
 * should state their schema instead. Columns appear in the order their keys are first seen.
 *
 * The guesses, from each column's non-null values:
 * - numbers → `DOUBLE` (integers too: INT/LONG are never guessed);
 * - strings → `STRING`; booleans → `BOOLEAN`;
 * - arrays of numbers, and sparse objects `{"size"|"n","indices","values"}` → `VECTOR(DOUBLE)`;
 * - arrays of strings → `ARRAY(STRING)`; arrays of booleans → `ARRAY(BOOLEAN)`; arrays of
 *   vectors → `ARRAY(VECTOR(DOUBLE))`.
 *
 * The strings `"NaN"`, `"Infinity"` and `"-Infinity"` count as numbers in a column (or array)
 * that also has numbers; alone they make a `STRING` column (`ARRAY(STRING)` in arrays). A column of nothing but empty
 * arrays becomes `VECTOR(DOUBLE)`.
 *
 * @example
 * ```ts
 * inferSchema([{ x: 1, tags: ['a'], v: { size: 3, indices: [1], values: [2] } }]).toString();
 * // 'x DOUBLE, tags ARRAY(STRING), v VECTOR(DOUBLE)'
 * ```
 * @throws RecordConversionError when a record is not an object, a value fits none of the
 *   guesses, a value contradicts the type the earlier rows suggest (naming both rows), or a
 *   column holds only nulls.
 */
export function inferSchema(records: readonly Readonly<Record<string, unknown>>[]): Schema {
  const columns = new Map<string, { kinds: Kinds; since: number }>();
  records.forEach((record, r) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new RecordConversionError(
        r,
        undefined,
        'a JSON object (a record)',
        describeJson(record),
      );
    }
    for (const [name, value] of Object.entries(record)) {
      let col = columns.get(name);
      if (col === undefined) {
        col = { kinds: new Set(CANDIDATES), since: -1 };
        columns.set(name, col);
      }
      if (value === null || value === undefined) continue;
      const kinds = kindsOf(value);
      if (kinds.size === 0) {
        throw new RecordConversionError(
          r,
          name,
          `one of ${CANDIDATES.join(', ')}`,
          describeJson(value),
        );
      }
      const both = intersect(col.kinds, kinds);
      if (both.size === 0) {
        throw new RecordConversionError(
          r,
          name,
          describeKinds(col.kinds),
          describeJson(value),
          `rows from ${col.since} on suggest ${describeKinds(col.kinds)}`,
        );
      }
      if (col.since < 0) col.since = r;
      col.kinds = both;
    }
  });
  const fields = [...columns].map(([name, { kinds, since }]) => {
    if (since < 0) {
      throw new RecordConversionError(
        0,
        name,
        'at least one non-null value to infer a type from',
        'only nulls',
      );
    }
    const onlyEmptyArrays =
      kinds.size === ALL_ARRAYS.size && [...ALL_ARRAYS].every((k) => kinds.has(k));
    const pick = onlyEmptyArrays
      ? 'VECTOR(DOUBLE)'
      : (CANDIDATES.find((c) => kinds.has(c)) as Candidate);
    return { name, type: TYPES[pick] };
  });
  return new Schema(fields);
}
