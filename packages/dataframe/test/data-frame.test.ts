import { SparseVector, Vectors } from '@servable/linalg';
import { describe, expect, it } from 'vitest';
import { BasicType, ColumnNotFoundError, ColumnTypeError, DataFrame, DataTypes, Row } from '@servable/dataframe';

describe('DataFrame', () => {
  it('runs the foundation acceptance snippet', () => {
    const df = new DataFrame(
      ['features', 'label'],
      [DataTypes.VECTOR(BasicType.DOUBLE), DataTypes.DOUBLE],
      [new Row([Vectors.dense(1, 2), 1.0]), new Row([Vectors.sparse(2, [1], [3]), 0.0])],
    );
    expect(df.getIndex('label')).toBe(1);
    expect(df.collect()[1]?.get(0)).toBeInstanceOf(SparseVector);
    expect(df.addColumn('score', DataTypes.DOUBLE, [0.5, 0.25]).getColumnNames()).toEqual([
      'features',
      'label',
      'score',
    ]);
    expect(df.getColumnNames()).toEqual(['features', 'label']);
    expect(df.getDoubles('label')).toEqual(new Float64Array([1, 0]));
    expect(() => df.getIndex('nope')).toThrow(ColumnNotFoundError);
    expect(() => df.getIndex('nope')).toThrow(/features, label/);
    expect(
      () => new DataFrame(['x'], [DataTypes.DOUBLE], [new Row(['a'])]),
    ).toThrow(ColumnTypeError);
  });
});
