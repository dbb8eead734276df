import { DataFrame, DataTypes } from '@servable/dataframe';
import { applyParamMapJson, ColumnTypeMismatchError } from '@servable/servable-api';
import { describe, expect, it } from 'vitest';
import { TokenizerServable, tokenize } from '../src/tokenizer/index.js';
import {
  caseInput,
  caseLabel,
  caseParams,
  expectCaseOutput,
  loadVectorFile,
} from './support/flink-vectors.js';
import { expectSaveLoadRoundTrip } from './support/transformer-round-trip.js';

const file = loadVectorFile('Tokenizer');

function fromParams(c = file.cases[0]!) {
  const s = new TokenizerServable();
  applyParamMapJson(s, caseParams(file, c) as Parameters<typeof applyParamMapJson>[1]);
  return s;
}

describe('TokenizerServable: Flink ML test vectors', () => {
  file.cases.forEach((c, i) => {
    it(caseLabel(c, i), () => {
      const out = fromParams(c).transform(caseInput(c));
      expectCaseOutput(out, c);
      expect(out.getDataType('output').toString()).toBe('ARRAY(STRING)');
    });
  });
});

describe('TokenizerServable behaviour', () => {
  it('splits at single ASCII whitespace only (not NBSP), root-locale lower-casing', () => {
    expect(tokenize('A\u00a0B\tC')).toEqual(['a\u00a0b', 'c']);
    expect(tokenize('TITLE İ')).toEqual(['title', 'i̇']);
  });

  it('null strings and non-string columns are typed errors', () => {
    const df = DataFrame.fromColumns(
      ['input', 'n'],
      [DataTypes.STRING, DataTypes.DOUBLE],
      [[null], [1]],
    );
    expect(() => new TokenizerServable().transform(df)).toThrow(ColumnTypeMismatchError);
    expect(() => new TokenizerServable().setInputCol('n').transform(df)).toThrow(
      'expected STRING, found DOUBLE',
    );
  });

  it('save → load round trip', async () => {
    const loaded = await expectSaveLoadRoundTrip(fromParams(), TokenizerServable.load);
    expectCaseOutput(loaded.transform(caseInput(file.cases[1]!)), file.cases[1]!);
  });
});
