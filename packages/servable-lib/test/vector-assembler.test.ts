import { BasicType, DataFrame, DataTypes } from '@servable/dataframe';
import { DenseVector, SparseVector } from '@servable/linalg';
import { InvalidParamError, ParamError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { InvalidInputValueError } from '../src/errors/invalid-input-value-error.js';
import { assembleVector, VectorAssemblerServable } from '../src/vector-assembler/index.js';
import {
  caseInput,
  expectCaseError,
  expectCaseOutput,
  itEachCase,
  loadVectorFile,
  paramsServable,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/transformer-round-trip.js';

const file = loadVectorFile('VectorAssembler');
const VECTOR = DataTypes.VECTOR(BasicType.DOUBLE);

const fromParams = paramsServable(file, () => new VectorAssemblerServable());

describe('VectorAssemblerServable: Flink ML test vectors', () => {
  it('has all 10 cases', () => expect(file.cases.length).toBe(10));
  itEachCase(file, fromParams, {
    error: (transform, c) => {
      expectCaseError(transform, c);
      expect(transform).toThrow(InvalidInputValueError);
    },
  });
});

describe('VectorAssemblerServable behaviour', () => {
  it('dense iff nnz·1.5 > size; sparse keeps dense zeros and scalars', () => {
    expect(assembleVector([new SparseVector(4, [1], [2]), 0], 5, 2).toString()).toBe(
      '(5, [1, 4], [2.0, 0.0])',
    );
    expect(assembleVector([new DenseVector([0, 1]), 3], 3, 3).toString()).toBe('[0.0, 1.0, 3.0]');
    // nnz·1.5 == size → sparse
    expect(assembleVector([new SparseVector(3, [0, 2], [1, 1])], 3, 2)).toBeInstanceOf(
      SparseVector,
    );
  });

  it('wrong value types: error names the Java class; keep/skip drop the row silently', () => {
    const df = DataFrame.fromColumns(
      ['id', 's', 'v'],
      [DataTypes.INT, DataTypes.STRING, VECTOR],
      [
        [0, 1],
        ['x', null],
        [new DenseVector([1]), new DenseVector([2])],
      ],
    );
    const s = new VectorAssemblerServable().setInputCols(['s', 'v']).setInputSizes([1, 1]);
    expect(() => s.transform(df)).toThrow(
      'Vector assembler failed with exception : java.lang.IllegalArgumentException: Input type class java.lang.String has not been supported yet. Only Vector and Number types are supported. (column s, row 0)',
    );
    const kept = s.setHandleInvalid('keep').transform(df);
    expect(Array.from(kept.getDoubles('id'))).toEqual([1]);
    expect(kept.getVectors('output')[0]!.toString()).toBe('[NaN, 2.0]');
    const skipped = s.setHandleInvalid('skip').transform(df);
    expect(skipped.numRows()).toBe(0);
  });

  it('validates inputSizes (non-empty, > 0, one per column)', () => {
    expect(() => new VectorAssemblerServable().setInputSizes([])).toThrow(InvalidParamError);
    expect(() => new VectorAssemblerServable().setInputSizes([1, 0])).toThrow(InvalidParamError);
    const df = DataFrame.fromColumns(['a'], [DataTypes.DOUBLE], [[1]]);
    expect(() =>
      new VectorAssemblerServable().setInputCols(['a']).setInputSizes([1, 1]).transform(df),
    ).toThrow(ParamError);
  });

  it('save → load round trip', async () => {
    const loaded = await expectSaveLoadRoundTrip(fromParams(), VectorAssemblerServable.load);
    expect(loaded.getHandleInvalid()).toBe('skip');
    expectCaseOutput(loaded.transform(caseInput(file.cases[0]!)), file.cases[0]!);
  });
});
