import { Row } from '@servable/dataframe';
import { describe, expect, it } from 'vitest';

describe('Row', () => {
  it('gets, casts, appends and counts values', () => {
    const row = new Row([1, 'a']);
    expect(row.get(0)).toBe(1);
    expect(row.getAs<string>(1).toUpperCase()).toBe('A');
    expect(row.get(2)).toBeUndefined();
    expect(row.add(true)).toBe(row);
    expect(row.size()).toBe(3);
    expect(row.toArray()).toEqual([1, 'a', true]);
    expect(new Row().size()).toBe(0);
  });

  it('uses the given array as storage', () => {
    const values: unknown[] = [1];
    new Row(values).add(2);
    expect(values).toEqual([1, 2]);
  });
});
