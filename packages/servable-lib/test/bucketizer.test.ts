import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFrame, DataTypes } from '@servable/dataframe';
import {
  ColumnTypeMismatchError,
  InvalidInputValueError,
  InvalidParamError,
  ServableLoadError,
} from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { BucketizerServable, findBucket, isValidSplitsArray } from '../src/bucketizer/index.js';
import {
  caseInput,
  expectCaseError,
  expectCaseOutput,
  itEachCase,
  loadVectorFile,
  paramsServable,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/round-trip.js';

const file = loadVectorFile('Bucketizer');

const fromParams = paramsServable(file, () => new BucketizerServable());

describe('BucketizerServable: Flink ML test vectors', () => {
  itEachCase(file, fromParams, {
    error: (transform, c) => {
      expectCaseError(transform, c);
      expect(transform).toThrow(InvalidInputValueError);
    },
  });
});

describe('findBucket', () => {
  const splits = [-0.5, 0, 0.5];
  it('follows Java binarySearch: bounds, last split, -0.0 and NaN', () => {
    expect(findBucket(splits, -0.5)).toBe(0);
    expect(findBucket(splits, 0)).toBe(1);
    expect(findBucket(splits, -0)).toBe(0); // -0.0 sorts before 0.0 in Double.compare
    expect(findBucket(splits, 0.5)).toBe(1); // the last split belongs to the last bucket
    expect(findBucket(splits, 0.25)).toBe(1);
    expect(findBucket(splits, 0.6)).toBe(-1);
    expect(findBucket(splits, -1)).toBe(-1);
    expect(findBucket(splits, Number.NaN)).toBe(-1);
  });
});

describe('BucketizerServable params', () => {
  it('splitsArray validator as Java: >= 3 points, strictly increasing, NaN not caught', () => {
    expect(isValidSplitsArray([[1, 2, 3]])).toBe(true);
    expect(isValidSplitsArray([[1, 2]])).toBe(false);
    expect(isValidSplitsArray([[1, 1, 3]])).toBe(false);
    expect(isValidSplitsArray([])).toBe(false);
    expect(isValidSplitsArray(null)).toBe(false);
    expect(isValidSplitsArray([[1, Number.NaN, 3]])).toBe(true);
    expect(() => new BucketizerServable().setSplitsArray([[3, 2, 1]])).toThrow(InvalidParamError);
  });

  it('loading metadata with invalid splits fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bucketizer-'));
    try {
      await mkdir(join(dir, 's'));
      await writeFile(
        join(dir, 's', 'metadata'),
        '{"className":"org.apache.flink.ml.feature.bucketizer.Bucketizer","timestamp":1,"paramMap":{"splitsArray":[[1.0,0.0,2.0]]}}',
      );
      await expect(BucketizerServable.load(join(dir, 's'))).rejects.toThrow(ServableLoadError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('non-numeric columns and null values fail with typed errors', () => {
    const s = new BucketizerServable()
      .setInputCols(['a'])
      .setOutputCols(['o'])
      .setSplitsArray([[0, 1, 2]]);
    expect(() => s.transform(DataFrame.fromColumns(['a'], [DataTypes.STRING], [['1']]))).toThrow(
      ColumnTypeMismatchError,
    );
    expect(() =>
      s.transform(DataFrame.fromColumns(['a'], [DataTypes.DOUBLE], [[1, null]])),
    ).toThrow('Column a, row 1');
    expect(
      Array.from(
        s.transform(DataFrame.fromColumns(['a'], [DataTypes.INT], [[0, 2]])).getDoubles('o'),
      ),
    ).toEqual([0, 1]);
  });

  it('save → load round trip keeps ±Infinity splits', async () => {
    const loaded = await expectSaveLoadRoundTrip(fromParams(), BucketizerServable.load);
    expect(loaded.getSplitsArray()[2]).toEqual([
      Number.NEGATIVE_INFINITY,
      10,
      Number.POSITIVE_INFINITY,
    ]);
    expectCaseOutput(loaded.transform(caseInput(file.cases[0]!)), file.cases[0]!);
  });
});
