import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector } from '@servable/linalg';
import { ColumnTypeMismatchError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { InvalidInputValueError } from '../src/errors/invalid-input-value-error.js';
import { InteractionServable, interact } from '../src/interaction/index.js';
import {
  caseInput,
  expectCaseOutput,
  itEachCase,
  loadVectorFile,
  paramsServable,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/transformer-round-trip.js';

const file = loadVectorFile('Interaction');

const fromParams = paramsServable(file, () => new InteractionServable());

describe('InteractionServable: Flink ML test vectors', () => {
  itEachCase(file, fromParams);
});

describe('InteractionServable behaviour', () => {
  it('first factor varies slowest; dense zeros are kept explicitly when the result is sparse', () => {
    expect(interact([new DenseVector([1, 2]), 3]).toString()).toBe('[3.0, 6.0]');
    expect(interact([new DenseVector([0, 2]), new SparseVector(3, [1], [5])]).toString()).toBe(
      '(6, [1, 4], [0.0, 10.0])',
    );
    expect(interact([2, new DenseVector([1, 0])]).toString()).toBe('[2.0, 0.0]');
  });

  it('multiplies from the last factor to the first: ((1·v_last)·…)·v_first', () => {
    const a = 0.1;
    const b = 0.2;
    const c = 0.3;
    const got = interact([a, b, c]).toArray()[0];
    expect(got).toBe(1 * c * b * a);
  });

  it('strings are parsed like Double.parseDouble; text fails with a typed error', () => {
    const df = DataFrame.fromColumns(
      ['s', 'v'],
      [DataTypes.STRING, DataTypes.VECTOR(BasicType.DOUBLE)],
      [
        ['2', 'x'],
        [new DenseVector([1, 2]), new DenseVector([1, 2])],
      ],
    );
    const s = new InteractionServable().setInputCols(['s', 'v']);
    expect(() => s.transform(df)).toThrow(InvalidInputValueError);
    expect(() => s.transform(df)).toThrow('For input string: "x" (column s, row 1)');
    expect(
      s
        .transform(df.filterRows([1, 0]))
        .getVectors('output')[0]!
        .toString(),
    ).toBe('[2.0, 4.0]');
    const lists = DataFrame.fromColumns(['l'], [DataTypes.ARRAY(DataTypes.STRING)], [[[]]]);
    expect(() => new InteractionServable().setInputCols(['l']).transform(lists)).toThrow(
      ColumnTypeMismatchError,
    );
  });

  it('save → load round trip', async () => {
    const loaded = await expectSaveLoadRoundTrip(
      fromParams(file.cases[1]!),
      InteractionServable.load,
    );
    expectCaseOutput(loaded.transform(caseInput(file.cases[1]!)), file.cases[1]!);
  });
});
