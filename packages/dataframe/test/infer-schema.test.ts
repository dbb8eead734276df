import { DataFrame, inferSchema, RecordConversionError } from '@servable/dataframe';
import { describe, expect, it } from 'vitest';

function inferred(records: Record<string, unknown>[]): string {
  return inferSchema(records).toString();
}

function inferError(records: unknown[]): RecordConversionError {
  try {
    inferSchema(records as Record<string, unknown>[]);
  } catch (e) {
    expect(e).toBeInstanceOf(RecordConversionError);
    return e as RecordConversionError;
  }
  throw new Error('expected a RecordConversionError');
}

describe('inferSchema', () => {
  it('guesses the documented types in first-seen key order', () => {
    expect(
      inferred([
        { x: 1, s: 'a', b: true, v: [1, 2], tags: ['a', 'b'] },
        { sv: { size: 3, indices: [1], values: [2] }, fv: { n: 2, indices: [], values: [] } },
        { flags: [true, false], vs: [[1], { size: 2, indices: [0], values: [1] }] },
      ]),
    ).toBe(
      'x DOUBLE, s STRING, b BOOLEAN, v VECTOR(DOUBLE), tags ARRAY(STRING), sv VECTOR(DOUBLE), ' +
        'fv VECTOR(DOUBLE), flags ARRAY(BOOLEAN), vs ARRAY(VECTOR(DOUBLE))',
    );
  });

  it('skips nulls and missing keys, and resolves the ambiguous cases as documented', () => {
    expect(inferred([{ x: null }, { x: 2 }, {}])).toBe('x DOUBLE');
    expect(inferred([{ x: 'NaN' }, { x: 1 }])).toBe('x DOUBLE');
    expect(inferred([{ x: 'NaN' }, { x: 'Infinity' }])).toBe('x STRING');
    expect(inferred([{ x: 'NaN' }, { x: 'abc' }])).toBe('x STRING');
    expect(inferred([{ v: [1, 'NaN'] }, { v: ['-Infinity'] }])).toBe('v VECTOR(DOUBLE)');
    expect(inferred([{ v: ['NaN'] }])).toBe('v ARRAY(STRING)');
    expect(inferred([{ v: [] }, { v: [] }])).toBe('v VECTOR(DOUBLE)');
    expect(inferred([{ v: [] }, { v: ['a'] }])).toBe('v ARRAY(STRING)');
    expect(inferred([{ v: ['a', null] }])).toBe('v ARRAY(STRING)');
    expect(inferred([])).toBe('');
  });

  it('infers a schema fromRecords can use', () => {
    const records = [
      { features: [1, 2], label: 1, tokens: ['a'] },
      { features: { size: 2, indices: [1], values: [3] }, label: 'NaN', tokens: [] },
    ];
    const df = DataFrame.fromRecords(records, inferSchema(records));
    expect(df.getDoubles('label')[1]).toBeNaN();
    expect(df.getValues('tokens')).toEqual([['a'], []]);
  });

  it('names both rows when values contradict each other', () => {
    const e = inferError([{ x: 1 }, { x: 2 }, { x: 'a' }]);
    expect(e.message).toBe(
      'Row 2, column "x" (rows from 0 on suggest DOUBLE): expected DOUBLE, found string "a".',
    );
    expect(inferError([{ v: [1] }, { v: ['a'] }]).message).toBe(
      'Row 1, column "v" (rows from 0 on suggest VECTOR(DOUBLE)): expected VECTOR(DOUBLE), found array of length 1.',
    );
  });

  it('rejects values that fit no guess, all-null columns and non-object records', () => {
    expect(inferError([{ x: { a: 1 } }]).message).toBe(
      'Row 0, column "x": expected one of STRING, DOUBLE, BOOLEAN, ARRAY(STRING), VECTOR(DOUBLE), ARRAY(BOOLEAN), ARRAY(VECTOR(DOUBLE)), found object with keys "a".',
    );
    expect(inferError([{ x: [1, true] }]).found).toBe('array of length 2');
    expect(inferError([{ x: null }, { x: null }]).message).toBe(
      'Row 0, column "x": expected at least one non-null value to infer a type from, found only nulls.',
    );
    expect(inferError([{ x: 1 }, 5]).message).toBe(
      'Row 1: expected a JSON object (a record), found number 5.',
    );
  });
});
