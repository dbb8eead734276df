import { DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector } from '@servable/linalg';
import {
  ColumnTypeMismatchError,
  InvalidInputValueError,
  InvalidParamError,
  ParamError,
} from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { BinarizerServable, binarizeVector } from '../src/binarizer/index.js';
import { parseJavaDouble } from '../src/java/parse-double.js';
import {
  caseInput,
  expectCaseOutput,
  itEachCase,
  loadVectorFile,
  paramsServable,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

const file = loadVectorFile('Binarizer');

const fromParams = paramsServable(file, () => new BinarizerServable());

describe('BinarizerServable: Flink ML test vectors', () => {
  itEachCase(file, fromParams, {
    check: (out) => expect(out.getDataType('of0').toString()).toBe('DOUBLE'),
  });
});

describe('BinarizerServable behaviour', () => {
  it('sparse input keeps implicit zeros at 0 even for a negative threshold', () => {
    const out = binarizeVector(new SparseVector(4, [1, 2], [0, -3]), -1);
    expect(out.toString()).toBe('(4, [1], [1.0])');
    expect(binarizeVector(new DenseVector([0, -3]), -1).toString()).toBe('[1.0, 0.0]');
  });

  it('parses strings like Double.parseDouble; rejects text and nulls with typed errors', () => {
    const s = new BinarizerServable().setInputCols(['s']).setOutputCols(['o']).setThresholds([1]);
    const ok = DataFrame.fromColumns(['s'], [DataTypes.STRING], [[' 2.5 ', '1', '1e1d', 'NaN']]);
    expect(Array.from(s.transform(ok).getDoubles('o'))).toEqual([1, 0, 1, 0]);
    const bad = DataFrame.fromColumns(['s'], [DataTypes.STRING], [['x']]);
    expect(() => s.transform(bad)).toThrow(InvalidInputValueError);
    expect(() => s.transform(bad)).toThrow('For input string: "x" (column s, row 0)');
    const nulls = DataFrame.fromColumns(['s'], [DataTypes.DOUBLE], [[null]]);
    expect(() => s.transform(nulls)).toThrow(ColumnTypeMismatchError);
    expect(parseJavaDouble('-Infinity')).toBe(Number.NEGATIVE_INFINITY);
    expect(parseJavaDouble('1,5')).toBeUndefined();
  });

  it('validates params: thresholds non-empty, lengths equal', () => {
    expect(() => new BinarizerServable().setThresholds([])).toThrow(InvalidParamError);
    const s = new BinarizerServable()
      .setInputCols(['a', 'b'])
      .setOutputCols(['x', 'y'])
      .setThresholds([1]);
    expect(() =>
      s.transform(
        DataFrame.fromColumns(['a', 'b'], [DataTypes.DOUBLE, DataTypes.DOUBLE], [[1], [2]]),
      ),
    ).toThrow(ParamError);
  });

  it('save → load round trip', async () => {
    const loaded = await expectSaveLoadRoundTrip(fromParams(), BinarizerServable.load);
    expectCaseOutput(loaded.transform(caseInput(file.cases[0]!)), file.cases[0]!);
  });
});
