import { DataFrame, DataTypes } from '@servable/dataframe';
import { ColumnTypeMismatchError, InvalidParamError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { NGramServable, ngrams } from '../src/ngram/index.js';
import { itEachCase, loadVectorFile, paramsServable } from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/transformer-round-trip.js';

const file = loadVectorFile('NGram');

const fromParams = paramsServable(file, () => new NGramServable());

describe('NGramServable: Flink ML test vectors', () => {
  itEachCase(file, fromParams, {
    check: (out) => expect(out.getDataType('output').toString()).toBe('ARRAY(STRING)'),
  });
});

describe('NGramServable behaviour', () => {
  it('windows of n tokens; n > length gives []; n = 1 copies; null tokens print as null', () => {
    expect(ngrams(['a', 'b', 'c'], 3)).toEqual(['a b c']);
    expect(ngrams(['a', 'b'], 3)).toEqual([]);
    expect(ngrams(['a', 'b'], 1)).toEqual(['a', 'b']);
    expect(ngrams(['a', null, 'c'], 2)).toEqual(['a null', 'null c']);
  });

  it('validates n >= 1 and the input column type', () => {
    expect(() => new NGramServable().setN(0)).toThrow(InvalidParamError);
    const df = DataFrame.fromColumns(
      ['s', 'input'],
      [DataTypes.STRING, DataTypes.ARRAY(DataTypes.STRING)],
      [['a b'], [null]],
    );
    expect(() => new NGramServable().setInputCol('s').transform(df)).toThrow(
      ColumnTypeMismatchError,
    );
    expect(() => new NGramServable().transform(df)).toThrow('Column input, row 0');
  });

  it('save → load round trip', async () => {
    const loaded = await expectSaveLoadRoundTrip(fromParams().setN(3), NGramServable.load);
    expect(loaded.getN()).toBe(3);
  });
});
