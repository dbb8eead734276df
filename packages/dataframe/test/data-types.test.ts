import {
  ArrayType,
  BasicType,
  type DataType,
  DataTypes,
  InvalidDataTypeError,
  isNumericBasicType,
  MatrixType,
  parseDataType,
  ScalarType,
  VectorType,
} from '@servable/dataframe';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const basicTypes = Object.values(BasicType);

/** Any data type, arrays nested up to three deep. */
const dataTypeArb: fc.Arbitrary<DataType> = fc.letrec<{ type: DataType }>((tie) => ({
  type: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...basicTypes).map((t) => new ScalarType(t)),
    fc.constantFrom(...basicTypes).map((t) => DataTypes.VECTOR(t)),
    fc.constantFrom(...basicTypes).map((t) => DataTypes.MATRIX(t)),
    tie('type').map((t) => DataTypes.ARRAY(t)),
  ),
})).type;

describe('DataTypes', () => {
  it('has a scalar constant per basic type', () => {
    for (const t of basicTypes) {
      const type = DataTypes[t];
      expect(type).toBeInstanceOf(ScalarType);
      expect(type.basicType).toBe(t);
      expect(type.toString()).toBe(t);
    }
    expect(basicTypes).toEqual([
      'BOOLEAN',
      'BYTE',
      'SHORT',
      'INT',
      'LONG',
      'FLOAT',
      'DOUBLE',
      'STRING',
      'BYTE_STRING',
    ]);
  });

  it('makes vector, matrix and array types that compare structurally', () => {
    const v = DataTypes.VECTOR(BasicType.DOUBLE);
    expect(v).toBeInstanceOf(VectorType);
    expect(v).not.toBe(DataTypes.VECTOR(BasicType.DOUBLE));
    expect(v.equals(DataTypes.VECTOR(BasicType.DOUBLE))).toBe(true);
    expect(v.equals(DataTypes.VECTOR(BasicType.FLOAT))).toBe(false);
    expect(v.equals(DataTypes.MATRIX(BasicType.DOUBLE))).toBe(false);
    expect(DataTypes.MATRIX(BasicType.DOUBLE)).toBeInstanceOf(MatrixType);
    const a = DataTypes.ARRAY(DataTypes.ARRAY(DataTypes.STRING));
    expect(a).toBeInstanceOf(ArrayType);
    expect(a.toString()).toBe('ARRAY(ARRAY(STRING))');
    expect(a.equals(DataTypes.ARRAY(DataTypes.ARRAY(DataTypes.STRING)))).toBe(true);
    expect(a.equals(DataTypes.ARRAY(DataTypes.STRING))).toBe(false);
    expect(DataTypes.DOUBLE.equals(DataTypes.FLOAT)).toBe(false);
  });

  it('knows which basic types are numeric', () => {
    expect(basicTypes.filter(isNumericBasicType)).toEqual([
      'BYTE',
      'SHORT',
      'INT',
      'LONG',
      'FLOAT',
      'DOUBLE',
    ]);
    expect(DataTypes.INT.isNumeric()).toBe(true);
    expect(DataTypes.STRING.isNumeric()).toBe(false);
  });

  it('rejects an unknown basic type at construction', () => {
    expect(() => new ScalarType('DECIMAL' as BasicType)).toThrow(InvalidDataTypeError);
    expect(() => DataTypes.VECTOR('double' as BasicType)).toThrow(
      /VectorType: unknown basic type "double"; expected one of BOOLEAN, BYTE/,
    );
  });
});

describe('parseDataType', () => {
  it('round-trips every type through toString', () => {
    fc.assert(
      fc.property(dataTypeArb, (t) => {
        const parsed = parseDataType(t.toString());
        expect(parsed.equals(t)).toBe(true);
        expect(parsed.toString()).toBe(t.toString());
      }),
    );
  });

  it('accepts lower case and whitespace and returns the shared scalar constants', () => {
    expect(parseDataType(' array ( vector(double) ) ').toString()).toBe('ARRAY(VECTOR(DOUBLE))');
    expect(parseDataType('double')).toBe(DataTypes.DOUBLE);
    expect(parseDataType('Byte_String')).toBe(DataTypes.BYTE_STRING);
  });

  const bad: [string, string][] = [
    [
      '',
      'Cannot parse data type "" at position 0: expected a type name, found the end of the input.',
    ],
    [
      'DECIMAL',
      'Cannot parse data type "DECIMAL" at position 0: expected a basic type, VECTOR, MATRIX or ARRAY, found "DECIMAL".',
    ],
    [
      'VECTOR',
      'Cannot parse data type "VECTOR" at position 6: expected \'(\', found the end of the input.',
    ],
    [
      'VECTOR(ARRAY(DOUBLE))',
      'Cannot parse data type "VECTOR(ARRAY(DOUBLE))" at position 7: expected a basic type, found "ARRAY".',
    ],
    [
      'ARRAY(STRING',
      'Cannot parse data type "ARRAY(STRING" at position 12: expected \')\', found the end of the input.',
    ],
    [
      'DOUBLE x',
      'Cannot parse data type "DOUBLE x" at position 7: expected the end of the type, found "x".',
    ],
    [
      'MATRIX(1)',
      'Cannot parse data type "MATRIX(1)" at position 7: expected a basic type, found "1)".',
    ],
  ];
  it.each(bad)('rejects %j naming the position', (text, message) => {
    let error: unknown;
    try {
      parseDataType(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidDataTypeError);
    expect((error as InvalidDataTypeError).message).toBe(message);
    expect((error as InvalidDataTypeError).input).toBe(text);
    expect((error as InvalidDataTypeError).code).toBe('INVALID_DATA_TYPE');
  });
});
