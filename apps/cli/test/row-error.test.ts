import { describeRowError, InputLineError, RecordTransformer } from '@servable/cli';
import { ColumnTypeError, RecordConversionError, ShapeError } from '@servable/dataframe';
import {
  ColumnTypeMismatchError,
  FeatureDimensionError,
  InvalidInputValueError,
  JavaFeatureDimensionError,
  MissingColumnError,
  ServableError,
} from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { buildPipeline } from './support/models.js';

describe('describeRowError', () => {
  it('turns "Column c, row 0: …" into "column c: …"', () => {
    expect(describeRowError(new FeatureDimensionError('features', 0, 3, 2))).toEqual({
      reason: 'column features: the vector has dimension 2 but the model expects dimension 3.',
      column: 'features',
    });
    expect(
      describeRowError(new ColumnTypeMismatchError('features', 'VECTOR(DOUBLE)', 'null', 0)),
    ).toEqual({
      reason: 'column features: expected VECTOR(DOUBLE), found null.',
      column: 'features',
    });
    const typeError = new ColumnTypeError(
      'Column x, row 0: expected DOUBLE (a number), found string "a".',
      'x',
      0,
      'DOUBLE',
      'string "a"',
    );
    expect(describeRowError(typeError)).toEqual({
      reason: 'column x: expected DOUBLE (a number), found string "a".',
      column: 'x',
    });
  });

  it('takes the column from the message when the error has no column field', () => {
    const error = new ServableError(
      'EMPTY_HASH_INPUT',
      'Column vec, row 0: Must have at least 1 non zero entry.',
    );
    expect(describeRowError(error)).toEqual({
      reason: 'column vec: Must have at least 1 non zero entry.',
      column: 'vec',
    });
  });

  it('keeps Flink ML\'s message and drops the row from "(column c, row 0)"', () => {
    const unseen = new InvalidInputValueError(
      'The input contains unseen string: e. See handleInvalid parameter for more options.',
      'city',
      0,
    );
    expect(describeRowError(unseen)).toEqual({
      reason:
        'The input contains unseen string: e. See handleInvalid parameter for more options. (column city)',
      column: 'city',
    });
    const java = new JavaFeatureDimensionError(
      'Input 2 features, but UnivariateFeatureSelector is expecting at least 3 features as input.',
      'features',
      0,
      3,
      2,
    );
    expect(describeRowError(java).reason).toBe(
      'Input 2 features, but UnivariateFeatureSelector is expecting at least 3 features as input. (column features)',
    );
  });

  it('rewrites RecordConversionError messages, with and without a column or detail', () => {
    expect(describeRowError(new RecordConversionError(0, 'f', 'DOUBLE', 'string "a"'))).toEqual({
      reason: 'column "f": expected DOUBLE, found string "a".',
      column: 'f',
    });
    expect(
      describeRowError(new RecordConversionError(0, 'a "b"', 'DOUBLE', 'null', 'element 2')),
    ).toEqual({
      reason: 'column "a \\"b\\"" (element 2): expected DOUBLE, found null.',
      column: 'a "b"',
    });
    expect(
      describeRowError(new RecordConversionError(0, undefined, 'a JSON object', 'an array')),
    ).toEqual({ reason: 'expected a JSON object, found an array.', column: undefined });
  });

  it('drops " (row 0)" and leaves messages without a row position unchanged', () => {
    expect(
      describeRowError(
        new ShapeError('The row size 2 is different from the number of column names 3 (row 0).'),
      ).reason,
    ).toBe('The row size 2 is different from the number of column names 3.');
    const missing = new MissingColumnError('features', ['id'], 'LogisticRegressionModelServable');
    expect(describeRowError(missing)).toEqual({ reason: missing.message, column: 'features' });
    expect(describeRowError(new Error('row 0 of nothing'))).toEqual({
      reason: 'row 0 of nothing',
      column: undefined,
    });
    // Only the frame's own "row 0" is removed: another row index means something else.
    expect(describeRowError(new FeatureDimensionError('f', 4, 3, 2)).reason).toBe(
      'Column f, row 4: the vector has dimension 2 but the model expects dimension 3.',
    );
  });
});

describe('RecordTransformer row failures', () => {
  it('re-runs a failing batch row by row, keeping the typed error and a row-free reason', () => {
    const transformer = new RecordTransformer(buildPipeline());
    const results = transformer.transform([
      { id: 0, features: [1, 2, 3] },
      { id: 1, features: [1, 2, 3] },
      { id: 2, features: [1, 2] },
      { id: 3, features: [0, 0, 0] },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, false, true]);
    const failed = results[2];
    if (failed?.ok !== false) throw new Error('row 2 should have failed');
    expect(failed.reason).toBe(
      'column features: the vector has dimension 2 but the model expects dimension 3.',
    );
    expect(failed.column).toBe('features');
    // The error itself is untouched: it describes the one-row frame it was thrown for.
    expect(failed.error).toBeInstanceOf(FeatureDimensionError);
    expect(failed.error).toMatchObject({ column: 'features', row: 0, expected: 3, found: 2 });
    expect(failed.error.message).toBe(
      'Column features, row 0: the vector has dimension 2 but the model expects dimension 3.',
    );
  });

  it('InputLineError names the line and keeps the column and the cause', () => {
    const cause = new FeatureDimensionError('features', 0, 3, 2);
    const { reason, column } = describeRowError(cause);
    const error = new InputLineError('rows.jsonl', 12, reason, { cause, column });
    expect(error.message).toBe(
      'rows.jsonl, line 12: column features: the vector has dimension 2 but the model expects dimension 3.',
    );
    expect(error).toMatchObject({ code: 'INPUT_LINE', line: 12, column: 'features', reason });
    expect(error.cause).toBe(cause);
    expect(new InputLineError('stdin', 1, 'not valid JSON').column).toBeUndefined();
  });
});
