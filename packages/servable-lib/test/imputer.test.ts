import { DataFrame, DataTypes } from '@servable/dataframe';
import { ColumnTypeMismatchError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import {
  type ImputerModelData,
  ImputerModelDataCodec,
  ImputerModelServable,
  imputerValueToDouble,
} from '../src/imputer/index.js';
import { expectRecordRoundTrip } from './support/encodings.js';
import { type FixtureJson, loadVectorFile } from './support/flink-vectors.js';
import { modelServableSuite } from './support/model-servable-checks.js';

const model = (d: Record<string, FixtureJson>): ImputerModelData => ({
  surrogates: new Map(Object.entries(d.surrogates as Record<string, number>)),
});

// The vector file's inputs have inputCols as their first columns, in order, so Java's positional
// read (a bug, see below) and this servable's read by name agree on every case.
modelServableSuite('ImputerModelServable', {
  file: loadVectorFile('Imputer'),
  create: () => new ImputerModelServable(),
  load: (p) => ImputerModelServable.load(p),
  model,
});

describe('ImputerModelServable', () => {
  const servable = () =>
    new ImputerModelServable()
      .setInputCols(['a', 'b'])
      .setOutputCols(['oa', 'ob'])
      .setModel({
        surrogates: new Map([
          ['a', 10],
          ['b', 20],
        ]),
      });

  it('DEVIATION: reads input columns by name, not by position as Flink ML Java does', () => {
    // Java would take inputCols[0] = `a` from field 0 (`id`) and `b` from field 1 (`b`, right by
    // luck): wrong answers for `a`. Reading by name is correct, and equals Java whenever the input
    // columns come first and in order (every vector-file case).
    const df = DataFrame.fromColumns(
      ['id', 'b', 'a'],
      [DataTypes.DOUBLE, DataTypes.DOUBLE, DataTypes.DOUBLE],
      [
        [1, 2],
        [Number.NaN, 5],
        [3, null],
      ],
    );
    const out = servable().transform(df);
    expect(Array.from(out.getDoubles('oa'))).toEqual([3, 10]);
    expect(Array.from(out.getDoubles('ob'))).toEqual([20, 5]);
  });

  it('converts FLOAT values through Float.toString (1.1f → 1.1) and compares bitwise', () => {
    const df = DataFrame.fromColumns(
      ['a', 'b'],
      [DataTypes.FLOAT, DataTypes.DOUBLE],
      [
        [Math.fround(1.1), Math.fround(Number.NaN)],
        [-0, 0],
      ],
    );
    const s = servable().setMissingValue(-0);
    const out = s.transform(df);
    expect(Array.from(out.getDoubles('oa'))).toEqual([1.1, Number.NaN]);
    // -0.0 is missing, 0.0 is not (Java Double.equals).
    expect(Array.from(out.getDoubles('ob'))).toEqual([20, 0]);
  });

  it('imputes INT and LONG columns with nulls; rejects non-numeric columns', () => {
    const df = DataFrame.fromColumns(
      ['a', 'b'],
      [DataTypes.INT, DataTypes.LONG],
      [
        [1, null],
        [null, 7],
      ],
    );
    const out = servable().transform(df);
    expect(Array.from(out.getDoubles('oa'))).toEqual([1, 10]);
    expect(Array.from(out.getDoubles('ob'))).toEqual([20, 7]);
    const bad = DataFrame.fromColumns(
      ['a', 'b'],
      [DataTypes.STRING, DataTypes.DOUBLE],
      [['x'], [1]],
    );
    expect(() => servable().transform(bad)).toThrow(ColumnTypeMismatchError);
  });

  it("reproduces Java's error for a column without surrogate", () => {
    const df = DataFrame.fromColumns(['a', 'c'], [DataTypes.DOUBLE, DataTypes.DOUBLE], [[1], [1]]);
    expect(() => servable().setInputCols(['a', 'c']).transform(df)).toThrow(
      'Column c is unacceptable for the Imputer model.',
    );
  });

  it('reproduces the encodings.json record byte for byte', () => {
    const m = expectRecordRoundTrip(
      ImputerModelDataCodec,
      'ImputerModelData surrogates={"f1":2.0}',
    );
    expect([...m.surrogates]).toEqual([['f1', 2]]);
  });
});

describe('imputerValueToDouble', () => {
  it('gives the double Imputer uses for a FLOAT value', () => {
    expect(imputerValueToDouble(Math.fround(0.1), 'FLOAT')).toBe(0.1);
    expect(imputerValueToDouble(Math.fround(0.1), 'DOUBLE')).toBe(Math.fround(0.1));
  });
});
