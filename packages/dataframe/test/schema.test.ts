import {
  BasicType,
  ColumnNotFoundError,
  DataTypes,
  DuplicateColumnError,
  InvalidDataTypeError,
  Schema,
} from '@servable/dataframe';
import { describe, expect, it } from 'vitest';

describe('Schema', () => {
  it('takes types as DataType or text and round-trips through JSON', () => {
    const schema = new Schema([
      { name: 'features', type: 'VECTOR(DOUBLE)' },
      { name: 'label', type: DataTypes.DOUBLE },
      { name: 'tokens', type: DataTypes.ARRAY(DataTypes.STRING) },
    ]);
    expect(schema.size()).toBe(3);
    expect(schema.getColumnNames()).toEqual(['features', 'label', 'tokens']);
    expect(schema.getDataType('features').equals(DataTypes.VECTOR(BasicType.DOUBLE))).toBe(true);
    expect(schema.toString()).toBe('features VECTOR(DOUBLE), label DOUBLE, tokens ARRAY(STRING)');
    const json = JSON.parse(JSON.stringify(schema));
    expect(json).toEqual([
      { name: 'features', type: 'VECTOR(DOUBLE)' },
      { name: 'label', type: 'DOUBLE' },
      { name: 'tokens', type: 'ARRAY(STRING)' },
    ]);
    expect(new Schema(json).equals(schema)).toBe(true);
    expect(Schema.from(schema)).toBe(schema);
    expect(Schema.from(json).equals(schema)).toBe(true);
    expect(new Schema(json.slice(1)).equals(schema)).toBe(false);
    expect(schema.hasColumn('label')).toBe(true);
  });

  it('rejects duplicate names, bad type strings and missing columns', () => {
    expect(
      () =>
        new Schema([
          { name: 'a', type: 'DOUBLE' },
          { name: 'a', type: 'STRING' },
        ]),
    ).toThrow(DuplicateColumnError);
    expect(() => new Schema([{ name: 'a', type: 'VECTOR(' }])).toThrow(
      new InvalidDataTypeError(
        'Column a: Cannot parse data type "VECTOR(" at position 7: expected a basic type, found the end of the input.',
        'VECTOR(',
        7,
      ),
    );
    expect(() => new Schema([{ name: 'a', type: 'DOUBLE' }]).getDataType('b')).toThrow(
      new ColumnNotFoundError('b', ['a']),
    );
  });
});
