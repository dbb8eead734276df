import { DataFrame, DataTypes } from '@servable/dataframe';
import type { SparseVector } from '@servable/linalg';
import { ColumnTypeMismatchError, InvalidInputValueError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import {
  CountVectorizerModelData,
  CountVectorizerModelDataCodec,
  CountVectorizerModelServable,
  countVectorize,
} from '../src/count-vectorizer/index.js';
import { expectRecordRoundTrip } from './support/encodings.js';
import { loadVectorFile } from './support/flink-vectors.js';
import { modelServableSuite } from './support/model-servable-checks.js';

modelServableSuite('CountVectorizerModelServable', {
  file: loadVectorFile('CountVectorizer'),
  create: () => new CountVectorizerModelServable(),
  load: (p) => CountVectorizerModelServable.load(p),
  model: (d) => new CountVectorizerModelData(d.vocabulary as string[]),
});

describe('CountVectorizer', () => {
  const model = new CountVectorizerModelData(['c', 'a', 'b']);

  it('keeps every index of an empty document when minTF is a fraction (0 >= 0·minTF, as Java)', () => {
    const v = countVectorize(model, [], 0.5, false);
    expect(Array.from(v.indices)).toEqual([0, 1, 2]);
    expect(Array.from(v.values)).toEqual([0, 0, 0]);
  });

  it('maps a duplicated word to its last position and sizes vectors by distinct words', () => {
    const dup = new CountVectorizerModelData(['a', 'b', 'a']);
    expect(dup.size).toBe(2);
    expect(Array.from(countVectorize(dup, ['b'], 1, false).indices)).toEqual([1]);
    expect(() => countVectorize(dup, ['a'], 1, false)).toThrow(/index 2, beyond the vector size 2/);
  });

  it('reports a twice-listed vocabulary word with a typed error naming column and row', () => {
    const s = new CountVectorizerModelServable().setModel(
      new CountVectorizerModelData(['a', 'b', 'a']),
    );
    const df = DataFrame.fromColumns(
      ['input'],
      [DataTypes.ARRAY(DataTypes.STRING)],
      [[['b'], ['a']]],
    );
    expect(() => s.transform(df)).toThrow(InvalidInputValueError);
    expect(() => s.transform(df)).toThrow(
      'Word "a" has vocabulary index 2, beyond the vector size 2: the vocabulary lists a word twice. (column input, row 1)',
    );
  });

  it('needs an ARRAY(STRING) column without null documents', () => {
    const s = new CountVectorizerModelServable().setModel(model);
    const wrong = DataFrame.fromColumns(['input'], [DataTypes.STRING], [['a']]);
    expect(() => s.transform(wrong)).toThrow(ColumnTypeMismatchError);
    const nulls = DataFrame.fromColumns(['input'], [DataTypes.ARRAY(DataTypes.STRING)], [[null]]);
    expect(() => s.transform(nulls)).toThrow(/row 0/);
    const ok = DataFrame.fromColumns(
      ['input'],
      [DataTypes.ARRAY(DataTypes.STRING)],
      [[['a', 'z', 'a']]],
    );
    const v = s.transform(ok).getVectors('output')[0] as SparseVector;
    expect(v.toString()).toBe('(3, [1], [2.0])');
  });

  it('reproduces the encodings.json record byte for byte', () => {
    const m = expectRecordRoundTrip(
      CountVectorizerModelDataCodec,
      'CountVectorizerModelData vocabulary=["c","a"]',
    );
    expect(m.vocabulary).toEqual(['c', 'a']);
  });
});
